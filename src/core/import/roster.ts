import type { OrgLevel, OrgUnit } from '../org'
import { HELPER_KIND_LABELS, HELPER_KINDS, ROLE_LABELS, type HelperKind, type Role, type RoleGrant } from '../roles'
import { mapHeader, type RowIssue } from './csv'

/** A staff record as the roster sees it (the backend's User has more). */
export interface StaffLike {
  id: string
  name: string
  phone: string | null
  grants: RoleGrant[]
}

export interface RosterContext {
  units: readonly OrgUnit[]
  committees: ReadonlyArray<{ code: string; name: string }>
  departments: ReadonlyArray<{ code: string; name: string }>
  /** Staff already stored; a row's phone finds its person. */
  staff: readonly StaffLike[]
  /** Units the importing administrator may staff; rows elsewhere are bad rows. */
  allowUnit?: (code: string) => boolean
}

export interface RosterPerson {
  phone: string
  name: string
  /** Existing grants plus the file's: a roster adds roles, it never takes them away. */
  grants: RoleGrant[]
  rows: number[]
  userId: string | null
  change: 'added' | 'changed' | 'unchanged'
}

export interface RosterPlan {
  errors: RowIssue[]
  people: RosterPerson[]
  rows: number
  goodRows: number
}

/** Each column by any of its header names (the first is the one the help names); the admin page lists them. */
export const ROSTER_COLUMNS = {
  name: ['姓名', 'name'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', 'phone'],
  role: ['角色', '岗位', 'role'],
  unit: ['单位编码', '网格编码', '所属单位编码', '单位', 'unit', 'unitCode'],
  committee: ['调解委员会', '委员会', 'committee'],
  department: ['部门', '职能部门', 'department'],
  helperKind: ['类别', '协助调解类别', 'helperKind'],
} as const
type Column = keyof typeof ROSTER_COLUMNS
const COLUMN_LABEL: Record<Column, string> = { name: '姓名', phone: '手机', role: '角色', unit: '单位编码', committee: '调解委员会', department: '部门', helperKind: '类别' }

export const STAFF_ROLES: readonly Role[] = ['building_manager', 'grid_worker', 'mediator', 'dispatcher', 'department', 'police', 'admin', 'helper', 'proxy_agent']
export const ROLE_ALIASES: Record<string, Role> = {
  派出所: 'police',
  民警: 'police',
  坐席: 'dispatcher',
  综治中心: 'dispatcher',
  专职网格员: 'grid_worker',
  // 协助调解: the kind written as the role (its 类别 then may stay empty).
  ...Object.fromEntries(Object.values(HELPER_KIND_LABELS).map((label) => [label, 'helper' as const])),
  法律顾问: 'helper',
  代办人: 'proxy_agent',
}
/** Which levels of unit a role is held at. */
export const ROLE_LEVELS: Record<string, readonly OrgLevel[]> = {
  building_manager: ['grid'],
  grid_worker: ['grid'],
  // A district's own committees (交调委, 婚调委 …) have their mediators at the district.
  mediator: ['district', 'street', 'community'],
  dispatcher: ['street'],
  department: ['street', 'district'],
  police: ['street', 'community'],
  admin: ['district', 'street'],
  // 协助调解人 belong to a community's roster (小事不出村): its mediators invite them.
  helper: ['community'],
  // 代办员: the village's (社区/村's) own person who does things online for those who cannot (村情通).
  proxy_agent: ['community'],
}
export const LEVEL_LABEL: Record<OrgLevel, string> = { city: '市', district: '区', street: '街道', community: '社区', grid: '网格' }
const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/

export function roleFrom(cell: string): Role | undefined {
  const t = cell.trim()
  if ((STAFF_ROLES as readonly string[]).includes(t)) return t as Role
  const byLabel = STAFF_ROLES.find((r) => ROLE_LABELS[r] === t)
  return byLabel ?? ROLE_ALIASES[t]
}

function sameGrant(a: RoleGrant, b: RoleGrant): boolean {
  return (
    a.role === b.role &&
    a.unitCode === b.unitCode &&
    (a.committee ?? null) === (b.committee ?? null) &&
    (a.department ?? null) === (b.department ?? null) &&
    (a.helperKind ?? null) === (b.helperKind ?? null)
  )
}

/** 驻村法律顾问 / 党员 / 街坊 (or the code) from the 类别 cell, else from a role cell that named the kind. */
export function helperKindFrom(kindCell: string, roleCell: string): HelperKind | undefined {
  for (const cell of [kindCell.trim(), roleCell.trim()]) {
    if ((HELPER_KINDS as readonly string[]).includes(cell)) return cell as HelperKind
    const byLabel = HELPER_KINDS.find((k) => HELPER_KIND_LABELS[k] === cell)
    if (byLabel) return byLabel
    if (cell === '法律顾问') return 'legal_adviser'
  }
  return undefined
}

/** Reads a staff roster table (first row = header) against the org tree and the district's committees and departments. */
export function planRoster(table: readonly string[][], ctx: RosterContext): RosterPlan {
  const errors: RowIssue[] = []
  const header = table[0] ?? []
  const { index, missing } = mapHeader<Column>(header, ROSTER_COLUMNS, ['name', 'phone', 'role', 'unit'])
  if (table.length === 0 || missing.length > 0) {
    return { errors: [{ row: 1, column: missing.map((m) => COLUMN_LABEL[m]).join('、') || '表头', reason: `缺少列：${missing.map((m) => COLUMN_LABEL[m]).join('、') || '表头为空'}` }], people: [], rows: Math.max(0, table.length - 1), goodRows: 0 }
  }
  const peopleNames = new Set(ctx.units.filter((u) => u.level === 'community' || u.level === 'street').map((u) => `${u.name}人民调解委员会`))
  const units = new Map(ctx.units.map((u) => [u.code, u]))
  const byPhone = new Map(ctx.staff.filter((s) => s.phone).map((s) => [s.phone!, s]))
  const people = new Map<string, RosterPerson>()
  let goodRows = 0

  for (let r = 1; r < table.length; r++) {
    const rowNo = r + 1
    const cells = table[r]!
    const cell = (k: Column) => (index[k] === undefined ? '' : (cells[index[k]!] ?? '').trim())
    const bad = (column: Column, reason: string) => errors.push({ row: rowNo, column: COLUMN_LABEL[column], reason })
    const before = errors.length

    const name = cell('name')
    if (!name || name.length > 20) bad('name', name ? '姓名超过 20 字' : '姓名不能为空')
    const phone = cell('phone').replace(/[\s()（）]/g, '')
    if (!MOBILE.test(phone) && !LANDLINE.test(phone)) bad('phone', phone ? `手机号格式错误：${phone}` : '手机号不能为空')
    const role = roleFrom(cell('role'))
    if (!role) bad('role', cell('role') ? `未知角色「${cell('role')}」，可填：${STAFF_ROLES.map((x) => ROLE_LABELS[x]).join('、')}` : '角色不能为空')
    const unitCode = cell('unit')
    const unit = units.get(unitCode)
    if (!unit) bad('unit', unitCode ? `单位编码 ${unitCode} 不存在，请先导入组织架构` : '单位编码不能为空')
    else if (ctx.allowUnit && !ctx.allowUnit(unitCode)) bad('unit', `${unit.name}不在您管理的范围内`)
    else if (role && !ROLE_LEVELS[role]!.includes(unit.level))
      bad('unit', `${ROLE_LABELS[role]}应属于${ROLE_LEVELS[role]!.map((l) => LEVEL_LABEL[l]).join('或')}，${unit.name}是${LEVEL_LABEL[unit.level]}`)
    const grant: RoleGrant = { role: role ?? 'grid_worker', unitCode }
    if (role === 'mediator') {
      const c = cell('committee')
      // Every community and street has its 人民调解委员会 (code people) whether or not one was imported.
      const found = ctx.committees.find((x) => x.code === c || x.name === c) ?? (c === '人民调解委员会' || peopleNames.has(c) ? { code: 'people' } : undefined)
      if (!found) bad('committee', c ? `调解委员会「${c}」未在区级配置中` : '调解员需填写调解委员会')
      else grant.committee = found.code
    }
    if (role === 'helper') {
      const kind = helperKindFrom(cell('helperKind'), cell('role'))
      if (!kind) bad('helperKind', cell('helperKind') ? `类别「${cell('helperKind')}」无效，可填：${Object.values(HELPER_KIND_LABELS).join('、')}` : `协助调解人需填写类别：${Object.values(HELPER_KIND_LABELS).join('、')}`)
      else grant.helperKind = kind
    }
    if (role === 'department') {
      const dep = cell('department')
      const found = ctx.departments.find((x) => x.code === dep || x.name === dep)
      if (!found) bad('department', dep ? `部门「${dep}」未在区级配置中` : '职能部门人员需填写部门')
      else grant.department = found.code
    }
    const seen = people.get(phone)
    if (errors.length === before && seen && seen.name !== name) bad('name', `手机号 ${phone} 在第 ${seen.rows[0]} 行属于「${seen.name}」，同一手机号姓名应一致`)
    if (errors.length > before) continue

    const existing = byPhone.get(phone)
    // A person who also works outside the admin's units is theirs to change: neither renamed nor
    // shown (with their other roles) to this admin.
    if (existing && ctx.allowUnit && existing.grants.some((g) => !ctx.allowUnit!(g.unitCode))) {
      bad('phone', `手机号 ${phone} 已登记为您管理范围以外的工作人员，请联系其所在单位的管理员`)
      continue
    }
    goodRows++
    const person = seen ?? { phone, name, grants: [...(existing?.grants ?? [])], rows: [], userId: existing?.id ?? null, change: existing ? 'unchanged' : 'added' }
    person.rows.push(rowNo)
    if (!person.grants.some((g) => sameGrant(g, grant))) {
      person.grants.push(grant)
      if (person.change === 'unchanged') person.change = 'changed'
    }
    if (existing && existing.name !== name && person.change === 'unchanged') person.change = 'changed'
    people.set(phone, person)
  }
  return { errors, people: [...people.values()], rows: table.length - 1, goodRows }
}
