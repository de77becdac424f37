/**
 * Every page a printed 小程序码 opens, in the mini-program build (miniprogram/, rendered by
 * test/weapp/simulate): opened with only the `scene` WeChat hands over (URL-encoded), each asks for
 * the right thing — the building, the grid, the staff invitation, the mediation invitation. And the
 * 转发 cards: the grid board, a report and a mediation invitation share a path with a code or id only.
 */
import { answers, CASE, cloudFake, type Answer } from '../weapp/fixtures'
import { ensureBuilt, MiniProgram, type PageHandle } from '../weapp/simulate'

ensureBuilt()

const GRID_CODE = '440111010001001'
const BOARD = {
  grid: { code: GRID_CODE, name: '云景社区第1网格', path: '白云区 京溪街道 云景社区', phone: '020-87654321' },
  scope: '云景路 1–88 号',
  households: 1268,
  team: [],
  services: [],
  officeHours: '工作日 9:00–17:30',
  joinPolicy: 'open',
  qr: null,
  qrStatus: 'none',
  membership: null,
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
const SUMMARY = { disputeTypeLabel: '邻里纠纷', applicantName: '林*燕', sourceLabel: '当事人申请', facts: '楼上漏水多次协商未果', claims: '赔偿维修费', streetName: '京溪街道', statusLabel: '已受理', createdAt: '2026-12-01T02:00:00.000Z' }

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch(over: Record<string, Answer> = {}) {
  const mp = MiniProgram.launch({ cloud: cloudFake(answers(over)) })
  open.push(mp)
  return mp
}

const sentTo = (mp: MiniProgram, fn: string) => mp.calls.filter((c) => `${c.name}.${c.data.action}` === fn).map((c) => c.data.data)
const clean = (mp: MiniProgram) => {
  expect(mp.errors).toEqual([])
  expect(mp.viewErrors).toEqual([])
}
/** What the page answers WeChat's 转发 (the menu, or a button with its dataset). */
const share = (page: PageHandle, res: Record<string, unknown>) => (page.instance as { onShareAppMessage?: (r: unknown) => unknown }).onShareAppMessage?.(res)

describe('opened by a 小程序码 scene', () => {
  test('building check-in: scene b=<code>', async () => {
    const mp = launch()
    const page = await mp.open('pages/rental/checkin/index', { scene: encodeURIComponent('b=B7K2Q9') })
    await page.waitForText('提交登记')
    expect(sentTo(mp, 'rental.building')).toEqual([{ code: 'B7K2Q9' }])
    clean(mp)
  })

  test('grid board and group join: the grid code, and its 转发 card carries the code only', async () => {
    const mp = launch({ 'grid.board': () => ({ ok: true, board: BOARD, announcements: [] }) })
    const page = await mp.open('pages/grid/board/index', { scene: GRID_CODE })
    await page.waitForText('云景社区第1网格')
    expect(sentTo(mp, 'grid.board')).toEqual([{ code: GRID_CODE }])
    expect(await share(page, { from: 'menu' })).toEqual({ title: '云景社区第1网格 网格信息公示牌', path: `/pages/grid/board/index?code=${GRID_CODE}` })
    clean(mp)
  })

  test('staff invitation: the code fills the field and is what 绑定 sends', async () => {
    const mp = launch({ 'session.bind': () => ({ ok: false, code: 'FORBIDDEN', message: '邀请码已过期，请联系管理员重新生成' }) })
    const page = await mp.open('pages/join/index', { scene: 'K7M2Q9XP' })
    await page.waitForText('工作人员邀请码')
    await page.tap('#jf-join-bind')
    await page.waitForText('邀请码已过期')
    expect(sentTo(mp, 'session.bind')).toEqual([{ code: 'K7M2Q9XP' }])
    clean(mp)
  })

  test('mediation invitation: the 8-character code opens the invitation straight away', async () => {
    const mp = launch({ 'mediation.invitation': () => ({ ok: true, summary: SUMMARY, partyName: '王先生' }) })
    const page = await mp.open('pages/mediation/join/index', { scene: 'Q4ZT8HNM' })
    await page.waitForText('楼上漏水多次协商未果')
    expect(sentTo(mp, 'mediation.invitation')).toEqual([{ invite: 'Q4ZT8HNM' }])
    clean(mp)
  })
})

describe('转发 cards', () => {
  test('a mediation invitation\'s button shares the join page with the code; the menu never shares the case', async () => {
    const mp = launch()
    const page = await mp.open('pages/mediation/detail/index', { id: '01JNCF00000000000000000001' })
    expect(mp.wxCalls.map(([n]) => n)).toContain('hideShareMenu')
    expect(await share(page, { from: 'button', target: { dataset: { code: 'Q4ZT8HNM' } } })).toEqual({ title: '邀请您参加人民调解（街坊通）', path: '/pages/mediation/join/index?invite=Q4ZT8HNM' })
    expect(await share(page, { from: 'menu' })).toEqual({ title: '街坊通', path: '/pages/home/index' })
  })

  test('a report shares its detail page by id, titled by category and status only', async () => {
    const mp = launch()
    const page = await mp.open('pages/report/detail/index', { id: CASE.id })
    await page.waitForText('办理进度')
    expect(await share(page, { from: 'menu' })).toEqual({ title: `网格事件：${CASE.categoryName}（已受理）`, path: `/pages/report/detail/index?id=${CASE.id}` })
    clean(mp)
  })
})
