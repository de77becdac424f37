import { randomBytes } from 'node:crypto'
import type { ApiIn, MediationActInput } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { DISPUTE_TYPE_LABELS, joinCase, MEDIATION, openMediation, type Party } from '../../../src/core/kinds/mediation'
import type { OrgTree } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { notOwnUpload } from '../files/ownUploads'
import { createOnce, keyUsedElsewhere, saveTransition } from '../shared/persist'
import { act as actOn } from '../shared/act'
import { actionsFor } from '../shared/actionViews'
import { MEDIATION_COMMANDS } from './commands'
import { maskName, mediationView, pl } from './views'
import { phoneVault, sealedPhone } from './phones'
import { timelineViews } from '../shared/timelineViews'
import { auditCaseRead } from '../shared/readAudit'

const NOT_FOUND = MEDIATION_COMMANDS.notFound

/** Unambiguous characters: a code read out over the phone survives 0/O and 1/I. */
function secret(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join('')
}

export async function apply(d: Deps, actor: Actor, input: ApiIn<'mediation.apply'>) {
  const tree = await d.orgTree()
  const replay = await d.store.findCaseByIdempotency(actor.userId, input.idempotencyKey)
  if (replay && replay.kind !== 'mediation') return keyUsedElsewhere()
  if (replay) return { ok: true as const, case: await mediationView(d, tree, actor, replay), replayed: true }
  const street = tree.get(input.streetCode)
  if (!street || street.level !== 'street') return fail('VALIDATION', '请选择受理的街道', { streetCode: '不存在' })
  const bad = await notOwnUpload(d, actor, input.evidence)
  if (bad !== null) return fail('VALIDATION', '证据材料无效，请重新上传', { evidence: bad })
  const vault = phoneVault(d)
  if ('ok' in vault) return vault
  const me = await d.store.getUser(actor.userId)
  const id = d.newId()
  const parties: Party[] = [
    { side: 'applicant', name: me?.name ?? actor.name, ...sealedPhone(vault, id, input.applicantPhone.trim()), userId: actor.userId, consent: 'consented' },
    ...input.respondents.map((r): Party => ({ side: 'respondent', name: r.name.trim(), ...sealedPhone(vault, id, r.phone.trim()), userId: null, inviteSecret: secret(), consent: 'pending' })),
  ]
  const { case: c, event } = openMediation({
    id,
    eventId: d.newId(),
    creatorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    streetCode: street.code,
    now: d.clock.now(),
    payload: { disputeType: input.disputeType, facts: input.facts.trim(), claims: input.claims.trim(), evidence: [...new Set(input.evidence)], preferredWay: input.preferredWay, parties },
  })
  const made = await createOnce(d, actor, input.idempotencyKey, c, event, { limit: 'mediation.apply' })
  if ('ok' in made) return made
  return { ok: true as const, case: await mediationView(d, tree, actor, made.case), replayed: made.replayed }
}

async function readable(d: Deps, tree: OrgTree, actor: Actor, id: string): Promise<Case | Failure> {
  const c = await d.store.getCase(id)
  if (!c || c.kind !== 'mediation' || !canRead(tree, actor, c)) return fail('NOT_FOUND', NOT_FOUND)
  return c
}

export async function detail(d: Deps, tree: OrgTree, actor: Actor, c: Case) {
  return {
    case: await mediationView(d, tree, actor, c),
    timeline: await timelineViews(d, actor, c, await d.store.timeline(c.id)),
    actions: actionsFor(MEDIATION, tree, actor, c, d.clock.now()),
  }
}

export async function get(d: Deps, actor: Actor, input: { id: string }) {
  const tree = await d.orgTree()
  const c = await readable(d, tree, actor, input.id)
  if ('ok' in c) return c
  await auditCaseRead(d, tree, actor, c, 'mediation.get')
  return { ok: true as const, ...(await detail(d, tree, actor, c)) }
}

function parseInvite(invite: string): { caseId: string; secret: string } | null {
  const m = /^([0-9A-HJKMNP-TV-Z]{26})-([A-Z2-9]{8})$/.exec(invite.trim().toUpperCase())
  return m ? { caseId: m[1]!, secret: m[2]! } : null
}

async function byInvite(d: Deps, invite: string): Promise<{ c: Case; secret: string } | Failure> {
  const parsed = parseInvite(invite)
  const c = parsed ? await d.store.getCase(parsed.caseId) : null
  const open = c && c.kind === 'mediation' && pl(c).parties.some((x) => x.side === 'respondent' && x.inviteSecret === parsed!.secret)
  if (!c || !open) return fail('NOT_FOUND', '邀请码无效，请向申请人核对')
  return { c, secret: parsed!.secret }
}

/** Before joining, an invitee sees the application summary only — no phones, no thread. */
export async function invitation(d: Deps, _actor: Actor, input: { invite: string }) {
  const found = await byInvite(d, input.invite)
  if ('ok' in found) return found
  const { c } = found
  const tree = await d.orgTree()
  const p = pl(c)
  const applicant = p.parties.find((x) => x.side === 'applicant')!
  return {
    ok: true as const,
    summary: {
      disputeTypeLabel: DISPUTE_TYPE_LABELS[p.disputeType],
      applicantName: maskName(applicant.name),
      facts: p.facts,
      claims: p.claims,
      streetName: tree.get(c.unitCode)?.name ?? c.unitCode,
      statusLabel: MEDIATION.statusLabels[c.status] ?? c.status,
      createdAt: c.createdAt,
    },
  }
}

export async function join(d: Deps, actor: Actor, input: { invite: string }) {
  const found = await byInvite(d, input.invite)
  if ('ok' in found) return found
  const out = joinCase(found.c, actor.userId, found.secret, d.clock.now(), d.newId())
  if (!out.ok) return out
  const conflict = await saveTransition(d, found.c, out.case, out.event)
  if (conflict) return conflict
  // The follow lists the case among the respondent's own and brings its notifications.
  await d.store.follow(found.c.id, actor.userId, d.clock.now().toISOString())
  const tree = await d.orgTree()
  return { ok: true as const, case: await mediationView(d, tree, actor, out.case) }
}

/** One move on a mediation case through the kind's declared commands; answers the refreshed detail. */
export async function act(d: Deps, actor: Actor, input: MediationActInput) {
  const r = await actOn(d, actor, MEDIATION_COMMANDS, input)
  if (!r.ok) return r
  return { ok: true as const, ...(await detail(d, r.tree, actor, r.case)) }
}

export { readable }
