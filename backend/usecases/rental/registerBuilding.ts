import { gridAt } from '../../../src/core/geo'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Building } from '../../ports'
import type { Deps } from '../../deps'
import { newBuildingCode } from './buildingCode'
import { buildingViews } from './buildingView'
import { isManager } from './roles'

/** A building manager registers a building in their area; its grid comes from its location. */
export async function registerBuilding(d: Deps, actor: Actor, input: { idempotencyKey: string; name: string; address: string; location: { lng: number; lat: number }; floors: number; rooms: string[] }) {
  if (!isManager(actor)) return fail('FORBIDDEN', '仅楼栋长可登记楼栋')
  const tree = await d.orgTree()
  const grid = gridAt(tree, input.location)
  if (!grid) return fail('OUT_OF_AREA', '该位置不在本区网格范围内，请重新选点', { location: '不在网格范围内' })
  const mine = actor.grants.filter((g) => g.role === 'building_manager').some((g) => tree.isWithin(grid.code, g.unitCode))
  if (!mine) return fail('FORBIDDEN', `该位置属于「${grid.name}」，不在您负责的范围内`, { location: '不在负责范围内' })
  const rooms = [...new Set(input.rooms.map((r) => r.trim()).filter(Boolean))]
  if (rooms.length === 0) return fail('VALIDATION', '请至少填写一个房号', { rooms: '至少一个房号' })
  const b: Building = {
    id: d.newId(),
    code: newBuildingCode(),
    name: input.name.trim(),
    address: input.address.trim(),
    location: { lng: input.location.lng, lat: input.location.lat },
    gridCode: grid.code,
    floors: input.floors,
    rooms,
    managerId: actor.userId,
    creatorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    createdAt: d.clock.now().toISOString(),
    lastInspectionAt: null,
  }
  const stored = await d.store.transaction((tx) => tx.insertBuilding(b))
  const [view] = await buildingViews(d, [stored], new Map())
  return { ok: true as const, building: view!, replayed: stored.id !== b.id }
}
