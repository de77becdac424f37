import type { MessageView } from '../../../src/contracts/api'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { auditCaseRead } from '../shared/readAudit'
import { messageView } from './messageView'
import { readable } from './readableCase'

export async function messages(d: Deps, actor: Actor, input: { id: string; after?: string }) {
  const tree = await d.orgTree()
  const c = await readable(d, tree, actor, input.id)
  if ('ok' in c) return c
  await auditCaseRead(d, tree, actor, c, 'mediation.messages')
  const rows = await d.store.listMessages(c.id, { after: input.after })
  const out: MessageView[] = []
  for (const m of rows) out.push(await messageView(d, c, actor, m))
  return { ok: true as const, messages: out }
}
