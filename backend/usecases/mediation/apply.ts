import type { ApiIn } from '../../../src/contracts/api'
import { openMediation, type Party } from '../../../src/core/kinds/mediation'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { notOwnUpload } from '../files/ownUploads'
import { refuseVoice } from '../files/voiceNote'
import { createOnce, keyUsedElsewhere } from '../shared/persist'
import { mediationView } from './caseView'
import { placedAt, routeMediation } from './committees'
import { claimInviteCodes, newInviteSecret } from './inviteCode'
import { sealNames } from './names'
import { phoneVault, sealedPhone } from './phones'

export async function apply(d: Deps, actor: Actor, input: ApiIn<'mediation.apply'>) {
  const tree = await d.orgTree()
  const replay = await d.store.findCaseByIdempotency(actor.userId, input.idempotencyKey)
  if (replay && replay.kind !== 'mediation') return keyUsedElsewhere()
  if (replay) return { ok: true as const, case: await mediationView(d, tree, actor, replay), replayed: true }
  const street = tree.get(input.streetCode)
  if (!street || street.level !== 'street') return fail('VALIDATION', '请选择受理的街道', { streetCode: '不存在' })
  const community = input.communityCode ? tree.get(input.communityCode) : undefined
  if (input.communityCode && (community?.level !== 'community' || community.parentCode !== street.code)) return fail('VALIDATION', '请选择该街道下的社区（村）', { communityCode: '不存在' })
  const placed = routeMediation(d.config, tree, input.disputeType, community?.code ?? street.code)
  const bad = await notOwnUpload(d, actor, input.evidence)
  if (bad !== null) return fail('VALIDATION', '证据材料无效，请重新上传', { evidence: bad })
  const badVoice = await refuseVoice(d, actor, input.voiceFileId)
  if (badVoice) return badVoice
  const vault = phoneVault(d)
  if ('ok' in vault) return vault
  const id = d.newId()
  // Every party by the real name typed for them: the agreement is a legal document, not a nickname's.
  const parties: Party[] = [
    { side: 'applicant', name: input.applicantName.trim(), ...sealedPhone(vault, id, input.applicantPhone.trim()), userId: actor.userId, consent: 'consented' },
    ...input.respondents.map((r): Party => ({ side: 'respondent', name: r.name.trim(), ...sealedPhone(vault, id, r.phone.trim()), userId: null, inviteSecret: newInviteSecret(), inviteByCode: true, consent: 'pending' })),
  ]
  const { case: drafted, event } = openMediation({
    id,
    eventId: d.newId(),
    creatorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    streetCode: street.code,
    now: d.clock.now(),
    payload: {
      disputeType: input.disputeType,
      facts: input.facts.trim(),
      claims: input.claims.trim(),
      ...(input.voiceFileId ? { voiceFileId: input.voiceFileId } : {}),
      evidence: [...new Set(input.evidence)],
      preferredWay: input.preferredWay,
      parties,
    },
  })
  // Names sealed at rest like the phones (names.ts); the views of the case open them.
  const c = sealNames(vault, placedAt(drafted, placed))
  const made = await createOnce(d, actor, input.idempotencyKey, c, event, { limit: 'mediation.apply', also: (tx) => claimInviteCodes(tx, c) })
  if ('ok' in made) return made
  return { ok: true as const, case: await mediationView(d, tree, actor, made.case), replayed: made.replayed }
}
