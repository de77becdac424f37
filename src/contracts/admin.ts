/**
 * Wire contract of district onboarding (issue 8): the `admin` function (org and staff import,
 * staff, invitations, district configuration) and `session.bind` (redeeming an invitation).
 */
import type { Role } from '../core/roles'
import type { MeView, RoleView } from './session'

export interface ImportIssueView {
  /** 1-based feature number in the file(s), or 0 for the file as a whole. */
  feature: number
  code: string | null
  field: string | null
  reason: string
}

export interface UnitRowView {
  code: string
  name: string
  level: 'city' | 'district' | 'street' | 'community' | 'grid'
  levelLabel: string
  parentCode: string | null
  /** Only in the diff: which fields change. */
  fields?: string[]
}

export interface OrgPlanView {
  errors: ImportIssueView[]
  warnings: ImportIssueView[]
  overlaps: Array<{ a: string; b: string; areaM2: number }>
  streets: string[]
  added: UnitRowView[]
  changed: UnitRowView[]
  removed: UnitRowView[]
  unchanged: number
  /** Sent back with `apply` so that what is written is what was reviewed. */
  fingerprint: string
}

export interface UnitListView extends UnitRowView {
  hasPolygon: boolean
  phone: string | null
  /** Outline for the map, grids only. */
  polygon: number[][][] | null
}

export interface RowIssueView {
  row: number
  column: string
  reason: string
}

export interface StaffPlanView {
  rows: number
  goodRows: number
  errors: RowIssueView[]
  people: Array<{ name: string; phone: string; roles: RoleView[]; change: 'added' | 'changed' | 'unchanged'; rows: number[] }>
  /** People written (0 on a dry run, or when all-or-nothing met a bad row). */
  applied: number
}

export interface BuildingPlanView {
  rows: number
  errors: RowIssueView[]
  buildings: Array<{ row: number; name: string; address: string; gridCode: string; gridName: string; floors: number; rooms: number; managerName: string; change: 'added' | 'unchanged' }>
  /** Buildings registered by this call. */
  applied: number
}

export interface StaffView {
  id: string
  name: string
  phone: string | null
  roles: RoleView[]
  /** Bound to a WeChat identity. */
  bound: boolean
  /** The newest invitation's state, if any. */
  invitation: InvitationView | null
}

export type InvitationStatus = 'open' | 'used' | 'expired' | 'revoked'

export interface InvitationView {
  id: string
  userId: string
  status: InvitationStatus
  statusLabel: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
}

export interface ConfigVersionView {
  version: number
  authorId: string
  authorName: string
  at: string
  changes: Array<{ path: string; before: unknown; after: unknown }>
}

export interface StaffRowInput {
  name: string
  phone: string
  role: Role
  unitCode: string
  committee?: string
  department?: string
}

export interface AdminApi {
  'admin.units': { in: Record<string, never>; out: { units: UnitListView[] } }
  /** GeoJSON text (grids; optionally a second file of streets and communities). */
  'admin.planOrg': { in: { geojson: string; units?: string }; out: { plan: OrgPlanView } }
  'admin.applyOrg': { in: { geojson: string; units?: string; fingerprint: string }; out: { plan: OrgPlanView } }
  /** A CSV or .xlsx roster; `dryRun` only reports, `allOrNothing` writes nothing if any row is bad. */
  'admin.importStaff': { in: { fileName: string; contentBase64: string; dryRun: boolean; allOrNothing: boolean }; out: { plan: StaffPlanView } }
  /** Buildings (address, grid code or coordinates, floors, rooms, manager's phone) from CSV or .xlsx. */
  'admin.importBuildings': { in: { fileName: string; contentBase64: string; dryRun: boolean; allOrNothing: boolean }; out: { plan: BuildingPlanView } }
  'admin.addStaff': { in: StaffRowInput; out: { plan: StaffPlanView } }
  'admin.staff': { in: Record<string, never>; out: { staff: StaffView[] } }
  'admin.revokeStaff': { in: { userId: string }; out: { revoked: boolean } }
  'admin.invite': { in: { userId: string; validHours?: number }; out: { invitation: InvitationView; code: string; path: string; qrSvg: string } }
  'admin.invitations': { in: { userId?: string }; out: { invitations: InvitationView[] } }
  'admin.revokeInvitation': { in: { id: string }; out: { invitation: InvitationView } }
  'admin.config': { in: Record<string, never>; out: { config: Record<string, unknown>; version: number } }
  /** Saves a whole configuration over `baseVersion`; refuses with every bad field named. */
  'admin.saveConfig': { in: { config: Record<string, unknown>; baseVersion: number }; out: { version: number; changes: ConfigVersionView['changes'] } }
  'admin.configHistory': { in: Record<string, never>; out: { versions: ConfigVersionView[] } }
  /** Redeems an invitation: binds the caller's WeChat identity to the staff record. */
  'session.bind': { in: { code: string }; out: { user: MeView } }
}
