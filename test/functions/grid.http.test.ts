import { advance, move, photo } from '../support/cases'
import { GRID1_CODE, GRID1_POINT, idemKey } from '../support/fixtures'
import { as, onOwnServer, serverWithUsers, type Client } from '../support/server'

const GRID2_CODE = '440111010001002'
const STREET = '440111010'

let resident: Client, resident2: Client, gw: Client, gw2: Client, disp: Client

const world = serverWithUsers(['demo-resident', 'demo-resident-2', 'demo-grid-worker', 'demo-grid-worker-2', 'demo-dispatcher'], (c) => ([resident, resident2, gw, gw2, disp] = c))

const publishInput = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: idemKey(),
  type: 'notice',
  title: '停水通知',
  body: '明日 9:00–12:00 云景路片区停水检修，请提前储水。',
  target: { kind: 'grids', codes: [GRID1_CODE] },
  ...overrides,
})

describe('finding my grid and reading its board', () => {
  it('finds the grid by location and says why, or by name', async () => {
    const byPoint = await resident.call('grid', 'find', GRID1_POINT)
    expect(byPoint).toMatchObject({ ok: true, grids: [{ code: GRID1_CODE, name: '云景社区第1网格' }] })
    expect(byPoint.why).toContain('边界内')
    const byName = await resident.call('grid', 'find', { q: '犀牛角' })
    expect(byName.grids).toHaveLength(4)
    expect(await resident.call('grid', 'find', { lng: 0, lat: 0 })).toMatchObject({ ok: false, code: 'OUT_OF_AREA' })
    expect(await resident.call('grid', 'find', {})).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('shows the board with the 1+1+5+N team and no group code to outsiders', async () => {
    const b = await resident.call('grid', 'board', { code: GRID1_CODE })
    expect(b.board).toMatchObject({ grid: { name: '云景社区第1网格' }, joinPolicy: 'approval', canManage: false, qr: null, membership: null })
    expect(b.board.team.map((t: { roleLabel: string }) => t.roleLabel)).toEqual(['网格长', '专职网格员', '党小组长', '议事长', '监事长', '警长', '志愿者'])
    expect(b.board.polygon[0]).toHaveLength(5)
    expect((await gw.call('grid', 'board', { code: GRID1_CODE })).board.canManage).toBe(true)
    expect((await gw2.call('grid', 'board', { code: GRID1_CODE })).board.canManage).toBe(false)
  })
})

describe('joining the group', () => {
  it('goes through approval on a reviewing grid, then shows the QR code to the member only', async () => {
    expect(await resident.call('grid', 'join', { code: GRID1_CODE, building: '3 栋 502' })).toMatchObject({ ok: true, board: { membership: { status: 'requested', statusLabel: '待审核' } } })
    const pending = await gw.call('grid', 'members', { code: GRID1_CODE, status: 'requested' })
    expect(pending.members).toEqual([expect.objectContaining({ userId: 'demo-resident', name: '陈小梅', building: '3 栋 502' })])
    expect(JSON.stringify(pending)).not.toMatch(/1[3-9]\d{9}/)
    expect(await gw2.call('grid', 'members', { code: GRID1_CODE })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await resident2.call('grid', 'members', { code: GRID1_CODE })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await gw.call('grid', 'decide', { code: GRID1_CODE, userId: 'demo-resident', approve: true })).toMatchObject({ ok: true, member: { status: 'joined' } })
    expect(await gw.call('grid', 'decide', { code: GRID1_CODE, userId: 'demo-resident', approve: true })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })

    const qr = await photo(gw)
    expect(await gw2.call('grid', 'setQr', { code: GRID1_CODE, fileId: qr })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const set = await gw.call('grid', 'setQr', { code: GRID1_CODE, fileId: qr })
    expect(set).toMatchObject({ ok: true, board: { qrStatus: 'valid' } })
    const mine = await resident.call('grid', 'board', { code: GRID1_CODE })
    expect(mine.board.qr.url).toMatch(/^\/api\/files\//)
    expect(Date.parse(mine.board.qr.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000)
    expect((await resident2.call('grid', 'board', { code: GRID1_CODE })).board.qr).toBeNull()
  })

  it('admits at once on an open grid, and lets a member leave', async () => {
    expect(await resident2.call('grid', 'join', { code: GRID2_CODE })).toMatchObject({ ok: true, board: { membership: { status: 'joined' } } })
    expect(await resident2.call('grid', 'leave', { code: GRID2_CODE })).toMatchObject({ ok: true, board: { membership: { status: 'left', statusLabel: '已退出' } } })
    expect(await resident2.call('grid', 'leave', { code: GRID2_CODE })).toMatchObject({ ok: false })
  })
})

describe('announcements', () => {
  it('pins an emergency until read and counts the read within 15 minutes', async () => {
    const pub = await gw.call('grid', 'publish', publishInput({ type: 'emergency', title: '台风红色预警', body: '请立即关好门窗，非必要不外出。' }))
    expect(pub).toMatchObject({ ok: true, grids: 1, announcement: { typeLabel: '紧急', scopeLabel: '云景社区第1网格' } })
    const feed = await resident.call('grid', 'announcements', {})
    expect(feed.pinned.map((a: { id: string }) => a.id)).toEqual([pub.announcement.id])
    expect(await resident2.call('grid', 'markRead', { id: pub.announcement.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await resident.call('grid', 'markRead', { id: pub.announcement.id })).toMatchObject({ ok: true })
    expect((await resident.call('grid', 'announcements', {})).pinned).toEqual([])
    const r = await gw.call('grid', 'receipts', { id: pub.announcement.id })
    expect(r.receipts).toMatchObject({ roster: 1, read: 1, unreadCount: 0, readWithin15m: 1, unread: [] })
    expect(await gw2.call('grid', 'receipts', { id: pub.announcement.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('lets the street publish to all its grids, but a grid worker only to their own', async () => {
    const street = await disp.call('grid', 'publish', publishInput({ target: { kind: 'street', code: STREET }, type: 'activity', title: '社区义诊' }))
    expect(street).toMatchObject({ ok: true, grids: 12, announcement: { scopeLabel: '京溪街道' } })
    expect(await gw.call('grid', 'publish', publishInput({ target: { kind: 'street', code: STREET } }))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await gw2.call('grid', 'publish', publishInput())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const input = publishInput()
    const twice = await Promise.all([gw.call('grid', 'publish', input), gw.call('grid', 'publish', input)])
    expect(twice[0].announcement.id).toBe(twice[1].announcement.id)
    expect((await gw.call('grid', 'receipts', { id: twice[0].announcement.id })).receipts).toMatchObject({ roster: 1, read: 0, unreadCount: 1, readers: [] })
    const unread = await gw.call('grid', 'remindUnread', { id: twice[0].announcement.id })
    expect(unread).toMatchObject({ ok: true, reminded: 1 })
    await advance(world.srv.url, 0)
    expect((await resident.call('inbox', 'list', {})).items.some((i: { title: string }) => i.title.startsWith('请阅读：'))).toBe(true)
  })

  it('shows the street how each grid is doing', async () => {
    const o = await disp.call('grid', 'overview', {})
    expect(o.grids).toHaveLength(12)
    expect(o.grids.find((g: { code: string }) => g.code === GRID1_CODE)).toMatchObject({ members: 1, pending: 0, qrStatus: 'valid' })
    expect(await gw.call('grid', 'overview', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('找网格员', () => {
  it('turns a question into a case the grid worker answers in words', async () => {
    const asked = await resident.call('grid', 'ask', { code: GRID1_CODE, idempotencyKey: idemKey(), question: '请问老人卡在哪里办理？' })
    expect(asked).toMatchObject({ ok: true, caseId: expect.any(String) })
    const q = await gw.call('cases', 'queue', { statuses: ['submitted'] })
    expect(q.cases.map((c: { id: string }) => c.id)).toContain(asked.caseId)
    await move(gw, asked.caseId, 'accept')
    expect(await move(gw, asked.caseId, 'resolve', { note: '可到街道政务服务中心 1 楼办理，带身份证即可' })).toMatchObject({ ok: true, case: { status: 'resolved' } })
  })
})

describe('the group QR clock', () => {
  it('reminds the grid worker a day before expiry and hides the code once expired', async () => {
    await onOwnServer(async (own) => {
      const w = await as(own.url, 'demo-grid-worker')
      const r = await as(own.url, 'demo-resident')
      await r.call('grid', 'join', { code: GRID2_CODE })
      const g2 = await as(own.url, 'demo-grid-worker-2')
      await g2.call('grid', 'setQr', { code: GRID2_CODE, fileId: await photo(g2) })
      await advance(own.url, 24 * 6 + 1)
      const inbox = await g2.call('inbox', 'list', {})
      expect(inbox.items.some((i: { title: string }) => i.title === '群二维码即将过期')).toBe(true)
      expect((await w.call('inbox', 'list', {})).items.some((i: { title: string }) => i.title === '群二维码即将过期')).toBe(false)
      expect((await r.call('grid', 'board', { code: GRID2_CODE })).board).toMatchObject({ qrStatus: 'expiring' })
      await advance(own.url, 24)
      expect((await r.call('grid', 'board', { code: GRID2_CODE })).board).toMatchObject({ qrStatus: 'expired', qr: null })
    })
  })
})
