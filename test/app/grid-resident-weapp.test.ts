/**
 * The residents' 网格服务群 pages in the mini-program build (miniprogram/, rendered from the compiled
 * WXML by test/weapp/simulate): the board with the group QR that 长按识别 works on, the grid shape
 * drawn without inline <svg>, position search in WGS-84, and the announcement receipt.
 */
import { answers, cloudFake, type Answer } from '../weapp/fixtures'
import { ensureBuilt, MiniProgram, type LaunchOptions } from '../weapp/simulate'
import { nodesByClass, templateSlot } from '../weapp/setDataTree'

ensureBuilt()

const CODE = '440111010001001'
const GRID = { code: CODE, name: '云景社区第1网格', path: '白云区 京溪街道 云景社区', phone: '020-87654321' }
const BOARD = {
  grid: GRID,
  scope: '云景路 1–88 号，云景花园 1–12 栋',
  households: 1268,
  team: [
    { role: 'full_time', roleLabel: '专职网格员', name: '李明', phone: '020-87654321' },
    { role: 'leader', roleLabel: '网格长', name: '张建国', phone: '020-87654300' },
  ],
  services: ['政策咨询'],
  officeHours: '工作日 9:00–17:30',
  joinPolicy: 'open',
  qr: { url: 'https://example.invalid/qr.png', expiresAt: '2026-03-09T02:00:00.000Z' },
  qrStatus: 'valid',
  membership: { status: 'joined', statusLabel: '已入群', building: null },
  members: 12,
  canManage: false,
  polygon: [
    [
      [113.3185, 23.1798],
      [113.3222, 23.1796],
      [113.3226, 23.1822],
      [113.3185, 23.1798],
    ],
  ],
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

test('board: the joined member gets the QR with 长按识别; the shape is on WeChat’s map; phones dial', async () => {
  const mp = launch({ 'grid.board': () => ({ ok: true, board: BOARD, announcements: [] }) })
  const page = await mp.open('pages/grid/board/index', { code: CODE })
  await page.waitForText('长按识别二维码入群')
  for (const t of ['云景社区第1网格', '网格长', '张建国', '有效期至 2026年3月9日 10:00', '已入群', '退出网格服务群']) expect(page.text()).toContain(t)
  // Leader before the full-time worker, whatever order the server sent.
  expect(page.text().indexOf('张建国')).toBeLessThan(page.text().indexOf('李明'))
  // <image src show-menu-by-longpress> in the compiled template.
  const [qr] = nodesByClass(page.data, 'jf-gboard-qr-img')
  expect(qr).toMatchObject({ [templateSlot('image', 'src')]: BOARD.qr.url, [templateSlot('image', 'show-menu-by-longpress')]: true })
  // The outline image is H5's; here the polygon is drawn on <map> (test/app/maps-weapp.test.ts).
  expect(nodesByClass(page.data, 'jf-grid-shape-img')).toEqual([])
  expect(page.findAll('wx-map')).toHaveLength(1)
  expect(page.findAll('wx-image')).toHaveLength(1)
  await page.tap(page.findAll('.jf-grid-phone')[0])
  expect(mp.wxCalls.find(([n]) => n === 'makePhoneCall')?.[1]).toMatchObject({ phoneNumber: '020-87654300' })
  clean(mp)
})

test('board: an expired QR is not shown; the member is told to contact the grid worker', async () => {
  const mp = launch({ 'grid.board': () => ({ ok: true, board: { ...BOARD, qr: null, qrStatus: 'expired' }, announcements: [] }) })
  const page = await mp.open('pages/grid/board/index', { code: CODE })
  await page.waitForText('群二维码已过期，请联系网格员更新')
  expect(nodesByClass(page.data, 'jf-gboard-qr-img')).toEqual([])
  clean(mp)
})

test('board: leaving asks first (wx.showModal), then calls grid.leave', async () => {
  const mp = launch({
    'grid.board': () => ({ ok: true, board: BOARD, announcements: [] }),
    'grid.leave': () => ({ ok: true, board: { ...BOARD, qr: null, membership: { status: 'left', statusLabel: '已退出', building: null } } }),
  })
  const page = await mp.open('pages/grid/board/index', { code: CODE })
  await page.waitForText('退出网格服务群')
  await page.tap('#jf-grid-leave')
  await page.waitForText('重新申请入群')
  expect(mp.wxCalls.map(([n]) => n)).toContain('showModal')
  expect(mp.calls).toContainEqual({ name: 'grid', data: { action: 'leave', data: { code: CODE } } })
  clean(mp)
})

test('find: 使用当前位置 asks for WGS-84 and shows why', async () => {
  const mp = launch({ 'grid.find': () => ({ ok: true, grids: [GRID], why: '您的位置在云景社区第1网格范围内' }) })
  const page = await mp.open('pages/grid/find/index')
  await page.waitForText('使用当前位置')
  await page.tap('#jf-grid-locate')
  await page.waitForText('您的位置在云景社区第1网格范围内')
  expect(mp.wxCalls.find(([n]) => n === 'getLocation')?.[1]).toMatchObject({ type: 'wgs84' })
  await page.tap(page.findAll('.jf-grid-result')[0])
  expect(mp.navigations).toEqual([{ api: 'navigateTo', url: `/pages/grid/board/index?code=${CODE}` }])
  clean(mp)
})

test('find: a street-board 小程序码 (scene=code%3D…) opens the board in place', async () => {
  const mp = launch()
  await mp.open('pages/grid/find/index', { scene: encodeURIComponent(`code=${CODE}`) })
  expect(mp.navigations).toEqual([{ api: 'redirectTo', url: `/pages/grid/board/index?code=${CODE}` }])
  clean(mp)
})

test('news: opening an unread one sends the receipt', async () => {
  const e = { id: 'e1', type: 'emergency', typeLabel: '紧急', title: '今晚停水', body: '今晚 20:00 起停水', authorName: '李明', scopeLabel: '云景社区第1网格', publishedAt: '2026-03-02T02:00:00.000Z', read: false }
  const mp = launch({
    'grid.announcements': () => ({ ok: true, pinned: [e], items: [e], next: null }),
    'grid.markRead': () => ({ ok: true, read: true }),
  })
  const page = await mp.open('pages/grid/news/index')
  await page.waitForText('今晚停水')
  expect(page.findAll('.jf-ann')).toHaveLength(1)
  await page.tap(page.findAll('.jf-ann-pinned')[0])
  expect(mp.calls).toContainEqual({ name: 'grid', data: { action: 'markRead', data: { id: 'e1' } } })
  clean(mp)
})
