import { Text, View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import CaseHead from '../../../components/CaseHead'
import VoicePlayer from '../../../components/VoicePlayer'
import LoadState from '../../../components/LoadState'
import ProgressSteps from '../../../components/ProgressSteps'
import PublicCase from '../../../components/PublicCase'
import { followingText, moderationLines } from '../../../components/PublicCase/logic'
import Stars from '../../../components/Stars'
import Timeline from '../../../components/Timeline'
import CaseLink from '../../../components/CaseLink'
import { formatFull } from '../../../core/time'
import { reportProgress } from '../../../utils/progress'
import CaseFacts from './CaseFacts'
import DecidePanel from './DecidePanel'
import FollowGate from './FollowGate'
import { canDecide, decideDeadline, isReporter, ratingOf } from './logic'
import { useCaseDetail } from './useCaseDetail'
import { reportShare } from '../../../utils/share'
import './index.css'

export default function CaseDetail() {
  const { data, error, load, following, follow, followBusy, gated } = useCaseDetail()
  useShareAppMessage(() => reportShare(data?.case ?? null))

  if (!data) {
    if (gated) return <FollowGate busy={followBusy} onFollow={() => void follow()} />
    return <LoadState error={error?.message ?? ''} errorId='jf-case-error' loadingId='jf-case-error' onRetry={() => void load()} retryable={error?.retryable === true} />
  }

  // Only a follower is given the public view, so it always reads as followed.
  if (data.view === 'public')
    return (
      <PublicCase c={data.case}>
        <View className='jf-case-notice jf-detail-banner' id='jf-following'>
          <Text>{followingText(data.case.status)}</Text>
        </View>
      </PublicCase>
    )

  const c = data.case
  const visibleToOthers = moderationLines(c.moderation)
  const rated = ratingOf(c)
  const deciding = canDecide(c, data.timeline)

  return (
    <View className='jf-page jf-case-detail' id='jf-case-detail' data-case-id={c.id} data-status={c.status} data-version={c.version}>
      {following && !deciding && (
        <View className='jf-case-notice jf-detail-banner' id='jf-following'>
          <Text>已关注此事项，办理进展会通过消息通知您</Text>
        </View>
      )}

      <CaseHead className='jf-detail-head' c={c} description={c.description || '（语音描述）'} waiting={isReporter(data.timeline) ? 'owner' : 'staff'}>
        {c.voiceUrl && <VoicePlayer url={c.voiceUrl} id='jf-case-voice' label='语音描述' />}
        <Text className='jf-muted jf-detail-time'>
          上报于 {formatFull(c.createdAt)}
          {c.anonymous ? ' · 匿名上报' : ''}
        </Text>
      </CaseHead>

      <ProgressSteps progress={reportProgress(c.status, data.timeline, c.createdAt)} />

      {deciding && <DecidePanel c={c} deadline={decideDeadline(data.timeline)} onDone={load} />}

      {rated && (
        <View className='jf-card jf-detail-rating' id='jf-rating' data-rating={rated.rating}>
          <Text className='jf-section-title'>{c.status === 'closed' ? '办结评价' : '评价'}</Text>
          <View className='jf-detail-rating-body'>
            <Stars value={rated.rating} readOnly />
            {rated.comment && <Text className='jf-detail-rating-comment'>{rated.comment}</Text>}
          </View>
        </View>
      )}

      <View className='jf-card'>
        <CaseFacts c={c} />
      </View>

      <CaseLink id='jf-detail-converted' title='已转为人民调解' link={c.convertedTo} audience='person' hint='调解员会联系您和对方当事人，进展请在调解案件中查看' />

      {visibleToOthers.length > 0 && (
        <View className='jf-card jf-detail-visibility' id='jf-detail-visibility'>
          <Text className='jf-section-title'>其他居民可见的内容</Text>
          {visibleToOthers.map((line) => (
            <Text key={line} className='jf-detail-visibility-line'>
              {line}
            </Text>
          ))}
          <Text className='jf-muted jf-detail-visibility-hint'>您的姓名、电话和详细地址不会向其他居民公开</Text>
        </View>
      )}

      <View className='jf-card'>
        <Text className='jf-section-title'>办理进度</Text>
        <Timeline events={data.timeline} />
      </View>
    </View>
  )
}
