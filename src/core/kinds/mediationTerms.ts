/**
 * The words of a mediation case the app shares with the backend: dispute types, referrals,
 * statuses and the payload's shape. No schema library here, so the mini-program can import it.
 */


import type { CaseLink } from '../caseLink'
import type { ProxyMark } from '../proxyMark'
import type { Role } from '../roles'
import type { MediationSource } from './mediationSources'
import type { MediationLevel, PassUp } from './mediationLevelTerms'
import type { VideoRoom } from './mediationVideoTerms'

export const DISPUTE_TYPES = ['neighbour', 'family', 'tenancy', 'labour', 'traffic', 'commerce', 'property', 'other'] as const
export type DisputeType = (typeof DISPUTE_TYPES)[number]

export const DISPUTE_TYPE_LABELS: Record<DisputeType, string> = {
  neighbour: '邻里纠纷',
  family: '婚姻家庭',
  tenancy: '租赁纠纷',
  labour: '劳务纠纷',
  traffic: '交通事故',
  commerce: '消费商事',
  property: '物业纠纷',
  other: '其他纠纷',
}

export const REFERRALS = ['court', 'arbitration', 'administrative', 'police', 'petition'] as const
export type Referral = (typeof REFERRALS)[number]
export const REFERRAL_LABELS: Record<Referral, string> = {
  court: '诉调对接（法院）',
  arbitration: '仲裁',
  administrative: '行政部门处理',
  // 警调对接: the case is then readable by the police of its area (its kind's scope rule).
  police: '警调对接（派出所）',
  petition: '访调对接（信访部门）',
}

/** Referrals that hand the dispute to another body with a 移送函 whose answer is tracked (the others only tell the parties where to go). */
export const TRANSFER_REFERRALS = ['court', 'police', 'petition'] as const satisfies readonly Referral[]
export type TransferReferral = (typeof TRANSFER_REFERRALS)[number]

/** What the receiver of a 移送函 answered, as the mediator or the centre records it. */
export const REFERRAL_ANSWERS = ['received', 'handled', 'returned'] as const
export type ReferralAnswer = (typeof REFERRAL_ANSWERS)[number]
export const REFERRAL_ANSWER_LABELS: Record<ReferralAnswer, string> = { received: '已接收', handled: '已处理', returned: '退回' }

/** The 移送函 a transfer referral produces: its number, who receives it, when it was issued. */
export interface ReferralLetter {
  /** （2026）白云京溪移字第 3 号: the committee's yearly sequence of letters. */
  number: string
  receiver: string
  issuedAt: string
}

export interface Answer<S extends string> {
  status: S
  at: string
  note: string | null
  /** The user who recorded it (the mediator or the centre's staff). */
  by: string
}

export interface CaseReferral {
  type: Referral
  note: string
  letter?: ReferralLetter
  answers?: Answer<ReferralAnswer>[]
}

/**
 * 司法确认 (人民调解法第三十三条): the mediator prepares the joint application, every party confirms it in the
 * app within 30 days of the agreement taking effect, then it is 已申请; the mediator records the court's answers.
 * `drafting` is the application waiting for the parties (待双方确认).
 */
export const JUDICIAL_STATUS_LABELS = {
  drafting: '待双方确认',
  applied: '已申请',
  accepted: '已受理',
  confirmed: '已确认',
  dismissed: '已驳回',
} as const
export type JudicialStatus = keyof typeof JUDICIAL_STATUS_LABELS
export const JUDICIAL_ANSWERS = ['accepted', 'confirmed', 'dismissed'] as const
export type JudicialAnswer = (typeof JUDICIAL_ANSWERS)[number]
/** How the mediator records each answer of the court (受理 / 确认 / 驳回). */
export const JUDICIAL_ANSWER_LABELS: Record<JudicialAnswer, string> = { accepted: '法院已受理', confirmed: '法院裁定确认协议有效', dismissed: '法院驳回申请' }
/** Days after the agreement takes effect within which the parties must apply together. */
export const JUDICIAL_WINDOW_DAYS = 30

export interface JudicialApplication {
  status: JudicialStatus
  /** The people's court it is addressed to; empty on cases stored as a bare flag before applications. */
  court: string
  preparedAt: string | null
  /** Each party's confirmation of the joint application. */
  confirmations: Array<{ userId: string; at: string }>
  appliedAt: string | null
  answers: Answer<JudicialAnswer>[]
}

export interface Party {
  side: 'applicant' | 'respondent'
  /**
   * The real name as typed. At rest (once `nameSealed` is set) this is its mask (张*明); the backend
   * opens the sealed name for the views of the case only.
   */
  name: string
  /** The real name sealed by the backend's vault (the case id as associated data). */
  nameSealed?: string
  /** The number sealed by the backend's vault (AES-GCM, the case id as associated data). */
  phoneSealed?: string
  /** Keyed hash of the number's digits, for a lookup by phone without opening every case. */
  phoneHash?: string
  /** The number in clear: only cases stored before phones were sealed, until they are migrated. */
  phone?: string
  /** Set when the party has an account on the case (the applicant; a respondent who joined). */
  userId: string | null
  /** Respondents only: the secret half of their invitation. */
  inviteSecret?: string
  /**
   * The secret alone is the invitation code (8 characters, fits a 小程序码 scene), held as a lookup
   * key; without it (invitations sent before) the code is `<case id>-<secret>`.
   */
  inviteByCode?: boolean
  consent: 'pending' | 'consented' | 'declined'
  consentAt?: string
}

export interface MediationSession {
  id: string
  at: string
  mode: 'online' | 'in_person' | 'video'
  /** Meeting link or room (社区调解室); for a video session, the link for whoever cannot use WeChat's video. */
  place: string
  notes: string | null
  /** 视频调解 (mode 'video'): the room, and who entered and left it when (mediationVideo.ts). */
  video?: VideoRoom
}

export interface Agreement {
  version: number
  /** The 协议书 as drafted; at rest (once `sealed` is set) with the parties' names masked. */
  text: string
  /** The terms as drafted; at rest masked like the text. */
  terms: string[]
  /** `{ text, terms }` as drafted, names and all, sealed by the backend's vault (the case id as associated data). */
  sealed?: string
  /** （2026）白云京溪调字第 42 号: the committee's next of the year, given at the first draft and kept by redrafts. */
  number?: string
  draftedAt: string
  confirmations: Array<{ userId: string; version: number; at: string }>
}

/** Someone invited into the case as 协助调解 (驻村法律顾问, 党员, 街坊): they read it and write in its thread. */
export interface CaseHelper {
  userId: string
  /** The name the roster gives them, as the parties read it on the case. */
  name: string
  kind: 'legal_adviser' | 'party_member' | 'neighbour'
  invitedAt: string
  /** The timeline row that invited them: its notice goes to them alone. */
  eventId?: string
  /** Each party's rating of this helper once the case is over, by the party's user id. */
  ratings?: Record<string, { rating: number; comment: string | null }>
}

export type MediationPayload = {
  disputeType: DisputeType
  facts: string
  claims: string
  evidence: string[]
  preferredWay: 'online' | 'in_person'
  parties: Party[]
  respondentIds: string[]
  committee: string | null
  sessions: MediationSession[]
  agreement: Agreement | null
  referral: CaseReferral | null
  /** Cases stored before applications: the mediator's flag, read as 已申请 (judicialOf). */
  judicialConfirmation?: boolean
  /** 司法确认 application (absent until the mediator prepares one). */
  judicial?: JudicialApplication | null
  ratings: Record<string, { rating: number; comment: string | null }>
  remindedDays: number[]
  overdueSince?: string
  /** The level of the committee holding the case (小事不出村): set when routed; cases from before read by their committee. */
  level?: MediationLevel
  /** Each 上交上级调解, oldest first. */
  passUps?: PassUp[]
  /** 协助调解: the people the mediator invited (cases from before have none). */
  helpers?: CaseHelper[]
  /** Where the case came from (mediationSources.ts); absent on the person's own application. */
  source?: MediationSource
  /** The 12345 ticket or 警情 number staff entered with it. */
  sourceRef?: string
  /** The staff member who entered the dispute or turned a report or request into mediation, and as what. */
  enteredBy?: { userId: string; role: Role }
  /** The grid or community where the dispute happened, as staff entered it. */
  placeCode?: string
  /** What the case came from (a 网格事件, a 一键求助): caseLink.ts. */
  origin?: CaseLink
  /** 语音陈述: the applicant's own voice note (facts and request); the applicant and staff hear it, no one else. */
  voiceFileId?: string
  /** The applicant's consent as staff recorded it when turning their report or request into mediation. */
  applicantConsent?: { at: string; by: string; note: string }
  /** 代办: applied by a grid worker or 代办员 for the applicant, present in person (proxyMark.ts). */
  proxy?: ProxyMark
}

export const MEDIATION_STATUS_LABELS = {
  applied: '已申请',
  accepted: '已受理',
  awaiting_consent: '待对方同意',
  mediating: '调解中',
  agreement_pending: '协议待确认',
  succeeded: '调解成功',
  failed: '调解不成',
  declined: '对方不同意调解',
  rejected: '不予受理',
} as const

export type MediationStatus = keyof typeof MEDIATION_STATUS_LABELS

export const MEDIATION_OPEN = ['applied', 'accepted', 'awaiting_consent', 'mediating', 'agreement_pending'] as const
export const REMINDER_DAYS = [7, 3] as const
