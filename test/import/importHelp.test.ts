/**
 * The import pages' help in Chinese (issue 17): every column and GeoJSON property is listed by a
 * Chinese name with its Chinese aliases, no English key on the page; every name listed is one the
 * importer really reads (a file with those headers or properties imports).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_DISTRICT, demoUnits } from '../../backend/seed/demoOrg'
import { BUILDING_COLUMNS } from '../../src/core/import/buildings'
import { mapHeader } from '../../src/core/import/csv'
import { planOrgImport } from '../../src/core/import/geojson'
import { ROSTER_COLUMNS, roleFrom } from '../../src/core/import/roster'
import { BUILDING_HELP, GEOJSON_HELP, ROSTER_HELP, type ColumnHelp } from '../../src/utils/admin/importHelp'

const ENGLISH = /[A-Za-z]{2,}/

function expectChinese(rows: ColumnHelp[]) {
  for (const r of rows) {
    expect(r.name).toMatch(/[\u4e00-\u9fff]/)
    for (const text of [r.name, ...r.aliases, r.note]) expect(text).not.toMatch(ENGLISH)
  }
}

describe('import help', () => {
  it.each([
    ['roster', ROSTER_HELP, ROSTER_COLUMNS],
    ['buildings', BUILDING_HELP, BUILDING_COLUMNS],
  ] as const)('%s: one row per column, in Chinese, each name found by the importer', (_, help, columns) => {
    expect(help).toHaveLength(Object.keys(columns).length)
    expectChinese([...help])
    for (const [key, row] of Object.keys(columns).map((k, i) => [k, help[i]!] as const)) {
      for (const name of [row.name, ...row.aliases]) expect(mapHeader([name], columns as Record<string, readonly string[]>, []).index).toEqual({ [key]: 0 })
    }
  })

  it('roster: the roles named in the help are the ones read', () => {
    const role = ROSTER_HELP.find((r) => r.name === '角色')!
    const named = role.note.replace(/^必填，写中文角色名：/, '').split(/[；、]|也认：/).filter(Boolean)
    expect(named.length).toBeGreaterThanOrEqual(7)
    for (const n of named) expect(roleFrom(n)).toBeDefined()
  })

  it('GeoJSON: a file written with the Chinese property names imports as the English one does', () => {
    expectChinese(GEOJSON_HELP)
    const sample = JSON.parse(readFileSync(join(__dirname, '../../settings/samples/jingxi-grids.geojson'), 'utf8'))
    const english = planOrgImport([sample], demoUnits(), DEMO_DISTRICT)
    const zh: Record<string, string> = { level: '层级', code: '编码', name: '名称', community: '所属社区编码', communityName: '社区名称', street: '街道编码', streetName: '街道名称', phone: '联系电话' }
    const LEVELS: Record<string, string> = { street: '街道', community: '社区', grid: '网格' }
    const chinese = {
      ...sample,
      features: sample.features.map((f: { properties: Record<string, unknown> }) => ({
        ...f,
        properties: Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [zh[k] ?? k, k === 'level' ? (LEVELS[String(v)] ?? v) : v])),
      })),
    }
    const plan = planOrgImport([chinese], demoUnits(), DEMO_DISTRICT)
    expect(plan.errors).toEqual([])
    expect(plan.units).toEqual(english.units)
    expect(plan.diff.added.map((u) => u.code)).toEqual(english.diff.added.map((u) => u.code))
  })

  it('GeoJSON refusals name no English key', () => {
    const plan = planOrgImport([{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 编码: 'X1', 名称: '某网格' }, geometry: null }, { type: 'Feature', properties: { 层级: '区', 编码: 'X2', 名称: '某区' }, geometry: null }] }], demoUnits(), DEMO_DISTRICT)
    expect(plan.errors.length).toBeGreaterThan(0)
    for (const e of plan.errors) expect(e.reason).not.toMatch(ENGLISH)
  })
})
