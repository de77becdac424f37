import { Text, View } from '@tarojs/components'
import type { MediationView } from '../../contracts/api'
import { formatFull } from '../../core/time'
import { dialable } from '../../utils/mediation/phone'
import PhotoGrid from '../PhotoGrid'
import VoicePlayer from '../VoicePlayer'
import Stars from '../Stars'
import { call, copy } from './device'
import VideoSession from './VideoSession'
import { a11y } from '../../utils/a11y'

/** Where a failed mediation can go next. */
export function ReferralCard({ c }: { c: MediationView }) {
  if (!c.referral) return null
  return (
    <View className='jf-card jf-med-referral-card' id='jf-med-referral' data-referral={c.referral.type}>
      <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>后续处理途径</Text>
      <View className='jf-med-body jf-col'>
        <Text className='jf-med-referral-label'>{c.referral.label}</Text>
        {c.referral.note && <Text className='jf-med-para jf-prose'>{c.referral.note}</Text>}
      </View>
    </View>
  )
}

export function MyRatingCard({ c }: { c: MediationView }) {
  if (c.myRating === null) return null
  return (
    <View className='jf-card' id='jf-med-my-rating' data-rating={c.myRating}>
      <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>我的评价</Text>
      <View className='jf-med-body jf-col'>
        <Stars value={c.myRating} readOnly />
      </View>
    </View>
  )
}

/** The scheduled sessions; an online one's meeting number copies with a tap; a video one shows its call (VideoSession). */
export function SessionsCard({ c, onVideoChange }: { c: MediationView; onVideoChange: () => void }) {
  if (!c.sessions.length) return null
  return (
    <View className='jf-card' id='jf-med-sessions'>
      <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>调解安排</Text>
      {c.sessions.map((s, i) => (
        <View key={s.id} className='jf-med-session jf-col' data-session-id={s.id} data-mode={s.mode}>
          <View className='jf-med-session-head jf-row-between'>
            <Text className='jf-med-session-no'>第 {i + 1} 次</Text>
            <Text className={`jf-med-session-mode is-${s.mode}`}>{s.modeLabel}</Text>
          </View>
          <Text className='jf-med-session-at'>{formatFull(s.at)}</Text>
          {s.mode !== 'video' && (
            <Text className='jf-med-session-place' {...(s.mode === 'online' ? a11y('button') : {})} onClick={() => s.mode === 'online' && copy(s.place, '已复制会议信息')}>
              {s.mode === 'online' ? '会议：' : '地点：'}
              {s.place}
              {s.mode === 'online' ? '（点击复制）' : ''}
            </Text>
          )}
          <VideoSession c={c} s={s} onChange={onVideoChange} />
          {s.notes && <Text className='jf-med-session-notes'>调解记录：{s.notes}</Text>}
        </View>
      ))}
    </View>
  )
}

/** The parties, with a number to call where the viewer may see it, and each respondent's answer. */
export function PartiesCard({ c }: { c: MediationView }) {
  return (
    <View className='jf-card' id='jf-med-parties'>
      <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>当事人</Text>
      {c.parties.map((p, i) => (
        <View key={i} className='jf-med-party jf-row-between' data-side={p.side} data-consent={p.consent} data-joined={p.joined ? '1' : '0'}>
          <View className='jf-med-party-main'>
            <Text className='jf-med-party-name'>
              {p.name}
              {p.isMe ? '（我）' : ''}
            </Text>
            <Text className='jf-muted'>
              {p.sideLabel}
              {p.phone ? ' · ' : ''}
            </Text>
            {p.phone && (
              <Text className={dialable(p.phone) && !p.isMe ? 'jf-med-phone jf-med-party-phone' : 'jf-muted jf-med-party-phone'} {...(p.isMe ? {} : a11y('button', { label: `拨打${p.name}的电话 ${p.phone}` }))} onClick={() => !p.isMe && call(p.phone)}>
                {p.phone}
              </Text>
            )}
          </View>
          <View className='jf-med-party-state jf-row'>
            {p.side === 'respondent' && !p.joined && <Text className='jf-med-badge is-grey'>未加入</Text>}
            {p.side === 'respondent' && <Text className={`jf-med-badge is-${p.consent}`}>{p.consentLabel}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}

/** What the applicant wrote or said: the facts, the claims, the voice note (theirs and staff's to hear) and the evidence photos. */
export function ApplicationCard({ c }: { c: MediationView }) {
  // Told by voice: whoever may not hear it is pointed to the mediator.
  const unsaid = c.voiceUrl ? '（见语音陈述）' : '（申请人以语音陈述，请向调解员了解）'
  return (
    <View className='jf-card' id='jf-med-application'>
      {c.voiceUrl && (
        <>
          <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>语音陈述</Text>
          <View className='jf-med-body jf-col'>
            <VoicePlayer url={c.voiceUrl} id='jf-med-voice' label='申请人的语音陈述' />
          </View>
        </>
      )}
      <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>事实经过</Text>
      <Text className='jf-med-para jf-med-body jf-col jf-prose' id='jf-med-facts'>
        {c.facts || unsaid}
      </Text>
      <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>申请人请求</Text>
      <Text className='jf-med-para jf-med-body jf-col jf-prose' id='jf-med-claims'>
        {c.claims || unsaid}
      </Text>
      {c.evidence.length > 0 && (
        <>
          <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>证据材料</Text>
          <View className='jf-med-body jf-col'>
            <PhotoGrid photos={c.evidence} />
          </View>
        </>
      )}
    </View>
  )
}
