import type { Case, TimelineEvent } from '../../../src/core/case'
import type { GeoPoint } from '../../../src/core/geo'
import { openReport, type ReportPayload } from '../../../src/core/kinds/report'
import type { ReportSource } from '../../../src/core/kinds/reportTerms'
import type { CategoryConfig } from '../../config/district'
import type { Deps } from '../../deps'
import { sealContact } from './contactPhone'
import { sealSourceReporter, type ReporterWords } from './sourceReporter'

export interface PartnerReport {
  id: string
  creatorId: string
  idempotencyKey: string
  category: CategoryConfig
  grid: { code: string; name: string }
  description: string
  point: GeoPoint
  /** As the outside system gave it; the grid's name when it gave none. */
  address: string | null
  /** Who the outside system says reported it: name and email sealed in the source, the phone as the contact. */
  reporter: ReporterWords & { phone?: string | null }
  source: Omit<ReportSource, 'reporter'>
}

/**
 * A report filed by an outside system (Open311 client, 12345 platform), opened the way an in-app
 * one is, by the partner (ActorRole 'partner'), its reporter sealed. The caller checks the vault
 * is there when a reporter is named.
 */
export function openPartnerReport(d: Deps, r: PartnerReport): { case: Case<ReportPayload>; event: TimelineEvent } {
  const sealed = d.vault ? sealSourceReporter(d.vault, r.id, r.reporter) : undefined
  const phone = r.reporter.phone?.replace(/[\s-]/g, '')
  return openReport({
    id: r.id,
    eventId: d.newId(),
    creatorId: r.creatorId,
    idempotencyKey: r.idempotencyKey,
    category: r.category.code,
    gridCode: r.grid.code,
    now: d.clock.now(),
    acceptHours: d.config.acceptHours,
    creatorRole: 'partner',
    payload: {
      description: r.description,
      photos: [],
      location: { ...r.point, address: r.address || r.grid.name },
      anonymous: false,
      ...(phone && d.vault ? { contact: sealContact(d.vault, r.id, phone) } : {}),
      ...(r.category.handler === 'department' && r.category.department ? { department: r.category.department } : {}),
      source: { ...r.source, ...(sealed ? { reporter: sealed } : {}) },
    },
  })
}
