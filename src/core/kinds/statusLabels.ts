import type { CaseKind } from '../case'
import { labelOf } from '../transition'
import { HELP_STATUS_LABELS } from './helpTerms'
import { MEDIATION_STATUS_LABELS } from './mediationTerms'
import { REPORT_STATUS_LABELS } from './reportTerms'

/**
 * Each kind's status words apart from its transition table: a view that names the status of a case
 * of any kind needs these alone, so its function's bundle does not carry every kind's commands.
 * Each kind's definition (KINDS[kind].statusLabels) is made from the same table.
 */

export const CHECKIN_STATUS_LABELS = {
  pending: '待确认',
  active: '在住',
  refused: '已驳回',
  checked_out: '已退租',
  purged: '已清除',
} as const

export const MISUSE_STATUS_LABELS = { open: '待核实', closed: '已处理' } as const

export const STATUS_LABELS: Record<CaseKind, Record<string, string>> = {
  report: REPORT_STATUS_LABELS,
  mediation: MEDIATION_STATUS_LABELS,
  checkin: CHECKIN_STATUS_LABELS,
  misuse: MISUSE_STATUS_LABELS,
  help: HELP_STATUS_LABELS,
}

export function statusLabel(kind: CaseKind, status: string): string {
  const labels = Object.prototype.hasOwnProperty.call(STATUS_LABELS, kind) ? STATUS_LABELS[kind] : undefined
  return labels ? labelOf(labels, status) : status
}
