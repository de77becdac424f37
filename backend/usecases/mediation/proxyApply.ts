import type { ApiIn } from '../../../src/contracts/api'
import { MEDIATION, openMediation, type Party } from '../../../src/core/kinds/mediation'
import { asProxyApplication } from '../../../src/core/kinds/mediationProxy'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import { PROXY_ROLES } from '../../../src/core/proxy'
import { proxyAgentRole } from '../../../src/core/proxyMark'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { notOwnUpload } from '../files/ownUploads'
import { refuseVoice } from '../files/voiceNote'
import { createOnce } from '../shared/persist'
import { proxiedFiling } from '../shared/proxied'
import { placedAt, routeMediation } from './committees'
import { claimInviteCodes } from './inviteCode'
import { invitedParty } from './intake'
import { sealNames } from './names'
import { phoneVault, sealedPhone } from './phones'

/** District data `rateLimits`: counted per agent, generous since one worker files for many. */
const PROXY_LIMIT = 'proxy.mediation'

/** An agent files only where they work: their grid's community or street, their own community. */
function agentCovers(tree: OrgTree, actor: Actor, place: string): boolean {
  return actor.grants.some((g) => PROXY_ROLES.includes(g.role) && (tree.isWithin(g.unitCode, place) || tree.isWithin(place, g.unitCode)))
}

/**
 * 代办申请调解: a grid worker or 代办员 files the mediation application of a person who is present and
 * agreed (the declaration). The person is the applicant party — name and phone sealed as in apply —
 * but the case's creator is the marker of their phone until they claim it (mediationProxy.ts); the
 * agent follows it meanwhile through the kind's `proxiedBy`.
 */
export async function proxyApply(d: Deps, actor: Actor, input: ApiIn<'mediation.proxyApply'>) {
  const role = proxyAgentRole(actor)
  if (!role) return fail('FORBIDDEN', '仅网格员或代办员可为居民代办')
  const a = input.application
  const tree = await d.orgTree()
  const street = tree.get(a.streetCode)
  if (!street || street.level !== 'street') return fail('VALIDATION', '请选择受理的街道', { 'application.streetCode': '不存在' })
  const community = a.communityCode ? tree.get(a.communityCode) : undefined
  if (a.communityCode && (community?.level !== 'community' || community.parentCode !== street.code)) return fail('VALIDATION', '请选择该街道下的社区（村）', { 'application.communityCode': '不存在' })
  if (!agentCovers(tree, actor, community?.code ?? street.code)) return fail('FORBIDDEN', '该社区不在您负责的范围内，请联系当地网格员代办')
  const bad = await notOwnUpload(d, actor, a.evidence)
  if (bad !== null) return fail('VALIDATION', '证据材料无效，请重新上传', { 'application.evidence': bad })
  // The person's voice, recorded on the agent's phone: the agent's own upload.
  const badVoice = await refuseVoice(d, actor, a.voiceFileId)
  if (badVoice) return { ...badVoice, details: { 'application.voiceFileId': '无效' } }
  const vault = phoneVault(d)
  if ('ok' in vault) return vault
  const id = d.newId()
  const placed = routeMediation(d.config, tree, a.disputeType, community?.code ?? street.code)
  const person = { name: a.applicantName, phone: a.applicantPhone }
  const parties: Party[] = [
    { side: 'applicant', name: person.name.trim(), ...sealedPhone(vault, id, person.phone.trim()), userId: null, consent: 'consented' },
    ...a.respondents.map((r) => invitedParty(vault, id, r)),
  ]
  const opened = openMediation({
    id,
    eventId: d.newId(),
    creatorId: actor.userId,
    idempotencyKey: a.idempotencyKey,
    streetCode: street.code,
    now: d.clock.now(),
    payload: {
      disputeType: a.disputeType,
      facts: a.facts.trim(),
      claims: a.claims.trim(),
      ...(a.voiceFileId ? { voiceFileId: a.voiceFileId } : {}),
      evidence: [...new Set(a.evidence)],
      preferredWay: a.preferredWay,
      parties,
    },
  })
  const filing = proxiedFiling(vault, id, actor, role, person)
  const { case: drafted, event } = asProxyApplication(opened, { userId: actor.userId, role }, filing.creatorId, filing.mark)
  const c = sealNames(vault, placedAt(drafted, placed))
  const made = await createOnce(d, actor, a.idempotencyKey, c, event, { limit: PROXY_LIMIT, also: (tx) => claimInviteCodes(tx, c) })
  if ('ok' in made) return made
  const stored = made.case
  // A retry after the person claimed it: the agent is told it exists, not shown it.
  return { ok: true as const, case: { id: stored.id, number: stored.number ?? null, statusLabel: labelOf(MEDIATION.statusLabels, stored.status), readable: canRead(tree, actor, stored) }, replayed: made.replayed }
}
