import type { ModerateInput } from '../../../src/contracts/api'
import type { Case, TimelineEvent } from '../../../src/core/case'
import { REPORT, type ModerationParams, type ReportPayload } from '../../../src/core/kinds/report'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import { labelOf, transition } from '../../../src/core/transition'
import type { AuditEntry } from '../../ports'
import type { Tx } from '../../ports'
import type { Deps } from '../../deps'
import { saveTransition } from '../shared/persist'
import { mayBePublic, moderationItem } from './moderationItem'

const NOT_FOUND = '事项不存在或无权查看'
/** Claims of `Tx.claimIdempotency` under this name map an image check's trace id to its report. */
export const MEDIA_CHECK_CLAIMANT = 'wx-media-check'

/** Which row of the table a decision is, or why the combination makes no sense. */
function actionOf(input: ModerateInput): string | Failure {
  const { target, decision } = input
  if (target !== 'photo' && input.fileId !== undefined) return fail('VALIDATION', '只有审核照片时才需指定照片', { fileId: '多余' })
  if (decision !== 'redact' && input.text !== undefined) return fail('VALIDATION', '只有编辑描述时才需填写新描述', { text: '多余' })
  if (target === 'photo' && !input.fileId) return fail('VALIDATION', '请选择要审核的照片', { fileId: '必填' })
  const table: Record<string, Partial<Record<ModerateInput['decision'], string>>> = {
    description: { publish: 'publish_description', hide: 'hide_description', redact: 'redact_description' },
    photo: { publish: 'publish_photo', hide: 'hide_photo' },
    report: { hide: 'hide_report', unhide: 'unhide_report' },
  }
  const action = Object.prototype.hasOwnProperty.call(table, target) ? table[target]![decision] : undefined
  if (!action) return fail('VALIDATION', DECISION_REFUSED[target] ?? '不支持的审核操作', { decision: '不适用' })
  if (decision === 'redact' && !input.text?.trim()) return fail('VALIDATION', '请填写编辑后的描述', { text: '必填' })
  return action
}

const DECISION_REFUSED: Record<string, string> = {
  description: '描述只能公开、隐藏或编辑',
  photo: '照片只能公开或隐藏',
  report: '整个事项只能对公众隐藏或取消隐藏',
}

/** The WeChat identity content security asks for: the moderator's (active now), else the reporter's. */
async function checkerOpenid(d: Deps, actor: Actor, c: Case): Promise<string | undefined> {
  const me = await d.store.getUser(actor.userId)
  if (me?.openid) return me.openid
  return (await d.store.getUser(c.creatorId))?.openid ?? undefined
}

/** The verdicts publishing needs, asked of WeChat only once the move is otherwise allowed. */
async function contentChecks(d: Deps, actor: Actor, c: Case, action: string, input: ModerateInput): Promise<ModerationParams | Failure> {
  const p = c.payload as unknown as ReportPayload
  const base: ModerationParams = { ...(input.fileId ? { fileId: input.fileId } : {}), ...(input.text !== undefined ? { text: input.text.trim() } : {}) }
  if (action === 'publish_description' || action === 'redact_description') {
    const text = action === 'redact_description' ? input.text!.trim() : p.description
    const r = await d.contentSecurity.checkText(text, await checkerOpenid(d, actor, c))
    return r.ok ? { ...base, textSuggest: r.suggest } : r
  }
  if (action === 'publish_photo') {
    const meta = await d.store.getFileMeta(input.fileId!)
    if (!meta) return fail('VALIDATION', '照片文件不存在', { fileId: '无效' })
    const r = await d.contentSecurity.checkImage(await d.fileUrl(meta), await checkerOpenid(d, actor, c))
    return r.ok ? { ...base, traceId: r.traceId } : r
  }
  return base
}

export function auditEntry(d: Deps, c: Case, e: TimelineEvent, reason: string): AuditEntry {
  const file = e.attachments[0] ? `（照片 ${e.attachments[0]}）` : ''
  return {
    id: d.newId(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: 'moderate',
    // The case id last, as the other audited case reads write it.
    target: `cases.moderate ${labelOf(REPORT.actionLabels, e.action)}${file} 网格事件 ${c.id}`,
    reason,
    unitCode: c.gridCode ?? c.unitCode,
    at: e.at,
  }
}

/**
 * One moderation decision (内容审核): a row of the report table, so role, scope and version are
 * checked as for any move; text that would become public passes WeChat content security first, a
 * photo is sent for its asynchronous check. The case, its timeline row, the outbox message (the
 * reporter's notice) and the audit row commit together.
 */
export async function moderate(d: Deps, actor: Actor, input: ModerateInput) {
  const tree = await d.orgTree()
  const c = await d.store.getCase(input.id)
  if (!c || c.kind !== 'report' || !canRead(tree, actor, c)) return fail('NOT_FOUND', NOT_FOUND)
  const action = actionOf(input)
  if (typeof action !== 'string') return action
  const reason = input.reason?.trim() || undefined
  const move = (moderation: ModerationParams) =>
    transition(REPORT, tree, c, {
      actor,
      action,
      note: reason,
      attachments: input.fileId ? [input.fileId] : [],
      now: d.clock.now(),
      eventId: d.newId(),
      expectedVersion: input.version,
      params: { moderation },
    })
  // A dry run with passing verdicts: who, which version, which state — before asking WeChat.
  const dry = move({ ...(input.fileId ? { fileId: input.fileId } : {}), text: input.text ?? '-', textSuggest: 'pass', traceId: 'dry-run' })
  if (!dry.ok) return dry
  if (!mayBePublic(d, c)) return fail('ILLEGAL_TRANSITION', '该类事项不对外公开，无需审核')
  const checks = await contentChecks(d, actor, c, action, input)
  if ('ok' in checks) return checks as Failure
  const out = move(checks)
  if (!out.ok) return out
  const audit = auditEntry(d, c, out.event, reason ?? labelOf(REPORT.actionLabels, action))
  const conflict = await saveTransition(d, c, out.case, out.event, async (tx: Tx) => {
    await tx.appendAudit(audit)
    if (checks.traceId) await tx.claimIdempotency(MEDIA_CHECK_CLAIMANT, checks.traceId, c.id)
  })
  if (conflict) return conflict
  return { ok: true as const, item: await moderationItem(d, tree, out.case) }
}
