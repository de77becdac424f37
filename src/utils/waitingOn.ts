/**
 * Statuses that wait on someone say on whom (issue 17): a line under the status tag, in the
 * reader's terms. The tag keeps domain.md's label (待确认); this says who is to act next
 * (等待楼栋长确认). Pure and zod-free: the mini-program and the tests read the same table.
 */
import type { CaseKind } from '../core/case'

/** Who is reading: the person the case is about (reporter, applicant, tenant), the other party of a mediation, or staff. */
export type Reader = 'owner' | 'respondent' | 'staff'

type Hints = Record<string, Partial<Record<Reader, string>> & { owner: string }>

/** Per kind and status, whom it waits on; statuses not listed wait on nobody (done, or in someone's hands already). */
export const WAITING_ON: Record<CaseKind, Hints> = {
  report: {
    submitted: { owner: '等待网格员受理', staff: '等待受理' },
    accepted: { owner: '等待工作人员处置', staff: '等待分派或开始处置' },
    assigned: { owner: '等待处置人员上门处置', staff: '等待处置人开始处置' },
    in_progress: { owner: '工作人员正在处置', staff: '处置中，办结时请上传处置后照片' },
    resolved: { owner: '等待您确认办结并评价', staff: '等待居民确认评价' },
  },
  mediation: {
    applied: { owner: '等待街道调解中心受理', respondent: '等待街道调解中心受理', staff: '等待受理并指派调解员' },
    accepted: { owner: '等待调解员邀请对方当事人', respondent: '等待调解员联系', staff: '等待调解员邀请对方当事人' },
    awaiting_consent: { owner: '等待对方同意调解', respondent: '等待您选择是否同意调解', staff: '等待对方同意调解' },
    mediating: { owner: '等待调解员安排调解', respondent: '等待调解员安排调解', staff: '等待调解员安排调解或起草协议' },
    agreement_pending: { owner: '等待各方确认调解协议', respondent: '等待各方确认调解协议', staff: '等待各方当事人确认协议' },
  },
  checkin: {
    pending: { owner: '等待楼栋长确认', staff: '等待您核对后确认' },
  },
  misuse: {
    open: { owner: '等待社区民警核实', staff: '等待核实处理' },
  },
  help: {
    raised: { owner: '等待值班人员响应', staff: '等待响应，先响应者负责到场处置' },
    taken: { owner: '工作人员正在赶来', staff: '处置后请结束求助或转为调解、网格事件' },
    escalated: { owner: '已上报街道综治中心，等待调派人员', staff: '超时无人响应，请立即联系求助人' },
  },
}

/** The line under a status tag, or '' when the status waits on nobody. */
export function waitingOn(kind: CaseKind, status: string, reader: Reader = 'owner'): string {
  const h = Object.prototype.hasOwnProperty.call(WAITING_ON[kind] ?? {}, status) ? WAITING_ON[kind][status] : undefined
  if (!h) return ''
  return h[reader] ?? h.owner
}
