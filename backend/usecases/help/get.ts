import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { auditCaseRead } from '../shared/readAudit'
import { helpDetail, readableHelp } from './detail'

/** `help.get`: the person sees their request; staff in scope see everything (an administrator's read is audited). */
export async function get(d: Deps, actor: Actor, input: { id: string }) {
  const tree = await d.orgTree()
  const c = await readableHelp(d, tree, actor, input.id)
  if ('ok' in c) return c
  await auditCaseRead(d, tree, actor, c, 'help.get')
  return { ok: true as const, ...(await helpDetail(d, tree, actor, c)) }
}
