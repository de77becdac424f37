/**
 * The 网格服务群 staff pages in the built H5 app (dist-h5) with the functions mocked per test: the
 * grid worker's board editor, group QR, join requests, members, announcements and receipts, the
 * publish form, and the street's overview. Skips without a build (or one without these pages).
 */
import { describeH5, h5Ready, type Answers } from './h5-harness'
import { useH5Session } from './h5-session'

const maybe = describeH5(h5Ready({ page: 'pages/grid-staff/manage' }))

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString()
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString()

const CODE = '440111010001001'
const GRID = { code: CODE, name: '云景社区第1网格', path: '白云区 京溪街道 云景社区', phone: '020-87701001' }
const WORKER = { ok: true, user: { id: 'demo-grid-worker', name: '李明', roles: [{ role: 'grid_worker', roleLabel: '网格员', unitCode: CODE, unitName: GRID.name }] } }
const DISPATCHER = { ok: true, user: { id: 'demo-dispatcher', name: '赵强', roles: [{ role: 'dispatcher', roleLabel: '综治中心坐席', unitCode: '440111010', unitName: '京溪街道' }] } }
const RESIDENT = { ok: true, user: { id: 'demo-resident', name: '陈小梅', roles: [{ role: 'resident', roleLabel: '居民', unitCode: '440111', unitName: '白云区' }] } }

/** A 2×2 PNG, grey: stands in for the group QR screenshot. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYAAAAAUAAT+2ntgAAAAASUVORK5CYII=', 'base64')
const QR_URL = `data:image/png;base64,${PNG.toString('base64')}`

const BOARD = {
  grid: GRID,
  scope: '云景路 1–20 号，云景花园 1–8 栋',
  households: 420,
  team: [
    { role: 'leader', roleLabel: '网格长', name: '王建华', phone: '020-87701000' },
    { role: 'full_time', roleLabel: '专职网格员', name: '李明', phone: '020-87701001' },
  ],
  services: ['居住证办理咨询', '高龄津贴申领'],
  officeHours: '工作日 9:00–12:00，14:00–17:30',
  joinPolicy: 'approval',
  qr: { url: QR_URL, expiresAt: inHours(10) },
  qrStatus: 'expiring',
  membership: null,
  members: 36,
  canManage: true,
  polygon: [],
}

const REQUESTS = [
  { userId: 'u-1', name: '陈小梅', building: '云景花园 3 栋', status: 'requested', statusLabel: '待审核', requestedAt: ago(40) },
  { userId: 'u-2', name: '黄伟明', building: null, status: 'requested', statusLabel: '待审核', requestedAt: ago(5) },
]
const JOINED = [
  { userId: 'u-3', name: '刘洋', building: '云景花园 1 栋', status: 'joined', statusLabel: '已入群', requestedAt: ago(3000) },
  { userId: 'u-4', name: '王建国', building: '云景花园 2 栋', status: 'joined', statusLabel: '已入群', requestedAt: ago(2000) },
]

const ANN = {
  id: '01JANN0000000000000000001',
  type: 'emergency',
  typeLabel: '紧急',
  title: '今晚 20:00 云景花园停水抢修',
  body: '因主水管爆裂，今晚 20:00–24:00 云景花园 1–8 栋停水，请提前储水。',
  authorName: '李明',
  scopeLabel: '云景社区第1网格',
  publishedAt: ago(30),
  read: false,
}
const NOTICE = { ...ANN, id: '01JANN0000000000000000002', type: 'notice', typeLabel: '通知', title: '周六上午社区义诊', publishedAt: ago(3000) }

const RECEIPTS = {
  announcementId: ANN.id,
  roster: 36,
  read: 27,
  unreadCount: 9,
  readWithin15m: 0.5,
  unread: [
    { userId: 'u-9', name: '周婷', building: '云景花园 10 栋' },
    { userId: 'u-8', name: '吴刚', building: '云景花园 2 栋' },
    { userId: 'u-7', name: '郑华', building: null },
  ],
  readers: [
    { userId: 'u-3', name: '刘洋', readAt: ago(25) },
    { userId: 'u-4', name: '王建国', readAt: ago(28) },
  ],
}

const OVERVIEW = {
  ok: true,
  grids: [
    { code: '440111010001001', name: '云景社区第1网格', members: 36, pending: 2, qrStatus: 'expiring', qrExpiresAt: inHours(10) },
    { code: '440111010001002', name: '云景社区第2网格', members: 20, pending: 0, qrStatus: 'valid', qrExpiresAt: inHours(100) },
    { code: '440111010002001', name: '犀牛角社区第1网格', members: 0, pending: 0, qrStatus: 'none', qrExpiresAt: null },
    { code: '440111010002002', name: '犀牛角社区第2网格', members: 12, pending: 0, qrStatus: 'expired', qrExpiresAt: ago(600) },
  ],
}

const GRID_MAP = {
  ok: true,
  grids: [
    { ...GRID, polygon: [] },
    { code: '440111010001002', name: '云景社区第2网格', path: '白云区 京溪街道 云景社区', phone: null, polygon: [] },
    { code: '440111010002001', name: '犀牛角社区第1网格', path: '白云区 京溪街道 犀牛角社区', phone: null, polygon: [] },
  ],
}

maybe('网格服务群 staff pages (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': WORKER,
    'grid.board': (d: Record<string, unknown>) => ({ ok: true, board: { ...BOARD, grid: { ...GRID, code: d.code } }, announcements: [] }),
    'grid.members': (d: Record<string, unknown>) => ({ ok: true, members: d.status === 'requested' ? REQUESTS : JOINED }),
    'grid.published': { ok: true, items: [ANN, NOTICE] },
    'grid.receipts': { ok: true, receipts: RECEIPTS },
    'grid.overview': OVERVIEW,
    'reports.gridMap': GRID_MAP,
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })

  const { page, answers, calls, called, go, shot, modalOk } = useH5Session({ defaults })

  it('manage: the expiring QR is flagged, the board is validated and saved in the contract shape', async () => {
    await go('/pages/grid-staff/manage/index')
    await page.locator('#jf-gw-manage[data-code="440111010001001"]').waitFor()
    await expect(page.locator('#jf-gw-qr-status').getAttribute('data-status')).resolves.toBe('expiring')
    await expect(page.locator('#jf-gw-qr-hint').textContent()).resolves.toBe('即将过期，请及时更新')
    await expect(page.locator('#jf-gw-qr-expiry').textContent()).resolves.toMatch(/^有效期至 \d{4}年/)
    await expect(page.locator('#jf-gw-pending-count').textContent()).resolves.toBe('2')
    expect(called('grid.board')[0]!.data).toEqual({ code: CODE })
    await shot('gridwork-manage-board')

    await page.locator('.jf-gw-policy[data-policy="open"]').click()
    await page.locator('#jf-gw-team-add').click()
    const row = page.locator('.jf-gw-team-row[data-index="2"]')
    await expect(row.getAttribute('data-role')).resolves.toBe('volunteer')
    await row.locator('.jf-gw-team-phone input').fill('12345')
    await page.locator('#jf-gw-households input').fill('')
    await page.locator('#jf-gw-save-board').click()
    await page.locator('#jf-error-team\\.2\\.name').waitFor()
    await page.locator('#jf-error-team\\.2\\.phone').waitFor()
    await page.locator('#jf-error-households').waitFor()
    expect(called('grid.saveBoard')).toHaveLength(0)

    await row.locator('.jf-gw-team-name input').fill('周婷')
    await row.locator('.jf-gw-team-phone input').fill('020 8770 1009')
    await page.locator('#jf-gw-households input').fill('430')
    await page.locator('.jf-gw-service[data-index="1"] .jf-gw-service-remove').click()
    await page.locator('#jf-gw-service-add').click()
    await page.locator('.jf-gw-service[data-index="1"] input').fill('独居老人探访')
    answers['grid.saveBoard'] = (d: Record<string, unknown>) => ({ ok: true, board: { ...BOARD, ...d, grid: GRID, team: BOARD.team } })
    await page.locator('#jf-gw-save-board').click()
    await page.locator('#jf-gw-board-saved').waitFor()
    expect(called('grid.saveBoard')[0]!.data).toEqual({
      code: CODE,
      scope: BOARD.scope,
      households: 430,
      team: [
        { role: 'leader', name: '王建华', phone: '020-87701000' },
        { role: 'full_time', name: '李明', phone: '020-87701001' },
        { role: 'volunteer', name: '周婷', phone: '020-87701009' },
      ],
      services: ['居住证办理咨询', '独居老人探访'],
      officeHours: BOARD.officeHours,
      joinPolicy: 'open',
    })
  })

  it('manage: a new group QR is uploaded, then set; the status follows the board', async () => {
    answers['files.upload'] = { ok: true, fileId: 'f-qr-1' }
    answers['grid.setQr'] = { ok: true, board: { ...BOARD, qr: { url: QR_URL, expiresAt: inHours(168) }, qrStatus: 'valid' } }
    await go('/pages/grid-staff/manage/index')
    await page.locator('#jf-gw-qr-upload').waitFor()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#jf-gw-qr-upload').click()])
    await chooser.setFiles({ name: 'qr.png', mimeType: 'image/png', buffer: PNG })
    await page.locator('#jf-gw-qr-status[data-status="valid"]').waitFor()
    expect(called('files.upload')[0]!.data).toMatchObject({ contentType: 'image/png' })
    expect(called('grid.setQr')[0]!.data).toEqual({ code: CODE, fileId: 'f-qr-1' })
    await expect(page.locator('#jf-gw-qr-hint').textContent()).resolves.toMatch(/7 天后失效/)
  })

  it('manage: join requests are approved and refused; members show name and building', async () => {
    answers['grid.decide'] = (d: Record<string, unknown>) => ({ ok: true, member: { ...REQUESTS.find((r) => r.userId === d.userId), status: d.approve ? 'joined' : 'refused' } })
    await go('/pages/grid-staff/manage/index')
    await page.locator('#jf-gw-tab-requests').click()
    await page.locator('.jf-gw-request[data-user-id="u-1"]').waitFor()
    await shot('gridwork-manage-requests')
    await page.locator('.jf-gw-request[data-user-id="u-1"] .jf-gw-approve').click()
    await page.locator('.jf-gw-request[data-user-id="u-1"]').waitFor({ state: 'detached' })
    await page.locator('.jf-gw-request[data-user-id="u-2"] .jf-gw-refuse').click()
    await modalOk()
    await page.locator('.jf-gw-request[data-user-id="u-2"]').waitFor({ state: 'detached' })
    expect(called('grid.decide').map((c) => c.data)).toEqual([
      { code: CODE, userId: 'u-1', approve: true },
      { code: CODE, userId: 'u-2', approve: false },
    ])
    await page.locator('.jf-gw-list-empty').getByText('暂无待审核的入群申请').waitFor()

    await page.locator('#jf-gw-tab-members').click()
    await page.locator('.jf-gw-member[data-user-id="u-3"]').getByText('云景花园 1 栋').waitFor()
    expect(called('grid.members').map((c) => c.data.status)).toContain('joined')
  })

  it('manage → 公告 → 阅读回执: counts, 15-minute rate, unread by building, readers, reminder', async () => {
    answers['grid.remindUnread'] = { ok: true, reminded: 3 }
    await go('/pages/grid-staff/manage/index')
    await page.locator('#jf-gw-tab-notices').click()
    await page.locator(`.jf-gw-notice[data-id="${ANN.id}"]`).waitFor()
    await shot('gridwork-manage-notices')
    await page.locator(`.jf-gw-notice[data-id="${ANN.id}"] .jf-gw-open-receipts`).click()
    await page.locator(`#jf-gw-receipts[data-id="${ANN.id}"]`).waitFor()
    await expect(page.locator('#jf-gw-read-count').textContent()).resolves.toBe('27/36')
    await expect(page.locator('#jf-gw-read-rate').textContent()).resolves.toBe('75%')
    await expect(page.locator('#jf-gw-read-15m').textContent()).resolves.toBe('50%')
    const buildings = await page.locator('.jf-gw-rc-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-building')))
    expect(buildings).toEqual(['云景花园 2 栋', '云景花园 10 栋', '未填写楼栋'])
    // The tabs count everyone; the lists are the first page of a street's roster.
    await expect(page.locator('#jf-gw-rc-tab-unread').textContent()).resolves.toBe('未读 9')
    await page.locator('.jf-gw-rc-more').getByText('仅列出前 3 人，共 9 人未读').waitFor()
    await page.locator('#jf-gw-ann').getByText(ANN.title).waitFor()
    await shot('gridwork-receipts')
    await page.locator('#jf-gw-rc-tab-read').click()
    await page.locator('.jf-gw-reader[data-user-id="u-3"]').waitFor()
    await expect(page.locator('#jf-gw-rc-tab-read').textContent()).resolves.toBe('已读 27')
    await page.locator('.jf-gw-rc-more').getByText('仅列出最先阅读的 2 人，共 27 人已读').waitFor()
    await expect(page.locator('#jf-gw-remind').textContent()).resolves.toContain('提醒未读（9 人）')
    await page.locator('#jf-gw-remind').click()
    await modalOk()
    await page.locator('#jf-gw-reminded').getByText(/提醒 3 人/).waitFor()
    expect(called('grid.remindUnread')[0]!.data).toEqual({ id: ANN.id })
  })

  it('publish: local checks, the emergency warning and confirmation, one key across retries, then the receipts', async () => {
    await go(`/pages/grid-staff/publish/index?code=${CODE}`)
    await page.locator('#jf-gw-target-mine').getByText(GRID.name).waitFor()
    await page.locator('#jf-gw-publish').click()
    await page.locator('#jf-error-title').waitFor()
    await page.locator('#jf-error-body').waitFor()
    expect(called('grid.publish')).toHaveLength(0)

    await page.locator('.jf-gw-type[data-type="emergency"]').click()
    await page.locator('#jf-gw-emergency-warn').getByText(/推送并置顶/).waitFor()
    await page.locator('#jf-gw-title input').fill(ANN.title)
    await page.locator('#jf-gw-body textarea').fill(ANN.body)
    await shot('gridwork-publish-emergency')
    answers['grid.publish'] = { ok: false, code: 'UNAVAILABLE', message: '网络不可用' }
    await page.locator('#jf-gw-publish').click()
    await modalOk()
    await page.locator('#jf-gw-publish-form-error').waitFor()
    answers['grid.publish'] = { ok: true, announcement: ANN, grids: 1 }
    await page.locator('#jf-gw-publish').click()
    await modalOk()
    await page.locator(`#jf-gw-receipts[data-id="${ANN.id}"]`).waitFor()
    await page.locator('#jf-gw-read-count').waitFor()
    const sent = called('grid.publish').map((c) => c.data)
    expect(sent).toHaveLength(2)
    expect(sent[0]!.idempotencyKey).toMatch(/^[0-9A-Z]{26}$/)
    expect(sent[1]!.idempotencyKey).toBe(sent[0]!.idempotencyKey)
    expect(sent[1]).toMatchObject({ type: 'emergency', title: ANN.title, body: ANN.body, target: { kind: 'grids', codes: [CODE] } })
  })

  it('street: the overview lists grids with their QR state; the centre publishes to a community', async () => {
    answers['session.me'] = DISPATCHER
    await go('/pages/grid-staff/overview/index')
    await page.locator('.jf-gw-ov-row[data-code="440111010002002"][data-qr="expired"]').waitFor()
    await expect(page.locator('#jf-gw-ov-pending').textContent()).resolves.toBe('2')
    await expect(page.locator('#jf-gw-ov-qr-attention').textContent()).resolves.toBe('3')
    const order = await page.locator('.jf-gw-ov-row[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
    expect(order).toEqual(['440111010001001', '440111010002002', '440111010002001', '440111010001002'])
    expect(called('grid.overview')[0]!.data).toEqual({ street: '440111010' })
    await shot('gridwork-overview')

    await page.locator('.jf-gw-ov-row[data-code="440111010001002"]').click()
    await page.locator('#jf-gw-manage[data-code="440111010001002"]').waitFor()
    expect(called('grid.board').at(-1)?.data).toEqual({ code: '440111010001002' })

    answers['grid.publish'] = { ok: true, announcement: { ...NOTICE, scopeLabel: '云景社区' }, grids: 4 }
    answers['grid.receipts'] = { ok: true, receipts: { ...RECEIPTS, announcementId: NOTICE.id, readWithin15m: null } }
    await go('/pages/grid-staff/publish/index')
    await page.locator('.jf-gw-target[data-target="grids"].is-active').waitFor()
    await page.locator('.jf-gw-target[data-target="community"]').click()
    await page.locator('.jf-gw-community[data-code="440111010001"]').click()
    await page.locator('#jf-gw-title input').fill('周六上午社区义诊')
    await page.locator('#jf-gw-body textarea').fill('周六 9:00 在社区党群服务中心，免费量血压。')
    await shot('gridwork-publish-community')
    await page.locator('#jf-gw-publish').click()
    await page.locator(`#jf-gw-receipts[data-id="${NOTICE.id}"]`).waitFor()
    expect(called('grid.publish')[0]!.data).toMatchObject({ type: 'notice', target: { kind: 'community', code: '440111010001' } })
    expect(await page.locator('#jf-gw-read-15m').count()).toBe(0)
  })

  it('a resident is told these pages are not theirs, without calling grid functions', async () => {
    answers['session.me'] = RESIDENT
    for (const p of ['manage', 'overview', 'publish']) {
      await go(`/pages/grid-staff/${p}/index`)
      await page.locator('[id^="jf-gw-"][id$="-error"]').first().waitFor()
    }
    expect(calls.filter((c) => c.key.startsWith('grid.'))).toEqual([])
  })
})
