import { DISPUTE_TYPE_LABELS, MEDIATION } from '../../../src/core/kinds/mediation'
import { MEDIATION_SOURCE_LABELS, sourceOf } from '../../../src/core/kinds/mediationSources'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { maskName } from './caseView'
import { invitedParty } from './invitedParty'
import { partyName } from './names'
import { pl } from './payload'

/** Before joining, the invitee sees the application summary only — no phones, no thread — and the name given for them. */
export async function invitation(d: Deps, actor: Actor, input: { invite: string }) {
  const found = await invitedParty(d, actor, input.invite)
  if ('ok' in found) return found
  const { c, party } = found
  const tree = await d.orgTree()
  const p = pl(c)
  // A dispute staff entered has no applicant: the committee invites each party (mediationIntake.ts).
  const applicant = p.parties.find((x) => x.side === 'applicant')
  return {
    ok: true as const,
    summary: {
      disputeTypeLabel: DISPUTE_TYPE_LABELS[p.disputeType],
      applicantName: applicant ? maskName(partyName(d.vault, c.id, applicant)) : null,
      sourceLabel: MEDIATION_SOURCE_LABELS[sourceOf(p)],
      facts: p.facts,
      claims: p.claims,
      streetName: tree.get(c.unitCode)?.name ?? c.unitCode,
      statusLabel: MEDIATION.statusLabels[c.status] ?? c.status,
      createdAt: c.createdAt,
    },
    // The invitation opened for this party's own phone: they read the name given for them in full.
    partyName: partyName(d.vault, c.id, party),
  }
}
