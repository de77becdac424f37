import { createHash } from 'node:crypto'
import type { BuildingPlanView } from '../../../src/contracts/admin'
import { addressKey, planBuildings } from '../../../src/core/import/buildings'
import type { Actor } from '../../../src/core/roles'
import { readTable } from '../../import/table'
import type { Building } from '../../ports'
import type { Deps } from '../../deps'
import { newBuildingCode } from '../rental/buildingCode'
import { administers, requireAdmin } from './access'

/**
 * Buildings from a CSV/xlsx table, registered as their building manager would register them
 * (rental's Building, with its printed code). A building is identified by grid and address:
 * a row already registered is left as it is.
 */
export async function importBuildings(d: Deps, actor: Actor, input: { fileName: string; contentBase64: string; dryRun: boolean; allOrNothing: boolean }) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const table = readTable(input.fileName, Buffer.from(input.contentBase64, 'base64'))
  if (!table.ok) return table
  const tree = await d.orgTree()
  const mine = (code: string) => administers(tree, actor, code)
  const grids = tree.grids().filter((g) => mine(g.code)).map((g) => g.code)
  const managers = await d.store.listStaff(tree.all().map((u) => u.code), ['building_manager'])
  const plan = planBuildings(table.rows, { tree, managers, existing: await d.store.buildingsInGrids(grids), allowUnit: mine })
  const names = new Map(managers.map((m) => [m.id, m.name]))
  const view: BuildingPlanView = {
    rows: plan.rows,
    errors: plan.errors,
    buildings: plan.buildings.map((b) => ({ row: b.row, name: b.name, address: b.address, gridCode: b.gridCode, gridName: tree.get(b.gridCode)?.name ?? b.gridCode, floors: b.floors, rooms: b.rooms.length, managerName: names.get(b.managerId) ?? '', change: b.change })),
    applied: 0,
  }
  if (input.dryRun || (input.allOrNothing && plan.errors.length > 0)) return { ok: true as const, plan: view }
  for (const row of plan.buildings) {
    if (row.change === 'unchanged') continue
    const b: Building = {
      id: d.newId(),
      code: newBuildingCode(),
      name: row.name,
      address: row.address,
      location: row.location,
      gridCode: row.gridCode,
      floors: row.floors,
      rooms: row.rooms,
      managerId: row.managerId,
      creatorId: actor.userId,
      // The same row imported again by the same person is the same create.
      idempotencyKey: `import-${createHash('sha256').update(`${row.gridCode}|${addressKey(row.address)}`).digest('hex').slice(0, 40)}`,
      createdAt: d.clock.now().toISOString(),
      lastInspectionAt: null,
    }
    const stored = await d.store.transaction((tx) => tx.insertBuilding(b))
    if (stored.id === b.id) view.applied++
  }
  return { ok: true as const, plan: view }
}
