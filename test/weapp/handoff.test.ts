/**
 * The hand-off papers in the mini-program (issue 18): the 司法确认申请书 and the 纠纷移送函 pages of the
 * weapp build, loaded through their Page lifecycle with mediation.get answered by a fake, render the
 * paper's Chinese text (no print button: that is H5's) without errors.
 */
import { answers, cloudFake, type Answer } from './fixtures'
import { ensureBuilt, MiniProgram } from './simulate'

ensureBuilt()

const ID = '01JMEDHANDOFF0000000000001'

const CASE = {
  id: ID,
  number: '京溪-2026-00042',
  kind: 'mediation',
  status: 'succeeded',
  statusLabel: '调解成功',
  disputeType: 'family',
  disputeTypeLabel: '婚姻家庭',
  facts: '婚后因子女抚养费问题多次争吵，双方协商未果，希望调解',
  claims: '每月支付子女抚养费 2000 元',
  evidence: [],
  preferredWay: 'online',
  streetName: '京溪街道',
  committee: { code: 'family', name: '婚姻家庭纠纷人民调解委员会（婚调委）' },
  mediatorName: '周敏',
  mediatorPhone: '020-87700010',
  deadline: null,
  overdue: false,
  parties: [
    { side: 'applicant', sideLabel: '申请人', name: '陈小梅', phone: '13800138000', joined: true, consent: 'consented', consentLabel: '申请人', isMe: true },
    { side: 'respondent', sideLabel: '被申请人', name: '黄伟明', phone: '139****5678', joined: true, consent: 'consented', consentLabel: '已同意', isMe: false },
  ],
  sessions: [],
  agreement: { version: 1, number: '（2026）白云婚调字第 3 号', text: '人民调解协议书', terms: ['黄伟明每月 5 日前支付子女抚养费 2000 元'], draftedAt: '2026-03-01T01:00:00.000Z', confirmations: [], confirmedByMe: true },
  referral: null,
  judicialConfirmation: true,
  judicial: {
    status: 'applied',
    statusLabel: '已申请',
    court: '广州市白云区人民法院',
    effectiveAt: '2026-03-02T01:00:00.000Z',
    deadline: '2026-04-01T16:00:00.000Z',
    late: false,
    confirmations: [
      { name: '黄伟明', sideLabel: '被申请人', at: '2026-03-03T02:00:00.000Z' },
      { name: '陈小梅', sideLabel: '申请人', at: '2026-03-04T02:00:00.000Z' },
    ],
    pending: [],
    confirmedByMe: true,
    appliedAt: '2026-03-04T02:00:00.000Z',
    answers: [],
    applicants: [
      { sideLabel: '申请人', name: '陈小梅', phone: '13800138000' },
      { sideLabel: '被申请人', name: '黄伟明', phone: '13912345678' },
    ],
  },
  helpers: [],
  source: { code: 'application', label: '当事人申请', text: '当事人申请', enteredBy: null },
  origin: null,
  myRole: 'applicant',
  myRating: null,
  invites: [],
  createdAt: '2026-02-20T01:00:00.000Z',
  version: 9,
}

const FAILED = {
  ...CASE,
  status: 'failed',
  statusLabel: '调解不成',
  agreement: null,
  judicialConfirmation: false,
  judicial: null,
  referral: {
    type: 'petition',
    label: '访调对接（信访部门）',
    note: '涉及多个部门职责，需信访部门协调',
    letter: { number: '（2026）白云婚移字第 7 号', receiver: '广州市白云区信访局', issuedAt: '2026-03-05T02:00:00.000Z', answerLabel: '已接收', answers: [], settled: false },
  },
}

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch(c: unknown) {
  const over: Record<string, Answer> = { 'mediation.get': (d) => ((d as { id?: string }).id === ID ? { ok: true, case: c, timeline: [], actions: [] } : { ok: false, code: 'NOT_FOUND', message: '调解案件不存在或无权查看' }) }
  const mp = MiniProgram.launch({ cloud: cloudFake(answers(over)) })
  open.push(mp)
  return mp
}

describe('hand-off papers in the mini-program', () => {
  test('司法确认申请书: applicants, the request naming the agreement, the court, the confirmations, the date', async () => {
    const mp = launch(CASE)
    const page = await mp.open('pages/mediation/judicial/index', { id: ID })
    for (const t of ['司法确认申请书', '申请人：陈小梅，联系电话：13800138000', '申请人：黄伟明，联系电话：13912345678', '（2026）白云婚调字第 3 号人民调解协议有效', '此致', '广州市白云区人民法院', '（已在线确认）', '2026年3月4日']) await page.waitForText(t)
    expect(page.text()).not.toMatch(/[A-Za-z]{3,}|\d{4}-\d{2}-\d{2}T|01JMED|打印/)
    expect(mp.errors).toEqual([])
  })

  test('纠纷移送函: number, receiver, the case and its parties, the date', async () => {
    const mp = launch(FAILED)
    const page = await mp.open('pages/mediation/referral/index', { id: ID })
    for (const t of ['纠纷移送函', '编号：（2026）白云婚移字第 7 号', '广州市白云区信访局：', '陈小梅与黄伟明之间的婚姻家庭纠纷（案件编号 京溪-2026-00042）', '联系人：调解员 周敏', '2026年3月5日']) await page.waitForText(t)
    expect(page.text()).not.toMatch(/[A-Za-z]{3,}|\d{4}-\d{2}-\d{2}T|01JMED|打印/)
    expect(mp.errors).toEqual([])
  })

  test('a case with no application says so instead of an empty paper', async () => {
    const mp = launch({ ...CASE, judicial: null })
    const page = await mp.open('pages/mediation/judicial/index', { id: ID })
    await page.waitForText('该调解案件尚未拟写司法确认申请书')
    expect(mp.errors).toEqual([])
  })
})
