import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { qrSvg } from '../qrSvg'
import { buildingViews, countsBy } from './buildingView'
import { ownBuilding } from './roles'

export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.JIEFANG_PUBLIC_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '')
}

export function checkinLink(code: string): string {
  return `${publicBaseUrl()}/#/pages/rental/checkin/index?b=${encodeURIComponent(code)}`
}

/** The printable building QR (楼栋二维码) for its manager. */
export async function buildingQr(d: Deps, actor: Actor, input: { buildingId: string }) {
  const b = await ownBuilding(d, actor, input.buildingId)
  if (!b) return fail('NOT_FOUND', '楼栋不存在或无权查看')
  const [view] = await buildingViews(d, [b], await countsBy(d, { assigneeId: actor.userId }))
  const link = checkinLink(b.code)
  return { ok: true as const, link, svg: qrSvg(link, 4), building: view! }
}
