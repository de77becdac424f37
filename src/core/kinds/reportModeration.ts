import { z } from 'zod'
import { actionsOf, param, type ParamGuard, type ParamPatch, type ParamsContext } from '../command'
import { fail } from '../outcome'
import {
  moderationOf,
  type ContentSuggest,
  type ModerationParams,
  type ModerationState,
  type PhotoModerationState,
  type ReportModeration,
  type ReportPayload,
  type ReportStatus,
} from './reportTerms'

// Moderation: what of a report the public may see (rows without `to`: the status stays).

type Moderated = { moderation: ModerationParams }
type Guard = ParamGuard<ReportPayload, Moderated>
type Patch = ParamPatch<ReportPayload, Moderated>
type Ctx = ParamsContext<ReportPayload, Moderated>

const action = actionsOf<ReportPayload, ReportStatus>()

const MODERATION_ROLES = ['dispatcher', 'grid_worker'] as const
const EVERY_STATUS = ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'merged', 'converted'] as const

/** A move without the moderation use case's params (e.g. through `cases.act`) is refused: moderation is audited. */
const moderation = param(
  z.custom<ModerationParams>((v) => typeof v === 'object' && v !== null),
  fail('VALIDATION', '内容审核请在审核队列中处理'),
)

function first(...guards: Guard[]): Guard {
  return (ctx) => {
    for (const g of guards) {
      const why = g(ctx)
      if (why) return why
    }
    return null
  }
}

const needReason: Guard = ({ input }) => (input.note?.trim() ? null : fail('VALIDATION', '请填写原因', { reason: '必填' }))

const TEXT_REFUSED: Record<ContentSuggest, string> = {
  pass: '',
  review: '微信内容安全检测提示该文字需人工复核，不能公开；可编辑后公开或隐藏',
  risky: '该文字未通过微信内容安全检测，不能公开；可编辑后公开或隐藏',
}

const textPassed: Guard = ({ params }) => {
  const s = params.moderation.textSuggest
  if (s === 'pass') return null
  return fail('VALIDATION', s ? TEXT_REFUSED[s] : '公开前须通过内容安全检测', { text: s ? '未通过检测' : '未检测' })
}

const needRedaction: Guard = ({ params }) => {
  const t = params.moderation.text
  return typeof t === 'string' && t.trim().length > 0 ? null : fail('VALIDATION', '请填写编辑后的描述', { text: '必填' })
}

const descriptionNot =
  (state: ModerationState, message: string): Guard =>
  ({ c }) =>
    moderationOf(c.payload).description === state ? fail('ILLEGAL_TRANSITION', message) : null

/** The photo named in the move, when it is one of the report's own. */
function photoOf({ c, params }: Ctx): string | null {
  const id = params.moderation.fileId
  return typeof id === 'string' && c.payload.photos.includes(id) ? id : null
}

const photoOfReport: Guard = (ctx) => (photoOf(ctx) ? null : fail('VALIDATION', '该照片不属于此事项', { fileId: '无效' }))

const photoPublishable: Guard = (ctx) => {
  const id = photoOf(ctx)!
  const m = moderationOf(ctx.c.payload)
  if (m.photos[id] === 'published') return fail('ILLEGAL_TRANSITION', '照片已公开')
  if (m.checking?.[id]) return fail('ILLEGAL_TRANSITION', '照片正在进行内容安全检测，请稍候')
  return typeof ctx.params.moderation.traceId === 'string' ? null : fail('VALIDATION', '公开前须提交内容安全检测')
}

const photoNotHidden: Guard = (ctx) => (moderationOf(ctx.c.payload).photos[photoOf(ctx)!] === 'hidden' ? fail('ILLEGAL_TRANSITION', '照片已隐藏') : null)

/** A verdict applies only to the check still running for that photo (a hide since then wins). */
const checkStillRunning: Guard = (ctx) => {
  const id = photoOf(ctx)
  const trace = ctx.params.moderation.traceId
  return id && trace && moderationOf(ctx.c.payload).checking?.[id] === trace ? null : fail('ILLEGAL_TRANSITION', '该照片没有进行中的内容安全检测')
}

const reportHidden =
  (hidden: boolean, message: string): Guard =>
  ({ c }) =>
    moderationOf(c.payload).hidden === hidden ? null : fail('ILLEGAL_TRANSITION', message)

function moderate(p: ReportPayload, change: (m: ReportModeration) => ReportModeration): { payload: ReportPayload } {
  return { payload: { ...p, moderation: change(moderationOf(p)) } }
}

function withoutCheck(m: ReportModeration, fileId: string): ReportModeration {
  if (!m.checking || !(fileId in m.checking)) return m
  const { [fileId]: _done, ...rest } = m.checking
  const { checking: _all, ...base } = m
  return Object.keys(rest).length > 0 ? { ...base, checking: rest } : base
}

function describeAs(state: ModerationState, publicText?: string): (m: ReportModeration) => ReportModeration {
  return (m) => {
    const { publicDescription: _old, ...base } = m
    return { ...base, description: state, ...(publicText !== undefined ? { publicDescription: publicText } : {}) }
  }
}

const photoAs =
  (state: PhotoModerationState): Patch =>
  (ctx) => {
    const id = photoOf(ctx)!
    return moderate(ctx.c.payload, (m) => ({ ...withoutCheck(m, id), photos: { ...m.photos, [id]: state } }))
  }

const startCheck: Patch = (ctx) => {
  const id = photoOf(ctx)!
  return moderate(ctx.c.payload, (m) => ({ ...m, checking: { ...(m.checking ?? {}), [id]: ctx.params.moderation.traceId! } }))
}

const reason = (label: string) => [{ name: 'note' as const, label, required: true }]

/** One moderation move: every status, the moderators (or the system for a verdict); never offered as a case move. */
function moderationMove(label: string, roles: readonly ('dispatcher' | 'grid_worker' | 'system')[], guard: Guard, patch: Patch, form?: ReturnType<typeof reason>) {
  return action({
    label,
    params: { moderation },
    ...(form ? { form } : {}),
    // Moderation goes through cases.moderate (content checks, audit), never as a case move.
    offered: () => false,
    rows: [{ from: EVERY_STATUS, roles, guard, patch }],
  })
}

/** Moderation moves of the report table; `cases.moderate` is their only way in. */
export const MODERATION_COMMANDS = {
  publish_description: moderationMove('公开描述', MODERATION_ROLES, first(descriptionNot('published', '描述已公开'), textPassed), ({ c }) => moderate(c.payload, describeAs('published'))),
  hide_description: moderationMove('隐藏描述', MODERATION_ROLES, first(needReason, descriptionNot('hidden', '描述已隐藏')), ({ c }) => moderate(c.payload, describeAs('hidden')), reason('隐藏原因')),
  redact_description: moderationMove(
    '编辑描述',
    MODERATION_ROLES,
    first(needReason, needRedaction, textPassed),
    ({ c, params }) => moderate(c.payload, describeAs('edited', params.moderation.text!.trim())),
    reason('编辑原因'),
  ),
  publish_photo: moderationMove('公开照片', MODERATION_ROLES, first(photoOfReport, photoPublishable), startCheck),
  hide_photo: moderationMove('隐藏照片', MODERATION_ROLES, first(needReason, photoOfReport, photoNotHidden), photoAs('hidden'), reason('隐藏原因')),
  hide_report: moderationMove('对公众隐藏', MODERATION_ROLES, first(needReason, reportHidden(false, '事项已对公众隐藏')), ({ c }) => moderate(c.payload, (m) => ({ ...m, hidden: true })), reason('隐藏原因')),
  unhide_report: moderationMove('取消隐藏', MODERATION_ROLES, reportHidden(true, '事项未被隐藏'), ({ c }) => moderate(c.payload, (m) => ({ ...m, hidden: false }))),
  // The verdict of an image check, pushed by WeChat: pass publishes, risky hides, review leaves it to staff.
  photo_check_pass: moderationMove('照片检测通过', ['system'], checkStillRunning, photoAs('published')),
  photo_check_risky: moderationMove('照片检测未通过', ['system'], checkStillRunning, photoAs('hidden')),
  photo_check_review: moderationMove('照片需人工复核', ['system'], checkStillRunning, photoAs('pending')),
}

export type ModerationAction = keyof typeof MODERATION_COMMANDS

export const MODERATION_ACTIONS: ReadonlySet<string> = new Set(Object.keys(MODERATION_COMMANDS))


