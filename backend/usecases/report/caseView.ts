import type { CaseSummary, CaseView, ModerationView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { MODERATION_LABELS, moderationOf, type ReportPayload } from '../../../src/core/kinds/report'
import { STATUS_LABELS } from '../../../src/core/kinds/statusLabels'
import type { OrgTree } from '../../../src/core/org'
import { categoryName } from '../../config/district'
import type { Deps } from '../../deps'
import type { Actor } from '../../../src/core/roles'
import { caseLinkView } from '../shared/caseLinkView'
import { linksOf, pageReads, type PageReads } from '../shared/pageReads'
import { withFields } from '../../../src/core/withFields'

export function summaryOf(d: Deps, tree: OrgTree, c: Case): CaseSummary {
  const p = c.payload as unknown as ReportPayload
  // A report told by voice alone still needs a line in the lists.
  const desc = p.description || (p.voiceFileId ? '（语音描述）' : '')
  return {
    id: c.id,
    number: c.number ?? null,
    kind: 'report',
    status: c.status,
    statusLabel: STATUS_LABELS[c.kind][c.status] ?? c.status,
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
  // Told by voice alone: no words wait for a moderator, and the voice itself is never public.
  const voiceOnly = !(p.description ?? '').trim() && !!p.voiceFileId && m.description === 'pending'
  return {
    description: voiceOnly ? 'hidden' : m.description,
    descriptionLabel: voiceOnly ? '为语音，不公开' : MODERATION_LABELS[m.description],
    publicDescription: m.publicDescription ?? null,
    photos: p.photos.map((fileId) => ({ fileId, state: m.photos[fileId]!, stateLabel: MODERATION_LABELS[m.photos[fileId]!] })),
    hidden: m.hidden,
  }
}

/** The people and files a report's view names (pageReads.ts), so a detail reads them with its timeline's. */
export function caseReadIds(c: Case): { userIds: string[]; fileIds: string[] } {
  const p = c.payload as unknown as ReportPayload
  return { userIds: c.assigneeId ? [c.assigneeId] : [], fileIds: [...p.photos, ...(p.voiceFileId ? [p.voiceFileId] : [])] }
}

/**
 * `actor`: who reads it, so the link to the mediation case it became opens only for someone who may read that.
 * `given`: caseReadIds already read by the caller; else read here.
 */
export async function caseView(d: Deps, tree: OrgTree, c: Case, actor: Actor | null = null, given?: PageReads): Promise<CaseView> {
  const p = c.payload as unknown as ReportPayload
  const unit = tree.get(c.unitCode)
  const ids = given ? null : caseReadIds(c)
  const reads = given ?? (await pageReads(d, ids!.userIds, ids!.fileIds))
  const assignee = c.assigneeId ? reads.users.get(c.assigneeId) : null
  return withFields(summaryOf(d, tree, c), {
    description: p.description,
    voiceUrl: p.voiceFileId ? (reads.files.get(p.voiceFileId)?.url ?? null) : null,
    photos: linksOf(reads, p.photos),
    location: { lng: p.location.lng, lat: p.location.lat, address: p.location.address },
    anonymous: p.anonymous,
    unitName: unit ? tree.path(unit.code) : c.unitCode,
    unitPhone: unit?.phone ?? null,
    assigneeName: assignee?.name ?? null,
    rating: p.rating ?? null,
    ratingComment: p.ratingComment ?? null,
    moderation: moderationView(p),
    convertedTo: await caseLinkView(d, tree, actor, p.convertedTo),
    version: c.version,
  })
}
