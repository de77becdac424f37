import type { CaseSummary, CaseView, ModerationView, PhotoView, TimelineView } from '../../../src/contracts/api'
import { VISIBILITY_LABELS, type Case, type TimelineEvent } from '../../../src/core/case'
import { MODERATION_LABELS, moderationOf, type ReportPayload } from '../../../src/core/kinds/report'
import { KINDS } from '../../../src/core/kinds'
import type { OrgTree } from '../../../src/core/org'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import { categoryName } from '../../config/district'
import type { Deps } from '../../deps'

export async function photoViews(d: Deps, fileIds: readonly string[]): Promise<PhotoView[]> {
  const out: PhotoView[] = []
  for (const id of fileIds) {
    const meta = await d.store.getFileMeta(id)
    if (meta) out.push({ fileId: id, url: await d.fileUrl(meta) })
  }
  return out
}

export function summaryOf(d: Deps, tree: OrgTree, c: Case): CaseSummary {
  const p = c.payload as unknown as ReportPayload
  const desc = p.description ?? ''
  return {
    id: c.id,
    kind: 'report',
    status: c.status,
    statusLabel: KINDS[c.kind].statusLabels[c.status] ?? c.status,
    category: c.category,
    categoryName: categoryName(d.config, c.category),
    title: desc.length > 40 ? `${desc.slice(0, 40)}…` : desc,
    gridName: c.gridCode ? (tree.get(c.gridCode)?.name ?? c.gridCode) : '',
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    slaDeadline: c.slaDeadline,
  }
}

/** Where the reporter's content stands with the public; for the reporter and staff in scope. */
export function moderationView(p: ReportPayload): ModerationView {
  const m = moderationOf(p)
  return {
    description: m.description,
    descriptionLabel: MODERATION_LABELS[m.description],
    publicDescription: m.publicDescription ?? null,
    photos: p.photos.map((fileId) => ({ fileId, state: m.photos[fileId]!, stateLabel: MODERATION_LABELS[m.photos[fileId]!] })),
    hidden: m.hidden,
  }
}

export async function caseView(d: Deps, tree: OrgTree, c: Case): Promise<CaseView> {
  const p = c.payload as unknown as ReportPayload
  const unit = tree.get(c.unitCode)
  const assignee = c.assigneeId ? await d.store.getUser(c.assigneeId) : null
  return {
    ...summaryOf(d, tree, c),
    description: p.description,
    photos: await photoViews(d, p.photos),
    location: { lng: p.location.lng, lat: p.location.lat, address: p.location.address },
    anonymous: p.anonymous,
    unitName: unit ? tree.path(unit.code) : c.unitCode,
    unitPhone: unit?.phone ?? null,
    assigneeName: assignee?.name ?? null,
    rating: p.rating ?? null,
    ratingComment: p.ratingComment ?? null,
    moderation: moderationView(p),
    version: c.version,
  }
}

/**
 * Who did it, as the viewer may see it: the reporter sees "我"; staff see "居民", and never a
 * name — reporters' identities stay with the dispatcher, who reads them from the case record.
 */
async function actorLabel(d: Deps, viewer: Actor, e: TimelineEvent, names: Map<string, string | null>): Promise<string> {
  const role = ROLE_LABELS[e.actorRole]
  if (e.actorId === viewer.userId) return '我'
  if (e.actorRole === 'resident' || e.actorRole === 'tenant' || e.actorRole === 'system') return role
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

export async function timelineViews(d: Deps, viewer: Actor, c: Case, events: TimelineEvent[], audience: TimelineAudience = 'full'): Promise<TimelineView[]> {
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
      actorLabel: await actorLabel(d, viewer, e, names),
      note: noteShown ? e.note : null,
      attachments: await photoViews(d, e.attachments),
      at: e.at,
      visibility: e.visibility,
      visibilityLabel: VISIBILITY_LABELS[e.visibility],
    })
  }
  return out
}
