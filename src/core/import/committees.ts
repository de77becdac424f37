import { unitShortName } from '../caseNumber'
import { DISPUTE_TYPE_LABELS, DISPUTE_TYPES, type DisputeType } from '../kinds/mediationTerms'
import { MEDIATION_LEVEL_LABELS, type MediationLevel } from '../kinds/mediationLevelTerms'
import type { OrgUnit } from '../org'
import { mapHeader, type RowIssue } from './csv'

/**
 * The committees table an administrator imports (小事不出村、大事不出镇): 名称, 级别, 单位编码, 受理类型,
 * 编号前缀, and an optional 编码 when one unit has more than one committee. A row names one unit's
 * committee; a committee already in force (same unit, same code) is updated, never duplicated.
 */

export interface UnitCommittee {
  code: string
  name: string
  level: MediationLevel
  unitCode: string
  disputeTypes: DisputeType[]
  numberPrefix: string
}

export const COMMITTEE_COLUMNS = {
  name: ['名称', '委员会名称', '调解委员会', 'name'],
  level: ['级别', '层级', 'level'],
  unit: ['单位编码', '所属单位编码', '单位', 'unit', 'unitCode'],
  types: ['受理类型', '纠纷类型', '受理纠纷类型', 'disputeTypes'],
  prefix: ['编号前缀', '协议编号前缀', 'numberPrefix'],
  code: ['编码', '委员会编码', 'code'],
} as const
type Column = keyof typeof COMMITTEE_COLUMNS
const COLUMN_LABEL: Record<Column, string> = { name: '名称', level: '级别', unit: '单位编码', types: '受理类型', prefix: '编号前缀', code: '编码' }

/** The code of a unit's 人民调解委员会 (and of the one committee cases before levels named). */
export const PEOPLE_CODE = 'people'
const CODE = /^[a-z][a-z0-9_]{1,31}$/
const PREFIX = /^[\u4e00-\u9fa5]{1,8}$/

const LEVEL_WORDS: Record<string, MediationLevel> = {
  社区: 'community',
  村: 'community',
  居委会: 'community',
  村委会: 'community',
  '社区（村）': 'community',
  '社区(村)': 'community',
  街道: 'street',
  镇: 'street',
  乡: 'street',
  '街道（镇）': 'street',
  '街道(镇)': 'street',
  区: 'district',
  县: 'district',
  community: 'community',
  street: 'street',
  district: 'district',
}

const UNIT_LEVEL: Partial<Record<OrgUnit['level'], MediationLevel>> = { community: 'community', street: 'street', district: 'district' }
const COMMUNITY_SUFFIX = /(社区居民委员会|居民委员会|村民委员会|社区|村委会|村)$/

/** What a unit's agreements print after the district's short name: 京溪 for 京溪街道, 云景 for 云景社区. */
export function committeePrefix(u: Pick<OrgUnit, 'name' | 'shortName' | 'level'>): string {
  const short = u.level === 'community' ? u.name.trim().replace(COMMUNITY_SUFFIX, '') : unitShortName(u)
  const han = [...short].filter((ch) => /[\u4e00-\u9fa5]/.test(ch)).join('')
  return han.slice(0, 8) || '人民'
}

const TYPE_BY_WORD = new Map<string, DisputeType>([
  ...DISPUTE_TYPES.map((t) => [t, t] as const),
  ...DISPUTE_TYPES.map((t) => [DISPUTE_TYPE_LABELS[t], t] as const),
  // What people also write: 邻里, 婚姻, 家庭, 租赁, 劳务, 交通, 商事, 物业, 其他.
  ...DISPUTE_TYPES.map((t) => [DISPUTE_TYPE_LABELS[t].replace(/纠纷$/, ''), t] as const),
  ['家庭纠纷', 'family'],
  ['婚姻', 'family'],
  ['家庭', 'family'],
  ['消费', 'commerce'],
  ['商事', 'commerce'],
  ['交通', 'traffic'],
])

/** 受理类型 as written: empty or 全部 for every type, else labels or codes separated by 、，,；; or spaces. */
export function parseDisputeTypes(cell: string): { types: DisputeType[] } | { unknown: string[] } {
  const t = cell.trim()
  if (t === '' || t === '全部' || t === '所有' || t === '全部类型') return { types: [] }
  const words = t.split(/[、，,；;\s/]+/).filter(Boolean)
  const unknown = words.filter((w) => !TYPE_BY_WORD.has(w))
  if (unknown.length) return { unknown }
  return { types: [...new Set(words.map((w) => TYPE_BY_WORD.get(w)!))] }
}

export function disputeTypesText(types: readonly DisputeType[]): string {
  return types.length === 0 ? '全部' : types.map((t) => DISPUTE_TYPE_LABELS[t]).join('、')
}

export interface CommitteePlan {
  rows: number
  committees: Array<UnitCommittee & { change: 'added' | 'changed' | 'unchanged' }>
  errors: RowIssue[]
}

/**
 * Reads the table against the org tree and the committees in force. Every row is checked: a unit that
 * does not exist or is not a community, street or district, a 级别 that is not the unit's, a type nobody
 * knows, a prefix that is not 1–8 汉字, the same committee twice.
 */
export function planCommittees(table: string[][], ctx: { units: readonly OrgUnit[]; existing: readonly UnitCommittee[] }): CommitteePlan | { missing: string[] } {
  const [header, ...body] = table
  if (!header) return { missing: ['名称', '级别', '单位编码'] }
  const { index, missing } = mapHeader<Column>(header, COMMITTEE_COLUMNS, ['name', 'level', 'unit'])
  if (missing.length) return { missing: missing.map((k) => COLUMN_LABEL[k]) }
  const units = new Map(ctx.units.map((u) => [u.code, u]))
  const errors: RowIssue[] = []
  const out: CommitteePlan['committees'] = []
  const seen = new Map<string, number>()
  body.forEach((cells, i) => {
    const rowNo = i + 2
    const cell = (k: Column) => (index[k] === undefined ? '' : (cells[index[k]!] ?? '').trim())
    const before = errors.length
    const bad = (column: Column, reason: string) => errors.push({ row: rowNo, column: COLUMN_LABEL[column], reason })
    const name = cell('name')
    if (!name || name.length > 40) bad('name', name ? '名称超过 40 字' : '名称不能为空')
    const unitCode = cell('unit')
    const unit = units.get(unitCode)
    const unitLevel = unit ? UNIT_LEVEL[unit.level] : undefined
    if (!unit) bad('unit', unitCode ? `单位编码 ${unitCode} 不存在，请先导入组织架构` : '单位编码不能为空')
    else if (!unitLevel) bad('unit', `${unit.name}不是社区（村）、街道（镇）或区，不设调解委员会`)
    const levelText = cell('level')
    const level = LEVEL_WORDS[levelText.replace(/\s+/g, '')]
    if (!level) bad('level', levelText ? `未知级别「${levelText}」，可填：社区、街道、区` : '级别不能为空')
    else if (unit && unitLevel && level !== unitLevel) bad('level', `${unit.name}是${MEDIATION_LEVEL_LABELS[unitLevel]}，级别应填「${MEDIATION_LEVEL_LABELS[unitLevel]}」`)
    const types = parseDisputeTypes(cell('types'))
    if ('unknown' in types) bad('types', `未知纠纷类型「${types.unknown.join('、')}」，可填：${DISPUTE_TYPES.map((t) => DISPUTE_TYPE_LABELS[t]).join('、')} 或「全部」`)
    const prefixCell = cell('prefix')
    if (prefixCell && !PREFIX.test(prefixCell)) bad('prefix', '编号前缀应为 1–8 个汉字，如「京溪」')
    const code = cell('code') || PEOPLE_CODE
    if (!CODE.test(code)) bad('code', '编码应为小写字母开头的字母、数字或下划线（2–32 位），如 labour')
    if (errors.length > before || !unit || !level || 'unknown' in types) return
    const key = `${code}@${unitCode}`
    if (seen.has(key)) {
      bad('code', `与第 ${seen.get(key)} 行是同一单位的同一委员会；同一单位有多个调解委员会时请填写不同的「编码」`)
      return
    }
    seen.set(key, rowNo)
    const c: UnitCommittee = { code, name, level, unitCode, disputeTypes: types.types, numberPrefix: prefixCell || committeePrefix(unit) }
    const was = ctx.existing.find((x) => x.code === code && x.unitCode === unitCode)
    const same = was && was.name === c.name && was.level === c.level && was.numberPrefix === c.numberPrefix && disputeTypesText(was.disputeTypes) === disputeTypesText(c.disputeTypes)
    out.push({ ...c, change: !was ? 'added' : same ? 'unchanged' : 'changed' })
  })
  return { rows: body.length, committees: out, errors }
}
