import { BUILDING_COLUMNS } from '../../core/import/buildings'
import { GEOJSON_PROPS } from '../../core/import/geojsonProps'
import { LEVEL_LABEL, ROLE_ALIASES, ROLE_LEVELS, ROSTER_COLUMNS, STAFF_ROLES } from '../../core/import/roster'
import { ROLE_LABELS } from '../../core/roles'

/**
 * The import pages' help, made from the importers' own header tables so it cannot drift: each
 * column by its Chinese name, the other Chinese names it is also found by, and what to write.
 * English header names are accepted too (files exported from other systems) but never listed.
 */
const HAN = /[\u4e00-\u9fff]/

export interface ColumnHelp {
  name: string
  aliases: string[]
  note: string
}

/** One row per column: `columns` as the importer reads them (first name first), `notes` per key. */
export function columnHelp<K extends string>(columns: Record<K, readonly string[]>, notes: Record<K, string>): ColumnHelp[] {
  return (Object.keys(columns) as K[]).map((k) => {
    const [first, ...rest] = columns[k].filter((n) => HAN.test(n))
    return { name: first ?? '', aliases: rest, note: notes[k] }
  })
}

export const aliasText = (aliases: readonly string[]): string => (aliases.length ? aliases.join('、') : '—')

// The three imports' columns. Notes say what to write; names come from the importers.

const roleUnits = STAFF_ROLES.map((r) => `${ROLE_LABELS[r]}填${(ROLE_LEVELS[r] ?? []).map((l) => LEVEL_LABEL[l]).join('或')}编码`).join('，')

export const ROSTER_HELP = columnHelp(ROSTER_COLUMNS, {
  name: '必填',
  phone: '必填，手机号或座机（如 020-87700000）；同一号码即同一人，写多行即多个角色',
  role: `必填，写中文角色名：${STAFF_ROLES.map((r) => ROLE_LABELS[r]).join('、')}；也认：${Object.keys(ROLE_ALIASES).join('、')}`,
  unit: `必填，该角色所在单位的编码：${roleUnits}`,
  committee: '调解员必填：调解委员会名称（与区级配置一致）',
  department: '职能部门人员必填：部门名称（与区级配置一致）',
  helperKind: '协助调解人必填：驻村法律顾问、党员或街坊（角色直接写其中之一时可不填）',
})

export const BUILDING_HELP = columnHelp(BUILDING_COLUMNS, {
  name: '选填，楼栋名称，如 云景花园 3 栋',
  address: '必填；同一网格内同一地址视为同一楼栋，重复导入不会新增',
  grid: '所在网格的编码；不填时按经度、纬度确定网格',
  lng: '不填网格编码时必填：卫星定位的原始经度',
  lat: '不填网格编码时必填：卫星定位的原始纬度',
  floors: '必填，楼层数',
  rooms: '必填，房号，如 101-104;201、202（101-104 即 101 到 104）',
  manager: '必填，楼栋长的手机号；楼栋长须先在人员名单中',
})

const GEO_NOTES: Record<keyof typeof GEOJSON_PROPS, string> = {
  level: '网格可不填；街道、社区的要素写 街道 或 社区',
  code: '必填，单位编码，如网格编码 440111010001001',
  name: '必填，不超过 40 字',
  community: '网格必填：所属社区的编码',
  communityName: '选填：所属社区的名称（社区不单列时据此建立社区）',
  street: '社区必填：所属街道的编码；网格也可填，以便建立街道',
  streetName: '选填：所属街道的名称',
  phone: '选填：联系电话',
  shortName: '选填（街道）：事项编号里的简称，如「京溪」；不填时取名称去掉街道、镇、乡',
}

export const GEOJSON_HELP = columnHelp(
  Object.fromEntries(Object.entries(GEOJSON_PROPS).map(([k, p]) => [k, [p.label, ...p.aliases]])) as Record<keyof typeof GEOJSON_PROPS, string[]>,
  GEO_NOTES,
)
