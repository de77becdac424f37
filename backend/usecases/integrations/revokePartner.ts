import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { requireDistrictAdmin } from '../admin/access'
import { auditChange } from './audit'
import { partnerView, PARTNER_KIND_LABELS } from './views'

/** The key or platform stops working at once (the next request is refused); there is no undo. */
export async function revokePartner(d: Deps, actor: Actor, input: { id: string }) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const found = await d.store.getPartner(input.id)
  if (!found) return fail('NOT_FOUND', '对接系统不存在')
  const what = found.kind === 'open311' ? '该接口密钥' : `该${PARTNER_KIND_LABELS.hotline}对接`
  if (found.revokedAt) return fail('ILLEGAL_TRANSITION', `${what}已停用，无需再次停用`)
  await auditChange(d, actor, 'revokePartner', found.id, found.name)
  const at = d.clock.now().toISOString()
  // False: revoked in between by another admin.
  if (!(await d.store.revokePartner(found.id, at))) return fail('ILLEGAL_TRANSITION', `${what}已停用，无需再次停用`)
  return { ok: true as const, partner: partnerView(d, { ...found, revokedAt: at }) }
}
