import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { auditCaseRead } from '../shared/readAudit'
import { detail } from './caseDetail'
import { readable } from './readableCase'

export async function get(d: Deps, actor: Actor, input: { id: string }) {
  const tree = await d.orgTree()
  const c = await readable(d, tree, actor, input.id)
  if ('ok' in c) return c
  await auditCaseRead(d, tree, actor, c, 'mediation.get')
  return { ok: true as const, ...(await detail(d, tree, actor, c)) }
}
