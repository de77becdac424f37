import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { qrStatus } from './rules'

/** The centre's view of its grids: members, pending requests, the group QR's state. */
export async function overview(d: Deps, actor: Actor, input: { street?: string }) {
  const tree = await d.orgTree()
  const units = actor.grants.filter((g) => g.role === 'dispatcher' || g.role === 'admin').map((g) => g.unitCode)
  if (units.length === 0) return fail('FORBIDDEN', '仅街道综治中心可查看')
  const now = d.clock.now()
  const grids = tree.grids().filter((g) => units.some((u) => tree.isWithin(g.code, u)) && (!input.street || tree.isWithin(g.code, input.street)))
  const out = []
  for (const g of grids) {
    const b = await d.store.getBoard(g.code)
    out.push({
      code: g.code,
      name: g.name,
      members: await d.store.countMemberships([g.code], 'joined'),
      pending: await d.store.countMemberships([g.code], 'requested'),
      qrStatus: qrStatus(b, now),
      qrExpiresAt: b?.qr?.expiresAt ?? null,
    })
  }
  return { ok: true as const, grids: out }
}
