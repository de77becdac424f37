import type { KindDecl } from '../command'
import { PROXY_EVENT_LABELS } from '../proxyMark'
import { REPORT_STATUS_LABELS, REPORT_TERMINAL_STATUSES, type ReportPayload, type ReportStatus } from './reportTerms'
import { REPORT_SCOPE } from './scopes'

/**
 * The report kind's declaration but for its moves: the kind (report.ts) adds every move, and
 * mediation.fromReport's kind (reportToMediationKind.ts) the one move it makes, from this one
 * declaration, so both say the same of statuses, words and who reaches a report.
 */
export const REPORT_DECL: Omit<KindDecl<ReportPayload, ReportStatus, never>, 'actions'> = {
  kind: 'report',
  initialStatus: 'submitted',
  statusLabels: REPORT_STATUS_LABELS,
  eventLabels: { submit: '上报', ...PROXY_EVENT_LABELS },
  terminalStatuses: REPORT_TERMINAL_STATUSES,
  scope: REPORT_SCOPE,
  // What a form would fill in, so the dry run sees refusals for who and when only.
  probe: () => ({ slaHours: 1, assigneeId: '-', targetCaseId: '-', toUnitCode: '-', rating: 5, satisfaction: 'satisfied' }),
}
