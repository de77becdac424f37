import { MEDIATION } from '../../../src/core/kinds/mediation'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { CaseMessage } from '../../ports'
import type { Deps } from '../../deps'
import { notOwnUpload } from '../files/ownUploads'
import { myRole } from './caseView'
import { messageView } from './messageView'
import { readable } from './readableCase'

/** Parties, the assigned mediator and invited helpers write; the thread is kept for good and never edited. */
export async function send(d: Deps, actor: Actor, input: { id: string; text: string; photos: string[] }) {
  const tree = await d.orgTree()
  const c = await readable(d, tree, actor, input.id)
  if ('ok' in c) return c
  const role = myRole(tree, actor, c)
  // 协助调解: an invited helper writes too (their messages read 协助调解人).
  const writer = role === 'applicant' || role === 'respondent' || role === 'helper' || (role === 'mediator' && c.assigneeId === actor.userId)
  if (!writer) return fail('FORBIDDEN', '只有当事人、承办调解员和协助调解人可以发言')
  if (MEDIATION.terminalStatuses.includes(c.status)) return fail('ILLEGAL_TRANSITION', '调解已结束，不能再发送消息')
  const bad = await notOwnUpload(d, actor, input.photos)
  if (bad !== null) return fail('VALIDATION', '照片无效，请重新上传', { photos: bad })
  const now = d.clock.now().toISOString()
  const m: CaseMessage = { id: d.newId(), caseId: c.id, authorId: actor.userId, authorRole: role, text: input.text.trim(), photos: input.photos, at: now }
  await d.store.addMessage(m)
  await d.store.transaction(async (tx) =>
    tx.enqueue({ id: d.newId(), topic: 'case.message', key: c.id, payload: { caseId: c.id, messageId: m.id, authorId: actor.userId }, createdAt: now, attempts: 0, nextAttemptAt: now, deliveredAt: null, lastError: null }),
  )
  return { ok: true as const, message: await messageView(d, c, actor, m) }
}
