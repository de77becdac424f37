import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import CaseNumber from '../../../components/CaseNumber'
import LoadState from '../../../components/LoadState'
import HelpStatusTag from '../../../components/HelpStatusTag'
import Timeline from '../../../components/Timeline'
import VoicePlayer from '../../../components/VoicePlayer'
import { formatFull } from '../../../core/time'
import { useHelpRequest } from '../../../hooks/useHelpRequest'
import { HELP_RAISE_URL, linkUrl } from '../../../utils/help/urls'
import { helpWaiting } from '../../../utils/help/view'
import EmergencyCalls from '../EmergencyCalls'
import MyHelpList from '../MyHelpList'
import Responder from '../Responder'
import { a11y } from '../../../utils/a11y'
import '../help.css'

/** 我的求助: one request (`id`) with who is coming, or, opened without one, the person's requests. */
export default function HelpStatusPage() {
  const { params } = useRouter()
  return params.id ? <HelpStatus sent={params.sent === '1'} /> : <MyHelpList />
}

function HelpStatus({ sent }: { sent: boolean }) {
  const s = useHelpRequest()
  if (!s.data) return <LoadState error={s.error} errorId='jf-help-error' loadingId='jf-help-loading' onRetry={() => void s.load()} retryable={s.retryable} />
  const h = s.data.help
  const waiting = helpWaiting(h.status, 'person')
  return (
    <View className='jf-page jf-help-status' id='jf-help-status' data-status={h.status} data-id={h.id}>
      {h.emergency && h.status !== 'closed' && <EmergencyCalls lead='人身安全受到威胁，请先拨打' />}

      {sent && h.status === 'raised' && (
        <View className='jf-help-sent' id='jf-help-sent'>
          <Text>求助已发出</Text>
        </View>
      )}

      <View className='jf-card jf-help-head'>
        <View className='jf-help-head-top'>
          <Text className='jf-help-head-kind'>{h.helpKindLabel}</Text>
          <HelpStatusTag className='jf-help-tag' status={h.status} label={h.statusLabel} />
        </View>
        <CaseNumber value={h.number} id='jf-help-number' />
        {waiting && (
          <Text className='jf-help-waiting' id='jf-help-waiting'>
            {waiting}
          </Text>
        )}
        {h.text && <Text className='jf-help-text-line'>{h.text}</Text>}
        {h.voiceUrl && <VoicePlayer url={h.voiceUrl} id='jf-help-my-voice' label='我的语音' />}
        <Text className='jf-muted'>
          {h.communityName} · 求助于 {formatFull(h.createdAt)}
        </Text>
      </View>

      {h.responder && h.status !== 'closed' && <Responder r={h.responder} />}

      {h.convertedTo && (
        <View className='jf-card jf-help-link' id='jf-help-link' data-readable={h.convertedTo.readable ? '1' : '0'} {...(h.convertedTo.readable ? a11y('link') : {})} onClick={h.convertedTo.readable ? () => void Taro.navigateTo({ url: linkUrl(h.convertedTo!, false) }) : undefined}>
          <Text>已转为 {h.convertedTo.text}</Text>
          {h.convertedTo.readable && <Text className='jf-help-link-arrow'>›</Text>}
        </View>
      )}

      {h.closeNote && (
        <View className='jf-card jf-help-body-card'>
          <Text className='jf-section-title'>处理结果</Text>
          <Text className='jf-help-close-note'>{h.closeNote}</Text>
        </View>
      )}

      <View className='jf-card'>
        <Text className='jf-section-title'>求助经过</Text>
        <Timeline events={s.data.timeline} />
      </View>

      {h.status === 'closed' && (
        <View className='jf-help-again' id='jf-help-again' {...a11y('link')} onClick={() => void Taro.redirectTo({ url: HELP_RAISE_URL })}>
          <Text>再次求助</Text>
        </View>
      )}
    </View>
  )
}
