import type { ApiIn } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import type { CaseLink } from '../../../src/core/caseLink'
import type { Party } from '../../../src/core/kinds/mediation'
import { helpPayload } from '../../../src/core/kinds/help'
import { openMediationFrom } from '../../../src/core/kinds/mediationIntake'
import type { OrgTree } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import { isProxiedCreator } from '../../../src/core/proxyMark'
import type { Actor, Role } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { placedAt, routeMediation } from '../mediation/committees'
import { claimInviteCodes, newInviteSecret } from '../mediation/inviteCode'
import { sealNames } from '../mediation/names'
import { phoneVault, sealedPhone } from '../mediation/phones'
import { createOnce } from '../shared/persist'
import { carriedProxy } from '../shared/proxyAgent'

type MediationInput = NonNullable<ApiIn<'help.convert'>['mediation']>

/**
 * A mediation application for the person who asked (the applicant, their consent given to the
 * helper on the spot), the other side invited by code as in an application, at the street's
 * centre (已申请). Opened through the staff opener (mediationIntake.ts: source 一键求助转入, origin
 * kept). Made once per request: `key` is claimed for the helper.
 */
export async function openMediationForHelp(d: Deps, tree: OrgTree, actor: Actor, role: Role, c: Case, input: MediationInput, origin: CaseLink, key: string): Promise<Case | Failure> {
  const street = tree.ancestorAt(c.unitCode, 'street')
  if (!street) return fail('VALIDATION', '该求助所在社区不属于任何街道')
  const vault = phoneVault(d)
  if ('ok' in vault) return vault
  const id = d.newId()
  // Asked for by an agent and not yet claimed: the person's slot waits for them as in a 代办申请 (mediationProxy.ts).
  const proxied = isProxiedCreator(c.creatorId)
  const parties: Party[] = [
    { side: 'applicant', name: input.applicantName.trim(), ...sealedPhone(vault, id, input.applicantPhone.trim()), userId: proxied ? null : c.creatorId, consent: 'consented' },
    ...input.respondents.map((r): Party => ({ side: 'respondent', name: r.name.trim(), ...sealedPhone(vault, id, r.phone.trim()), userId: null, inviteSecret: newInviteSecret(), inviteByCode: true, consent: 'pending' })),
  ]
  const { case: drafted, event } = openMediationFrom({
    id,
    eventId: d.newId(),
    idempotencyKey: key,
    now: d.clock.now(),
    streetCode: street.code,
    by: { userId: actor.userId, role },
    applicantId: c.creatorId,
    source: 'help',
    origin,
    placeCode: c.gridCode ?? c.unitCode,
    consentNote: '一键求助时当面同意调解',
    payload: {
      disputeType: input.disputeType,
      facts: input.facts.trim(),
      claims: input.claims.trim(),
      // The person's voice note goes with it, for them and the mediator (mediation caseView).
      ...(helpPayload(c).voiceFileId ? { voiceFileId: helpPayload(c).voiceFileId! } : {}),
      evidence: [],
      preferredWay: 'in_person',
      parties,
      ...carriedProxy(d, c, id),
    },
  })
  // 小事不出村: at the committee of the level its type goes to first, where the person asked for help.
  const sealed = sealNames(vault, placedAt(drafted, routeMediation(d.config, tree, input.disputeType, c.gridCode ?? c.unitCode)))
  const made = await createOnce(d, actor, key, sealed, event, { also: (tx) => claimInviteCodes(tx, sealed) })
  return 'ok' in made ? made : made.case
}
