import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { MediationSummary } from '../../contracts/api'
import { formatInstant } from '../../core/time'
import { deadlineInfo } from '../../utils/mediation/status'
import MediationStatusTag from '../MediationStatusTag'
import QueueRow from '../QueueRow'

interface Props {
  c: MediationSummary
  /** `jf-medm` (a party's list) or `jf-medq` (the mediators' queue): the part classes the tests know. */
  prefix: 'jf-medm' | 'jf-medq'
  kind: ReactNode
  meta: string
  /** What stands where the time left would, for a case without a running deadline. */
  since: string
  /** Mediators see a red 超期 badge and edge on overdue cases. */
  flagOverdue?: boolean
  onClick: () => void
}

/** A mediation case in a list: type, status, title, committee and mediator, and the time left. */
export default function MediationRow({ c, prefix, kind, meta, since, flagOverdue, onClick }: Props) {
  const dl = deadlineInfo(c.deadline, c.status, new Date(), c.overdue)
  const overdue = Boolean(flagOverdue && dl?.overdue)
  const deadline = dl && <Text className={`jf-med-deadline ${dl.overdue ? 'is-overdue' : dl.urgent ? 'is-urgent' : ''}`}>{dl.text}</Text>
  return (
    <QueueRow
      className={prefix === 'jf-medm' ? 'jf-med-row' : `jf-medq-row ${overdue ? 'is-overdue' : ''}`}
      prefix={`${prefix}-row`}
      data={{ 'data-case-id': c.id, 'data-status': c.status, ...(flagOverdue ? { 'data-overdue': overdue ? '1' : '0' } : {}) }}
      kind={kind}
      tag={<MediationStatusTag status={c.status} label={c.statusLabel} />}
      title={c.title}
      meta={<Text className='jf-muted'>{meta}</Text>}
      aside={
        !dl ? (
          <Text className='jf-muted'>
            {since}
            {formatInstant(c.createdAt)}
          </Text>
        ) : flagOverdue ? (
          <View className='jf-medq-dl'>
            {dl.overdue && <Text className='jf-medq-overdue-badge'>超期</Text>}
            {deadline}
          </View>
        ) : (
          deadline
        )
      }
      onClick={onClick}
    />
  )
}
