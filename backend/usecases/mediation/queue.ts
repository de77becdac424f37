import type { ApiIn } from '../../../src/contracts/api'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import type { Actor, RoleGrant } from '../../../src/core/roles'
import { grantCovers } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import type { Vault } from '../../crypto/vault'
import { mediationSummary } from './caseView'
import { hasPartyPhone, phoneVault } from './phones'
import { mediationUnits, streetsOf } from './streets'

/**
 * The centre sees every case of its streets and their communities (a district's also the district's
 * own); a mediator the cases their grant covers there (their committee's, at their unit or below).
 */
function staffScope(tree: OrgTree, actor: Actor): { units: string[]; grants: RoleGrant[] } | null {
  const centre = actor.grants.filter((g) => g.role === 'dispatcher' || g.role === 'admin')
  const grants = centre.length > 0 ? centre : actor.grants.filter((g) => g.role === 'mediator' && g.committee)
  if (grants.length === 0) return null
  const units = new Set<string>()
  for (const g of grants) {
    for (const s of streetsOf(tree, g.unitCode)) for (const u of mediationUnits(tree, s)) units.add(u)
    if (tree.get(g.unitCode)?.level === 'district') units.add(g.unitCode)
  }
  return { units: [...units], grants }
}

const SCAN = 1000

export async function queue(d: Deps, actor: Actor, input: ApiIn<'mediation.queue'>) {
  const tree = await d.orgTree()
  const scope = staffScope(tree, actor)
  if (!scope) return fail('FORBIDDEN', '仅调解员和综治中心可查看调解工作台')
  const limit = input.limit ?? 30
  const rows = await d.store.listCases({
    kind: 'mediation',
    unitCodes: scope.units,
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
  const visible = rows.filter((c) => scope.grants.some((g) => grantCovers(tree, g, actor, c)) && (!vault || hasPartyPhone(vault, c, input.phone!)))
  const start = input.before ? visible.findIndex((c) => c.id === input.before) + 1 : 0
  const page = visible.slice(start, start + limit)
  const names = new Map<string, string>()
  const cases = []
  for (const c of page) cases.push(await mediationSummary(d, tree, actor, c, names))
  return { ok: true as const, cases, next: start + limit < visible.length ? page[page.length - 1]!.id : null, total: visible.length }
}
