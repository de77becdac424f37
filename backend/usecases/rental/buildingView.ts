import type { BuildingPublicView, BuildingView } from '../../../src/contracts/rental'
import type { OrgTree } from '../../../src/core/org'
import { inspectionState } from '../../../src/core/rental'
import type { CaseQuery } from '../../ports'
import type { Building } from '../../ports'
import type { Deps } from '../../deps'
import { gridView } from '../shared/gridView'
import { casePages, Names, pl } from './reads'

export type Counts = Map<string, { pending: number; active: number }>

/** Pending and active registrations per building, read through an indexed case query. */
export async function countsBy(d: Deps, q: CaseQuery): Promise<Counts> {
  const out: Counts = new Map()
  for await (const page of casePages(d, { ...q, kind: 'checkin', statuses: ['pending', 'active'], order: 'newest' }, 50)) {
    for (const c of page) {
      const n = out.get(pl(c).buildingId) ?? { pending: 0, active: 0 }
      if (c.status === 'pending') n.pending++
      else n.active++
      out.set(pl(c).buildingId, n)
    }
  }
  return out
}

export async function buildingView(d: Deps, tree: OrgTree, b: Building, counts: { pending: number; active: number }, names: Names): Promise<BuildingView> {
  return {
    id: b.id,
    code: b.code,
    name: b.name,
    address: b.address,
    location: b.location,
    gridCode: b.gridCode,
    gridName: tree.get(b.gridCode)?.name ?? b.gridCode,
    floors: b.floors,
    rooms: b.rooms,
    managerId: b.managerId,
    managerName: await names.of(b.managerId),
    pending: counts.pending,
    active: counts.active,
    lastInspectionAt: b.lastInspectionAt,
    inspectionState: inspectionState(b.lastInspectionAt, d.clock.now(), d.config.rental.inspectionDueSoonDays),
    createdAt: b.createdAt,
  }
}

/** Buildings as their manager and the street list them, with their registration counts. */
export async function buildingViews(d: Deps, buildings: Building[], counts: Counts): Promise<BuildingView[]> {
  const tree = await d.orgTree()
  const names = new Names(d)
  const out: BuildingView[] = []
  for (const b of buildings) out.push(await buildingView(d, tree, b, counts.get(b.id) ?? { pending: 0, active: 0 }, names))
  return out
}

/** The building a tenant scanned: public facts and the consent notice, nobody's registration. */
export async function publicView(d: Deps, tree: OrgTree, b: Building, names: Names): Promise<BuildingPublicView> {
  const grid = tree.get(b.gridCode)
  return {
    code: b.code,
    name: b.name,
    address: b.address,
    gridName: grid?.name ?? b.gridCode,
    path: grid ? gridView(tree, grid).path : '',
    rooms: b.rooms,
    managerName: await names.of(b.managerId),
    notice: { version: d.config.rental.notice.version, purpose: d.config.rental.notice.purpose, retentionDays: d.config.rental.retentionDays },
  }
}
