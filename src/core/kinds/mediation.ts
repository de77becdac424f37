import { z } from 'zod'
import type { Case, TimelineEvent } from '../case'
import { defineKind, param, type Check, type MoveContext, type ParamPatch } from '../command'
import { openCase } from '../opening'
import { maskName } from '../names'
import { fail, type Outcome } from '../outcome'
import {
  MEDIATION_STATUS_LABELS,
  REMINDER_DAYS,
  type MediationPayload,
  type MediationStatus,
  type Party,
} from './mediationTerms'
import { action, assignedMediator, confirmingParties, needNote, note } from './mediationMoves'
import { HELPER_ACTIONS } from './mediationHelpers'
import { INTAKE_EVENT_LABELS } from './mediationIntake'
import { PROXY_APPLY_LABELS } from './mediationProxy'
import { PROXY_EVENT_LABELS } from '../proxyMark'
import { MEDIATION_SCOPE } from './scopes'
import { HANDOFF_ACTIONS } from './mediationHandoff'
import { LEVEL_ACTIONS, PLACEMENT } from './mediationLevels'
import { VIDEO_ACTIONS, videoRoomFor } from './mediationVideo'
import { withFields } from '../withFields'

export * from './mediationTerms'

type MediationCase = Case<MediationPayload>

export const ASSIGNED = ['accepted', 'awaiting_consent', 'mediating', 'agreement_pending'] as const

function myParty({ c, input }: MoveContext<MediationPayload>): Party | undefined {
  return c.payload.parties.find((x) => x.side === 'respondent' && x.userId === input.actor.userId)
}

const pendingConsent: Check<MediationPayload> = (ctx) =>
  myParty(ctx)?.consent === 'pending' ? null : fail('ILLEGAL_TRANSITION', '您已表态，不能重复操作')

/** The last pending respondent's consent starts mediation; earlier ones wait for the others. */
const othersConsented: Check<MediationPayload> = ({ c, input }) =>
  c.payload.parties.every((x) => x.side !== 'respondent' || x.userId === input.actor.userId || x.consent === 'consented')
    ? null
    : fail('ILLEGAL_TRANSITION', '仍有其他当事人未表态')

/** Where a respondent may still refuse: before every respondent agreed and mediation began. */
const MEDIATION_OPEN_BEFORE_CONSENT: readonly string[] = ['applied', 'accepted', 'awaiting_consent']

const respondentsConsented = (parties: readonly Party[]) => parties.every((x) => x.side !== 'respondent' || x.consent === 'consented')

const allConsented: Check<MediationPayload> = ({ c }) => (respondentsConsented(c.payload.parties) ? null : fail('ILLEGAL_TRANSITION', '仍有当事人未同意调解'))

function withConsent({ c, input }: MoveContext<MediationPayload>, consent: Party['consent']): MediationPayload {
  const parties = c.payload.parties.map((x) =>
    x.side === 'respondent' && x.userId === input.actor.userId ? { ...x, consent, consentAt: input.now.toISOString() } : x,
  )
  return { ...c.payload, parties }
}

const blankIsNone = (x: string | undefined) => (x !== undefined && x.trim() !== '' ? x : undefined)
const nonBlank = z.string().refine((s) => s.trim() !== '')
/** An optional text whose other values (a number, null) count as absent, as the form never sends them. */
const optionalText = z.string().optional().catch(undefined)
const rating = param(z.number().int().min(1).max(5), fail('VALIDATION', '请给出 1–5 星评价', { rating: '1–5' }))

const SESSION_REFUSALS = {
  at: fail('VALIDATION', '请选择调解时间', { at: '必填' }),
  mode: fail('VALIDATION', '请选择线上、线下或视频调解', { mode: '必填' }),
  place: fail('VALIDATION', '请填写会议链接或调解室地点', { place: '必填' }),
}
const session = z.object({
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s))),
  mode: z.enum(['online', 'in_person', 'video']),
  place: nonBlank,
})

const deadlinePassed: Check<MediationPayload> = ({ c, input }) =>
  c.slaDeadline !== null && Date.parse(c.slaDeadline) < input.now.getTime() && !c.payload.overdueSince
    ? null
    : fail('ILLEGAL_TRANSITION', '案件未超时或已标记超时')

const markOverdue: ParamPatch<MediationPayload, unknown> = ({ c, input }) => ({ payload: { ...c.payload, overdueSince: input.now.toISOString() } })


// In mediationMoves.ts so the hand-off moves (mediationHandoff.ts) count the same parties.
export { confirmingParties }

const ACTIONS = {
  accept: action({
    label: '受理',
    params: {
      committee: param(nonBlank, fail('VALIDATION', '请选择调解委员会和调解员', { mediatorId: '必填' })),
      mediatorId: param(nonBlank, fail('VALIDATION', '请选择调解委员会和调解员', { mediatorId: '必填' })),
      timeLimitDays: param(z.number().finite().positive(), fail('VALIDATION', '调解期限应为正数天', { timeLimitDays: '无效' })),
      // Where the backend routed a case that came without a committee (mediationLevels.ts): its unit and level.
      placement: param(PLACEMENT.optional(), fail('VALIDATION', '调解委员会无效', { mediatorId: '无效' })),
    },
    form: [
      { name: 'assignee', label: '指派调解员', required: false, placeholder: '不选择时，由系统按纠纷类型指派对应调解委员会的调解员' },
      note('受理说明', false, '选填：给调解员的说明'),
    ],
    rows: [
      {
        from: ['applied'],
        roles: ['dispatcher'],
        to: 'accepted',
        patch: ({ c, input, params }) => ({
          assigneeId: params.mediatorId,
          slaDeadline: new Date(input.now.getTime() + params.timeLimitDays * 86_400_000).toISOString(),
          ...(params.placement ? { unitCode: params.placement.unitCode } : {}),
          payload: { ...c.payload, committee: params.committee, ...(params.placement ? { level: params.placement.level } : {}) },
        }),
      },
    ],
  }),
  reject: action({
    label: '不予受理',
    form: [note('不予受理原因', true, '请说明原因，申请人可以看到')],
    rows: [{ from: ['applied'], roles: ['dispatcher'], to: 'rejected', check: needNote('不予受理原因') }],
  }),
  reassign: action({
    label: '重新指派',
    params: {
      mediatorId: param(z.string(), fail('VALIDATION', '请选择调解员', { mediatorId: '必填' })),
      committee: param(optionalText, fail('VALIDATION', '调解委员会无效', { committee: '无效' })),
    },
    form: [{ name: 'assignee', label: '改派给', required: true }, note('改派原因', true, '请说明重新指派的原因')],
    rows: [
      {
        from: ASSIGNED,
        roles: ['dispatcher'],
        check: needNote('改派原因'),
        patch: ({ c, params }) => ({
          assigneeId: params.mediatorId,
          payload: { ...c.payload, committee: blankIsNone(params.committee) ?? c.payload.committee },
        }),
      },
    ],
  }),
  invite: action({
    label: '邀请对方',
    rows: [
      // Every respondent already agreed when they joined: nobody is left to ask.
      { from: ['accepted'], roles: ['mediator'], to: 'mediating', check: [assignedMediator, allConsented] },
      { from: ['accepted'], roles: ['mediator'], to: 'awaiting_consent', check: assignedMediator },
    ],
  }),
  consent: action({
    label: '同意调解',
    rows: [
      { from: ['awaiting_consent'], roles: ['respondent'], to: 'mediating', check: [pendingConsent, othersConsented], patch: (ctx) => ({ payload: withConsent(ctx, 'consented') }) },
      { from: ['awaiting_consent'], roles: ['respondent'], check: pendingConsent, patch: (ctx) => ({ payload: withConsent(ctx, 'consented') }) },
    ],
  }),
  decline: action({
    label: '拒绝调解',
    form: [note('不同意调解的原因', true, '请说明原因，申请人和调解员可以看到')],
    rows: [
      {
        from: ['awaiting_consent'],
        roles: ['respondent'],
        to: 'declined',
        check: pendingConsent,
        patch: (ctx) => ({
          payload: { ...withConsent(ctx, 'declined'), referral: { type: 'court', note: ctx.input.note?.trim() || '对方不同意调解，可依法向人民法院起诉' } },
        }),
      },
    ],
  }),
  schedule: action({
    label: '安排调解',
    params: { session: param(session, (path) => SESSION_REFUSALS[path[0] as keyof typeof SESSION_REFUSALS] ?? SESSION_REFUSALS.at) },
    form: [{ name: 'session', label: '调解时间、方式和地点', required: true }, note('通知说明', false, '选填：请当事人携带的材料、注意事项')],
    rows: [
      {
        from: ['mediating', 'agreement_pending'],
        roles: ['mediator'],
        check: assignedMediator,
        patch: ({ c, input, params: { session: s } }) => ({
          payload: {
            ...c.payload,
            sessions: [...c.payload.sessions, { id: input.eventId, at: new Date(s.at).toISOString(), mode: s.mode, place: s.place.trim(), notes: null, ...videoRoomFor(s.mode, input.eventId) }],
          },
        }),
      },
    ],
  }),
  record_session: action({
    label: '记录调解',
    params: { sessionId: param(z.string(), fail('VALIDATION', '调解场次不存在', { sessionId: '不存在' })) },
    form: [{ name: 'sessionId', label: '调解场次', required: true }, note('调解记录', true, '本次调解的经过、各方意见和结果')],
    rows: [
      {
        from: ['mediating', 'agreement_pending'],
        roles: ['mediator'],
        check: [assignedMediator, needNote('调解记录')],
        guard: ({ c, params }) => (c.payload.sessions.some((s) => s.id === params.sessionId) ? null : fail('VALIDATION', '调解场次不存在', { sessionId: '不存在' })),
        patch: ({ c, input, params }) => ({
          payload: { ...c.payload, sessions: c.payload.sessions.map((s) => (s.id === params.sessionId ? { ...s, notes: input.note!.trim() } : s)) },
        }),
      },
    ],
  }),
  draft_agreement: action({
    label: '起草协议',
    params: {
      terms: param(z.array(nonBlank).nonempty(), fail('VALIDATION', '请填写协议条款', { terms: '至少一条' })),
      text: param(z.string(), fail('VALIDATION', '请填写协议条款', { terms: '至少一条' })),
      // The agreement number the backend takes from the committee's yearly sequence at the first draft.
      number: param(z.string().min(1).optional(), fail('VALIDATION', '协议编号无效', { number: '无效' })),
    },
    form: [{ name: 'terms', label: '协议内容（逐条填写）', required: true }, note('起草说明', false, '选填：给当事人的说明')],
    rows: [
      {
        from: ['mediating', 'agreement_pending'],
        roles: ['mediator'],
        to: 'agreement_pending',
        check: assignedMediator,
        // Each draft is a new version; confirmations of an older text no longer count.
        patch: ({ c, input, params }) => ({
          payload: {
            ...c.payload,
            agreement: {
              version: (c.payload.agreement?.version ?? 0) + 1,
              // A redraft keeps the number the first draft was given.
              ...((c.payload.agreement?.number ?? params.number) ? { number: c.payload.agreement?.number ?? params.number } : {}),
              text: params.text,
              terms: params.terms.map((t) => t.trim()),
              draftedAt: input.now.toISOString(),
              confirmations: [],
            },
          },
        }),
      },
    ],
  }),
  confirm_agreement: action({
    label: '确认协议',
    params: { agreementVersion: param(z.number(), fail('CONFLICT', '协议已更新，请阅读最新版本后再确认')) },
    rows: [
      { from: ['agreement_pending'], roles: ['applicant', 'respondent'], to: 'succeeded', guard: (ctx) => sameVersion(ctx) ?? lastConfirmation(ctx), patch: addConfirmation },
      { from: ['agreement_pending'], roles: ['applicant', 'respondent'], guard: sameVersion, patch: addConfirmation },
    ],
  }),
  rate: action({
    label: '评价',
    params: { rating, comment: param(optionalText, fail('VALIDATION', '评价内容无效', { comment: '无效' })) },
    form: [{ name: 'rating', label: '对本次调解的评价', required: true }, { name: 'comment', label: '评价内容', required: false, placeholder: '选填：说说您的感受和建议' }],
    rows: [
      {
        from: ['succeeded', 'failed', 'declined'],
        roles: ['applicant', 'respondent'],
        check: ({ c, input }) => (c.payload.ratings[input.actor.userId] ? fail('ILLEGAL_TRANSITION', '您已评价过') : null),
        patch: ({ c, input, params }) => ({
          payload: { ...c.payload, ratings: { ...c.payload.ratings, [input.actor.userId]: { rating: params.rating, comment: params.comment ?? null } } },
        }),
      },
    ],
  }),
  remind: action({
    label: '期限提醒',
    params: { daysLeft: param(z.union([z.literal(REMINDER_DAYS[0]), z.literal(REMINDER_DAYS[1])]), fail('ILLEGAL_TRANSITION', '无需提醒')) },
    rows: [
      {
        from: ASSIGNED,
        roles: ['system'],
        guard: ({ c, input, params: { daysLeft } }) => {
          if (c.payload.remindedDays.includes(daysLeft) || !c.slaDeadline) return fail('ILLEGAL_TRANSITION', '无需提醒')
          const left = (Date.parse(c.slaDeadline) - input.now.getTime()) / 86_400_000
          return left <= daysLeft && left > 0 ? null : fail('ILLEGAL_TRANSITION', '未到提醒时间')
        },
        patch: ({ c, params }) => ({ payload: { ...c.payload, remindedDays: [...c.payload.remindedDays, params.daysLeft] } }),
      },
    ],
  }),
  mark_overdue: action({
    label: '超时提醒',
    rows: [{ from: ASSIGNED, roles: ['system'], check: deadlinePassed, patch: markOverdue }],
  }),
  ...HELPER_ACTIONS,
  ...HANDOFF_ACTIONS,
  ...LEVEL_ACTIONS,
  ...VIDEO_ACTIONS,
}

type AgreementParams = MoveContext<MediationPayload> & { params: { agreementVersion: number } }

function sameVersion({ c, input, params }: AgreementParams) {
  const a = c.payload.agreement
  if (!a || params.agreementVersion !== a.version) return fail('CONFLICT', '协议已更新，请阅读最新版本后再确认')
  if (a.confirmations.some((x) => x.userId === input.actor.userId && x.version === a.version)) return fail('ILLEGAL_TRANSITION', '您已确认过本版协议')
  return null
}

function lastConfirmation({ c, input }: AgreementParams) {
  const a = c.payload.agreement!
  const done = new Set(a.confirmations.filter((x) => x.version === a.version).map((x) => x.userId))
  done.add(input.actor.userId)
  return confirmingParties(c).every((u) => done.has(u)) ? null : fail('ILLEGAL_TRANSITION', '仍有当事人未确认协议')
}

function addConfirmation({ c, input }: AgreementParams) {
  const a = c.payload.agreement!
  return { payload: { ...c.payload, agreement: { ...a, confirmations: [...a.confirmations, { userId: input.actor.userId, version: a.version, at: input.now.toISOString() }] } } }
}

export type MediationAction = keyof typeof ACTIONS

export const MEDIATION = defineKind<MediationPayload, MediationStatus, MediationAction>({
  kind: 'mediation',
  initialStatus: 'applied',
  statusLabels: MEDIATION_STATUS_LABELS,
  eventLabels: { apply: '申请调解', join: '加入调解', party_erased: '当事人注销账号', ...INTAKE_EVENT_LABELS, ...PROXY_APPLY_LABELS, ...PROXY_EVENT_LABELS },
  terminalStatuses: ['succeeded', 'failed', 'declined', 'rejected'],
  actions: ACTIONS,
  scope: MEDIATION_SCOPE,
  // Which version the party would confirm, so a dry run tells "already confirmed" from "stale".
  probe: (c) => ({ agreementVersion: c.payload.agreement?.version }),
})

export interface NewMediation {
  id: string
  eventId: string
  creatorId: string
  idempotencyKey: string
  /** The street whose mediation centre receives the application. */
  streetCode: string
  now: Date
  payload: Omit<MediationPayload, 'respondentIds' | 'committee' | 'sessions' | 'agreement' | 'referral' | 'judicialConfirmation' | 'judicial' | 'ratings' | 'remindedDays'>
}

export function openMediation(m: NewMediation): { case: Case; event: TimelineEvent } {
  const payload: MediationPayload = {
    ...m.payload,
    respondentIds: [],
    committee: null,
    sessions: [],
    agreement: null,
    referral: null,
    judicial: null,
    ratings: {},
    remindedDays: [],
  }
  return openCase(
    withFields(m, {
      kind: 'mediation',
      status: MEDIATION.initialStatus,
      unitCode: m.streetCode,
      gridCode: null,
      category: m.payload.disputeType,
      payload,
      actorRole: 'applicant',
      action: 'apply',
      attachments: [...m.payload.evidence],
    }),
  )
}

export interface JoinInput {
  userId: string
  /** The secret half of the invitation code. */
  secret: string
  /** The real name the person confirmed or corrected (the applicant may have typed 「楼上住户王先生」). */
  name: string
  /** Their answer: 人民调解 is voluntary, so a party either agrees or the case ends. */
  consent: boolean
  /** Why they do not agree (required then): the applicant reads it with the referral to court. */
  reason?: string
  now: Date
  eventId: string
}

/**
 * A respondent joins with their invitation: the secret must match a respondent slot that no
 * account holds yet. Joining names the party as the person confirmed and records their answer; a
 * changed name is noted on the timeline. Agreeing when the case was waiting for this last consent
 * starts mediation; refusing ends the case as 对方不同意调解 (a 拒绝调解 row), as the decline move does.
 */
function withoutSealedName(x: Party): Party {
  const { nameSealed: _sealed, ...rest } = x
  return rest
}

export function joinCase(c: Case, j: JoinInput): Outcome<{ case: Case; event: TimelineEvent }> {
  const pl = (c as MediationCase).payload
  if (MEDIATION.terminalStatuses.includes(c.status)) return fail('ILLEGAL_TRANSITION', '该调解已结束')
  if (c.creatorId === j.userId) return fail('VALIDATION', '不能以被申请人身份加入自己的申请')
  if (pl.respondentIds.includes(j.userId)) return fail('ILLEGAL_TRANSITION', '您已加入该调解')
  const slot = pl.parties.findIndex((x) => x.side === 'respondent' && x.inviteSecret === j.secret)
  if (slot < 0 || pl.parties[slot]!.userId) return fail('NOT_FOUND', '邀请码无效或已被使用')
  if (typeof j.consent !== 'boolean') return fail('VALIDATION', '请选择是否同意调解', { consent: '必填' })
  const reason = j.reason?.trim() ?? ''
  if (!j.consent && !reason) return fail('VALIDATION', '请说明不同意调解的原因', { reason: '必填' })
  // Mediation already under way had every respondent's consent: no slot can be open then.
  if (!j.consent && !MEDIATION_OPEN_BEFORE_CONSENT.includes(c.status)) return fail('ILLEGAL_TRANSITION', '调解已开始，如有异议请联系调解员')
  const name = j.name.trim()
  if (!name) return fail('VALIDATION', '请填写您的真实姓名', { name: '必填' })
  const at = j.now.toISOString()
  const was = pl.parties[slot]!.name
  const consent: Party['consent'] = j.consent ? 'consented' : 'declined'
  // A changed name drops the sealed one: the backend seals the new name before the case is stored.
  const parties = pl.parties.map((x, i): Party => (i === slot ? { ...withoutSealedName(x), userId: j.userId, name, consent, consentAt: at } : x))
  const status = !j.consent ? 'declined' : c.status === 'awaiting_consent' && respondentsConsented(parties) ? 'mediating' : c.status
  // The timeline is read by everyone on the case and kept for good: the names go on it masked.
  const corrected = name === was ? null : `被申请人姓名由「${maskName(was)}」更正为「${maskName(name)}」`
  const note = j.consent ? corrected : [reason, corrected && `（${corrected}）`].filter(Boolean).join('')
  const payload = { ...c.payload, parties, respondentIds: [...pl.respondentIds, j.userId], ...(j.consent ? {} : { referral: { type: 'court' as const, note: reason } }) }
  const next: Case = { ...c, status, payload, updatedAt: at, version: c.version + 1 }
  const action = j.consent ? 'join' : 'decline'
  return {
    ok: true,
    case: next,
    event: { id: j.eventId, caseId: c.id, actorId: j.userId, actorRole: 'respondent', action, fromStatus: c.status, toStatus: status, note, attachments: [], at, visibility: 'internal' as const },
  }
}
