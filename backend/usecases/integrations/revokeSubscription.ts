import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { requireDistrictAdmin } from '../admin/access'
import { auditChange } from './audit'
import { subscriptionView } from './views'

/** Nothing more is sent to the subscriber (messages already queued are set aside by the sender). */
export async function revokeSubscription(d: Deps, actor: Actor, input: { id: string }) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const found = await d.store.getSubscription(input.id)
  if (!found) return fail('NOT_FOUND', '事件订阅不存在')
  if (found.revokedAt) return fail('ILLEGAL_TRANSITION', '该事件订阅已停用，无需再次停用')
  await auditChange(d, actor, 'revokeSubscription', found.id, found.name)
  const at = d.clock.now().toISOString()
  if (!(await d.store.revokeSubscription(found.id, at))) return fail('ILLEGAL_TRANSITION', '该事件订阅已停用，无需再次停用')
  return { ok: true as const, subscription: subscriptionView({ ...found, revokedAt: at }) }
}
