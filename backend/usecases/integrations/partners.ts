import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { requireDistrictAdmin } from '../admin/access'
import { partnerView } from './views'

/** 对外接口: every Open311 key and 12345 platform, newest first, revoked ones included. */
export async function partners(d: Deps, actor: Actor) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const all = await d.store.listPartners()
  return { ok: true as const, partners: all.map((p) => partnerView(d, p)) }
}
