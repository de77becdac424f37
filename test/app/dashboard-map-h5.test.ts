/**
 * 按网格分布 on the command centre's H5 dashboard (dist-h5, functions mocked): the grids of the
 * street coloured by their report counts on a canvas, the legend's classes, and a click naming the
 * grid under it. Skips without a build that has the dashboard.
 */
import { choropleth } from '../../src/utils/map/choropleth'
import { describeH5, h5Ready, type Answers } from './h5-harness'
import { useH5Session } from './h5-session'

const maybe = describeH5(h5Ready({ page: 'pages/report-staff/console/dashboard' }))

const DISPATCHER = { ok: true, user: { id: 'demo-dispatcher', name: '赵强', roles: [{ role: 'dispatcher', roleLabel: '综治中心坐席', unitCode: '440111010', unitName: '京溪街道' }] } }
const square = (lng: number) => [[[lng, 23.18], [lng + 0.004, 23.18], [lng + 0.004, 23.184], [lng, 23.184], [lng, 23.18]]]
const GRIDS = [
  { code: '440111010001001', name: '云景社区第1网格', count: 12, polygon: square(113.316) },
  { code: '440111010001002', name: '云景社区第2网格', count: 3, polygon: square(113.32) },
  { code: '440111010001003', name: '云景社区第3网格', count: 0, polygon: square(113.324) },
]
const STATS = {
  total: 15,
  open: 9,
  overdue: 2,
  overdueRate: 0.222,
  closed: 4,
  avgHoursToResolve: 20.5,
  byStatus: [{ key: 'accepted', label: '已受理', count: 9 }],
  byCategory: [{ key: 'HJ01', label: '垃圾堆积', count: 15 }],
  byGrid: GRIDS.filter((g) => g.count).map((g) => ({ key: g.code, label: g.name, count: g.count })),
  byDay: [{ day: '2026-12-01', count: 15 }],
  gridMap: GRIDS,
}

maybe('按网格分布 (H5 dashboard, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': DISPATCHER,
    'cases.stats': { ok: true, stats: STATS },
    'reports.categories': { ok: true, categories: [] },
    'reports.gridMap': { ok: true, grids: [] },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })
  const { page, answers, go, shot } = useH5Session({ defaults, shotPrefix: 'dashboard-map-', context: { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 } })

  it('colours the street’s grids by count, with a legend, and names the grid under a click', async () => {
    await go('/pages/report-staff/console/dashboard/index')
    const map = page.locator('#jf-choropleth')
    await map.waitFor()
    await expect(map.getAttribute('data-grids')).resolves.toBe('3')
    // 0 apart; 1..12 in five classes, the busiest in the darkest.
    await expect(map.getAttribute('data-classes')).resolves.toBe('0,1–2,3–5,6–7,8–10,11–12')
    await expect(page.locator('#jf-choropleth-legend').textContent()).resolves.toContain('11–12 件')
    const canvas = page.locator('#jf-choropleth canvas')
    await canvas.waitFor()
    await shot('street')

    // Where grid 2's middle is drawn, by the same projection the page uses.
    const c = choropleth(GRIDS, 640)
    const [x, y] = c.projection.toXY([113.322, 23.182])
    const box = (await canvas.boundingBox())!
    await canvas.click({ position: { x: (x * box.width) / c.projection.width, y: (y * box.height) / c.projection.height } })
    await expect(page.locator('#jf-choropleth-picked').textContent()).resolves.toBe('云景社区第2网格：3 件')
  })

  it('says so when the grids of the scope have no outlines yet', async () => {
    answers['cases.stats'] = { ok: true, stats: { ...STATS, gridMap: [] } }
    await go('/pages/report-staff/console/dashboard/index')
    await page.getByText('本范围内的网格尚未导入边界').waitFor()
    await expect(page.locator('#jf-choropleth').count()).resolves.toBe(0)
  })
})
