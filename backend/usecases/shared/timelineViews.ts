import type { TimelineView } from '../../../src/contracts/api'
import { VISIBILITY_LABELS, type Case, type TimelineEvent } from '../../../src/core/case'
import type { ReportSource } from '../../../src/core/kinds/reportTerms'
import { isPartnerActorId, partnerIdOf } from '../../../src/core/partnerActor'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import type { KindDefinition } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { linksOf, pageReads, type PageReads } from './pageReads'

function partnerLabel(c: Case, actorId: string): string {
  const source = (c.payload as { source?: ReportSource }).source
  const label = ROLE_LABELS.partner
  return source && partnerIdOf(actorId) === source.partnerId ? `${label} ${source.partnerName}` : label
}

/**
 * Who did it, as the viewer may see it: the reporter sees "我"; staff see "居民", and never a
 * name — reporters' identities stay with the dispatcher, who reads them from the case record.
 */
function actorLabel(viewer: Actor, c: Case, e: TimelineEvent, reads: PageReads, parties?: ReadonlyMap<string, string>): string {
  const role = ROLE_LABELS[e.actorRole]
  if (e.actorId === viewer.userId) return '我'
  const party = parties?.get(e.actorId)
  if (party !== undefined && (e.actorRole === 'applicant' || e.actorRole === 'respondent')) return `${role} ${party}`
  if (e.actorRole === 'resident' || e.actorRole === 'tenant' || e.actorRole === 'system') return role
  // An outside system (partnerActor.ts) has no account: the name it had when it filed the case.
  if (e.actorRole === 'partner' || isPartnerActorId(e.actorId)) return partnerLabel(c, e.actorId)
  const name = reads.users.get(e.actorId)?.name
  return name != null ? `${role} ${name}` : role
}

/**
 * What a timeline's rows name, to read in one go (pageReads.ts): the staff whose name a row shows
 * (actorLabel's last case) and every row's attachments.
 */
export function timelineReadIds(viewer: Actor, events: readonly TimelineEvent[], parties?: ReadonlyMap<string, string>): { userIds: string[]; fileIds: string[] } {
  const userIds: string[] = []
  for (const e of events) {
    if (e.actorId === viewer.userId || e.actorRole === 'resident' || e.actorRole === 'tenant' || e.actorRole === 'system' || e.actorRole === 'partner' || isPartnerActorId(e.actorId)) continue
    if (parties?.has(e.actorId) && (e.actorRole === 'applicant' || e.actorRole === 'respondent')) continue
    userIds.push(e.actorId)
  }
  return { userIds, fileIds: events.flatMap((e) => e.attachments) }
}

/**
 * 'full' for staff in scope (and the parties of a mediation, as before): every row as stored.
 * 'reporter' for the resident who filed a report: every row, but a note only when it is a public
 * update or their own — never an internal note.
 */
export type TimelineAudience = 'full' | 'reporter'

/**
 * `parties`: the names a case itself gives its parties (a mediation's application), shown for their
 * rows instead of the account's nickname.
 *
 * `def` is the definition of the case's kind, for its words: the caller, which reads cases of that
 * one kind, names it, so its function's bundle need not carry every kind's (src/core/kinds/index.ts).
 */
export async function timelineViews(
  d: Deps,
  def: Pick<KindDefinition, 'kind' | 'actionLabels' | 'statusLabels'>,
  viewer: Actor,
  c: Case,
  events: TimelineEvent[],
  audience: TimelineAudience = 'full',
  parties?: ReadonlyMap<string, string>,
  /** Read by the caller together with the rest of its screen (timelineReadIds); else read here. */
  given?: PageReads,
): Promise<TimelineView[]> {
  if (def.kind !== c.kind) throw new Error(`timelineViews: a ${c.kind} case named as ${def.kind}`)
  const out: TimelineView[] = []
  const ids = given ? null : timelineReadIds(viewer, events, parties)
  const reads = given ?? (await pageReads(d, ids!.userIds, ids!.fileIds))
  for (const e of events) {
    const noteShown = audience === 'full' || e.visibility === 'public' || e.actorId === viewer.userId
    out.push({
      id: e.id,
      action: e.action,
      actionLabel: def.actionLabels[e.action] ?? e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      toStatusLabel: def.statusLabels[e.toStatus] ?? e.toStatus,
      actorLabel: actorLabel(viewer, c, e, reads, parties),
      note: noteShown ? e.note : null,
      attachments: linksOf(reads, e.attachments),
      at: e.at,
      visibility: e.visibility,
      visibilityLabel: VISIBILITY_LABELS[e.visibility],
    })
  }
  return out
}
