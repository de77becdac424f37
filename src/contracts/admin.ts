/**
 * Wire contract of district onboarding (issue 8): the `admin` function (org and staff import,
 * staff, invitations, district configuration) and `session.bind` (redeeming an invitation).
 * Inputs are inferred from their zod schemas (adminSchemas.ts).
 */
import type { z } from 'zod'
import type * as c from './commonSchemas'
import type * as s from './adminSchemas'
import type { MeView, RoleView } from './session'
import type { ShareCodeView } from './shareCode'
import type { MediationLevelApi } from './mediationLevels'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>
type Common<K extends keyof typeof c> = z.infer<(typeof c)[K]>

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

/** A WeChat notice set aside (dead letter): whom it was for, what it said, and why it never went, in Chinese. */
export interface DeadLetterView {
  /** The kind of notice: 事项办理进度, 调解安排与协议 … */
  notice: string
  /** The person's name as 我的 shows it (已注销用户 once deleted). */
  recipient: string
  title: string
  /** When the notice was queued, and when it was set aside (ISO; pages show Beijing time). */
  at: string
  failedAt: string
  tries: number
  reason: string
}

export type StaffRowInput = In<'addStaff'>

export interface AdminApi extends MediationLevelApi {
  'admin.units': { in: Common<'empty'>; out: { units: UnitListView[] } }
  /** GeoJSON text (grids; optionally a second file of streets and communities). */
  'admin.planOrg': { in: In<'orgFiles'>; out: { plan: OrgPlanView } }
  'admin.applyOrg': { in: In<'applyOrgFiles'>; out: { plan: OrgPlanView } }
  /** A CSV or .xlsx roster; `dryRun` only reports, `allOrNothing` writes nothing if any row is bad. */
  'admin.importStaff': { in: In<'importStaff'>; out: { plan: StaffPlanView } }
  /** Buildings (address, grid code or coordinates, floors, rooms, manager's phone) from CSV or .xlsx. */
  'admin.importBuildings': { in: In<'importStaff'>; out: { plan: BuildingPlanView } }
  'admin.addStaff': { in: StaffRowInput; out: { plan: StaffPlanView } }
  'admin.staff': { in: Common<'empty'>; out: { staff: StaffView[] } }
  'admin.revokeStaff': { in: In<'staffOnly'>; out: { revoked: boolean } }
  'admin.invite': { in: In<'invite'>; out: { invitation: InvitationView; code: string; path: string; qr: ShareCodeView | null; qrError: string | null; webLink: string | null } }
  'admin.invitations': { in: In<'invitations'>; out: { invitations: InvitationView[] } }
  'admin.revokeInvitation': { in: Common<'byId'>; out: { invitation: InvitationView } }
  'admin.config': { in: Common<'empty'>; out: { config: Record<string, unknown>; version: number } }
  /** Saves a whole configuration over `baseVersion`; refuses with every bad field named. */
  'admin.saveConfig': { in: In<'saveConfig'>; out: { version: number; changes: ConfigVersionView['changes'] } }
  'admin.configHistory': { in: Common<'empty'>; out: { versions: ConfigVersionView[] } }
  /** The latest 50 WeChat notices set aside, newest first, with the reason each never went. */
  'admin.deadLetters': { in: Common<'empty'>; out: { items: DeadLetterView[] } }
  /** Redeems an invitation: binds the caller's WeChat identity to the staff record. */
  'session.bind': { in: In<'bind'>; out: { user: MeView } }
}
