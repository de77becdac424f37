/**
 * The 网格服务群 staff pages in the built mini-program (miniprogram/), signed in as a grid worker and
 * as the street's centre: they render from the compiled WXML without errors or missing templates
 * (the role picker is a native <picker>), and their forms send the contract's calls through
 * wx.cloud.callFunction. Skips when the build predates these pages.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { MiniProgram, type CloudEvent } from '../weapp/simulate'

const MP = path.resolve(__dirname, '../../miniprogram')
const built = existsSync(path.join(MP, 'pages/grid-staff/manage/index.js'))
const maybe = built || process.env.CI ? describe : describe.skip

const CODE = '440111010001001'
const GRID = { code: CODE, name: '云景社区第1网格', path: '白云区 京溪街道 云景社区', phone: '020-87701001' }
const WORKER = { id: 'demo-grid-worker', name: '李明', roles: [{ role: 'grid_worker', roleLabel: '网格员', unitCode: CODE, unitName: GRID.name }] }
const DISPATCHER = { id: 'demo-dispatcher', name: '赵强', roles: [{ role: 'dispatcher', roleLabel: '综治中心坐席', unitCode: '440111010', unitName: '京溪街道' }] }
const later = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString()

const BOARD = {
  grid: GRID,
  scope: '云景路 1–20 号',
  households: 320,
  team: [{ role: 'leader', roleLabel: '网格长', name: '王建华', phone: '020-87701000' }],
  services: ['居住证办理咨询'],
  officeHours: '工作日 9:00–17:30',
  joinPolicy: 'approval',
  qr: { url: 'https://example.invalid/qr.png', expiresAt: later(5) },
  qrStatus: 'expiring',
  membership: null,
  members: 8,
  canManage: true,
  polygon: [],
}

type Table = Record<string, (data: Record<string, unknown>) => unknown>

function launch(me: unknown, over: Table = {}, images: string[] = []) {
  const table: Table = {
    'session.me': () => ({ ok: true, user: me }),
    'grid.board': () => ({ ok: true, board: BOARD, announcements: [] }),
    'grid.members': () => ({ ok: true, members: [] }),
    'grid.published': () => ({ ok: true, items: [] }),
    ...over,
  }
  return MiniProgram.launch({
    root: MP,
    images,
    cloud: (name: string, event: CloudEvent) => {
      const fn = table[`${name}.${event.action}`]
      return fn ? fn(event.data as Record<string, unknown>) : { ok: false, code: 'NOT_FOUND', message: `测试未提供 ${name}.${event.action}` }
    },
  })
}

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

/** Taro keeps data-* attributes on its own nodes, not in the WXML: pick nodes by their text. */
type Node = ReturnType<Awaited<ReturnType<MiniProgram['open']>>['get']>
const byText = (nodes: Node[], text: string) => {
  const hit = nodes.find((n) => (n.textContent ?? '').includes(text))
  if (!hit) throw new Error(`no node with text ${text}`)
  return hit
}

const sent = (mp: MiniProgram, key: string) => mp.calls.filter((c) => `${c.name}.${c.data.action}` === key).map((c) => c.data.data as Record<string, unknown>)

maybe('网格服务群 staff pages in the mini-program', () => {
  test('manage: board, expiring QR and the team editor render; a role picked in <picker> is saved', async () => {
    const mp = launch(WORKER, { 'grid.saveBoard': (d) => ({ ok: true, board: { ...BOARD, ...d, grid: GRID, team: BOARD.team } }) })
    open.push(mp)
    const page = await mp.open('pages/grid-staff/manage/index')
    for (const t of ['云景社区第1网格', '微信群二维码', '即将过期，请及时更新', '网格长', '保存公示牌']) await page.waitForText(t)
    await page.tap('#jf-gw-team-add')
    await page.waitForText('专职网格员')
    const rows = page.findAll('.jf-gw-team-row')
    expect(rows).toHaveLength(2)
    page.trigger(rows[1]!.querySelector('wx-picker') as never, 'change', { value: 5 })
    await page.waitForText('警长')
    await page.input(rows[1]!.querySelector('.jf-gw-team-name') as never, '吴刚')
    await page.tap('#jf-gw-save-board')
    await page.waitForText(/已于 .* 保存/)
    expect(sent(mp, 'grid.saveBoard')[0]).toMatchObject({ code: CODE, team: [{ role: 'leader' }, { role: 'police', name: '吴刚', phone: null }] })
    expect(mp.errors).toEqual([])
    expect(mp.viewErrors).toEqual([])
  })

  test('manage: a new QR goes through wx.cloud.uploadFile, files.register, then grid.setQr', async () => {
    const mp = launch(
      WORKER,
      {
        // The upload goes to the path a ticket names (files.ticket), then files.register records it.
        'files.ticket': () => ({ ok: true, cloudPath: 'photos/2026-12-06/0123456789abcdef0123456789abcdef.png', expiresAt: later(0.16) }),
        'files.register': () => ({ ok: true, fileId: 'f-qr' }),
        'grid.setQr': () => ({ ok: true, board: { ...BOARD, qr: { url: 'https://example.invalid/qr2.png', expiresAt: later(168) }, qrStatus: 'valid' } }),
      },
      ['wxfile://tmp_qr.png'],
    )
    open.push(mp)
    const page = await mp.open('pages/grid-staff/manage/index')
    await page.waitForText('即将过期')
    await page.tap('#jf-gw-qr-upload')
    await page.waitForText('微信群二维码 7 天后失效')
    expect(sent(mp, 'grid.setQr')).toEqual([{ code: CODE, fileId: 'f-qr' }])
    expect(mp.errors).toEqual([])
  })

  test('publish (street): 全街道 target, emergency confirmed, then the receipts page', async () => {
    const ann = { id: 'A1', type: 'emergency', typeLabel: '紧急', title: '防台风紧急通知', body: '台风明日登陆，请减少外出。', authorName: '赵强', scopeLabel: '京溪街道', publishedAt: new Date().toISOString(), read: false }
    const mp = launch(DISPATCHER, {
      'reports.gridMap': () => ({ ok: true, grids: [{ ...GRID, polygon: [] }] }),
      'grid.publish': () => ({ ok: true, announcement: ann, grids: 12 }),
    })
    open.push(mp)
    const page = await mp.open('pages/grid-staff/publish/index')
    await page.waitForText('全街道')
    await page.tap(byText(page.findAll('.jf-gw-target'), '全街道'))
    await page.waitForText('发布到：京溪街道全部网格')
    await page.tap(byText(page.findAll('.jf-gw-type'), '紧急'))
    await page.waitForText('紧急公告将立即推送并置顶')
    await page.input('#jf-gw-title', ann.title)
    await page.input('#jf-gw-body', ann.body)
    await page.tap('#jf-gw-publish')
    await new Promise((r) => setTimeout(r, 1000))
    expect(sent(mp, 'grid.publish')[0]).toMatchObject({ type: 'emergency', title: ann.title, target: { kind: 'street', code: '440111010' } })
    expect(mp.navigations).toContainEqual({ api: 'redirectTo', url: '/pages/grid-staff/receipts/index?id=A1' })
    expect(mp.errors).toEqual([])
    expect(mp.viewErrors).toEqual([])
  })

  test('overview (street): rows per grid with their QR state', async () => {
    const mp = launch(DISPATCHER, {
      'grid.overview': () => ({ ok: true, grids: [{ code: CODE, name: GRID.name, members: 8, pending: 1, qrStatus: 'expired', qrExpiresAt: later(-3) }] }),
    })
    open.push(mp)
    const page = await mp.open('pages/grid-staff/overview/index')
    await page.waitForText('云景社区第1网格')
    await page.waitForText('已过期')
    expect(page.findAll('.jf-gw-ov-grid')).toHaveLength(1)
    await page.tap(byText(page.findAll('.jf-gw-ov-grid'), GRID.name))
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: `/pages/grid-staff/manage/index?code=${CODE}` })
    expect(mp.errors).toEqual([])
  })
})
