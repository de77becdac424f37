import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { MediationSummary } from '../../contracts/api'
import type { ListPhase } from '../../hooks/usePagedList'
import { formatInstant } from '../../core/time'
import { deadlineInfo } from '../../utils/mediation/status'
import MediationStatusTag from '../MediationStatusTag'
import PagedList from '../PagedList'
import QueueRow from '../QueueRow'
import WaitingHint from '../WaitingHint'
import '../StaffSla/index.css'

/** `party`: a party's own cases (pages/mediation/mine); `staff`: the mediators' and the centre's queue. */
export type MediationAudience = 'party' | 'staff'

const ROLE_LABEL: Record<string, string> = { applicant: '我是申请人', respondent: '我是被申请人', helper: '我协助调解' }

function kindOf(c: MediationSummary, audience: MediationAudience): ReactNode {
  // Staff see where a case came from when it is not a person's own application (三捕三捉, 网格事件, 一键求助).
  if (audience === 'staff' && c.sourceLabel && c.sourceLabel !== '当事人申请')
    return (
      <>
        {c.disputeTypeLabel}
        <Text className='jf-medq-source'> · {c.sourceLabel}</Text>
      </>
    )
  if (audience === 'staff' || !c.myRole || !ROLE_LABEL[c.myRole]) return c.disputeTypeLabel
  return (
    <>
      {c.disputeTypeLabel}
      <Text className='jf-medm-role'> · {ROLE_LABEL[c.myRole]}</Text>
    </>
  )
}

const metaOf = (c: MediationSummary, audience: MediationAudience) =>
  audience === 'staff'
    ? `${c.partyNames.join('、')} · ${c.committeeName ?? '未分配调解组织'}${c.mediatorName ? ` · ${c.mediatorName}` : ''}`
    : `${c.committeeName ?? '待受理'}${c.mediatorName ? ` · 调解员 ${c.mediatorName}` : ''}`

const URL: Record<MediationAudience, string> = { party: '/pages/mediation/detail/index', staff: '/pages/mediation-staff/case/index' }

/**
 * A mediation case in a list: type, status, title, committee and mediator, and the time left. Staff
 * see a red 超期 badge and edge on overdue cases; a case without a running deadline shows when it came.
 */
export default function MediationRow({ c, audience }: { c: MediationSummary; audience: MediationAudience }) {
  const staff = audience === 'staff'
  const prefix = staff ? 'jf-medq' : 'jf-medm'
  const dl = deadlineInfo(c.deadline, c.status, new Date(), c.overdue)
  const overdue = Boolean(staff && dl?.overdue)
  const deadline = dl && <Text className={`jf-med-deadline ${dl.overdue ? 'is-overdue' : dl.urgent ? 'is-urgent' : ''}`}>{dl.text}</Text>
  return (
    <QueueRow
      className={staff ? `jf-medq-row ${overdue ? 'is-overdue' : ''}` : 'jf-med-row'}
      prefix={`${prefix}-row`}
      data={{ 'data-case-id': c.id, 'data-status': c.status, ...(staff ? { 'data-overdue': overdue ? '1' : '0' } : {}) }}
      kind={kindOf(c, audience)}
      tag={<MediationStatusTag status={c.status} label={c.statusLabel} />}
      title={c.title}
      number={c.number}
      hint={staff ? undefined : <WaitingHint kind='mediation' status={c.status} reader={c.myRole === 'respondent' ? 'respondent' : c.myRole === 'helper' ? 'staff' : 'owner'} className='jf-medm-waiting' />}
      meta={<Text className='jf-muted'>{metaOf(c, audience)}</Text>}
      aside={
        !dl ? (
          <Text className='jf-muted'>
            {staff ? '申请于 ' : ''}
            {formatInstant(c.createdAt)}
          </Text>
        ) : staff ? (
          <View className='jf-row'>
            {dl.overdue && <Text className='jf-overdue-badge jf-medq-overdue-badge'>超期</Text>}
            {deadline}
          </View>
        ) : (
          deadline
        )
      }
      onClick={() => void Taro.navigateTo({ url: `${URL[audience]}?id=${encodeURIComponent(c.id)}` })}
    />
  )
}

/** A page of mediation cases as the list hooks hold it. */
export interface MediationListState {
  items: MediationSummary[]
  phase: ListPhase
  error: string
  /** Whether the failed load may be retried (hooks/usePagedList); 重试 only then. */
  retryable?: boolean
  next: string | null
  loadingMore: boolean
  refresh: () => void
  loadMore: () => void
}

/** A mediation list with its loading, error, empty and 加载更多 states (PagedList), one MediationRow a case. */
export function MediationList({ audience, list, ids, emptyView }: { audience: MediationAudience; list: MediationListState; ids: { error: string; empty: string; list: string; more: string }; emptyView: ReactNode }) {
  const { items, phase, error, retryable, next, loadingMore, refresh, loadMore } = list
  return (
    <PagedList phase={phase} error={error} empty={!items.length} next={next} loadingMore={loadingMore} onRetry={refresh} retryable={retryable} onMore={loadMore} ids={ids} emptyView={emptyView}>
      {items.map((c) => (
        <MediationRow key={c.id} c={c} audience={audience} />
      ))}
    </PagedList>
  )
}
