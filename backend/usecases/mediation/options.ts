import { DISPUTE_TYPE_LABELS, DISPUTE_TYPES, REFERRAL_LABELS, REFERRALS } from '../../../src/core/kinds/mediation'
import type { Deps } from '../../deps'

/** What the mediation forms choose from: dispute types, streets, committees, referrals. */
export async function options(d: Deps) {
  const tree = await d.orgTree()
  return {
    ok: true as const,
    disputeTypes: DISPUTE_TYPES.map((code) => ({ code, label: DISPUTE_TYPE_LABELS[code] })),
    streets: tree.all().filter((u) => u.level === 'street').map((u) => ({ code: u.code, name: u.name })),
    committees: d.config.mediation.committees.map((c) => ({ code: c.code, name: c.name, disputeTypes: [...c.disputeTypes] })),
    referrals: REFERRALS.map((code) => ({ code, label: REFERRAL_LABELS[code] })),
  }
}
