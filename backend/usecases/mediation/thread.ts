import type { MessageView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { MEDIATION } from '../../../src/core/kinds/mediation'
import { fail } from '../../../src/core/outcome'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import type { CaseMessage } from '../../ports'
import type { Deps } from '../../deps'
import { notOwnUpload } from '../files/ownUploads'
import { photoViews } from '../shared/photoViews'
import { readable } from './cases'
import { auditCaseRead } from '../shared/readAudit'
import { myRole, pl } from './views'

async function toView(d: Deps, c: Case, viewer: Actor, m: CaseMessage): Promise<MessageView> {
  const party = pl(c).parties.find((x) => x.userId === m.authorId)
  const name = party?.name ?? (await d.store.getUser(m.authorId))?.name ?? ''
  return {
    id: m.id,
    authorName: name,
    authorRoleLabel: ROLE_LABELS[m.authorRole as keyof typeof ROLE_LABELS] ?? m.authorRole,
    mine: m.authorId === viewer.userId,
    text: m.text,
    photos: await photoViews(d, m.photos),
    at: m.at,
  }
}

export async function messages(d: Deps, actor: Actor, input: { id: string; after?: string }) {
  const tree = await d.orgTree()
  const c = await readable(d, tree, actor, input.id)
  if ('ok' in c) return c
  await auditCaseRead(d, tree, actor, c, 'mediation.messages')
  const rows = await d.store.listMessages(c.id, { after: input.after })
  const out: MessageView[] = []
  for (const m of rows) out.push(await toView(d, c, actor, m))
  return { ok: true as const, messages: out }
}

/** Parties and the assigned mediator write; the thread is kept for good and never edited. */
export async function send(d: Deps, actor: Actor, input: { id: string; text: string; photos: string[] }) {
  const tree = await d.orgTree()
  const c = await readable(d, tree, actor, input.id)
  if ('ok' in c) return c
  const role = myRole(tree, actor, c)
  const writer = role === 'applicant' || role === 'respondent' || (role === 'mediator' && c.assigneeId === actor.userId)
  if (!writer) return fail('FORBIDDEN', '只有当事人和承办调解员可以发言')
  if (MEDIATION.terminalStatuses.includes(c.status)) return fail('ILLEGAL_TRANSITION', '调解已结束，不能再发送消息')
  const bad = await notOwnUpload(d, actor, input.photos)
  if (bad !== null) return fail('VALIDATION', '照片无效，请重新上传', { photos: bad })
  const now = d.clock.now().toISOString()
  const m: CaseMessage = { id: d.newId(), caseId: c.id, authorId: actor.userId, authorRole: role, text: input.text.trim(), photos: input.photos, at: now }
  await d.store.addMessage(m)
  await d.store.transaction(async (tx) =>
    tx.enqueue({ id: d.newId(), topic: 'case.message', key: c.id, payload: { caseId: c.id, messageId: m.id, authorId: actor.userId }, createdAt: now, attempts: 0, nextAttemptAt: now, deliveredAt: null, lastError: null }),
  )
  return { ok: true as const, message: await toView(d, c, actor, m) }
}
