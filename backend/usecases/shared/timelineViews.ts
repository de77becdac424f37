import type { TimelineView } from '../../../src/contracts/api'
import { VISIBILITY_LABELS, type Case, type TimelineEvent } from '../../../src/core/case'
import { KINDS } from '../../../src/core/kinds'
import type { ReportSource } from '../../../src/core/kinds/reportTerms'
import { isPartnerActorId, partnerIdOf } from '../../../src/core/partnerActor'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { photoViews } from './photoViews'

function partnerLabel(c: Case, actorId: string): string {
  const source = (c.payload as { source?: ReportSource }).source
  const label = ROLE_LABELS.partner
  return source && partnerIdOf(actorId) === source.partnerId ? `${label} ${source.partnerName}` : label
}

/**
 * Who did it, as the viewer may see it: the reporter sees "我"; staff see "居民", and never a
 * name — reporters' identities stay with the dispatcher, who reads them from the case record.
 */
async function actorLabel(d: Deps, viewer: Actor, c: Case, e: TimelineEvent, names: Map<string, string | null>, parties?: ReadonlyMap<string, string>): Promise<string> {
  const role = ROLE_LABELS[e.actorRole]
  if (e.actorId === viewer.userId) return '我'
  const party = parties?.get(e.actorId)
  if (party !== undefined && (e.actorRole === 'applicant' || e.actorRole === 'respondent')) return `${role} ${party}`
  if (e.actorRole === 'resident' || e.actorRole === 'tenant' || e.actorRole === 'system') return role
  // An outside system (partnerActor.ts) has no account: the name it had when it filed the case.
  if (e.actorRole === 'partner' || isPartnerActorId(e.actorId)) return partnerLabel(c, e.actorId)
  // The same few staff act on most rows of a timeline: one read each.
  if (!names.has(e.actorId)) names.set(e.actorId, (await d.store.getUser(e.actorId))?.name ?? null)
  const name = names.get(e.actorId)
  return name != null ? `${role} ${name}` : role
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
 */
export async function timelineViews(d: Deps, viewer: Actor, c: Case, events: TimelineEvent[], audience: TimelineAudience = 'full', parties?: ReadonlyMap<string, string>): Promise<TimelineView[]> {
  const def = KINDS[c.kind]
  const out: TimelineView[] = []
  const names = new Map<string, string | null>()
  for (const e of events) {
    const noteShown = audience === 'full' || e.visibility === 'public' || e.actorId === viewer.userId
    out.push({
      id: e.id,
      action: e.action,
      actionLabel: def.actionLabels[e.action] ?? e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      toStatusLabel: def.statusLabels[e.toStatus] ?? e.toStatus,
      actorLabel: await actorLabel(d, viewer, c, e, names, parties),
      note: noteShown ? e.note : null,
      attachments: await photoViews(d, e.attachments),
      at: e.at,
      visibility: e.visibility,
      visibilityLabel: VISIBILITY_LABELS[e.visibility],
    })
  }
  return out
}
