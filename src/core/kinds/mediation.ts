import type { Case, TimelineEvent } from '../case'
import { fail, type Outcome } from '../outcome'
import { all, type Guard, type GuardContext, type KindDefinition, type Patch } from '../transition'

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

export const REFERRALS = ['court', 'arbitration', 'administrative', 'police'] as const
export type Referral = (typeof REFERRALS)[number]
export const REFERRAL_LABELS: Record<Referral, string> = {
  court: '诉调对接（法院）',
  arbitration: '仲裁',
  administrative: '行政部门处理',
  // 警调对接: the case is then readable by the police of its area (src/core/scope.ts).
  police: '警调对接（派出所）',
}

export interface Party {
  side: 'applicant' | 'respondent'
  name: string
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
  consent: 'pending' | 'consented' | 'declined'
  consentAt?: string
}

export interface MediationSession {
  id: string
  at: string
  mode: 'online' | 'in_person'
  /** Meeting link or room (社区调解室). */
  place: string
  notes: string | null
}

export interface Agreement {
  version: number
  text: string
  terms: string[]
  draftedAt: string
  confirmations: Array<{ userId: string; version: number; at: string }>
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
  referral: { type: Referral; note: string } | null
  judicialConfirmation: boolean
  ratings: Record<string, { rating: number; comment: string | null }>
  remindedDays: number[]
  overdueSince?: string
}

export const MEDIATION_OPEN = ['applied', 'accepted', 'awaiting_consent', 'mediating', 'agreement_pending'] as const
const ASSIGNED = ['accepted', 'awaiting_consent', 'mediating', 'agreement_pending'] as const
export const REMINDER_DAYS = [7, 3] as const

const p = (c: Case) => c.payload as unknown as MediationPayload

const needNote: Guard = ({ input }) => (input.note?.trim() ? null : fail('VALIDATION', '请填写原因', { note: '必填' }))

/** Mediator moves are for the mediator the case is assigned to, not the whole committee. */
const assignedMediator: Guard = ({ c, input, role }) =>
  role !== 'mediator' || c.assigneeId === input.actor.userId ? null : fail('FORBIDDEN', '该调解案件不是由您承办')


function myParty(ctx: GuardContext): Party | undefined {
  return p(ctx.c).parties.find((x) => x.side === 'respondent' && x.userId === ctx.input.actor.userId)
}

const pendingConsent: Guard = (ctx) =>
  myParty(ctx)?.consent === 'pending' ? null : fail('ILLEGAL_TRANSITION', '您已表态，不能重复操作')

/** The last pending respondent's consent starts mediation; earlier ones wait for the others. */
const othersConsented: Guard = (ctx) =>
  p(ctx.c).parties.every((x) => x.side !== 'respondent' || x.userId === ctx.input.actor.userId || x.consent === 'consented')
    ? null
    : fail('ILLEGAL_TRANSITION', '仍有其他当事人未表态')

const setConsent =
  (consent: Party['consent']): Patch =>
  (ctx) => ({
    payload: {
      ...ctx.c.payload,
      parties: p(ctx.c).parties.map((x) =>
        x.side === 'respondent' && x.userId === ctx.input.actor.userId ? { ...x, consent, consentAt: ctx.input.now.toISOString() } : x,
      ),
    },
  })

const nonEmpty = (x: unknown): x is string => typeof x === 'string' && x.trim() !== ''

const acceptParams: Guard = ({ input }) => {
  const days = input.params?.timeLimitDays
  if (!nonEmpty(input.params?.committee) || !nonEmpty(input.params?.mediatorId)) {
    return fail('VALIDATION', '请选择调解委员会和调解员', { mediatorId: '必填' })
  }
  return typeof days === 'number' && Number.isFinite(days) && days > 0 ? null : fail('VALIDATION', '调解期限应为正数天', { timeLimitDays: '无效' })
}

const accept: Patch = ({ c, input }) => ({
  assigneeId: input.params!.mediatorId as string,
  slaDeadline: new Date(input.now.getTime() + (input.params!.timeLimitDays as number) * 86_400_000).toISOString(),
  payload: { ...c.payload, committee: input.params!.committee as string },
})

const reassignParams: Guard = ({ input }) =>
  typeof input.params?.mediatorId === 'string' ? null : fail('VALIDATION', '请选择调解员', { mediatorId: '必填' })

const reassign: Patch = ({ c, input }) => ({
  assigneeId: input.params!.mediatorId as string,
  payload: { ...c.payload, committee: nonEmpty(input.params?.committee) ? input.params.committee : p(c).committee },
})

const sessionParams: Guard = ({ input }) => {
  const s = input.params?.session as Partial<MediationSession> | undefined
  if (!s || typeof s.at !== 'string' || Number.isNaN(Date.parse(s.at))) return fail('VALIDATION', '请选择调解时间', { at: '必填' })
  if (s.mode !== 'online' && s.mode !== 'in_person') return fail('VALIDATION', '请选择线上或线下调解', { mode: '必填' })
  if (typeof s.place !== 'string' || !s.place.trim()) return fail('VALIDATION', '请填写会议链接或调解室地点', { place: '必填' })
  return null
}

const addSession: Patch = ({ c, input }) => {
  const s = input.params!.session as MediationSession
  return {
    payload: {
      ...c.payload,
      sessions: [...p(c).sessions, { id: input.eventId, at: new Date(s.at).toISOString(), mode: s.mode, place: s.place.trim(), notes: null }],
    },
  }
}

const knownSession: Guard = ({ c, input }) =>
  p(c).sessions.some((s) => s.id === input.params?.sessionId) ? null : fail('VALIDATION', '调解场次不存在', { sessionId: '不存在' })

const recordNotes: Patch = ({ c, input }) => ({
  payload: {
    ...c.payload,
    sessions: p(c).sessions.map((s) => (s.id === input.params!.sessionId ? { ...s, notes: input.note!.trim() } : s)),
  },
})

const agreementParams: Guard = ({ input }) => {
  const terms = input.params?.terms
  const ok = Array.isArray(terms) && terms.length > 0 && terms.every((t) => typeof t === 'string' && t.trim())
  return ok && typeof input.params?.text === 'string' ? null : fail('VALIDATION', '请填写协议条款', { terms: '至少一条' })
}

/** Each draft is a new version; confirmations of an older text no longer count. */
const draft: Patch = ({ c, input }) => ({
  payload: {
    ...c.payload,
    agreement: {
      version: (p(c).agreement?.version ?? 0) + 1,
      text: input.params!.text as string,
      terms: (input.params!.terms as string[]).map((t) => t.trim()),
      draftedAt: input.now.toISOString(),
      confirmations: [],
    },
  },
})

const sameVersion: Guard = ({ c, input }) => {
  const a = p(c).agreement
  if (!a || input.params?.agreementVersion !== a.version) return fail('CONFLICT', '协议已更新，请阅读最新版本后再确认')
  if (a.confirmations.some((x) => x.userId === input.actor.userId && x.version === a.version)) return fail('ILLEGAL_TRANSITION', '您已确认过本版协议')
  return null
}

/** Everyone on the case: the applicant and every respondent who joined. */
export function confirmingParties(c: Case): string[] {
  return [c.creatorId, ...p(c).respondentIds]
}

const lastConfirmation: Guard = (ctx) => {
  const a = p(ctx.c).agreement!
  const done = new Set(a.confirmations.filter((x) => x.version === a.version).map((x) => x.userId))
  done.add(ctx.input.actor.userId)
  return confirmingParties(ctx.c).every((u) => done.has(u)) ? null : fail('ILLEGAL_TRANSITION', '仍有当事人未确认协议')
}

const addConfirmation: Patch = ({ c, input }) => {
  const a = p(c).agreement!
  return {
    payload: {
      ...c.payload,
      agreement: { ...a, confirmations: [...a.confirmations, { userId: input.actor.userId, version: a.version, at: input.now.toISOString() }] },
    },
  }
}

const referralParams: Guard = ({ input }) =>
  REFERRALS.includes(input.params?.referral as Referral) ? null : fail('VALIDATION', '请选择后续处理途径', { referral: '必填' })

const setReferral: Patch = ({ c, input }) => ({
  payload: { ...c.payload, referral: { type: input.params!.referral as Referral, note: input.note!.trim() } },
})

const declineReferral: Patch = (ctx) => ({
  payload: {
    ...setConsent('declined')(ctx).payload,
    referral: { type: 'court', note: ctx.input.note?.trim() || '对方不同意调解，可依法向人民法院起诉' },
  },
})

const notRated: Guard = ({ c, input }) => {
  if (p(c).ratings[input.actor.userId]) return fail('ILLEGAL_TRANSITION', '您已评价过')
  const r = input.params?.rating
  return typeof r === 'number' && Number.isInteger(r) && r >= 1 && r <= 5 ? null : fail('VALIDATION', '请给出 1–5 星评价', { rating: '1–5' })
}

const rate: Patch = ({ c, input }) => ({
  payload: {
    ...c.payload,
    ratings: {
      ...p(c).ratings,
      [input.actor.userId]: { rating: input.params!.rating as number, comment: typeof input.params?.comment === 'string' ? input.params.comment : null },
    },
  },
})

const reminderDue: Guard = ({ c, input }) => {
  const days = input.params?.daysLeft
  if (!REMINDER_DAYS.includes(days as 7 | 3) || p(c).remindedDays.includes(days as number) || !c.slaDeadline) {
    return fail('ILLEGAL_TRANSITION', '无需提醒')
  }
  const left = (Date.parse(c.slaDeadline) - input.now.getTime()) / 86_400_000
  return left <= (days as number) && left > 0 ? null : fail('ILLEGAL_TRANSITION', '未到提醒时间')
}

const markReminded: Patch = ({ c, input }) => ({
  payload: { ...c.payload, remindedDays: [...p(c).remindedDays, input.params!.daysLeft as number] },
})

const deadlinePassed: Guard = ({ c, input }) =>
  c.slaDeadline !== null && Date.parse(c.slaDeadline) < input.now.getTime() && !p(c).overdueSince
    ? null
    : fail('ILLEGAL_TRANSITION', '案件未超时或已标记超时')

const markOverdue: Patch = ({ c, input }) => ({ payload: { ...c.payload, overdueSince: input.now.toISOString() } })

export const MEDIATION: KindDefinition = {
  kind: 'mediation',
  initialStatus: 'applied',
  statusLabels: {
    applied: '已申请',
    accepted: '已受理',
    awaiting_consent: '待对方同意',
    mediating: '调解中',
    agreement_pending: '协议待确认',
    succeeded: '调解成功',
    failed: '调解不成',
    declined: '对方不同意调解',
    rejected: '不予受理',
  },
  actionLabels: {
    apply: '申请调解',
    join: '加入调解',
    accept: '受理',
    reject: '不予受理',
    reassign: '重新指派',
    invite: '邀请对方',
    consent: '同意调解',
    decline: '拒绝调解',
    schedule: '安排调解',
    record_session: '记录调解',
    draft_agreement: '起草协议',
    confirm_agreement: '确认协议',
    fail: '调解不成',
    mark_judicial: '申请司法确认',
    rate: '评价',
    remind: '期限提醒',
    mark_overdue: '超时提醒',
  },
  terminalStatuses: ['succeeded', 'failed', 'declined', 'rejected'],
  rules: [
    { from: ['applied'], action: 'accept', roles: ['dispatcher'], to: 'accepted', guard: acceptParams, patch: accept },
    { from: ['applied'], action: 'reject', roles: ['dispatcher'], to: 'rejected', guard: needNote },
    { from: ASSIGNED, action: 'reassign', roles: ['dispatcher'], guard: all(needNote, reassignParams), patch: reassign },
    { from: ['accepted'], action: 'invite', roles: ['mediator'], to: 'awaiting_consent', guard: assignedMediator },
    { from: ['awaiting_consent'], action: 'consent', roles: ['respondent'], to: 'mediating', guard: all(pendingConsent, othersConsented), patch: setConsent('consented') },
    { from: ['awaiting_consent'], action: 'consent', roles: ['respondent'], guard: pendingConsent, patch: setConsent('consented') },
    { from: ['awaiting_consent'], action: 'decline', roles: ['respondent'], to: 'declined', guard: pendingConsent, patch: declineReferral },
    { from: ['mediating', 'agreement_pending'], action: 'schedule', roles: ['mediator'], guard: all(assignedMediator, sessionParams), patch: addSession },
    { from: ['mediating', 'agreement_pending'], action: 'record_session', roles: ['mediator'], guard: all(assignedMediator, needNote, knownSession), patch: recordNotes },
    { from: ['mediating', 'agreement_pending'], action: 'draft_agreement', roles: ['mediator'], to: 'agreement_pending', guard: all(assignedMediator, agreementParams), patch: draft },
    { from: ['agreement_pending'], action: 'confirm_agreement', roles: ['applicant', 'respondent'], to: 'succeeded', guard: all(sameVersion, lastConfirmation), patch: addConfirmation },
    { from: ['agreement_pending'], action: 'confirm_agreement', roles: ['applicant', 'respondent'], guard: sameVersion, patch: addConfirmation },
    // Also before consent: a respondent who never answers must not leave the case open for ever.
    { from: ASSIGNED, action: 'fail', roles: ['mediator'], to: 'failed', guard: all(assignedMediator, needNote, referralParams), patch: setReferral },
    {
      from: ['succeeded'],
      action: 'mark_judicial',
      roles: ['mediator'],
      guard: all(assignedMediator, ({ c }) => (p(c).judicialConfirmation ? fail('ILLEGAL_TRANSITION', '已申请司法确认') : null)),
      patch: ({ c }) => ({ payload: { ...c.payload, judicialConfirmation: true } }),
    },
    { from: ['succeeded', 'failed', 'declined'], action: 'rate', roles: ['applicant', 'respondent'], guard: notRated, patch: rate },
    { from: ASSIGNED, action: 'remind', roles: ['system'], guard: reminderDue, patch: markReminded },
    { from: ASSIGNED, action: 'mark_overdue', roles: ['system'], guard: deadlinePassed, patch: markOverdue },
  ],
}

export interface NewMediation {
  id: string
  eventId: string
  creatorId: string
  idempotencyKey: string
  /** The street whose mediation centre receives the application. */
  streetCode: string
  now: Date
  payload: Omit<MediationPayload, 'respondentIds' | 'committee' | 'sessions' | 'agreement' | 'referral' | 'judicialConfirmation' | 'ratings' | 'remindedDays'>
}

export function openMediation(m: NewMediation): { case: Case; event: TimelineEvent } {
  const at = m.now.toISOString()
  const payload: MediationPayload = {
    ...m.payload,
    respondentIds: [],
    committee: null,
    sessions: [],
    agreement: null,
    referral: null,
    judicialConfirmation: false,
    ratings: {},
    remindedDays: [],
  }
  const c: Case = {
    id: m.id,
    kind: 'mediation',
    status: MEDIATION.initialStatus,
    unitCode: m.streetCode,
    gridCode: null,
    assigneeId: null,
    category: m.payload.disputeType,
    payload: payload as unknown as Record<string, unknown>,
    creatorId: m.creatorId,
    idempotencyKey: m.idempotencyKey,
    createdAt: at,
    updatedAt: at,
    slaDeadline: null,
    version: 1,
  }
  const event: TimelineEvent = { id: m.eventId, caseId: m.id, actorId: m.creatorId, actorRole: 'applicant', action: 'apply', fromStatus: null, toStatus: c.status, note: null, attachments: [...m.payload.evidence], at, visibility: 'internal' }
  return { case: c, event }
}

/**
 * A respondent joins with their invitation: the secret must match a respondent slot that no
 * account holds yet. Joining writes a timeline row but changes no status.
 */
export function joinCase(c: Case, userId: string, secret: string, now: Date, eventId: string): Outcome<{ case: Case; event: TimelineEvent }> {
  const pl = p(c)
  if (MEDIATION.terminalStatuses.includes(c.status)) return fail('ILLEGAL_TRANSITION', '该调解已结束')
  if (c.creatorId === userId) return fail('VALIDATION', '不能以被申请人身份加入自己的申请')
  if (pl.respondentIds.includes(userId)) return fail('ILLEGAL_TRANSITION', '您已加入该调解')
  const slot = pl.parties.findIndex((x) => x.side === 'respondent' && x.inviteSecret === secret)
  if (slot < 0 || pl.parties[slot]!.userId) return fail('NOT_FOUND', '邀请码无效或已被使用')
  const at = now.toISOString()
  const parties = pl.parties.map((x, i) => (i === slot ? { ...x, userId } : x))
  const next: Case = { ...c, payload: { ...c.payload, parties, respondentIds: [...pl.respondentIds, userId] }, updatedAt: at, version: c.version + 1 }
  return {
    ok: true,
    case: next,
    event: { id: eventId, caseId: c.id, actorId: userId, actorRole: 'respondent', action: 'join', fromStatus: c.status, toStatus: c.status, note: null, attachments: [], at, visibility: 'internal' as const },
  }
}
