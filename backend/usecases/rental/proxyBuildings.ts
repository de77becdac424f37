import type { ProxyBuildingView } from '../../../src/contracts/rental'
import { PROXY_ROLES } from '../../../src/core/proxy'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { NOT_AN_AGENT } from '../shared/proxyAgent'
import { gridsOf } from './reads'

/** 代办登记's picker: the buildings in the agent's own area (a grid worker's grid, a 代办员's community), by name. */
export async function proxyBuildings(d: Deps, actor: Actor) {
  const units = actor.grants.filter((g) => PROXY_ROLES.includes(g.role)).map((g) => g.unitCode)
  if (units.length === 0) return NOT_AN_AGENT
  const tree = await d.orgTree()
  const grids = gridsOf(tree, units)
  const found = grids.length ? await d.store.buildingsInGrids(grids) : []
  const buildings: ProxyBuildingView[] = found
    .map((b) => ({ code: b.code, name: b.name, address: b.address, gridName: tree.get(b.gridCode)?.name ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))
  return { ok: true as const, buildings }
}
