import type { BuildingPublicView, BuildingView, InspectionView, RegistrationView } from '../../../src/contracts/rental'
import type { Case } from '../../../src/core/case'
import { CHECKIN, type CheckinPayload } from '../../../src/core/kinds/checkin'
import type { OrgTree } from '../../../src/core/org'
import { DOC_TYPE_LABELS, inspectionState } from '../../../src/core/rental'
import { labelOf } from '../../../src/core/transition'
import { maskPhone } from '../../../src/core/idNumber'
import type { CaseQuery } from '../../ports'
import type { Building, FireInspection } from '../../ports'
import type { Deps } from '../../deps'
import { gridView } from '../shared/gridView'

export function pl(c: Case): CheckinPayload {
  return c.payload as unknown as CheckinPayload
}

const PAGE = 200

/** The cases of `q` a page of PAGE at a time along its index, at most `maxPages` pages. */
export async function* casePages(d: Deps, q: Omit<CaseQuery, 'limit' | 'before'>, maxPages = Infinity): AsyncGenerator<Case[]> {
  let before: string | undefined
  for (let i = 0; i < maxPages; i++) {
    const page = await d.store.listCases({ ...q, limit: PAGE, before })
    yield page
    if (page.length < PAGE) return
    before = page[page.length - 1]!.id
  }
}

/** Codes of the grids within any of `units`. */
export function gridsOf(tree: OrgTree, units: string[]): string[] {
  return tree.grids().filter((g) => units.some((u) => tree.isWithin(g.code, u))).map((g) => g.code)
}

/** User names, each read once per request. */
export class Names {
  private readonly seen = new Map<string, string>()
  constructor(private readonly d: Deps) {}
  async of(id: string): Promise<string> {
    let n = this.seen.get(id)
    if (n === undefined) {
      n = (await this.d.store.getUser(id))?.name ?? '未知用户'
      this.seen.set(id, n)
    }
    return n
  }
}

/** Buildings, each read once per request. */
export class Buildings {
  private readonly seen = new Map<string, Building | null>()
  constructor(private readonly d: Deps) {}
  async of(id: string): Promise<Building | null> {
    if (!this.seen.has(id)) this.seen.set(id, await this.d.store.getBuilding(id))
    return this.seen.get(id) ?? null
  }
}

export async function buildingView(d: Deps, tree: OrgTree, b: Building, counts: { pending: number; active: number }, names: Names): Promise<BuildingView> {
  return {
    id: b.id,
    code: b.code,
    name: b.name,
    address: b.address,
    location: b.location,
    gridCode: b.gridCode,
    gridName: tree.get(b.gridCode)?.name ?? b.gridCode,
    floors: b.floors,
    rooms: b.rooms,
    managerId: b.managerId,
    managerName: await names.of(b.managerId),
    pending: counts.pending,
    active: counts.active,
    lastInspectionAt: b.lastInspectionAt,
    inspectionState: inspectionState(b.lastInspectionAt, d.clock.now(), d.config.rental.inspectionDueSoonDays),
    createdAt: b.createdAt,
  }
}

export async function publicView(d: Deps, tree: OrgTree, b: Building, names: Names): Promise<BuildingPublicView> {
  const grid = tree.get(b.gridCode)
  return {
    code: b.code,
    name: b.name,
    address: b.address,
    gridName: grid?.name ?? b.gridCode,
    path: grid ? gridView(tree, grid).path : '',
    rooms: b.rooms,
    managerName: await names.of(b.managerId),
    notice: { version: d.config.rental.notice.version, purpose: d.config.rental.notice.purpose, retentionDays: d.config.rental.retentionDays },
  }
}

/**
 * A registration as the app shows it. `phone` is what the caller may see: the full number for
 * the tenant and the building's manager, masked for the street and police, null once purged.
 */
export function registrationView(tree: OrgTree, c: Case, b: Building | null, phone: string | null): RegistrationView {
  const p = pl(c)
  return {
    id: c.id,
    status: c.status as RegistrationView['status'],
    statusLabel: labelOf(CHECKIN.statusLabels, c.status),
    buildingId: p.buildingId,
    buildingName: b?.name ?? '',
    buildingAddress: b?.address ?? '',
    gridName: tree.get(c.gridCode ?? c.unitCode)?.name ?? '',
    room: p.room,
    name: p.name,
    docType: p.docType,
    docTypeLabel: DOC_TYPE_LABELS[p.docType],
    docNumberMasked: p.docNumberMasked,
    phone,
    moveInDate: p.moveInDate,
    leaseEnd: p.leaseEnd,
    cohabitants: p.cohabitants,
    refusedReason: p.refusedReason ?? null,
    checkedOutAt: p.checkedOutAt ?? null,
    leaseOverdue: c.status === 'active' && !!p.leaseOverdueSince,
    alerts: [],
    createdAt: c.createdAt,
    version: c.version,
  }
}

export function maskedPhone(phone: string | null): string | null {
  return phone === null ? null : maskPhone(phone)
}

export async function inspectionView(d: Deps, i: FireInspection, names: Names): Promise<InspectionView> {
  const labels = new Map(d.config.rental.fireChecklist.map((x) => [x.code, x.label]))
  const photos: InspectionView['photos'] = []
  for (const fileId of i.photos) {
    const meta = await d.store.getFileMeta(fileId)
    if (meta) photos.push({ fileId, url: await d.fileUrl(meta) })
  }
  return {
    id: i.id,
    buildingId: i.buildingId,
    inspectorName: await names.of(i.inspectorId),
    at: i.at,
    items: i.items.map((x) => ({ code: x.code, label: labels.get(x.code) ?? x.code, passed: x.passed, note: x.note })),
    photos,
    failed: i.items.filter((x) => !x.passed).length,
    caseIds: i.caseIds,
  }
}
