import { DISPUTE_TYPE_LABELS, MEDIATION } from '../../../src/core/kinds/mediation'
import { MEDIATION_SOURCE_LABELS, sourceOf } from '../../../src/core/kinds/mediationSources'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { maskName } from './caseView'
import { invitedParty } from './invitedParty'
import { partyName } from './names'
import { pl } from './payload'

const VOICE_ONLY = '（申请人以语音陈述，调解员会向您说明）'

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
      // The applicant's voice stays with them and the mediator; the invited side is told so.
      facts: p.facts || (p.voiceFileId ? VOICE_ONLY : ''),
      claims: p.claims || (p.voiceFileId ? VOICE_ONLY : ''),
      streetName: tree.get(c.unitCode)?.name ?? c.unitCode,
      statusLabel: MEDIATION.statusLabels[c.status] ?? c.status,
      createdAt: c.createdAt,
    },
    // The invitation opened for this party's own phone: they read the name given for them in full.
    partyName: partyName(d.vault, c.id, party),
  }
}
