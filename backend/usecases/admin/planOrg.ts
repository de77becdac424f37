import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { requireDistrictAdmin } from './access'
import { parseFiles, plan } from './orgPlan'

/** What importing the org files (grids GeoJSON, streets/communities) would change; nothing is written. */
export async function planOrg(d: Deps, actor: Actor, input: { geojson: string; units?: string }) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const files = parseFiles(input.geojson, input.units)
  if (!Array.isArray(files)) return files
  return { ok: true as const, plan: (await plan(d, files)).view }
}
