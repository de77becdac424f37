import type { CheckinStatus } from '../../../src/contracts/rental'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { documentAlerts } from './alerts'
import { casePages, pl } from './reads'
import { registrationView } from './registrationView'
import { ownBuilding } from './roles'
import { isVault, openSecret, vaultOf } from './secrets'

/** A manager's registrations of one building (人在管理), full phones, masked identity numbers. */
export async function registrations(d: Deps, actor: Actor, input: { buildingId: string; statuses?: CheckinStatus[] }) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const b = await ownBuilding(d, actor, input.buildingId)
  if (!b) return fail('NOT_FOUND', '楼栋不存在或无权查看')
  const tree = await d.orgTree()
  const out = []
  // The manager's registrations are read through the assignee index a page at a time.
  for await (const page of casePages(d, { kind: 'checkin', assigneeId: b.managerId, statuses: input.statuses?.length ? input.statuses : undefined, order: 'newest' }, 50)) {
    for (const c of page) {
      if (pl(c).buildingId !== b.id) continue
      const secret = await d.store.getSecret(c.id)
      const view = registrationView(tree, c, b, openSecret(vault, secret).phone, vault)
      // The manager reviews a pending registration knowing of a conflict on its document.
      if (c.status === 'pending') view.alerts = await documentAlerts(d, c, secret)
      out.push(view)
    }
  }
  return { ok: true as const, registrations: out }
}
