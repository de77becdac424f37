import type { UnitListView } from '../../../src/contracts/admin'
import type { Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { requireAdmin } from './access'
import { row } from './orgPlan'

/** The district's units for the console, with each grid's outline. */
export async function units(d: Deps, actor: Actor): Promise<{ ok: true; units: UnitListView[] } | Failure> {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const stored = await d.store.listUnits()
  return {
    ok: true,
    units: stored.map((u) => ({ ...row(u), hasPolygon: !!u.polygon, phone: u.phone ?? null, polygon: u.level === 'grid' && u.polygon ? u.polygon.coordinates : null })),
  }
}
