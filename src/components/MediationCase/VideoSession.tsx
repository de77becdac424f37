import { Button } from '@nutui/nutui-react-taro'
import { Text, View, VoipRoom } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { MediationView } from '../../contracts/api'
import { formatFull } from '../../core/time'
import { enterVideo, leaveVideo, videoSupported } from '../../utils/mediation/videoCall'
import { copy } from './device'
import { a11y } from '../../utils/a11y'
import './VideoSession.css'

type Session = MediationView['sessions'][number]

interface Props {
  c: MediationView
  s: Session
  /** The case as the voip function answered after an entry or exit (the page shows it at once). */
  onChange: () => void
}

const hm = (iso: string) => formatFull(iso).slice(-5)

type Members = { (res: { openIdList?: string[] }): void }
type VoipEvents = {
  onVoIPChatMembersChanged?: (cb: Members) => void
  offVoIPChatMembersChanged?: (cb: Members) => void
  onVoIPChatInterrupted?: (cb: () => void) => void
  offVoIPChatInterrupted?: (cb: () => void) => void
}

/**
 * 视频调解 on the case: whether it goes on, since when, for how long, who came and left. In the
 * mini-program those on the call (the parties, the assigned mediator, invited helpers) enter it from
 * here from 30 minutes before the session; where WeChat's video cannot be used the session's meeting
 * link is offered. The H5 desk shows the session only: video is a mini-program ability.
 */
export default function VideoSession({ c, s, onChange }: Props) {
  const v = s.video
  const [now, setNow] = useState(() => Date.now())
  const [busy, setBusy] = useState(false)
  const [call, setCall] = useState<{ openIds: string[]; self: string | null } | null>(null)
  const [fallback, setFallback] = useState<string | null>(null)
  const inCall = useRef(false)
  const weapp = process.env.TARO_ENV === 'weapp'
  const supported = videoSupported()

  const opens = v ? Date.parse(v.opensAt) : 0
  const closes = v ? Date.parse(v.closesAt) : 0
  const early = now < opens
  const open = !early && (now <= closes || Boolean(v?.live))

  // The button appears at its time on a page left open.
  useEffect(() => {
    if (!v?.mayJoin || !early) return undefined
    const h = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(h)
  }, [v?.mayJoin, early])

  // Who is in WeChat's room, while the viewer is; an interrupted call (a phone call) counts as leaving.
  useEffect(() => {
    if (!call) return undefined
    const t = Taro as unknown as VoipEvents
    const members: Members = (res) => setCall((cur) => (cur ? { ...cur, openIds: res.openIdList ?? cur.openIds } : cur))
    const interrupted = () => void leave()
    t.onVoIPChatMembersChanged?.(members)
    t.onVoIPChatInterrupted?.(interrupted)
    return () => {
      t.offVoIPChatMembersChanged?.(members)
      t.offVoIPChatInterrupted?.(interrupted)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [Boolean(call)])

  // Leaving the page leaves the room.
  useEffect(
    () => () => {
      if (inCall.current) void leaveVideo(c.id, s.id)
    },
    [c.id, s.id],
  )

  if (!v) return null

  async function enter() {
    if (busy) return
    setBusy(true)
    const r = await enterVideo(c.id, s.id)
    setBusy(false)
    if (!r.ok) {
      if (r.fallback) setFallback(r.message)
      else void Taro.showToast({ title: r.message, icon: 'none' })
      return
    }
    inCall.current = true
    setFallback(null)
    setCall({ openIds: r.openIds, self: r.selfOpenId })
    if (r.warning) void Taro.showToast({ title: r.warning, icon: 'none' })
    onChange()
  }

  async function leave() {
    if (!inCall.current) return
    inCall.current = false
    setCall(null)
    const r = await leaveVideo(c.id, s.id)
    if (!r.ok) void Taro.showToast({ title: r.message, icon: 'none' })
    onChange()
  }

  const others = call ? call.openIds.filter((id) => id !== call.self) : []

  return (
    <View className='jf-med-video jf-col' id={`jf-med-video-${s.id}`} data-live={v.live ? '1' : '0'} data-state={v.stateLabel}>
      <View className='jf-row-between'>
        <Text className='jf-med-sub'>视频调解</Text>
        <Text className={`jf-med-badge ${v.live ? 'is-live' : 'is-grey'}`} id='jf-med-video-state'>
          {v.stateLabel}
        </Text>
      </View>
      {v.startedAt && <Text className='jf-muted'>开始：{formatFull(v.startedAt)}</Text>}
      {v.endedAt && <Text className='jf-muted'>结束：{formatFull(v.endedAt)}</Text>}
      {v.minutes !== null && (
        <Text className='jf-muted' id='jf-med-video-minutes'>
          时长：{v.minutes} 分钟{v.live ? '（进行中）' : ''}
        </Text>
      )}
      {v.joined.length > 0 && (
        <View className='jf-med-video-people jf-col' id='jf-med-video-people'>
          {v.joined.map((x, i) => (
            <View key={i} className='jf-row-between jf-med-video-person'>
              <Text>
                {x.roleLabel} {x.name}
                {x.isMe ? '（我）' : ''}
              </Text>
              <Text className='jf-muted'>
                {hm(x.at)} 进入{x.leftAt ? ` · ${hm(x.leftAt)} 离开` : ' · 仍在视频中'}
              </Text>
            </View>
          ))}
        </View>
      )}
      {call && weapp && (
        <View className='jf-med-video-room' id='jf-med-video-room'>
          <VoipRoom className='jf-med-video-tile' mode='camera' devicePosition='front' openId={call.self ?? undefined} />
          {others.map((id) => (
            <VoipRoom key={id} className='jf-med-video-tile' mode='video' openId={id} />
          ))}
          <Button id='jf-med-video-leave' type='danger' block onClick={() => void leave()}>
            退出视频调解
          </Button>
        </View>
      )}
      {!call && v.mayJoin && supported && open && (
        <Button id='jf-med-video-join' className='jf-med-act' type='primary' block loading={busy} onClick={() => void enter()}>
          {v.meInRoom ? '重新进入视频调解' : '进入视频调解'}
        </Button>
      )}
      {!call && v.mayJoin && weapp && early && <Text className='jf-muted'>{formatFull(v.opensAt)} 起可进入视频调解</Text>}
      {v.mayJoin && !weapp && <Text className='jf-muted'>视频调解请在微信小程序的本案件页进入</Text>}
      {/* The desk sees the backup link, to give it to whoever cannot use WeChat's video; the mini-program offers it when needed. */}
      {!weapp && (
        <Text className='jf-muted' id='jf-med-video-backup' {...a11y('button', { label: `复制备用会议链接 ${s.place}` })} onClick={() => copy(s.place, '已复制会议信息')}>
          备用会议链接：{s.place}
        </Text>
      )}
      {(fallback || (weapp && v.mayJoin && open && !supported)) && (
        <View className='jf-med-video-fallback jf-col' id='jf-med-video-fallback'>
          <Text>{fallback ?? '当前微信版本不支持视频通话，请使用备用会议链接参加调解'}</Text>
          <Text className='jf-med-phone' {...a11y('button', { label: `复制备用会议链接 ${s.place}` })} onClick={() => copy(s.place, '已复制会议信息')}>
            备用会议链接：{s.place}（点击复制）
          </Text>
        </View>
      )}
    </View>
  )
}
