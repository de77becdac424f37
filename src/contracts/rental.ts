/**
 * 出租屋实名登记 wire contract (function `rental`): tenants check in by a building's QR, building
 * managers confirm and keep the roster, police see their area with audited reveal and export.
 * Types only. Identity numbers and phones travel masked except in `rental.reveal` and the
 * tenant's own view of their phone. Inputs are inferred from their zod schemas (rentalSchemas.ts).
 */
import type { z } from 'zod'
import type * as c from './commonSchemas'
import type * as s from './rentalSchemas'
import type { ShareCodeView } from './shareCode'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>
type Common<K extends keyof typeof c> = z.infer<(typeof c)[K]>

/** 居民身份证, 港澳台居民居住证, 外国人永久居留身份证, 护照. */
export type DocType = In<'docType'>

export type CheckinStatus = In<'checkinStatus'>

/** `relation`: 配偶, 子女, 父母, 同事, 朋友, 其他. */
export type Cohabitant = In<'cohabitant'>

export type CheckInInput = In<'checkIn'>

/** What a tenant sees after scanning: never anyone else's registration. */
export interface BuildingPublicView {
  code: string
  name: string
  address: string
  gridName: string
  /** "白云区 京溪街道 云景社区" */
  path: string
  rooms: string[]
  managerName: string
  /** The stated purpose and retention, shown above the consent boxes. */
  notice: { version: string; purpose: string; retentionDays: number }
}

export type InspectionState = 'ok' | 'due_soon' | 'overdue' | 'never'

export interface BuildingView {
  id: string
  code: string
  name: string
  address: string
  location: { lng: number; lat: number }
  gridCode: string
  gridName: string
  floors: number
  rooms: string[]
  managerId: string
  managerName: string
  pending: number
  active: number
  lastInspectionAt: string | null
  /** Monthly fire-safety check: due by the end of the month after the last one. */
  inspectionState: InspectionState
  createdAt: string
}

export interface RegistrationView {
  id: string
  /** The number people read and say (京溪-2026-00042); null only for a case stored before numbers and not yet numbered. */
  number: string | null
  status: CheckinStatus
  statusLabel: string
  buildingId: string
  buildingName: string
  buildingAddress: string
  gridName: string
  room: string
  /** Null once purged. */
  name: string | null
  docType: DocType
  docTypeLabel: string
  /** 4401**********123X; null once purged. */
  docNumberMasked: string | null
  /** Full for the tenant and the building's manager, masked for police; null once purged. */
  phone: string | null
  moveInDate: string
  leaseEnd: string
  cohabitants: Cohabitant[]
  refusedReason: string | null
  checkedOutAt: string | null
  /** Active past the lease end without check-out (the daily job's flag). */
  leaseOverdue: boolean
  /**
   * For the staff who review it (the building's manager while pending, police and the street):
   * 该证件号已有在住/待确认登记, 有人报告该证件被冒用 — never whose. Always empty for the tenant.
   */
  alerts: string[]
  /** 代办: 「代办：网格员 王伟 代 张*明 办理」 when a grid worker or 代办员 registered the tenant; else null. */
  proxyNote: string | null
  createdAt: string
  version: number
}

/** A building an agent may register a tenant in (代办登记's picker): its QR code and where it is. */
export interface ProxyBuildingView {
  code: string
  name: string
  address: string
  gridName: string
}

export interface InspectionItemView {
  code: string
  label: string
  /** The report category a failure of this item is filed under. */
  category: string
}

export interface InspectionView {
  id: string
  buildingId: string
  inspectorName: string
  at: string
  items: Array<{ code: string; label: string; passed: boolean; note: string | null }>
  photos: Array<{ fileId: string; url: string }>
  failed: number
  /** Report cases made for the failed items, in the grid's queue. */
  caseIds: string[]
  /** Their numbers (京溪-2026-00042), in the same order: what the page shows. */
  caseNumbers: Array<string | null>
}

export interface AuditView {
  id: string
  actorName: string
  /** The role identifier (`police`, `dispatcher`, …); `actorRoleLabel` is its Chinese label. */
  actorRole: string
  actorRoleLabel: string
  /** reveal 查看完整号码, export 导出, search 按证件号码查询, read 查看事项 (an admin's, or police reading a referred case), moderate 内容审核 (cases.moderate and image verdicts), erase 注销账号 (a person deleting their own account), integration 对外接口 (an admin issuing or revoking an outside system's access). */
  action: 'reveal' | 'export' | 'search' | 'read' | 'moderate' | 'erase' | 'integration'
  /** The row as stored (a case id, `rental.exportCsv …`): for machines, never shown. */
  target: string
  /** The case the row is about, if any. */
  caseId: string | null
  /** What was done, in words, a case by its number: 导出辖区登记 CSV，2 条，筛选：云景社区. */
  what: string
  /** The row as people read it: 吴刚 查看 京溪-2026-00007 的证件号码和手机号，理由：…. */
  sentence: string
  reason: string
  at: string
}

export type MisuseStatus = 'open' | 'closed'

/** 有人冒用我的证件: what the person who raised it is told — the same whether or not the number is registered. */
export interface MisuseReceipt {
  id: string
  /** The number people read and say (京溪-2026-00042); null only for a case stored before numbers and not yet numbered. */
  number: string | null
  statusLabel: string
  buildingName: string
  docNumberMasked: string
  createdAt: string
}

/** A misuse dispute in the police area list, with the registrations of the same document in the area (masked). */
export interface MisuseView {
  id: string
  /** The number people read and say (京溪-2026-00042); null only for a case stored before numbers and not yet numbered. */
  number: string | null
  status: MisuseStatus
  statusLabel: string
  /** The building where it was raised (its grid is the dispute's area). */
  buildingName: string
  buildingAddress: string
  gridName: string
  docTypeLabel: string
  docNumberMasked: string
  note: string
  reporterName: string
  resolution: string | null
  related: RegistrationView[]
  createdAt: string
  version: number
}

/** A mediation case referred to the police (警调对接), as listed for them; opening it is audited. */
export interface ReferredCaseView {
  id: string
  /** The number people read and say (京溪-2026-00042); null only for a case stored before numbers and not yet numbered. */
  number: string | null
  disputeTypeLabel: string
  statusLabel: string
  /** The street (or committee level) that handled it. */
  unitName: string
  referralNote: string
  updatedAt: string
}

export interface RentalApi {
  // Tenants
  'rental.building': { in: In<'byCode'>; out: { building: BuildingPublicView } }
  'rental.checkIn': { in: CheckInInput; out: { registration: RegistrationView; replayed: boolean } }
  // Grid workers and 代办员 (代办登记), for a tenant who is present
  /** The buildings of the agent's own area, for the form's picker. */
  'rental.proxyBuildings': { in: Common<'empty'>; out: { buildings: ProxyBuildingView[] } }
  'rental.proxyCheckIn': { in: In<'proxyCheckIn'>; out: { registration: RegistrationView; replayed: boolean } }
  'rental.mine': { in: Common<'empty'>; out: { registrations: RegistrationView[] } }
  'rental.update': { in: In<'updateRegistration'>; out: { registration: RegistrationView } }
  /** The tenant or the building's manager ends a stay (人走注销). */
  'rental.checkOut': { in: In<'checkOut'>; out: { registration: RegistrationView } }
  /** 有人冒用我的证件: raised from a building's check-in page; rate-limited by WeChat identity. */
  'rental.reportMisuse': {
    in: In<'reportMisuse'>
    out: { dispute: MisuseReceipt; replayed: boolean }
  }
  // Building managers
  'rental.registerBuilding': {
    in: In<'registerBuilding'>
    out: { building: BuildingView; replayed: boolean }
  }
  'rental.myBuildings': { in: Common<'empty'>; out: { buildings: BuildingView[] } }
  /** The printable QR: a link that opens check-in for the building. */
  'rental.buildingQr': { in: In<'byBuilding'>; out: { qr: ShareCodeView; building: BuildingView } }
  'rental.registrations': {
    in: In<'registrations'>
    out: { registrations: RegistrationView[] }
  }
  'rental.decide': { in: In<'decide'>; out: { registration: RegistrationView } }
  'rental.inspectionItems': { in: Common<'empty'>; out: { items: InspectionItemView[] } }
  'rental.inspect': {
    in: In<'inspect'>
    out: { inspection: InspectionView; replayed: boolean }
  }
  'rental.inspections': { in: In<'byBuilding'>; out: { inspections: InspectionView[] } }
  // The street (dispatcher, admin) and police
  /** Buildings of the street whose monthly check is overdue (or never done). */
  'rental.overdueInspections': { in: In<'overdueInspections'>; out: { buildings: BuildingView[] } }
  /**
   * Registrations of the caller's area (police, 来穗 staff), masked. A `q` that is a full document
   * number needs a `reason` and writes an audit row. `disputes`: the police's open misuse
   * disputes of their area; `referred`: mediation cases referred to them (both on the first
   * page only, and empty for the street).
   */
  'rental.area': {
    in: In<'area'>
    out: { registrations: RegistrationView[]; disputes: MisuseView[]; referred: ReferredCaseView[]; next: string | null; total: number }
  }
  /** The police close a misuse dispute of their area with what they found. */
  'rental.closeDispute': { in: In<'closeDispute'>; out: { dispute: MisuseView } }
  /** The full identity number and phone of one registration; writes an audit row first. */
  'rental.reveal': { in: In<'reveal'>; out: { docNumber: string; phone: string } }
  /** CSV of the area (full numbers), audited with its reason. */
  'rental.exportCsv': { in: In<'exportCsv'>; out: { filename: string; csv: string; rows: number } }
  'rental.audit': { in: In<'auditPage'>; out: { entries: AuditView[]; next: string | null } }
}
