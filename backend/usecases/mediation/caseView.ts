import type { MediationPartyView, MediationSummary, MediationView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { DISPUTE_TYPE_LABELS, MEDIATION, REFERRAL_LABELS } from '../../../src/core/kinds/mediation'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import { actingRole, respondentIds } from '../../../src/core/scope'
import { isOverdue } from '../../../src/core/sla'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { linksOf, pageReads, type PageReads } from '../shared/pageReads'
import { MEDIATION_SOURCE_LABELS, sourceOf } from '../../../src/core/kinds/mediationSources'
import { caseLinkView } from '../shared/caseLinkView'
import { invitesFor, sideLabelOf, sourceView } from './sourceView'
import { openNames } from './names'
import { judicialView, letterView } from './handoffView'
import { pl } from './payload'
import { committeeNameOf } from './committees'
import { levelView } from './levelView'
import { helperViews } from './helperViews'
import { partyPhone } from './phones'
import { videoView } from './videoView'
import { SESSION_MODE_LABELS } from '../../../src/core/kinds/mediationVideoTerms'
import { maskPhone } from '../shared/maskedPhone'
import { withFields } from '../../../src/core/withFields'

const CONSENT_LABELS = { pending: '待表态', consented: '已同意', declined: '已拒绝' } as const

export { maskPhone }

/** The case's staff and the party themselves see the number; the other side sees it masked. */
function shownPhone(phone: string | null, whole: boolean): string {
  if (phone === null) return '号码暂不可显示'
  return whole ? phone : maskPhone(phone)
}

export { maskName } from '../../../src/core/names'

export function myRole(tree: OrgTree, actor: Actor, c: Case): MediationView['myRole'] {
  if (c.creatorId === actor.userId) return 'applicant'
  if (respondentIds(c).includes(actor.userId)) return 'respondent'
  const role = actingRole(tree, actor, c, ['mediator', 'dispatcher', 'admin'])
  if (role === 'mediator') return 'mediator'
  if (role) return 'dispatcher'
  return actingRole(tree, actor, c, ['helper']) ? 'helper' : null
}


/** The people and files a mediation view names (pageReads.ts), so a detail reads them with its timeline's. */
export function mediationReadIds(c: Case): { userIds: string[]; fileIds: string[] } {
  const p = pl(c)
  return { userIds: c.assigneeId ? [c.assigneeId] : [], fileIds: [...p.evidence, ...(p.voiceFileId ? [p.voiceFileId] : [])] }
}

/**
 * Only readers of the case get here (its parties, mediator and centre): they read the names in full.
 * `given`: mediationReadIds already read by the caller; else read here.
 */
export async function mediationView(d: Deps, tree: OrgTree, actor: Actor, stored: Case, given?: PageReads): Promise<MediationView> {
  const c = openNames(d.vault, stored)
  const p = pl(c)
  const role = myRole(tree, actor, c)
  const staff = role === 'mediator' || role === 'dispatcher'
  const ids = given ? null : mediationReadIds(c)
  const reads = given ?? (await pageReads(d, ids!.userIds, ids!.fileIds))
  const mediator = c.assigneeId ? (reads.users.get(c.assigneeId) ?? null) : null
  const names = new Map<string, string>()
  for (const party of p.parties) if (party.userId) names.set(party.userId, party.name)
  const sideLabel = sideLabelOf(c)
  const parties: MediationPartyView[] = p.parties.map((x) => ({
    side: x.side,
    sideLabel: sideLabel(x.side),
    name: x.name,
    // 协助调解: a helper talks to the parties in the thread; their numbers stay with the mediator.
    phone: role === 'helper' ? '' : shownPhone(partyPhone(d.vault, c.id, x), staff || x.userId === actor.userId),
    joined: x.userId !== null,
    consent: x.consent,
    consentLabel: x.side === 'applicant' ? '申请人' : CONSENT_LABELS[x.consent],
    isMe: x.userId === actor.userId,
  }))
  const a = p.agreement
  const judicial = await judicialView(d, c, role, actor.userId)
  return {
    id: c.id,
    number: c.number ?? null,
    kind: 'mediation',
    status: c.status,
    statusLabel: labelOf(MEDIATION.statusLabels, c.status),
    disputeType: p.disputeType,
    disputeTypeLabel: DISPUTE_TYPE_LABELS[p.disputeType],
    facts: p.facts,
    claims: p.claims,
    // The applicant's own voice: for them and the case's staff, not the other side or a helper.
    voiceUrl: (staff || role === 'applicant') && p.voiceFileId ? (reads.files.get(p.voiceFileId)?.url ?? null) : null,
    evidence: linksOf(reads, p.evidence),
    preferredWay: p.preferredWay,
    streetName: (tree.ancestorAt(c.unitCode, 'street') ?? tree.get(c.unitCode))?.name ?? c.unitCode,
    committee: p.committee ? { code: p.committee, name: committeeNameOf(d.config, tree, c)! } : null,
    levels: levelView(d, tree, c),
    mediatorName: mediator?.name ?? null,
    mediatorPhone: mediator?.phone ?? null,
    deadline: c.slaDeadline,
    overdue: isOverdue(c, d.clock.now(), MEDIATION.terminalStatuses),
    parties,
    sessions: p.sessions.map((s) => withFields(s, { modeLabel: SESSION_MODE_LABELS[s.mode] ?? '', video: videoView(tree, actor, c, s, d.clock.now(), names) })),
    agreement: a
      ? {
          version: a.version,
          number: a.number ?? null,
          text: a.text,
          terms: a.terms,
          draftedAt: a.draftedAt,
          confirmations: a.confirmations
            .filter((x) => x.version === a.version)
            .map((x) => ({ name: names.get(x.userId) ?? '当事人', sideLabel: x.userId === c.creatorId ? '申请人' : '被申请人', at: x.at })),
          confirmedByMe: a.confirmations.some((x) => x.userId === actor.userId && x.version === a.version),
        }
      : null,
    referral: p.referral ? { type: p.referral.type, note: p.referral.note, label: REFERRAL_LABELS[p.referral.type], letter: await letterView(d, c) } : null,
    judicialConfirmation: judicial !== null && judicial.status !== 'drafting',
    judicial,
    myRole: role,
    myRating: p.ratings[actor.userId]?.rating ?? null,
    helpers: helperViews(c, actor, staff),
    invites: invitesFor(c, role),
    source: await sourceView(d, c, staff),
    origin: await caseLinkView(d, tree, actor, p.origin),
    createdAt: c.createdAt,
    version: c.version,
  }
}

/** A line of 我的调解 (the caller is a party) or of the centre's queue: the names in full, as in the case. */
export async function mediationSummary(d: Deps, tree: OrgTree, actor: Actor, c: Case, names: Map<string, string>): Promise<MediationSummary> {
  const p = pl(openNames(d.vault, c))
  let mediatorName: string | null = null
  if (c.assigneeId) {
    if (!names.has(c.assigneeId)) names.set(c.assigneeId, (await d.store.getUser(c.assigneeId))?.name ?? '')
    mediatorName = names.get(c.assigneeId) || null
  }
  return {
    id: c.id,
    number: c.number ?? null,
    status: c.status,
    statusLabel: labelOf(MEDIATION.statusLabels, c.status),
    disputeTypeLabel: DISPUTE_TYPE_LABELS[p.disputeType],
    title: !p.facts && p.voiceFileId ? '（语音陈述）' : p.facts.length > 40 ? `${p.facts.slice(0, 40)}…` : p.facts,
    partyNames: p.parties.map((x) => x.name),
    committeeName: committeeNameOf(d.config, tree, c),
    mediatorName,
    createdAt: c.createdAt,
    deadline: c.slaDeadline,
    overdue: isOverdue(c, d.clock.now(), MEDIATION.terminalStatuses),
    myRole: myRole(tree, actor, c),
    sourceLabel: MEDIATION_SOURCE_LABELS[sourceOf(p)],
  }
}
