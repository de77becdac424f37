/**
 * The hand-offs of a mediation case as its view shows them (issue 18): the 司法确认 application the
 * parties confirm together, and the 移送函 of a referral with the receiver's answers. Types only.
 */

export type JudicialStatusCode = 'drafting' | 'applied' | 'accepted' | 'confirmed' | 'dismissed'

export interface HandoffAnswerView {
  status: string
  /** 法院已受理 / 已接收 …: what was answered, in words. */
  label: string
  note: string | null
  at: string
  /** Who recorded it (the mediator, the centre's staff). */
  byName: string
}

export interface JudicialView {
  status: JudicialStatusCode
  /** 待双方确认 / 已申请 / 已受理 / 已确认 / 已驳回 */
  statusLabel: string
  /** The people's court addressed; 人民法院 for cases flagged before applications named one. */
  court: string
  /** When the agreement took effect (the last party's confirmation): the 30 days run from here. */
  effectiveAt: string
  /** The first instant after the 30-day window (人民调解法第三十三条). */
  deadline: string
  /** Whether the window has passed with the application still waiting for a party. */
  late: boolean
  confirmations: Array<{ name: string; sideLabel: string; at: string }>
  /** Parties who have not confirmed yet, by name. */
  pending: string[]
  confirmedByMe: boolean
  appliedAt: string | null
  answers: HandoffAnswerView[]
  /**
   * The 申请书's applicants as printed: names and phones in full for the parties and the mediator, masked
   * for anyone else who may read the case.
   */
  applicants: Array<{ sideLabel: string; name: string; phone: string }>
}

export interface ReferralLetterView {
  /** （2026）白云京溪移字第 3 号 */
  number: string
  receiver: string
  issuedAt: string
  /** 已接收 / 已处理 / 退回, or 待答复 before the receiver answered. */
  answerLabel: string
  answers: HandoffAnswerView[]
  /** Whether the receiver has ended it (处理 or 退回): no more answers are recorded. */
  settled: boolean
}
