import { toW3c } from '../../../src/core/time'
import type { Deps } from '../../deps'
import { list, type Doc } from './document'

export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2'
/** When this endpoint's shape was last changed; a newer district configuration (its services) moves it on. */
const ENDPOINT_CHANGED = '2026-12-07T00:00:00.000Z'

/** GET discovery (Open311 Service Discovery): this one endpoint, its formats, and where keys come from. */
export async function discoveryDoc(d: Deps, url: string): Promise<Doc> {
  const latest = await d.store.latestConfigVersion()
  const changeset = toW3c(latest && latest.at > ENDPOINT_CHANGED ? latest.at : ENDPOINT_CHANGED)
  return {
    root: 'discovery',
    body: {
      changeset,
      contact: `${d.config.district.name}网格化服务管理平台（对外接口由区管理员管理）`,
      key_service: 'api_key 由区管理员在管理后台「对外接口」页签发（Open311 接口密钥），每个对接系统一把，可随时停用',
      endpoints: list('endpoint', [
        { specification: GEOREPORT_V2, url, changeset, type: 'production', formats: list('format', ['text/xml', 'application/json']) },
      ]),
    },
  }
}
