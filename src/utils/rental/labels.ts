import type { DocType, InspectionState } from '../../contracts/rental'
import { DOC_TYPES as DOC_KEYS, DOC_TYPE_LABELS } from '../../core/rental'

/** Labels and tones of the 出租屋实名登记 pages: document types, statuses, relations, inspection states. */

export const DOC_TYPES: Array<{ key: DocType; label: string }> = DOC_KEYS.map((key) => ({ key, label: DOC_TYPE_LABELS[key] }))

type Tone = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'

/** Waiting in warm colours, living there green, refusals red, the ended ones calm. */
export function statusTone(s: string): Tone {
  if (s === 'pending') return 'warning'
  if (s === 'active') return 'success'
  if (s === 'refused') return 'danger'
  return 'default'
}

export const RELATIONS = ['配偶', '子女', '父母', '同事', '朋友', '其他']

export const INSPECTION_LABELS: Record<InspectionState, string> = {
  ok: '本月已巡查',
  due_soon: '即将到期',
  overdue: '巡查逾期',
  never: '从未巡查',
}
