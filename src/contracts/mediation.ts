/**
 * Wire contract of the `mediation` function (人民调解): applying, inviting the other side, the
 * mediator's moves, messages, and the street's ledger. Types only; inputs are inferred from
 * their zod schemas (mediationSchemas.ts).
 */
import type { z } from 'zod'
import type * as c from './commonSchemas'
import type * as s from './mediationSchemas'
import type { ShareCodeView } from './shareCode'
import type { ActionView, PhotoView, Tally, TimelineView } from './common'
import type { JudicialView, ReferralLetterView } from './mediationHandoff'
import type { CaseHelperView, MediationHelperApi } from './mediationHelpers'
import type { VideoSessionView } from './videoSession'
import type { CaseLinkView, MediationIntakeApi, MediationSourceView } from './mediationIntake'
import type { LedgerLevels, MediationLevelView } from './mediationLevels'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>
type Common<K extends keyof typeof c> = z.infer<(typeof c)[K]>

export type DisputeTypeCode = In<'disputeType'>

export type ReferralCode = In<'referral'>

export type ApplyMediationInput = In<'applyMediation'>

export interface MediationPartyView {
  side: 'applicant' | 'respondent'
  sideLabel: string
  name: string
  /** Masked (138****5678) except for staff and the party themself. */
  phone: string
  joined: boolean
  consent: 'pending' | 'consented' | 'declined'
  consentLabel: string
  isMe: boolean
}

export interface MediationView {
  id: string
  /** The number people read and say (京溪-2026-00042); null only for a case stored before numbers and not yet numbered. */
  number: string | null
  kind: 'mediation'
  status: string
  statusLabel: string
  disputeType: DisputeTypeCode
  disputeTypeLabel: string
  /** Either may be empty when the applicant told them by voice. */
  facts: string
  claims: string
  /** The applicant's voice note, for the applicant and the case's staff only; null otherwise or when none. */
  voiceUrl: string | null
  evidence: PhotoView[]
  preferredWay: 'online' | 'in_person'
  streetName: string
  committee: { code: string; name: string } | null
  /** 小事不出村: the committee's level and the passes up; absent on views from before levels. */
  levels?: MediationLevelView | null
  mediatorName: string | null
  mediatorPhone: string | null
  deadline: string | null
  overdue: boolean
  parties: MediationPartyView[]
  sessions: Array<{ id: string; at: string; mode: 'online' | 'in_person' | 'video'; modeLabel: string; place: string; notes: string | null; video: VideoSessionView | null }>
  agreement: {
    version: number
    /** （2026）白云京溪调字第 42 号; null for an agreement drafted before numbers. */
    number: string | null
    text: string
    terms: string[]
    draftedAt: string
    confirmations: Array<{ name: string; sideLabel: string; at: string }>
    confirmedByMe: boolean
  } | null
  /** Where a failed (or declined) case goes next; a transfer to a court, the police or a petition office carries its 移送函. */
  referral: { type: ReferralCode; label: string; note: string; letter: ReferralLetterView | null } | null
  /** 已申请 or further: the agreement went to court for confirmation (cases flagged before applications too). */
  judicialConfirmation: boolean
  /** The 司法确认 application, from the mediator preparing it on. */
  judicial: JudicialView | null
  /** How the viewer relates to the case (helper: invited as 协助调解). */
  myRole: 'applicant' | 'respondent' | 'mediator' | 'dispatcher' | 'helper' | null
  /** 协助调解: who the mediator invited (legal advisers, party members, neighbours). */
  helpers: CaseHelperView[]
  myRating: number | null
  /** For the applicant: one invitation per respondent to forward (code and in-app path). */
  invites: Array<{ name: string; code: string; path: string; used: boolean }>
  /** Where it came from: the person's application, a dispute staff found (三捕三捉), a converted 网格事件 or 一键求助. */
  source: MediationSourceView
  /** The case it came from (网格事件, 一键求助), when it was converted. */
  origin: CaseLinkView | null
  createdAt: string
  version: number
}

export interface MediationSummary {
  id: string
  /** The number people read and say (京溪-2026-00042); null only for a case stored before numbers and not yet numbered. */
  number: string | null
  status: string
  statusLabel: string
  disputeTypeLabel: string
  title: string
  /** The parties by the names on the application (申请人 first), as staff list them. */
  partyNames: string[]
  committeeName: string | null
  mediatorName: string | null
  createdAt: string
  deadline: string | null
  overdue: boolean
  myRole: MediationView['myRole']
  /** 排查发现, 12345 工单, …, 当事人申请. */
  sourceLabel: string
}

export interface MessageView {
  id: string
  authorName: string
  authorRoleLabel: string
  mine: boolean
  text: string
  photos: PhotoView[]
  at: string
}

export type MediationActInput = In<'mediationAct'>

export interface LedgerView {
  total: number
  open: number
  succeeded: number
  failed: number
  /** Succeeded ÷ (succeeded + failed), 0–1. */
  successRate: number
  avgDaysToClose: number | null
  byType: Tally[]
  byCommittee: Tally[]
  byStreet: Tally[]
  byStatus: Tally[]
  /** 当事人申请 / 排查发现 / 12345 工单 / 警情 / 舆情线索 / 网格事件转入 / 一键求助转入. */
  bySource: Tally[]
  byMonth: Array<{ month: string; count: number }>
  /** 小事不出村、大事不出镇: by level, and the cases settled without leaving the village or the street. */
  levels: LedgerLevels
}

export interface MediationApi extends MediationHelperApi, MediationIntakeApi {
  'mediation.options': {
    in: Common<'empty'>
    out: {
      disputeTypes: Array<{ code: DisputeTypeCode; label: string }>
      streets: Array<{ code: string; name: string }>
      /** The communities (村/社区) of each street: where a dispute happened, for its community's committee. */
      communities?: Array<{ code: string; name: string; streetCode: string }>
      committees: Array<{ code: string; name: string; disputeTypes: DisputeTypeCode[] }>
      referrals: Array<{ code: ReferralCode; label: string }>
    }
  }
  'mediation.apply': { in: ApplyMediationInput; out: { case: MediationView; replayed: boolean } }
  /** Cases where I am the applicant or a respondent. */
  'mediation.mine': { in: Common<'page'>; out: { cases: MediationSummary[]; next: string | null } }
  /** A helper's 协助调解: the cases they were invited into and are still on, newest first. */
  'mediation.helping': { in: Common<'page'>; out: { cases: MediationSummary[]; next: string | null } }
  'mediation.get': { in: Common<'byId'>; out: { case: MediationView; timeline: TimelineView[]; actions: ActionView[] } }
  /**
   * What an invitation shows before it is accepted: the application summary only, and the name the
   * applicant gave for this party. Opens only for the phone the applicant gave for that party (the
   * caller's phone in 我的); else PHONE_MISMATCH naming the expected number masked.
   */
  'mediation.invitation': {
    in: In<'invite'>
    out: {
      /** `applicantName` null: a dispute staff entered, where the committee invites every party (`sourceLabel` says from what). */
      summary: { disputeTypeLabel: string; applicantName: string | null; sourceLabel: string; facts: string; claims: string; streetName: string; statusLabel: string; createdAt: string }
      /** The name the applicant typed for the invitee, for them to confirm or correct. */
      partyName: string
    }
  }
  /** The applicant's printable code of one of their invitations (opens the join page with it). */
  'mediation.inviteQr': { in: In<'invite'>; out: { qr: ShareCodeView } }
  /** Same phone rule as the invitation; the invitee's confirmed or corrected name and their consent. */
  'mediation.join': { in: In<'joinMediation'>; out: { case: MediationView } }
  'mediation.act': { in: MediationActInput; out: { case: MediationView; timeline: TimelineView[]; actions: ActionView[] } }
  'mediation.messages': { in: In<'messages'>; out: { messages: MessageView[] } }
  'mediation.send': { in: In<'sendMessage'>; out: { message: MessageView } }
  /** Mediator: own committee's cases (mine = assigned to me); dispatcher: the street's. Deadline order. */
  'mediation.queue': {
    /** `phone`: only cases with a party of that number (a caller phoning the centre). */
    in: In<'mediationQueue'>
    /** `totalCapped` as in cases.queue: more than 10,000, shown 「1万+」. */
    out: { cases: MediationSummary[]; next: string | null; total: number; totalCapped?: boolean }
  }
  'mediation.mediators': { in: In<'mediators'>; out: { mediators: Array<{ id: string; name: string; committee: string; committeeName: string; openCases: number }> } }
  'mediation.ledger': { in: In<'dateRange'>; out: { ledger: LedgerView } }
  'mediation.ledgerCsv': { in: In<'dateRange'>; out: { filename: string; csv: string; rows: number } }
}
