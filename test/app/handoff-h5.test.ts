/**
 * The hand-offs in the built H5 app (issue 18), functions mocked: a party confirms the joint 司法确认
 * application on the case page, the mediator records the court's answer, and the two papers — the
 * 司法确认申请书 and the 移送函 — render for printing with names, numbers and Shanghai dates only (no
 * internal id, English word or UTC time). Skips without a build or Chromium.
 */
import { describeH5, h5Ready, type Answers } from './h5-harness'
import { useH5Session } from './h5-session'
import { MEDIATION, type MediationAction } from '../../src/core/kinds/mediation'

const maybe = describeH5(h5Ready({ page: 'pages/mediation/judicial' }))

const act = (action: MediationAction, label: string) => ({ action, label, needs: [], form: [...(MEDIATION.actions[action].form ?? [])] })

const RESIDENT = { ok: true, user: { id: 'demo-resident', name: '陈小梅', roles: [{ role: 'resident', roleLabel: '居民', unitCode: 'c1', unitName: '云景社区' }] } }
const MEDIATOR = { ok: true, user: { id: 'demo-mediator', name: '周敏', roles: [{ role: 'mediator', roleLabel: '调解员', unitCode: 'hdw', unitName: '京溪街婚调委' }] } }

const ID = '01JMEDHANDOFF0000000000001'
const EFFECTIVE = '2026-03-02T01:00:00.000Z'
const DEADLINE = '2026-04-01T16:00:00.000Z'

const judicial = {
  status: 'drafting',
  statusLabel: '待双方确认',
  court: '广州市白云区人民法院',
  effectiveAt: EFFECTIVE,
  deadline: DEADLINE,
  late: false,
  confirmations: [{ name: '黄伟明', sideLabel: '被申请人', at: '2026-03-03T02:00:00.000Z' }],
  pending: ['陈小梅'],
  confirmedByMe: false,
  appliedAt: null,
  answers: [],
  applicants: [
    { sideLabel: '申请人', name: '陈小梅', phone: '13800138000' },
    { sideLabel: '被申请人', name: '黄伟明', phone: '13912345678' },
  ],
}

const succeeded = {
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
  agreement: {
    version: 1,
    number: '（2026）白云婚调字第 3 号',
    text: '人民调解协议书',
    terms: ['黄伟明每月 5 日前支付子女抚养费 2000 元'],
    draftedAt: '2026-03-01T01:00:00.000Z',
    confirmations: [
      { name: '陈小梅', sideLabel: '申请人', at: '2026-03-02T00:30:00.000Z' },
      { name: '黄伟明', sideLabel: '被申请人', at: EFFECTIVE },
    ],
    confirmedByMe: true,
  },
  referral: null,
  judicialConfirmation: false,
  judicial,
  helpers: [],
  source: { code: 'application', label: '当事人申请', text: '当事人申请', enteredBy: null },
  origin: null,
  myRole: 'applicant',
  myRating: null,
  invites: [],
  createdAt: '2026-02-20T01:00:00.000Z',
  version: 9,
}

const failed = {
  ...succeeded,
  status: 'failed',
  statusLabel: '调解不成',
  agreement: null,
  judicial: null,
  myRole: 'mediator',
  referral: {
    type: 'police',
    label: '警调对接（派出所）',
    note: '一方情绪激动，存在冲突风险',
    letter: { number: '（2026）白云婚移字第 7 号', receiver: '广州市公安局白云区分局京溪派出所', issuedAt: '2026-03-05T02:00:00.000Z', answerLabel: '待答复', answers: [], settled: false },
  },
}

/** Text people read on the paper: no internal id, no English word, no UTC instant. */
const UNREADABLE = /[A-Za-z]{3,}|\d{4}-\d{2}-\d{2}T|01JMED/

maybe('hand-offs: 司法确认 and 移送函 (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': RESIDENT,
    'mediation.messages': { ok: true, messages: [] },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })
  const { page, answers, called, go, shot, modalOk } = useH5Session({ defaults })

  it('a party confirms the joint application on the case page; the card shows who confirmed and the 30-day limit', async () => {
    answers['mediation.get'] = { ok: true, case: succeeded, timeline: [], actions: [act('confirm_judicial', '确认共同申请司法确认')] }
    await go(`/pages/mediation/detail/index?id=${ID}`)
    await page.locator('#jf-med-judicial[data-status="drafting"]').waitFor()
    await expect(page.locator('#jf-med-judicial-deadline').textContent()).resolves.toContain('2026年4月1日前')
    await expect(page.locator('#jf-med-judicial-confirmations').textContent()).resolves.toContain('待确认：陈小梅')
    // The move is on the card, not in the bar.
    await expect(page.locator('#jf-med-act-bar .jf-med-act[data-action="confirm_judicial"]').count()).resolves.toBe(0)
    const applied = { ...succeeded, judicialConfirmation: true, judicial: { ...judicial, status: 'applied', statusLabel: '已申请', pending: [], confirmedByMe: true, appliedAt: '2026-03-04T02:00:00.000Z', confirmations: [...judicial.confirmations, { name: '陈小梅', sideLabel: '申请人', at: '2026-03-04T02:00:00.000Z' }] }, version: 10 }
    answers['mediation.act'] = { ok: true, case: applied, timeline: [], actions: [] }
    await page.locator('#jf-med-confirm-judicial').click()
    await modalOk()
    await page.locator('#jf-med-judicial[data-status="applied"]').waitFor()
    expect(called('mediation.act').at(-1)!.data).toEqual({ id: ID, action: 'confirm_judicial', version: 9 })
    await expect(page.locator('#jf-med-judicial-status').textContent()).resolves.toBe('已申请')
    await shot('handoff-judicial-card')
  })

  it('renders the 司法确认申请书: applicants, the agreement number, the court, the confirmations and the date', async () => {
    const applied = { ...succeeded, judicial: { ...judicial, status: 'applied', statusLabel: '已申请', pending: [], appliedAt: '2026-03-04T02:00:00.000Z', confirmations: [...judicial.confirmations, { name: '陈小梅', sideLabel: '申请人', at: '2026-03-04T02:00:00.000Z' }] } }
    answers['mediation.get'] = { ok: true, case: applied, timeline: [], actions: [] }
    await go(`/pages/mediation/judicial/index?id=${ID}`)
    await page.locator('#jf-judicial[data-status="applied"]').waitFor()
    const paper = (await page.locator('#jf-judicial .jf-agr-paper').textContent()) ?? ''
    expect(paper).toContain('司法确认申请书')
    await expect(page.locator('#jf-jud-applicants').textContent()).resolves.toBe('申请人：陈小梅，联系电话：13800138000申请人：黄伟明，联系电话：13912345678')
    await expect(page.locator('#jf-jud-request').textContent()).resolves.toBe('请求确认申请人于2026年3月2日经婚姻家庭纠纷人民调解委员会（婚调委）主持调解达成的（2026）白云婚调字第 3 号人民调解协议有效。')
    await expect(page.locator('#jf-jud-court').textContent()).resolves.toContain('广州市白云区人民法院')
    await expect(page.locator('#jf-jud-signatures [data-confirmed="1"]').count()).resolves.toBe(2)
    await expect(page.locator('#jf-jud-date').textContent()).resolves.toBe('2026年3月4日')
    expect(paper).not.toMatch(UNREADABLE)
    await page.locator('#jf-jud-print-btn').waitFor()
    await shot('handoff-judicial-print')
  })

  it('the mediator records the court\'s answer through the sheet', async () => {
    answers['session.me'] = MEDIATOR
    const staff = { ...succeeded, myRole: 'mediator', judicial: { ...judicial, status: 'applied', statusLabel: '已申请', pending: [] } }
    answers['mediation.get'] = { ok: true, case: staff, timeline: [], actions: [act('record_judicial', '登记法院答复')] }
    await go(`/pages/mediation-staff/case/index?id=${ID}`)
    await page.locator('.jf-med-act[data-action="record_judicial"]').click()
    await page.locator('#jf-med-sheet[data-action="record_judicial"]').waitFor()
    await page.locator('#jf-med-act-submit').click()
    await page.locator('#jf-error-answer').waitFor()
    await page.locator('.jf-med-answer[data-code="dismissed"]').click()
    await page.locator('#jf-med-sheet textarea').fill('协议内容超出当事人处分范围')
    answers['mediation.act'] = { ok: true, case: { ...staff, judicial: { ...staff.judicial, status: 'dismissed', statusLabel: '已驳回' }, version: 10 }, timeline: [], actions: [] }
    await page.locator('#jf-med-act-submit').click()
    await page.locator('#jf-med-judicial[data-status="dismissed"]').waitFor()
    expect(called('mediation.act').at(-1)!.data).toEqual({ id: ID, action: 'record_judicial', version: 9, answer: 'dismissed', note: '协议内容超出当事人处分范围' })
  })

  it('renders the 移送函: number, receiver, the case and its parties, the mediator and the date', async () => {
    answers['session.me'] = MEDIATOR
    answers['mediation.get'] = { ok: true, case: failed, timeline: [], actions: [] }
    await go(`/pages/mediation/referral/index?id=${ID}`)
    await page.locator('#jf-letter').waitFor()
    await expect(page.locator('#jf-letter-no').textContent()).resolves.toBe('编号：（2026）白云婚移字第 7 号')
    await expect(page.locator('#jf-letter-receiver').textContent()).resolves.toBe('广州市公安局白云区分局京溪派出所：')
    await expect(page.locator('#jf-letter-body').textContent()).resolves.toContain('陈小梅与黄伟明之间的婚姻家庭纠纷（案件编号 京溪-2026-00042）')
    await expect(page.locator('#jf-letter-date').textContent()).resolves.toBe('2026年3月5日')
    const paper = (await page.locator('#jf-letter .jf-agr-paper').textContent()) ?? ''
    expect(paper).toContain('联系人：调解员 周敏')
    expect(paper).not.toMatch(UNREADABLE)
    await shot('handoff-letter-print')
  })
})
