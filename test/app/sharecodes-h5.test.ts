/**
 * Printable codes in the built H5 app (dist-h5), functions mocked: the applicant shows a mediation
 * invitation's code to scan (not offered for the long codes of invitations sent before, which no
 * scene holds), and a grid worker makes the 公示牌 code for the noticeboard — the image is what
 * the function answered, the server's SVG when local. Skips without a build or Chromium.
 */
import { describeH5, h5Ready, type Answers } from './h5-harness'
import { useH5Session } from './h5-session'

const maybe = describeH5(h5Ready({ page: 'pages/mediation/detail' }))

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21"><rect width="21" height="21" fill="#fff"/><rect x="1" y="1" width="7" height="7"/></svg>'
const SHORT = 'Q4ZT8HNM'
const LONG = '01JMED00000000000000000001-K7M3Q9TX'
const GRID_CODE = '440111010001001'
const GRID = { code: GRID_CODE, name: '云景社区第1网格', path: '白云区 京溪街道 云景社区', phone: '020-87701001' }

const RESIDENT = { ok: true, user: { id: 'demo-resident', name: '陈小梅', roles: [{ role: 'resident', roleLabel: '居民', unitCode: 'c1', unitName: '云景社区' }] } }
const WORKER = { ok: true, user: { id: 'demo-grid-worker', name: '李明', roles: [{ role: 'grid_worker', roleLabel: '网格员', unitCode: GRID_CODE, unitName: GRID.name }] } }

const invite = (name: string, code: string) => ({ name, code, path: `/pages/mediation/join/index?invite=${code}`, used: false })
const CASE = {
  id: '01JMED00000000000000000001',
  kind: 'mediation',
  status: 'applied',
  statusLabel: '已申请',
  disputeType: 'neighbour',
  disputeTypeLabel: '邻里纠纷',
  facts: '楼上卫生间防水没做好，我家天花板持续渗水发霉，多次沟通未果。',
  claims: '修复防水并赔偿维修费用。',
  evidence: [],
  preferredWay: 'online',
  streetName: '京溪街道',
  committee: null,
  mediatorName: null,
  mediatorPhone: null,
  deadline: null,
  overdue: false,
  parties: [
    { side: 'applicant', sideLabel: '申请人', name: '陈小梅', phone: '13800138000', joined: true, consent: 'consented', consentLabel: '申请人', isMe: true },
    { side: 'respondent', sideLabel: '被申请人', name: '黄伟明', phone: '139****9000', joined: false, consent: 'pending', consentLabel: '待同意', isMe: false },
    { side: 'respondent', sideLabel: '被申请人', name: '黄太太', phone: '137****7000', joined: false, consent: 'pending', consentLabel: '待同意', isMe: false },
  ],
  sessions: [],
  agreement: null,
  referral: null,
  judicialConfirmation: false,
  source: { code: 'application', label: '当事人申请', text: '当事人申请', enteredBy: null },
  origin: null,
  helpers: [],
  judicial: null,
  myRole: 'applicant',
  myRating: null,
  invites: [invite('黄伟明', SHORT), invite('黄太太', LONG)],
  createdAt: new Date(Date.now() - 30 * 60_000).toISOString(),
  version: 1,
}
const BOARD = {
  grid: GRID,
  scope: '云景路 1–20 号',
  households: 420,
  team: [],
  services: [],
  officeHours: '工作日 9:00–17:30',
  joinPolicy: 'approval',
  qr: null,
  qrStatus: 'none',
  membership: null,
  members: 0,
  canManage: true,
  polygon: [],
}

maybe('printable codes (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': RESIDENT,
    'mediation.get': { ok: true, case: CASE, timeline: [], actions: [] },
    'mediation.messages': { ok: true, messages: [] },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })
  const { page, answers, called, go, shot } = useH5Session({ defaults })

  it('shows a short invitation\'s code on request; a long one has none to show', async () => {
    answers['mediation.inviteQr'] = { ok: true, qr: { kind: 'qr', link: `http://127.0.0.1:8080/#/pages/mediation/join/index?invite=${SHORT}`, svg: SVG } }
    await go(`/pages/mediation/detail/index?id=${CASE.id}`)
    await page.locator(`.jf-med-invite-qr[data-code="${SHORT}"]`).click()
    const img = page.locator(`#jf-med-invite-qr-${SHORT} img`)
    await expect(img.getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/)
    expect(called('mediation.inviteQr').map((c) => c.data)).toEqual([{ invite: SHORT }])
    await expect(page.locator(`.jf-med-invite-qr[data-code="${LONG}"]`).count()).resolves.toBe(0)
    // 转发 is the mini-program's; the browser has no share button.
    await expect(page.locator('.jf-med-invite-share').count()).resolves.toBe(0)
    await shot('mediation-invite-qr')
  })

  it('says why no code could be made, and keeps the button', async () => {
    answers['mediation.inviteQr'] = { ok: false, code: 'UNAVAILABLE', message: '暂时无法生成小程序码，请稍后重试', retryable: true }
    await go(`/pages/mediation/detail/index?id=${CASE.id}`)
    await page.locator(`.jf-med-invite-qr[data-code="${SHORT}"]`).click()
    await page.getByText('暂时无法生成小程序码，请稍后重试').first().waitFor()
    await page.locator(`.jf-med-invite-qr[data-code="${SHORT}"]`).waitFor()
  })

  it('a grid worker makes the board\'s code for the noticeboard', async () => {
    answers['session.me'] = WORKER
    answers['grid.board'] = { ok: true, board: BOARD, announcements: [] }
    answers['grid.members'] = { ok: true, members: [] }
    answers['grid.boardQr'] = { ok: true, gridName: GRID.name, qr: { kind: 'qr', link: `http://127.0.0.1:8080/#/pages/grid/board/index?code=${GRID_CODE}`, svg: SVG } }
    await go(`/pages/grid-staff/manage/index?code=${GRID_CODE}`)
    await page.locator('#jf-gw-boardcode-make').click()
    await expect(page.locator('#jf-gw-boardcode-img img').getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml/)
    expect(called('grid.boardQr').map((c) => c.data)).toEqual([{ code: GRID_CODE }])
    await page.locator('#jf-gw-boardcode-print').waitFor()
    await shot('gridwork-board-code')
  })
})
