import { fail, isFailure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { shareCode, type ShareTarget } from '../shared/shareCode'
import { buildingViews, countsBy } from './buildingView'
import { ownBuilding } from './roles'

export const CHECKIN_PAGE = 'pages/rental/checkin/index'

/** The check-in page of a building: `b=<code>` as the 小程序码's scene and as the H5 link's query. */
export function checkinTarget(code: string): ShareTarget {
  return { page: CHECKIN_PAGE, scene: `b=${code}`, query: `b=${encodeURIComponent(code)}` }
}

/** The printable building QR (楼栋二维码) for its manager. */
export async function buildingQr(d: Deps, actor: Actor, input: { buildingId: string }) {
  const b = await ownBuilding(d, actor, input.buildingId)
  if (!b) return fail('NOT_FOUND', '楼栋不存在或无权查看')
  const [view] = await buildingViews(d, [b], await countsBy(d, { assigneeId: actor.userId }))
  const qr = await shareCode(d, checkinTarget(b.code))
  if (isFailure(qr)) return qr
  return { ok: true as const, qr, building: view! }
}
