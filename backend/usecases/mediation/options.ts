import { DISPUTE_TYPE_LABELS, DISPUTE_TYPES, REFERRAL_LABELS, REFERRALS } from '../../../src/core/kinds/mediation'
import type { Deps } from '../../deps'
import { configuredCommittees } from './committees'

/** What the mediation forms choose from: dispute types, streets, committees, referrals. */
export async function options(d: Deps) {
  const tree = await d.orgTree()
  return {
    ok: true as const,
    disputeTypes: DISPUTE_TYPES.map((code) => ({ code, label: DISPUTE_TYPE_LABELS[code] })),
    streets: tree.all().filter((u) => u.level === 'street').map((u) => ({ code: u.code, name: u.name })),
    // The district-wide ones; every community and street has its 人民调解委员会 besides (committees.ts).
    committees: configuredCommittees(d.config)
      .filter((c) => c.unitCode === null)
      .map((c) => ({ code: c.code, name: c.name, disputeTypes: [...c.disputeTypes] })),
    communities: tree.all().filter((u) => u.level === 'community').map((u) => ({ code: u.code, name: u.name, streetCode: u.parentCode ?? '' })),
    referrals: REFERRALS.map((code) => ({ code, label: REFERRAL_LABELS[code] })),
  }
}
