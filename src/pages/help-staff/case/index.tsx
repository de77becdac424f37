import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import CaseNumber from '../../../components/CaseNumber'
import LoadState from '../../../components/LoadState'
import HelpStatusTag from '../../../components/HelpStatusTag'
import Timeline from '../../../components/Timeline'
import VoicePlayer from '../../../components/VoicePlayer'
import { formatFull } from '../../../core/time'
import { linkUrl } from '../../../utils/help/urls'
import { helpWaiting, spanText } from '../../../utils/help/view'
import CloseForm from './CloseForm'
import ConvertForm from './ConvertForm'
import NotifiedCard from './NotifiedCard'
import { useHelpCase } from './useHelpCase'
import { a11y } from '../../../utils/a11y'
import './index.css'

/** The 综治中心 desk frame, H5 only (a dead branch in the mini-program, which has no desk). */
const desk: typeof import('../../../components/StaffConsoleHeader') | null = process.env.TARO_ENV === 'h5' ? require('../../../components/StaffConsoleHeader') : null

const dial = (n: string) => void Taro.makePhoneCall({ phoneNumber: n }).catch(() => undefined)

/** Opened from the street's live desk (`from=help`): in the desk frame with the way back to it. */
export default function HelpCasePage() {
  const { params } = useRouter()
  return desk && desk.isDeskList(params.from) ? (
    <desk.ConsoleCaseDesk from={params.from}>
      <HelpCase />
    </desk.ConsoleCaseDesk>
  ) : (
    <HelpCase />
  )
}

/** One request for an on-duty helper or the centre: who asked and where, who was told, and the moves allowed now. */
function HelpCase() {
  const s = useHelpCase()
  if (!s.data) return <LoadState error={s.error} errorId='jf-helpc-error' loadingId='jf-helpc-loading' onRetry={() => void s.load()} retryable={s.retryable} />
  const h = s.data.help
  const waiting = helpWaiting(h.status, 'staff')
  const staffLink = (url: string) => void Taro.navigateTo({ url })

  return (
    <View className='jf-page jf-phone-column jf-helpc' id='jf-helpc' data-id={h.id} data-status={h.status} data-my-role={h.myRole} data-version={h.version}>
      <View className='jf-card jf-helpc-head'>
        <View className='jf-helpc-head-top'>
          <Text className='jf-helpc-kind'>
            {h.helpKindLabel}
            {h.emergency && <Text className='jf-helpc-urgent'> 紧急</Text>}
          </Text>
          <HelpStatusTag className='jf-helpc-tag' status={h.status} label={h.statusLabel} />
        </View>
        <CaseNumber value={h.number} id='jf-helpc-number' />
        {waiting && <Text className='jf-helpc-waiting'>{waiting}</Text>}
        {h.escalationLabel && (
          <Text className='jf-helpc-escalated' id='jf-helpc-escalated'>
            {h.escalationLabel}
            {h.escalatedAt ? ` · ${formatFull(h.escalatedAt)}` : ''}
          </Text>
        )}
        {h.text ? <Text className='jf-helpc-text'>{h.text}</Text> : !h.voiceUrl && <Text className='jf-muted'>未留文字</Text>}
        {h.voiceUrl && <VoicePlayer url={h.voiceUrl} id='jf-helpc-voice' label='求助语音' />}
        <Text className='jf-muted'>
          {h.streetName} {h.communityName} · 求助于 {formatFull(h.createdAt)}
        </Text>
        {h.secondsToAccept !== null && <Text className='jf-muted'>响应用时 {spanText(h.secondsToAccept)}</Text>}
      </View>

      {h.emergency && h.status !== 'closed' && (
        <View className='jf-helpc-sos-note' id='jf-helpc-sos-note'>
          <Text>人身安全受到威胁：求助人已看到 110 / 120 / 119。如有危险请先报警。</Text>
        </View>
      )}

      {h.person && (
        <View className='jf-card jf-helpc-person-card' id='jf-helpc-person'>
          <Text className='jf-section-title'>求助人</Text>
          <View className='jf-helpc-person'>
            <Text className='jf-helpc-person-name'>{h.person.name}</Text>
            {h.person.phone ? (
              <Text className='jf-helpc-dial' id='jf-helpc-call-person' {...a11y('button', { label: `拨打求助人电话 ${h.person.phone}` })} onClick={() => dial(h.person!.phone as string)}>
                拨打 {h.person.phone}
              </Text>
            ) : (
              <Text className='jf-muted'>未留电话</Text>
            )}
          </View>
          {/* 代办: a grid worker or 代办员 asked for the person who was with them. */}
          {h.proxyNote && (
            <Text className='jf-muted' id='jf-helpc-proxy'>
              {h.proxyNote}
            </Text>
          )}
          {h.location && process.env.TARO_ENV === 'weapp' && (
            <Text
              className='jf-helpc-map'
              id='jf-helpc-map'
              {...a11y('button', { label: '在地图中查看求助位置' })}
              onClick={() => void Taro.openLocation({ latitude: h.location!.lat, longitude: h.location!.lng, name: '求助位置', address: h.communityName }).catch(() => undefined)}
            >
              在地图中查看求助位置 ›
            </Text>
          )}
        </View>
      )}

      {h.responder && (
        <View className='jf-card jf-helpc-responder' id='jf-helpc-responder'>
          <Text className='jf-section-title'>响应人</Text>
          <View className='jf-helpc-person'>
            <Text className='jf-helpc-person-name'>
              {h.responder.name} · {h.responder.roleLabel}
            </Text>
            {h.responder.phone && h.myRole !== 'responder' && (
              <Text className='jf-helpc-dial' {...a11y('button', { label: `拨打${h.responder.name}的电话 ${h.responder.phone}` })} onClick={() => dial(h.responder!.phone as string)}>
                {h.responder.phone}
              </Text>
            )}
          </View>
        </View>
      )}

      {h.convertedTo && (
        <View className='jf-card jf-helpc-link' id='jf-helpc-link' data-readable={h.convertedTo.readable ? '1' : '0'} {...(h.convertedTo.readable ? a11y('link') : {})} onClick={h.convertedTo.readable ? () => staffLink(linkUrl(h.convertedTo!, true)) : undefined}>
          <Text>已转为 {h.convertedTo.text}</Text>
          <Text className='jf-muted'>{h.convertedTo.readable ? '›' : '由受理单位办理'}</Text>
        </View>
      )}

      {h.closeNote && (
        <View className='jf-card'>
          <Text className='jf-section-title'>处理结果</Text>
          <Text className='jf-helpc-body'>{h.closeNote}</Text>
        </View>
      )}

      {h.notified && <NotifiedCard notified={h.notified} />}

      {s.actError && !s.sheet && (
        <View className='jf-helpc-act-error' id='jf-helpc-act-error'>
          <Text>{s.actError}</Text>
        </View>
      )}

      {s.sheet === 'close' && <CloseForm busy={s.busy} error={s.fieldErrors.note ?? ''} onSubmit={(n) => void s.close(n)} onCancel={() => s.openSheet(null)} />}
      {(s.sheet === 'mediation' || s.sheet === 'report') && (
        <ConvertForm to={s.sheet} help={h} busy={s.busy} errors={s.fieldErrors} onSubmit={(i) => void s.convert(i)} onCancel={() => s.openSheet(null)} />
      )}
      {s.sheet && s.actError && (
        <View className='jf-helpc-act-error' id='jf-helpc-act-error'>
          <Text>{s.actError}</Text>
        </View>
      )}

      {!s.sheet && (
        <View className='jf-helpc-actions' id='jf-helpc-actions'>
          {s.has('accept') && (
            <Button id='jf-helpc-accept' className='jf-help-danger-btn' type='danger' block size='large' loading={s.busy} onClick={() => void s.accept()}>
              我来响应
            </Button>
          )}
          {s.has('convert') && (
            <View className='jf-row jf-helpc-convert-row'>
              <Button id='jf-helpc-to-mediation' fill='outline' type='primary' onClick={() => s.openSheet('mediation')}>
                转为调解案件
              </Button>
              <Button id='jf-helpc-to-report' fill='outline' type='primary' onClick={() => s.openSheet('report')}>
                转为网格事件
              </Button>
            </View>
          )}
          {s.has('close') && (
            <Button id='jf-helpc-close-open' fill='outline' block onClick={() => s.openSheet('close')}>
              结束求助
            </Button>
          )}
        </View>
      )}

      <View className='jf-card'>
        <Text className='jf-section-title'>求助经过</Text>
        <Timeline events={s.data.timeline} marks />
      </View>
    </View>
  )
}
