import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { publicView } from './buildingView'
import { Names } from './reads'

/** The building a tenant scanned: public facts and the consent notice, nobody's registration. */
export async function building(d: Deps, _actor: Actor, input: { code: string }) {
  const b = await d.store.getBuildingByCode(input.code)
  if (!b) return fail('NOT_FOUND', '楼栋不存在，请重新扫描楼栋二维码')
  return { ok: true as const, building: await publicView(d, await d.orgTree(), b, new Names(d)) }
}
