import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { requireDistrictAdmin } from '../admin/access'
import { subscriptionView } from './views'

/** 事件订阅: every subscription, newest first, revoked ones included; never a secret. */
export async function subscriptions(d: Deps, actor: Actor) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  return { ok: true as const, subscriptions: (await d.store.listSubscriptions()).map(subscriptionView) }
}
