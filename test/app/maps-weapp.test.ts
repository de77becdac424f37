/**
 * The maps in the mini-program build (miniprogram/, rendered from the compiled WXML by
 * test/weapp/simulate): the grid board draws its polygon and the person's position on <map>, the
 * report's point is picked on a map of the grids, and the grid worker's queue shows its cases as
 * pins with 导航. Everything handed to <map> must be GCJ-02; everything stored WGS-84.
 */
import { distanceMetres, wgs84ToGcj02 } from '../../src/core/geo'
import { answers, cloudFake, GRID, type Answer } from '../weapp/fixtures'
import { DEMO_POINT, ensureBuilt, MiniProgram, sleep, type LaunchOptions } from '../weapp/simulate'
import { nodesByClass, type TaroNode } from '../weapp/setDataTree'

ensureBuilt()

// A square around the simulator's default position (DEMO_POINT, WGS-84), so the person stands inside.
const SQUARE = [
  [113.3185, 23.1795],
  [113.3225, 23.1795],
  [113.3225, 23.1825],
  [113.3185, 23.1825],
  [113.3185, 23.1795],
]
// A grid code as the board's query reads it (15 digits).
const CODE = '440111010001001'
const BOARD = {
  grid: { ...GRID, code: CODE },
  scope: '云景路 1–88 号',
  households: 1268,
  team: [],
  services: [],
  officeHours: '',
  joinPolicy: 'open',
  qr: null,
  qrStatus: 'none',
  membership: null,
  members: 12,
  canManage: false,
  polygon: [SQUARE],
}

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch(over: Record<string, Answer> = {}, opts: Partial<LaunchOptions> = {}) {
  const mp = MiniProgram.launch({ cloud: cloudFake(answers(over)), ...opts })
  open.push(mp)
  return mp
}

const clean = (mp: MiniProgram) => {
  expect(mp.errors).toEqual([])
  expect(mp.viewErrors).toEqual([])
}

type MapPoint = { latitude: number; longitude: number }

/** The map node's value that is an array of objects with `key` (props are compressed to p0, p1, …). */
function mapProp<T>(node: TaroNode, key: string): T[] {
  const hit = Object.values(node).find((v) => Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] !== null && key in v[0])
  return (hit ?? []) as T[]
}

function theMap(data: unknown, cls: string): TaroNode {
  const [node] = nodesByClass(data, cls)
  if (!node) throw new Error(`no <map> with class ${cls}`)
  return node
}

const gcj = (p: number[]) => {
  const g = wgs84ToGcj02({ lng: p[0]!, lat: p[1]! })
  return { latitude: g.lat, longitude: g.lng }
}

async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms
  while (!check() && Date.now() < end) await sleep(20)
}

test('board: <map> draws the grid polygon in GCJ-02 and the person’s position, said in words', async () => {
  const mp = launch({ 'grid.board': () => ({ ok: true, board: BOARD, announcements: [] }) })
  const page = await mp.open('pages/grid/board/index', { code: CODE })
  await page.waitForText('您当前在本网格范围内')
  expect(page.findAll('wx-map')).toHaveLength(1)
  const map = theMap(page.data, 'jf-gboard-map-view')
  const [polygon] = mapProp<{ points: MapPoint[]; strokeColor: string }>(map, 'strokeColor')
  expect(polygon!.points).toEqual(SQUARE.slice(0, -1).map(gcj))
  const [me] = mapProp<MapPoint & { id: number; iconPath: string }>(map, 'iconPath')
  expect(me).toMatchObject({ id: 0, iconPath: '/assets/map/me.png', ...gcj([DEMO_POINT.longitude, DEMO_POINT.latitude]) })
  // Location was already allowed (getSetting), so the board asked for it in WGS-84 without a tap.
  expect(mp.wxCalls.find(([n]) => n === 'getLocation')?.[1]).toMatchObject({ type: 'wgs84' })
  // The outline image is the H5 board's; the mini-program shows the map instead.
  expect(nodesByClass(page.data, 'jf-grid-shape-img')).toEqual([])
  clean(mp)
})

test('board: without location permission nothing is asked until 显示我的位置; outside the grid says how far', async () => {
  const far = { longitude: 113.3245, latitude: 23.181 }
  const mp = launch({ 'grid.board': () => ({ ok: true, board: BOARD, announcements: [] }) }, { location: far, locationAllowed: false })
  const page = await mp.open('pages/grid/board/index', { code: CODE })
  await page.waitForText('显示我的位置')
  expect(mp.wxCalls.filter(([n]) => n === 'getLocation')).toEqual([])
  await page.tap('#jf-grid-locate-me')
  await page.waitForText(/您当前不在本网格范围内，距网格中心约 \d+ 米/)
  clean(mp)
})

test('report: 在地图上选点 opens the grid map; a tap there names the grid and the form gets the point in WGS-84', async () => {
  const shapes = [{ ...GRID, polygon: [SQUARE] }]
  const mp = launch({ 'reports.gridMap': () => ({ ok: true, grids: shapes }) })
  const form = await mp.open('pages/report/new/index')
  await form.waitForText('市容环境')
  await form.tap('#jf-loc-pick')
  expect(mp.navigations).toEqual([{ api: 'navigateTo', url: '/pages/report/pick/index' }])

  const pick = await mp.open('pages/report/pick/index')
  await pick.waitForText('尚未选点')
  // Asked for the grids around the person (WGS-84), and drew them on the map in GCJ-02.
  expect(mp.calls).toContainEqual({ name: 'reports', data: { action: 'gridMap', data: { lng: DEMO_POINT.longitude, lat: DEMO_POINT.latitude } } })
  const map = theMap(pick.data, 'jf-pick-map-view')
  expect(mapProp<{ points: MapPoint[] }>(map, 'strokeColor')[0]!.points).toEqual(SQUARE.slice(0, -1).map(gcj))

  // WeChat answers a tap on the map in GCJ-02.
  const spot = [113.3201, 23.1811]
  pick.trigger('#jf-pick-map', 'tap', gcj(spot))
  await pick.waitForText(GRID.name)
  await pick.tap('#jf-pick-confirm')
  expect(mp.navigations.map((n) => n.api)).toContain('navigateBack')

  await form.waitForText(`所属网格：${GRID.name}`)
  await form.tap('#jf-cat-env')
  await form.waitForText('垃圾堆放')
  await form.tap('#jf-cat-env.garbage')
  await form.input('#jf-description', '云景路东门垃圾堆放三天没人清理')
  await form.input('#jf-address', '云景路 12 号东门')
  await form.tap('#jf-submit')
  const submit = mp.calls.find((c) => c.name === 'reports' && c.data.action === 'submit')?.data.data as { location: { lng: number; lat: number } }
  expect(distanceMetres(submit.location, { lng: spot[0]!, lat: spot[1]! })).toBeLessThan(1)
  clean(mp)
})

test('report: 搜索地点 (wx.chooseLocation, GCJ-02) pins the place and keeps its address', async () => {
  const place = { ...gcj([113.3201, 23.1811]), name: '云景花园', address: '广州市白云区云景路12号' }
  const mp = launch({ 'reports.gridMap': () => ({ ok: true, grids: [{ ...GRID, polygon: [SQUARE] }] }) }, { chosenLocation: place })
  const pick = await mp.open('pages/report/pick/index')
  await pick.waitForText('尚未选点')
  await pick.tap('#jf-pick-search')
  await pick.waitForText('广州市白云区云景路12号 云景花园')
  expect(pick.text()).toContain(GRID.name)
  const [pin] = mapProp<MapPoint>(theMap(pick.data, 'jf-pick-map-view'), 'iconPath')
  expect(distanceMetres({ lng: pin!.longitude, lat: pin!.latitude }, { lng: place.longitude, lat: place.latitude })).toBeLessThan(1)
  clean(mp)
})

const row = (id: string, lng: number, over: Record<string, unknown> = {}) => ({
  id,
  kind: 'report',
  status: 'accepted',
  statusLabel: '已受理',
  category: 'env.garbage',
  categoryName: '垃圾堆放',
  title: `云景路 ${id} 垃圾堆放`,
  gridName: GRID.name,
  createdAt: '2026-03-02T02:05:00.000Z',
  updatedAt: '2026-03-02T02:05:00.000Z',
  slaDeadline: '2026-03-04T02:05:00.000Z',
  gridCode: GRID.code,
  unitName: GRID.name,
  assigneeName: '李明',
  departmentName: null,
  overdue: false,
  anonymous: false,
  location: { lng, lat: 23.181, address: `云景路 ${id} 号` },
  ...over,
})

test('queue: 在地图上查看 shows the cases as pins; a pin opens its case card with 导航 (wx.openLocation, GCJ-02)', async () => {
  const cases = [row('R-1', 113.3195), row('R-2', 113.3205, { overdue: true })]
  const mp = launch({ 'cases.queue': () => ({ ok: true, cases, next: null, total: 2 }) })
  const page = await mp.open('pages/report-staff/queue/index')
  await page.waitForText(cases[0]!.title)
  await page.tap('#jf-queue-view-toggle')
  await page.waitForText('点地图上的标记查看事项，共 2 件')
  const markers = mapProp<MapPoint & { id: number }>(theMap(page.data, 'jf-queue-map-view'), 'iconPath')
  expect(markers.map((m) => m.id)).toEqual([1, 2])
  expect(markers[1]).toMatchObject(gcj([113.3205, 23.181]))

  page.trigger('#jf-queue-map-view', 'markertap', { markerId: 2 })
  await page.waitForText('已超时')
  expect(page.text()).toContain('云景路 R-2 号')
  await page.tap('#jf-queue-map-nav')
  await until(() => mp.wxCalls.some(([n]) => n === 'openLocation'))
  expect(mp.wxCalls.find(([n]) => n === 'openLocation')?.[1]).toMatchObject({ ...gcj([113.3205, 23.181]), name: cases[1]!.title, address: '云景路 R-2 号' })
  await page.tap('#jf-queue-map-open')
  expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/pages/report-staff/case/index?id=R-2' })
  clean(mp)
})

test('queue: with more pages to load, the map says it shows the most urgent ones only', async () => {
  const mp = launch({ 'cases.queue': () => ({ ok: true, cases: [row('R-1', 113.3195), row('R-3', 113.32, { location: null })], next: 'R-1', total: 30 }) })
  const page = await mp.open('pages/report-staff/queue/index')
  await page.waitForText('云景路 R-1 垃圾堆放')
  await page.tap('#jf-queue-view-toggle')
  await page.waitForText('已显示最紧急的 1 件，更多请在列表中加载')
  expect(page.text()).toContain('另有 1 件没有位置，请在列表中查看')
  clean(mp)
})
