export type Role =
  | 'resident'
  | 'tenant'
  | 'building_manager'
  | 'grid_worker'
  | 'mediator'
  | 'dispatcher'
  | 'department'
  | 'police'
  | 'admin'
  | 'helper'
  | 'proxy_agent'

/**
 * Timers and jobs act as `system`, an outside system (an Open311 client, a 12345 platform) as
 * `partner`; no person can hold either. `applicant` and `respondent` are held relative to one
 * case (its creator, the parties who joined it), not granted.
 */
export type ActorRole = Role | 'system' | 'partner' | CaseRole
export type CaseRole = 'applicant' | 'respondent'

export const ROLES: readonly Role[] = [
  'resident',
  'tenant',
  'building_manager',
  'grid_worker',
  'mediator',
  'dispatcher',
  'department',
  'police',
  'admin',
  'helper',
  'proxy_agent',
]

export const ROLE_LABELS: Record<ActorRole, string> = {
  resident: '居民',
  tenant: '租户',
  building_manager: '楼栋长',
  grid_worker: '网格员',
  mediator: '调解员',
  dispatcher: '综治中心坐席',
  department: '职能部门',
  police: '社区民警',
  admin: '管理员',
  helper: '协助调解人',
  proxy_agent: '代办员',
  system: '系统',
  partner: '对接系统',
  applicant: '申请人',
  respondent: '被申请人',
}

/** A role held within an org unit: a grid worker of one grid, a dispatcher of one street. */
export interface RoleGrant {
  role: Role
  unitCode: string
  /** For `department` grants: which department (城管, 住建, …) within the unit. */
  department?: string
  /** For `mediator` grants: which mediation committee (婚调委, 交调委, …). */
  committee?: string
  /** For `helper` grants: who helps (驻村法律顾问, 党员, 街坊) — the mediator picks by it. */
  helperKind?: HelperKind
}

export const HELPER_KINDS = ['legal_adviser', 'party_member', 'neighbour'] as const
export type HelperKind = (typeof HELPER_KINDS)[number]
export const HELPER_KIND_LABELS: Record<HelperKind, string> = { legal_adviser: '驻村法律顾问', party_member: '党员', neighbour: '街坊' }

export interface Actor {
  userId: string
  name: string
  grants: RoleGrant[]
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', name: '系统', grants: [] }

export function rolesOf(actor: Actor): Role[] {
  return [...new Set(actor.grants.map((g) => g.role))]
}
