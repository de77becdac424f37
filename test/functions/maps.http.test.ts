/**
 * What the maps read over HTTP: the worker's queue carries each case's point (the pins and their
 * 导航), and the dashboard's statistics carry the grids of the caller's scope with their outline and
 * count (the choropleth). Reports come from a brand-new WeChat identity.
 */
import { GRID1_CODE, GRID1_POINT, GRID2_POINT, reportInput } from '../support/fixtures'
import { submitReport } from '../support/cases'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let gw: Client, disp: Client
const world = serverWithUsers(['demo-grid-worker', 'demo-dispatcher'], (c) => ([gw, disp] = c))

interface GridCount {
  code: string
  name: string
  count: number
  polygon: number[][][]
}

describe('maps', () => {
  let stranger: Client
  let here: { id: string }
  beforeAll(async () => {
    stranger = await asOpenid(world.srv.url, `dev-map-${Date.now()}`)
    here = await submitReport(stranger, { location: { ...GRID1_POINT, address: '云景路 12 号 东门' } })
    await submitReport(stranger, reportInput({ location: { ...GRID2_POINT, address: '云景路 30 号' } }))
  })

  it('gives the grid worker every queued case with its stored point and address', async () => {
    const q = await gw.call('cases', 'queue', { statuses: ['submitted'], limit: 50 })
    expect(q.ok).toBe(true)
    const mine = q.cases.find((c: { id: string }) => c.id === here.id)
    expect(mine.location).toEqual({ ...GRID1_POINT, address: '云景路 12 号 东门' })
    for (const c of q.cases) expect(c.location).toEqual({ lng: expect.any(Number), lat: expect.any(Number), address: expect.any(String) })
  })

  it('gives the command centre the street’s grids with outlines and the counts of byGrid', async () => {
    const s = (await disp.call('cases', 'stats', {})).stats
    const map: GridCount[] = s.gridMap
    expect(map.length).toBeGreaterThanOrEqual(2)
    const g1 = map.find((g) => g.code === GRID1_CODE)!
    expect(g1.name).toMatch(/网格/)
    expect(g1.polygon[0]!.length).toBeGreaterThanOrEqual(4)
    for (const g of map) expect(g.count).toBe(s.byGrid.find((b: { key: string }) => b.key === g.code)?.count ?? 0)
    expect(g1.count).toBeGreaterThanOrEqual(1)
    // The busiest first; grids with no reports still drawn (as 0).
    expect(map.map((g) => g.count)).toEqual([...map.map((g) => g.count)].sort((a, b) => b - a))
  })

  it('narrows the map to the filter’s grid, and to the worker’s own grid', async () => {
    const one = (await disp.call('cases', 'stats', { gridCode: GRID1_CODE })).stats.gridMap as GridCount[]
    expect(one.map((g) => g.code)).toEqual([GRID1_CODE])
    const own = (await gw.call('cases', 'stats', {})).stats.gridMap as GridCount[]
    expect(own.map((g) => g.code)).toEqual([GRID1_CODE])
  })

  it('gives a resident no statistics and no map', async () => {
    expect(await stranger.call('cases', 'stats', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
