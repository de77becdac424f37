/**
 * The residents' 网格服务群 pages in the built H5 app (dist-h5) with the functions mocked: find my
 * grid, the 公示牌 with joining / the QR / leaving / 找网格员, and 网格公告. Screenshots go to
 * test-artifacts/grid-*.png. Skips when there is no build or no Chromium.
 */
import path from 'node:path'
import { describeH5, DIST as BUILT, h5Ready, type Answers } from './h5-harness'
import { ME } from './h5-fixtures'
import { useH5Session } from './h5-session'

/** JF_DIST_H5: a copy of the build, so a parallel `taro build` emptying dist-h5 cannot break a run. */
const DIST = process.env.JF_DIST_H5 ? path.resolve(process.env.JF_DIST_H5) : BUILT
const maybe = describeH5(h5Ready({ dist: DIST }))

const CODE = '440111010001001'
const GRID = { code: CODE, name: '云景社区第1网格', path: '白云区 京溪街道 云景社区', phone: '020-87654321' }
const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString()
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString()
// A stand-in QR image: any picture will do for the page.
const QR_URL =
  'data:image/svg+xml;base64,' +
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#fff"/><rect x="1" y="1" width="3" height="3"/><rect x="6" y="1" width="3" height="3"/><rect x="1" y="6" width="3" height="3"/><rect x="5" y="5" width="2" height="2"/></svg>').toString('base64')

const BOARD = {
  grid: GRID,
  scope: '云景路 1–88 号，云景花园 1–12 栋，云景新村',
  households: 1268,
  team: [
    { role: 'leader', roleLabel: '网格长', name: '张建国', phone: '020-87654300' },
    { role: 'full_time', roleLabel: '专职网格员', name: '李明', phone: '020-87654321' },
    { role: 'party_leader', roleLabel: '党小组长', name: '何秀英', phone: null },
    { role: 'police', roleLabel: '社区民警', name: '王警官', phone: '020-87650110' },
    { role: 'volunteer', roleLabel: '志愿者', name: '陈阿姨', phone: null },
    { role: 'volunteer', roleLabel: '志愿者', name: '小刘', phone: null },
  ],
  services: ['政策咨询', '矛盾调解', '代办服务', '独居老人探访'],
  officeHours: '工作日 9:00–12:00，14:00–17:30',
  joinPolicy: 'approval',
  qr: null,
  qrStatus: 'none',
  membership: null,
  members: 356,
  canManage: false,
  polygon: [
    [
      [113.3185, 23.1798],
      [113.3222, 23.1796],
      [113.3226, 23.1822],
      [113.3201, 23.1829],
      [113.3183, 23.1818],
      [113.3185, 23.1798],
    ],
  ],
}

const ANN = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  type: 'notice',
  typeLabel: '通知',
  title: `公告 ${id}`,
  body: `公告 ${id} 的正文。`,
  authorName: '李明',
  scopeLabel: '云景社区第1网格',
  publishedAt: ago(60),
  read: false,
  ...over,
})
const EMERGENCY = ANN('e1', {
  type: 'emergency',
  typeLabel: '紧急',
  title: '今晚 20:00 起云景路停水',
  body: '因市政管道抢修，今晚 20:00 至明早 6:00 云景路 1–88 号停水，请提前储水。\n如有困难请联系网格员李明。',
  publishedAt: ago(10),
})

maybe('网格服务群, residents (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': ME,
    'grid.board': { ok: true, board: BOARD, announcements: [ANN('a1', { type: 'activity', typeLabel: '活动', title: '周六上午义诊' })] },
    'grid.announcements': { ok: true, pinned: [], items: [], next: null },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })
  const { page, answers, called, go, shot, modalOk } = useH5Session({
    defaults,
    dist: DIST,
    context: { geolocation: { latitude: 23.181, longitude: 113.32025 }, permissions: ['geolocation'] },
    settleMs: 500,
    shotPrefix: 'grid-',
  })

  it('finds the grid by position and by name, and says why', async () => {
    answers['grid.find'] = (d: Record<string, unknown>) =>
      d.q
        ? { ok: true, grids: [GRID, { ...GRID, code: '440111010001002', name: '云景社区第2网格' }], why: null }
        : { ok: true, grids: [GRID], why: '您当前的位置在云景社区第1网格范围内' }
    await go('/pages/grid/find/index')
    await page.locator('#jf-grid-locate').click()
    await page.locator('#jf-grid-why').getByText('您当前的位置在云景社区第1网格范围内').waitFor()
    await expect(page.locator('#jf-grid-why').textContent()).resolves.toContain('白云区 京溪街道 云景社区')
    const point = called('grid.find')[0].data
    expect(point.lng).toBeCloseTo(113.32025, 4)
    expect(point.lat).toBeCloseTo(23.181, 4)
    await shot('find-located')

    await page.locator('#jf-grid-search input').fill('云景')
    await page.locator('#jf-grid-search-go').click()
    await page.locator('.jf-grid-result[data-code="440111010001002"]').waitFor()
    expect(called('grid.find').at(-1)!.data).toEqual({ q: '云景' })
    await expect(page.locator('.jf-grid-result').count()).resolves.toBe(2)
    await page.locator(`.jf-grid-result[data-code="${CODE}"]`).click()
    await page.locator(`#jf-grid-board[data-code="${CODE}"]`).waitFor()
  })

  it('opens the board straight from a street-board QR (?code=)', async () => {
    await go(`/pages/grid/find/index?code=${CODE}`)
    await page.locator(`#jf-grid-board[data-code="${CODE}"]`).waitFor()
    expect(called('grid.board')[0].data).toEqual({ code: CODE })
    expect(called('grid.find')).toEqual([])
  })

  it('shows the board, asks to join, and sees 待审核', async () => {
    answers['grid.join'] = { ok: true, board: { ...BOARD, membership: { status: 'requested', statusLabel: '待审核', building: '云景花园 3 栋 502' } } }
    await go(`/pages/grid/board/index?code=${CODE}`)
    const board = page.locator('#jf-grid-board')
    await board.waitFor()
    const text = (await board.textContent()) ?? ''
    for (const t of ['云景社区第1网格', '白云区 京溪街道 云景社区', '云景花园 1–12 栋', '1268', '网格长', '张建国', '专职网格员', '社区民警', '志愿者', '政策咨询', '工作日 9:00–12:00'])
      expect(text).toContain(t)
    // People read the grid's name; its 15-digit code is for machines.
    expect(text).not.toContain(CODE)
    await expect(page.locator('.jf-grid-team-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-role')))).resolves.toEqual([
      'leader',
      'full_time',
      'party_leader',
      'police',
      'volunteer',
    ])
    await expect(page.locator('.jf-grid-phone[data-phone="020-87654321"]').count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('#jf-grid-shape img').getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml;base64,/)
    await expect(page.locator('#jf-grid-membership').getAttribute('data-status')).resolves.toBe('none')
    await expect(page.locator('#jf-grid-anns').textContent()).resolves.toContain('周六上午义诊')
    await shot('board-none')

    await page.locator('#jf-grid-building input').fill('云景花园 3 栋 502')
    await page.locator('#jf-grid-join').click()
    await page.locator('#jf-grid-membership[data-status="requested"]').waitFor()
    expect(called('grid.join')[0].data).toEqual({ code: CODE, building: '云景花园 3 栋 502' })
    await expect(page.locator('#jf-grid-status').textContent()).resolves.toBe('待审核')
    await expect(page.locator('#jf-grid-qr').count()).resolves.toBe(0)
    await shot('board-requested')
  })

  it('joined: shows the QR with its expiry, then leaves after confirming', async () => {
    const joined = { status: 'joined', statusLabel: '已入群', building: '云景花园 3 栋 502' }
    answers['grid.board'] = { ok: true, board: { ...BOARD, membership: joined, qr: { url: QR_URL, expiresAt: inDays(5) }, qrStatus: 'valid' }, announcements: [] }
    answers['grid.leave'] = { ok: true, board: { ...BOARD, membership: { status: 'left', statusLabel: '已退出', building: null } } }
    await go(`/pages/grid/board/index?code=${CODE}`)
    await page.locator('#jf-grid-membership[data-status="joined"]').waitFor()
    await expect(page.locator('#jf-grid-qr img').getAttribute('src')).resolves.toBe(QR_URL)
    await expect(page.locator('#jf-grid-qr-expiry').textContent()).resolves.toMatch(/^有效期至 \d{4}年\d+月\d+日 \d\d:\d\d$/)
    await page.locator('#jf-grid-qr').scrollIntoViewIfNeeded()
    await shot('board-joined')

    await page.locator('#jf-grid-leave').click()
    await page.locator('.taro-modal__foot').waitFor()
    // The dialog comes first: nothing is sent until the resident confirms.
    expect(called('grid.leave')).toEqual([])
    await modalOk()
    await page.locator('#jf-grid-membership[data-status="left"]').waitFor()
    expect(called('grid.leave')[0].data).toEqual({ code: CODE })
    await page.locator('#jf-grid-join').getByText('重新申请入群').waitFor()
  })

  it('joined with an expired QR: asks the resident to contact the grid worker', async () => {
    answers['grid.board'] = { ok: true, board: { ...BOARD, membership: { status: 'joined', statusLabel: '已入群', building: null }, qr: null, qrStatus: 'expired' }, announcements: [] }
    await go(`/pages/grid/board/index?code=${CODE}`)
    await page.locator('#jf-grid-qr-missing').getByText('群二维码已过期，请联系网格员更新').waitFor()
    await expect(page.locator('#jf-grid-qr').count()).resolves.toBe(0)
  })

  it('找网格员: validates, sends once per draft, links to the case', async () => {
    let n = 0
    answers['grid.ask'] = () => (++n === 1 ? { ok: false, code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } : { ok: true, caseId: '01JASK0000000000000000001' })
    await go(`/pages/grid/board/index?code=${CODE}`)
    await page.locator('#jf-grid-ask').click()
    await page.locator('#jf-grid-ask-submit').click()
    await page.locator('#jf-error-question').getByText('请填写您想咨询的问题').waitFor()
    expect(called('grid.ask')).toEqual([])
    await page.locator('#jf-grid-question textarea').fill('小区加装电梯需要准备哪些材料？')
    await page.locator('#jf-grid-ask-submit').click()
    // The failure's own words: server trouble is not called a lost network.
    await page.locator('#jf-error-question').getByText('服务暂时不可用，请稍后再试').waitFor()
    await page.locator('#jf-grid-ask-submit').click()
    await page.locator('#jf-grid-ask-sent').getByText('已发送，可在「我的事项」查看答复').waitFor()
    const [first, second] = called('grid.ask').map((c) => c.data)
    expect(first).toEqual({ code: CODE, idempotencyKey: expect.stringMatching(/^[0-9A-Z]{26}$/), question: '小区加装电梯需要准备哪些材料？' })
    expect(second.idempotencyKey).toBe(first.idempotencyKey)
    await page.locator('#jf-grid-ask-sent').scrollIntoViewIfNeeded()
    await shot('board-asked')
    await page.locator('#jf-grid-ask-case').click()
    await page.waitForURL(/pages\/report\/detail\/index\?id=01JASK0000000000000000001/)
  })

  it('网格公告: pinned emergency first, opens in place, marks read, loads more', async () => {
    const items = [EMERGENCY, ANN('a1', { type: 'activity', typeLabel: '活动', title: '周六上午义诊', publishedAt: ago(30) }), ANN('a2', { type: 'reminder', typeLabel: '提醒', read: true, publishedAt: ago(90) })]
    answers['grid.announcements'] = (d: Record<string, unknown>) =>
      d.before
        ? { ok: true, pinned: [], items: [ANN('a3', { publishedAt: ago(600) })], next: null }
        : { ok: true, pinned: [EMERGENCY], items, next: 'cursor-1' }
    answers['grid.markRead'] = { ok: true, read: true }
    await go('/pages/grid/news/index')
    const pinned = page.locator('.jf-ann-pinned[data-id="e1"]')
    await pinned.waitFor()
    await expect(pinned.textContent()).resolves.toContain('紧急')
    // Pinned once, not repeated in the list.
    await expect(page.locator('.jf-ann[data-id="e1"]').count()).resolves.toBe(1)
    await expect(page.locator('.jf-ann').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-id')}:${e.getAttribute('data-type')}:${e.getAttribute('data-read')}`))).resolves.toEqual([
      'e1:emergency:0',
      'a1:activity:0',
      'a2:reminder:1',
    ])
    await shot('news')

    await pinned.click()
    await page.locator('.jf-ann[data-id="e1"][data-read="1"][data-open="1"]').waitFor()
    await expect(pinned.textContent()).resolves.toContain('如有困难请联系网格员李明')
    expect(called('grid.markRead')).toEqual([{ key: 'grid.markRead', data: { id: 'e1' } }])
    // Already read: opening does not send another receipt.
    await page.locator('.jf-ann[data-id="a2"]').click()
    expect(called('grid.markRead')).toHaveLength(1)
    await shot('news-open')

    await page.locator('#jf-ann-more').click()
    await page.locator('.jf-ann[data-id="a3"]').waitFor()
    expect(called('grid.announcements').at(-1)!.data).toEqual({ before: 'cursor-1', limit: 20 })
    await page.getByText('没有更多了').waitFor()
  })

  it('网格公告 empty: points to 找我的网格', async () => {
    await go('/pages/grid/news/index')
    await page.locator('#jf-ann-empty').getByText('暂无公告').waitFor()
    await page.locator('#jf-ann-find').click()
    await page.locator('#jf-grid-locate').waitFor()
  })
})
