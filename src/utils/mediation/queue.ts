/** The tabs of the mediators' queue. */
import { MED_CLOSED } from './status'

export interface MedQueueTab {
  key: 'applied' | 'open' | 'closed'
  label: string
  statuses: string[]
  dispatcherOnly?: boolean
}

export const MED_QUEUE_TABS: MedQueueTab[] = [
  { key: 'applied', label: '待受理', statuses: ['applied'], dispatcherOnly: true },
  { key: 'open', label: '进行中', statuses: ['accepted', 'awaiting_consent', 'mediating', 'agreement_pending'] },
  { key: 'closed', label: '已结束', statuses: [...MED_CLOSED] },
]

export function queueTabsFor(isDispatcher: boolean): MedQueueTab[] {
  return MED_QUEUE_TABS.filter((t) => isDispatcher || !t.dispatcherOnly)
}
