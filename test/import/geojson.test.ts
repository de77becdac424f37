import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { OVERLAP_ERROR_M2, planOrgImport } from '../../src/core/import/geojson'
import type { OrgUnit } from '../../src/core/org'
import { DEMO_DISTRICT, demoUnits } from '../../backend/seed/demoOrg'

const sample = JSON.parse(readFileSync(join(__dirname, '../../settings/samples/jingxi-grids.geojson'), 'utf8'))
const square = (w: number, s: number, size = 0.004) => ({ type: 'Polygon', coordinates: [[[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]]] })
const grid = (code: string, geometry: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { code, name: `网格${code.slice(-3)}`, community: '440111010001', ...extra },
  geometry,
})
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features })

/** The tree after applying a plan, as the store would hold it. */
function applied(current: OrgUnit[], plan: ReturnType<typeof planOrgImport>): OrgUnit[] {
  const gone = new Set(plan.diff.removed.map((u) => u.code))
  const next = new Map(current.filter((u) => !gone.has(u.code)).map((u) => [u.code, u]))
  for (const u of plan.units) next.set(u.code, u)
  return [...next.values()]
}

describe('GeoJSON org import', () => {
  it('a good file: adds the new community and grids, keeps the twelve demo grids unchanged', () => {
    const plan = planOrgImport([sample], demoUnits(), DEMO_DISTRICT)
    expect(plan.errors).toEqual([])
    expect(plan.overlaps).toEqual([])
    expect(plan.streets).toEqual(['440111010'])
    expect(plan.diff.added.map((u) => u.code).sort()).toEqual(['440111010004', '440111010004001', '440111010004002'])
    expect(plan.diff.added.find((u) => u.code === '440111010004')).toMatchObject({ level: 'community', name: '新市社区', parentCode: '440111010' })
    expect(plan.diff.changed).toEqual([])
    expect(plan.diff.removed).toEqual([])
    // 12 grids, 3 communities and the street itself, all as they are.
    expect(plan.diff.unchanged).toBe(16)
  })

  it('re-importing the same file changes nothing', () => {
    const first = planOrgImport([sample], demoUnits(), DEMO_DISTRICT)
    const again = planOrgImport([sample], applied(demoUnits(), first), DEMO_DISTRICT)
    expect(again.errors).toEqual([])
    expect(again.diff).toMatchObject({ added: [], changed: [], removed: [] })
  })

  it('reports changed and removed units: a renamed grid, a grid left out of the file', () => {
    const features = sample.features.filter((f: { properties: { code: string } }) => f.properties.code !== '440111010001004')
    const renamed = features.map((f: { properties: { code: string; name: string } }) => (f.properties.code === '440111010001001' ? { ...f, properties: { ...f.properties, name: '云景东网格' } } : f))
    const plan = planOrgImport([fc(...renamed)], demoUnits(), DEMO_DISTRICT)
    expect(plan.errors).toEqual([])
    expect(plan.diff.changed).toEqual([expect.objectContaining({ code: '440111010001001', fields: ['name'] })])
    expect(plan.diff.removed.map((u) => u.code)).toEqual(['440111010001004'])
  })

  it('a file with an overlap: names both grids and the shared area', () => {
    const a = grid('440111010001901', square(113.40, 23.20))
    const b = grid('440111010001902', square(113.402, 23.20))
    const plan = planOrgImport([fc(a, b)], demoUnits(), DEMO_DISTRICT)
    expect(plan.overlaps).toHaveLength(1)
    const o = plan.overlaps[0]!
    expect([o.a, o.b]).toEqual(['440111010001901', '440111010001902'])
    // Half of a ~410 m × 445 m square.
    expect(o.areaM2).toBeGreaterThan(80_000)
    expect(o.areaM2).toBeLessThan(100_000)
    expect(o.areaM2).toBeGreaterThanOrEqual(OVERLAP_ERROR_M2)
    expect(plan.errors).toEqual([expect.objectContaining({ code: '440111010001902', reason: expect.stringMatching(/^网格 440111010001901 与 440111010001902 重叠约 \d+(\.\d)? 平方米$/) })])
    expect(plan.diff.added).toEqual([])
  })

  it('grids that only share an edge do not overlap', () => {
    const plan = planOrgImport([fc(grid('440111010001901', square(113.40, 23.20)), grid('440111010001902', square(113.404, 23.20)))], demoUnits(), DEMO_DISTRICT)
    expect(plan.errors).toEqual([])
    expect(plan.overlaps).toEqual([])
  })

  it('a self-intersecting ring (a bow tie) is refused with where it crosses', () => {
    const bowtie = { type: 'Polygon', coordinates: [[[113.40, 23.20], [113.404, 23.204], [113.404, 23.20], [113.40, 23.204], [113.40, 23.20]]] }
    const plan = planOrgImport([fc(grid('440111010001901', bowtie))], demoUnits(), DEMO_DISTRICT)
    expect(plan.errors).toEqual([{ feature: 0, code: '440111010001901', field: 'geometry', reason: expect.stringMatching(/^边界自相交（约在 113\.402\d*,23\.202\d*）$/) }])
  })

  it('an open ring and a MultiPolygon are refused', () => {
    const open = { type: 'Polygon', coordinates: [[[113.40, 23.20], [113.404, 23.20], [113.404, 23.204], [113.40, 23.204]]] }
    const multi = { type: 'MultiPolygon', coordinates: [square(113.5, 23.2).coordinates] }
    const plan = planOrgImport([fc(grid('440111010001901', open), grid('440111010001902', multi))], demoUnits(), DEMO_DISTRICT)
    expect(plan.errors.map((e) => e.reason)).toEqual(['外环未闭合：首尾坐标应相同', '暂不支持多面（MultiPolygon），请拆成单个多边形'])
  })

  it('a duplicate code is refused on its second use, naming the first', () => {
    const plan = planOrgImport([fc(grid('440111010001901', square(113.40, 23.20)), grid('440111010001901', square(113.41, 23.20)))], demoUnits(), DEMO_DISTRICT)
    expect(plan.errors).toEqual([{ feature: 1, code: '440111010001901', field: 'code', reason: '编码 440111010001901 重复（第 1 个要素已使用）' }])
  })

  it('a code already used at another level, and a community that does not exist', () => {
    const plan = planOrgImport([fc(grid('440111010001', square(113.40, 23.20)), grid('440111010009001', square(113.41, 23.20), { community: '440111010009' }))], demoUnits(), DEMO_DISTRICT)
    expect(plan.errors.map((e) => e.reason)).toEqual([
      '编码 440111010001 已是社区「云景社区」，不能用作网格',
      '所属社区 440111010009 不存在（文件中未定义，系统中也没有）',
    ])
  })

  it('a grid outside its street boundary is refused when the street has one', () => {
    const street = { type: 'Feature', properties: { level: 'street', code: '440111099', name: '测试街道' }, geometry: square(113.40, 23.20, 0.01) }
    const community = { type: 'Feature', properties: { level: 'community', code: '440111099001', name: '测试社区', street: '440111099' }, geometry: null }
    const inside = grid('440111099001001', square(113.401, 23.201, 0.002), { community: '440111099001' })
    const outside = grid('440111099001002', square(113.409, 23.201, 0.004), { community: '440111099001' })
    const plan = planOrgImport([fc(inside, outside), fc(street, community)], demoUnits(), DEMO_DISTRICT)
    expect(plan.errors).toEqual([{ feature: 1, code: '440111099001002', field: 'geometry', reason: '网格超出所属街道「测试街道」的边界' }])
    const ok = planOrgImport([fc(inside), fc(street, community)], demoUnits(), DEMO_DISTRICT)
    expect(ok.errors).toEqual([])
    expect(ok.diff.added.map((u) => u.code).sort()).toEqual(['440111099', '440111099001', '440111099001001'])
  })

  it('a street may give its short name for case numbers (简称), Chinese characters only', () => {
    const street = (props: Record<string, unknown>) => ({ type: 'Feature', properties: { level: 'street', code: '440111099', name: '测试街道', ...props }, geometry: null })
    const ok = planOrgImport([fc(street({ 简称: '测试' }))], demoUnits(), DEMO_DISTRICT)
    expect(ok.errors).toEqual([])
    expect(ok.diff.added).toEqual([expect.objectContaining({ code: '440111099', shortName: '测试' })])
    expect(planOrgImport([fc(street({ shortName: 'CS' }))], demoUnits(), DEMO_DISTRICT).errors).toEqual([
      { feature: 0, code: '440111099', field: 'shortName', reason: '简称应为 1–8 个汉字（用于事项编号，如「京溪」）' },
    ])
  })

  it('something that is not a FeatureCollection gets one clear error', () => {
    expect(planOrgImport([{ type: 'Feature' }], demoUnits(), DEMO_DISTRICT).errors).toEqual([{ feature: -1, code: null, reason: '文件应为 GeoJSON FeatureCollection（含 features 数组）' }])
  })
})
