import type { MemberView } from '../../../src/contracts/api'
import type { Membership } from '../../ports'
import type { Deps } from '../../deps'
import { MEMBERSHIP_LABELS } from './rules'

/** A roster row: name and building, never a phone. */
export async function memberView(d: Deps, m: Membership): Promise<MemberView> {
  const u = await d.store.getUser(m.userId)
  return { userId: m.userId, name: u?.name ?? '', building: m.building, status: m.status, statusLabel: MEMBERSHIP_LABELS[m.status], requestedAt: m.requestedAt }
}
