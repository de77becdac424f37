import type { ApiIn } from '../../../src/contracts/api'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { Vault } from '../../crypto/vault'
import { mediationSummary } from './caseView'
import { pl } from './payload'
import { hasPartyPhone, phoneVault } from './phones'
import { streetsOf } from './streets'

/** The centre sees every case of its streets; a mediator only their committees' cases there. */
function staffScope(tree: OrgTree, actor: Actor): { streets: string[]; committees: string[] | null } | null {
  const streets = new Set<string>()
  let committees: Set<string> | null = null
  let any = false
  for (const g of actor.grants) {
    if (g.role === 'dispatcher' || g.role === 'admin') {
      for (const s of streetsOf(tree, g.unitCode)) streets.add(s)
      any = true
    }
  }
  if (any) return { streets: [...streets], committees: null }
  for (const g of actor.grants) {
    if (g.role === 'mediator' && g.committee) {
      for (const s of streetsOf(tree, g.unitCode)) streets.add(s)
      committees ??= new Set()
      committees.add(g.committee)
    }
  }
  return committees ? { streets: [...streets], committees: [...committees] } : null
}

const SCAN = 1000

export async function queue(d: Deps, actor: Actor, input: ApiIn<'mediation.queue'>) {
  const tree = await d.orgTree()
  const scope = staffScope(tree, actor)
  if (!scope) return fail('FORBIDDEN', '仅调解员和综治中心可查看调解工作台')
  const limit = input.limit ?? 30
  const rows = await d.store.listCases({
    kind: 'mediation',
    unitCodes: scope.streets,
    statuses: input.statuses?.length ? input.statuses : undefined,
    category: input.disputeType,
    assigneeId: input.mine ? actor.userId : undefined,
    order: 'sla',
    limit: SCAN,
  })
  let vault: Vault | undefined
  if (input.phone) {
    const v = phoneVault(d)
    if ('ok' in v) return v
    vault = v
  }
  const visible = rows.filter((c) => (!scope.committees || scope.committees.includes(pl(c).committee ?? '')) && (!vault || hasPartyPhone(vault, c, input.phone!)))
  const start = input.before ? visible.findIndex((c) => c.id === input.before) + 1 : 0
  const page = visible.slice(start, start + limit)
  const names = new Map<string, string>()
  const cases = []
  for (const c of page) cases.push(await mediationSummary(d, tree, actor, c, names))
  return { ok: true as const, cases, next: start + limit < visible.length ? page[page.length - 1]!.id : null, total: visible.length }
}
