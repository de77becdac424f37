/**
 * The 在线调解 pages in the built H5 app (dist-h5) with the functions mocked per test: applying,
 * joining by invitation, consent, the message thread, confirming an agreement, the mediator's
 * forms, CONFLICT, the queue, the ledger and the print view. Skips without a build or Chromium.
 */
import { PROFILE } from '../weapp/account-fixtures'
import { describeH5, h5Ready, type Answers } from './h5-harness'
import { useH5Session } from './h5-session'
import { draftTwoTerms } from '../support/h5Flows'
import { MEDIATION, type MediationAction } from '../../src/core/kinds/mediation'

const maybe = describeH5(h5Ready({ page: 'pages/mediation/apply' }))

/** A move as mediation.get lists it: its form is the kind's declaration, as the server sends it. */
const act = (action: MediationAction, label: string, needs: string[]) => ({ action, label, needs, form: [...(MEDIATION.actions[action].form ?? [])] })

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString()
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString()

const RESIDENT = { ok: true, user: { id: 'demo-resident', name: '陈小梅', roles: [{ role: 'resident', roleLabel: '居民', unitCode: 'c1', unitName: '云景社区' }] } }
const RESPONDENT = { ok: true, user: { id: 'demo-resident-2', name: '黄伟明', roles: [{ role: 'resident', roleLabel: '居民', unitCode: 'c1', unitName: '云景社区' }] } }
const MEDIATOR = { ok: true, user: { id: 'demo-mediator', name: '周敏', roles: [{ role: 'mediator', roleLabel: '调解员', unitCode: 'hdw', unitName: '京溪街婚调委' }] } }
const DISPATCHER = { ok: true, user: { id: 'demo-dispatcher', name: '赵强', roles: [{ role: 'dispatcher', roleLabel: '综治中心坐席', unitCode: 'jingxi', unitName: '京溪街道' }] } }

const OPTIONS = {
  ok: true,
  disputeTypes: [
    { code: 'neighbour', label: '邻里纠纷' },
    { code: 'family', label: '婚姻家庭' },
    { code: 'tenancy', label: '租赁纠纷' },
    { code: 'labour', label: '劳务纠纷' },
    { code: 'traffic', label: '交通事故' },
    { code: 'commerce', label: '消费商事' },
    { code: 'property', label: '物业纠纷' },
    { code: 'other', label: '其他纠纷' },
  ],
  streets: [
    { code: 'jingxi', name: '京溪街道' },
    { code: 'tonghe', name: '同和街道' },
  ],
  committees: [
    { code: 'rtw', name: '京溪街人民调解委员会' },
    { code: 'hdw', name: '京溪街婚调委' },
  ],
  referrals: [
    { code: 'court', label: '诉调对接（法院）' },
    { code: 'arbitration', label: '仲裁' },
    { code: 'administrative', label: '行政部门处理' },
  ],
}

/** Invitation codes are `<case id>-<secret>`. */
const CODE = '01JMED00000000000000000001-K7M3Q9TX'

const FACTS = '2026 年 2 月起，楼上 502 住户装修卫生间防水未做好，导致我家（402）卫生间天花板持续渗水、发霉脱落，多次沟通未果。'
const CLAIMS = '请对方修复防水并赔偿我家天花板维修费用 3000 元。'

const base = {
  id: '01JMED00000000000000000001',
  kind: 'mediation',
  status: 'applied',
  statusLabel: '已申请',
  disputeType: 'neighbour',
  disputeTypeLabel: '邻里纠纷',
  facts: FACTS,
  claims: CLAIMS,
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
  ],
  sessions: [],
  agreement: null,
  referral: null,
  judicialConfirmation: false,
  myRole: 'applicant',
  myRating: null,
  invites: [{ name: '黄伟明', code: CODE, path: `/pages/mediation/join/index?invite=${CODE}`, used: false }],
  source: { code: 'application', label: '当事人申请', text: '当事人申请', enteredBy: null },
  origin: null,
  helpers: [],
  judicial: null,
  createdAt: ago(30),
  version: 1,
}

const TL_APPLY = { id: 't1', action: 'apply', actionLabel: '申请调解', fromStatus: null, toStatus: 'applied', toStatusLabel: '已申请', actorLabel: '申请人 陈小梅', note: null, attachments: [], at: ago(30) }
const TL_ACCEPT = { id: 't2', action: 'accept', actionLabel: '受理', fromStatus: 'applied', toStatus: 'accepted', toStatusLabel: '已受理', actorLabel: '综治中心 赵强', note: null, attachments: [], at: ago(25) }

const mediating = {
  ...base,
  status: 'mediating',
  statusLabel: '调解中',
  committee: { code: 'rtw', name: '京溪街人民调解委员会' },
  mediatorName: '周敏',
  mediatorPhone: '020-83001234',
  deadline: inDays(26),
  parties: [base.parties[0], { ...base.parties[1], joined: true, consent: 'consented', consentLabel: '已同意' }],
  sessions: [{ id: 's1', at: inDays(2), mode: 'in_person', modeLabel: '线下调解', place: '云景社区调解室（党群服务中心 2 楼）', notes: null }],
  invites: [{ ...base.invites[0], used: true }],
  version: 5,
}

const TERMS = ['黄伟明于 2026 年 3 月 31 日前修复 502 卫生间防水', '黄伟明于 2026 年 3 月 31 日前向陈小梅支付天花板维修费 3000 元', '双方就本纠纷再无其他争议']
const AGREEMENT_TEXT = `人民调解协议书\n申请人：陈小梅\n被申请人：黄伟明\n纠纷事实：${FACTS}\n经调解，双方自愿达成如下协议：\n${TERMS.map((t, i) => `${i + 1}. ${t}`).join('\n')}`

const pendingAgreement = {
  ...mediating,
  status: 'agreement_pending',
  statusLabel: '协议待确认',
  agreement: { version: 2, text: AGREEMENT_TEXT, terms: TERMS, draftedAt: ago(10), confirmations: [{ name: '黄伟明', sideLabel: '被申请人', at: ago(5) }], confirmedByMe: false },
  version: 8,
}

const succeeded = {
  ...pendingAgreement,
  status: 'succeeded',
  statusLabel: '调解成功',
  agreement: { ...pendingAgreement.agreement, confirmations: [...pendingAgreement.agreement.confirmations, { name: '陈小梅', sideLabel: '申请人', at: ago(1) }], confirmedByMe: true },
  version: 9,
}

const MESSAGES = [
  { id: '01M1', authorName: '周敏', authorRoleLabel: '调解员', mine: false, text: '两位好，我是京溪街人民调解委员会的调解员周敏，周四下午在社区调解室面谈可以吗？', photos: [], at: ago(20) },
  { id: '01M2', authorName: '陈小梅', authorRoleLabel: '申请人', mine: true, text: '可以的，谢谢周老师。', photos: [], at: ago(18) },
]

maybe('在线调解 pages (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': RESIDENT,
    'mediation.options': OPTIONS,
    'mediation.messages': { ok: true, messages: [] },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
    // Agreed to the privacy notice already: applying asks nothing more (the sheet is tested with rental and 我的).
    'account.profile': { ok: true, profile: PROFILE },
  })

  const { page, answers, called, go, settle, shot, modalOk } = useH5Session({ defaults })

  it('applies: field errors first, then mediation.apply with one key, and lands on the invitations', async () => {
    answers['mediation.apply'] = { ok: false, code: 'VALIDATION', message: '对方电话格式不正确', details: { 'respondents.1.phone': '格式不正确' } }
    await go('/pages/mediation/apply/index')
    await page.locator('#jf-med-submit').click()
    await page.locator('#jf-error-disputeType').waitFor()
    await expect(page.locator('#jf-error-facts').textContent()).resolves.toMatch(/至少 10 个字/)
    await expect(page.locator('#jf-error-applicantName').textContent()).resolves.toBe('请填写您的真实姓名')
    await expect(page.locator('.jf-med-street-chip.is-active').getAttribute('data-code')).resolves.toBe('jingxi')

    await page.locator('.jf-med-type-chip[data-code="neighbour"]').click()
    await page.locator('#jf-med-name input').fill('陈小梅')
    await page.locator('#jf-med-phone input').fill('13800138000')
    await page.locator('.jf-med-respondent[data-index="0"] .jf-med-respondent-name input').fill('黄伟明')
    await page.locator('.jf-med-respondent[data-index="0"] .jf-med-respondent-phone input').fill('13900139000')
    await page.locator('#jf-med-respondent-add').click()
    await page.locator('.jf-med-respondent[data-index="1"] .jf-med-respondent-name input').fill('黄太太')
    await page.locator('.jf-med-respondent[data-index="1"] .jf-med-respondent-phone input').fill('13700137000')
    await page.locator('#jf-med-facts textarea').fill(FACTS)
    await page.locator('#jf-med-claims textarea').fill(CLAIMS)
    await page.locator('.jf-med-way[data-way="in_person"]').click()
    await shot('mediation-apply')
    await page.locator('#jf-med-submit').click()
    await page.locator('#jf-error-respondents\\.1\\.phone').waitFor()
    await page.locator('#jf-med-form-error').getByText('对方电话格式不正确').waitFor()

    answers['mediation.apply'] = { ok: true, case: base, replayed: false }
    answers['mediation.get'] = { ok: true, case: base, timeline: [TL_APPLY], actions: [] }
    await page.locator('#jf-med-submit').click()
    await page.locator(`#jf-med-detail[data-case-id="${base.id}"]`).waitFor()
    await page.locator('#jf-med-created').waitFor()
    await expect(page.locator(`.jf-med-invite[data-code="${CODE}"] .jf-med-invite-code`).textContent()).resolves.toBe(CODE)
    await page.locator(`.jf-med-invite-copy[data-code="${CODE}"]`).waitFor()
    const sent = called('mediation.apply').map((c) => c.data)
    expect(new Set(sent.map((d) => d.idempotencyKey)).size).toBe(1)
    expect(sent[1]).toMatchObject({
      disputeType: 'neighbour',
      streetCode: 'jingxi',
      applicantName: '陈小梅',
      applicantPhone: '13800138000',
      respondents: [
        { name: '黄伟明', phone: '13900139000' },
        { name: '黄太太', phone: '13700137000' },
      ],
      preferredWay: 'in_person',
      evidence: [],
    })
    await shot('mediation-applied-invites')
  })

  it('lists my mediations, with the join entry', async () => {
    answers['mediation.mine'] = {
      ok: true,
      next: null,
      cases: [
        { id: mediating.id, status: 'mediating', statusLabel: '调解中', disputeTypeLabel: '邻里纠纷', title: FACTS.slice(0, 30), partyNames: ['陈小梅', '黄伟明'], committeeName: '京溪街人民调解委员会', mediatorName: '周敏', createdAt: ago(60), deadline: inDays(26), overdue: false, myRole: 'applicant' },
        { id: '01JMED2', status: 'applied', statusLabel: '已申请', disputeTypeLabel: '租赁纠纷', title: '房东不退押金 2000 元', partyNames: ['陈小梅', '周先生'], committeeName: null, mediatorName: null, createdAt: ago(300), deadline: null, overdue: false, myRole: 'applicant' },
      ],
    }
    await go('/pages/mediation/mine/index')
    await page.locator(`.jf-med-row[data-case-id="${mediating.id}"][data-status="mediating"]`).waitFor()
    // Each row says on whom it waits (the tag keeps its label).
    await expect(page.locator(`.jf-med-row[data-case-id="${mediating.id}"] .jf-waiting`).innerText()).resolves.toBe('等待调解员安排调解')
    await expect(page.locator('.jf-med-row[data-case-id="01JMED2"] .jf-waiting').innerText()).resolves.toBe('等待街道调解中心受理')
    await page.locator('#jf-med-join-entry').waitFor()
    await shot('mediation-mine')
    answers['mediation.mine'] = { ok: true, cases: [], next: null }
    await go('/pages/mediation/mine/index')
    await page.locator('#jf-med-mine-empty').waitFor()
    await page.locator('#jf-med-empty-apply').waitFor()
  })

  it('joins by invitation: the phone in 我的 first, then the summary, the corrected name and the consent → detail', async () => {
    answers['session.me'] = RESPONDENT
    answers['mediation.invitation'] = { ok: false, code: 'PHONE_MISMATCH', message: '这份调解邀请只对手机号 139****9000 开放。请先在「我的」里设置这个手机号，再打开邀请。', details: { phone: '未设置' } }
    await go(`/pages/mediation/join/index?invite=${encodeURIComponent(CODE)}`)
    await page.locator('#jf-med-set-phone').waitFor()
    await expect(page.locator('#jf-error-invite').textContent()).resolves.toContain('139****9000')
    expect(await page.locator('#jf-med-invite-summary').count()).toBe(0)
    await shot('mediation-join-phone')

    answers['mediation.invitation'] = {
      ok: true,
      summary: { disputeTypeLabel: '邻里纠纷', applicantName: '陈**', sourceLabel: '当事人申请', facts: FACTS, claims: CLAIMS, streetName: '京溪街道', statusLabel: '待对方同意', createdAt: ago(60) },
      partyName: '楼上黄先生',
    }
    const asRespondent = {
      ...mediating,
      status: 'awaiting_consent',
      statusLabel: '待对方同意',
      sessions: [],
      myRole: 'respondent',
      invites: [],
      parties: [
        { ...base.parties[0], phone: '138****8000', isMe: false },
        { ...base.parties[1], phone: '13900139000', joined: true, isMe: true },
      ],
    }
    answers['mediation.join'] = { ok: true, case: asRespondent }
    const actions = [
      act('consent', '同意调解', []),
      act('decline', '拒绝调解', ['note']),
    ]
    answers['mediation.get'] = { ok: true, case: asRespondent, timeline: [TL_APPLY, TL_ACCEPT], actions }
    // Pasted from a chat app with a stray space; the page sends the clean code.
    await go(`/pages/mediation/join/index?invite=${encodeURIComponent(CODE.replace('-', '- '))}`)
    await page.locator(`#jf-med-invite-summary[data-invite="${CODE}"]`).waitFor()
    await expect(page.locator('#jf-med-invite-summary').textContent()).resolves.toContain('陈**')
    // The name as the applicant typed it, to confirm or correct; no consent, no join.
    await expect(page.locator('#jf-med-join-name input').inputValue()).resolves.toBe('楼上黄先生')
    await page.locator('#jf-med-join-name input').fill('黄伟明')
    await page.locator('#jf-med-join').click()
    await page.locator('#jf-error-consent').waitFor()
    expect(called('mediation.join')).toHaveLength(0)
    await page.locator('#jf-med-join-consent .nut-switch').click()
    await shot('mediation-join')
    await page.locator('#jf-med-join').click()
    await page.locator(`#jf-med-detail[data-my-role="respondent"]`).waitFor()
    expect(called('mediation.join')[0]!.data).toEqual({ invite: CODE, name: '黄伟明', consent: true })
    await page.locator('.jf-med-act[data-action="consent"]').waitFor()
    await shot('mediation-respondent-consent')

    // 拒绝调解 asks for a reason first.
    await page.locator('.jf-med-act[data-action="decline"]').click()
    await page.locator('#jf-med-sheet[data-action="decline"]').waitFor()
    await page.locator('#jf-med-act-submit').click()
    await page.locator('#jf-error-note').waitFor()
    expect(called('mediation.act')).toHaveLength(0)
    await page.locator('.nut-popup-title-right, .nut-popup-close').first().click()

    answers['mediation.act'] = { ok: true, case: { ...asRespondent, status: 'mediating', statusLabel: '调解中', version: 6 }, timeline: [TL_APPLY, TL_ACCEPT], actions: [] }
    await page.locator('.jf-med-act[data-action="consent"]').click()
    await modalOk()
    await page.locator('#jf-med-detail[data-status="mediating"]').waitFor()
    expect(called('mediation.act')[0]!.data).toEqual({ id: asRespondent.id, action: 'consent', version: asRespondent.version })
  })

  it('shows the thread, polls, and sends a message', async () => {
    answers['mediation.get'] = { ok: true, case: mediating, timeline: [TL_APPLY, TL_ACCEPT], actions: [] }
    answers['mediation.messages'] = (d: Record<string, unknown>) => ({ ok: true, messages: d.after ? [] : MESSAGES })
    answers['mediation.send'] = (d: Record<string, unknown>) => ({
      ok: true,
      message: { id: '01M3', authorName: '陈小梅', authorRoleLabel: '申请人', mine: true, text: d.text, photos: [], at: new Date().toISOString() },
    })
    await go(`/pages/mediation/detail/index?id=${mediating.id}`)
    await page.locator('.jf-msg[data-mine="0"]').first().waitFor()
    await expect(page.locator('.jf-msg[data-mine="1"]').count()).resolves.toBe(1)
    await page.locator('#jf-msg-text textarea').fill('周四下午三点我可以到。')
    await page.locator('#jf-msg-send').click()
    await page.locator('.jf-msg[data-id="01M3"][data-mine="1"]').waitFor()
    expect(called('mediation.send')[0]!.data).toEqual({ id: mediating.id, text: '周四下午三点我可以到。', photos: [] })
    await page.waitForTimeout(5600)
    expect(called('mediation.messages').some((c) => c.data.after === '01M3')).toBe(true)
    await shot('mediation-thread')
  })

  it('confirms the agreement with its version; a CONFLICT reloads with a notice', async () => {
    const actions = [act('confirm_agreement', '确认协议', [])]
    answers['mediation.get'] = { ok: true, case: pendingAgreement, timeline: [TL_APPLY, TL_ACCEPT], actions }
    answers['mediation.act'] = { ok: false, code: 'CONFLICT', message: '协议已更新，请阅读最新版本后再确认' }
    await go(`/pages/mediation/detail/index?id=${pendingAgreement.id}`)
    await page.locator('#jf-med-agreement[data-version="2"]').waitFor()
    await shot('mediation-agreement-pending')
    await page.locator('#jf-med-confirm-agreement').click()
    await modalOk()
    await page.locator('#jf-med-notice').getByText('协议已更新').waitFor()
    expect(called('mediation.act')[0]!.data).toEqual({ id: pendingAgreement.id, action: 'confirm_agreement', version: 8, agreementVersion: 2 })
    expect(called('mediation.get').length).toBeGreaterThanOrEqual(2)

    answers['mediation.act'] = { ok: true, case: succeeded, timeline: [TL_APPLY, TL_ACCEPT], actions: [act('rate', '评价', ['rating'])] }
    await page.locator('#jf-med-confirm-agreement').click()
    await modalOk()
    await page.locator('#jf-med-detail[data-status="succeeded"]').waitFor()
    await page.locator('#jf-med-print').waitFor()
    await page.locator('.jf-med-act[data-action="rate"]').click()
    await page.locator('#jf-med-rating .jf-star[data-value="5"]').click()
    answers['mediation.act'] = { ok: true, case: { ...succeeded, myRating: 5, version: 10 }, timeline: [TL_APPLY], actions: [] }
    await page.locator('#jf-med-act-submit').click()
    await page.locator('#jf-med-my-rating[data-rating="5"]').waitFor()
    expect(called('mediation.act').at(-1)!.data).toMatchObject({ action: 'rate', rating: 5, version: 9 })
    await shot('mediation-succeeded')
  })

  it('renders the 人民调解协议书 for printing', async () => {
    answers['mediation.get'] = { ok: true, case: succeeded, timeline: [], actions: [] }
    await go(`/pages/mediation/agreement/index?id=${succeeded.id}`)
    await page.locator('#jf-agreement[data-effective="1"]').waitFor()
    await expect(page.locator('#jf-agr-terms').textContent()).resolves.toContain('一、黄伟明于 2026 年 3 月 31 日前修复')
    await page.locator('#jf-agr-performance').waitFor()
    await page.locator('#jf-med-print-btn').waitFor()
    await shot('mediation-agreement-print')
  })

  it('mediator: queue with deadlines, schedule a session and draft an agreement', async () => {
    answers['session.me'] = MEDIATOR
    answers['mediation.queue'] = {
      ok: true,
      next: null,
      total: 2,
      cases: [
        { id: '01JLATE', status: 'mediating', statusLabel: '调解中', disputeTypeLabel: '婚姻家庭', title: '离婚后子女探视时间安排争议', partyNames: ['林晓燕', '王志强'], committeeName: '京溪街婚调委', mediatorName: '周敏', createdAt: ago(50000), deadline: ago(2880), overdue: true, myRole: 'mediator' },
        { id: mediating.id, status: 'mediating', statusLabel: '调解中', disputeTypeLabel: '邻里纠纷', title: FACTS.slice(0, 40), partyNames: ['陈小梅', '黄伟明'], committeeName: '京溪街人民调解委员会', mediatorName: '周敏', createdAt: ago(60), deadline: inDays(2), overdue: false, myRole: 'mediator' },
      ],
    }
    await go('/pages/mediation-staff/queue/index')
    await page.locator('.jf-medq-row[data-case-id="01JLATE"][data-overdue="1"]').waitFor()
    // The parties by the names on the application.
    await expect(page.locator(`.jf-medq-row[data-case-id="${mediating.id}"]`).textContent()).resolves.toContain('陈小梅、黄伟明')
    await expect(page.locator('#jf-medq-tab-applied').count()).resolves.toBe(0)
    await page.locator('#jf-medq-mine .nut-switch').click()
    await page.waitForFunction(() => document.querySelector('#jf-medq-mine')?.getAttribute('data-on') === '1')
    expect(called('mediation.queue').at(-1)!.data).toMatchObject({ mine: true, statuses: ['accepted', 'awaiting_consent', 'mediating', 'agreement_pending'] })
    await shot('mediator-queue')

    const staffCase = { ...mediating, myRole: 'mediator', parties: mediating.parties.map((p) => ({ ...p, phone: p.side === 'applicant' ? '13800138000' : '13900139000', isMe: false })), invites: [] }
    const actions = [
      act('schedule', '安排调解', []),
      act('record_session', '记录调解', ['note']),
      act('draft_agreement', '起草协议', []),
      act('fail', '调解不成', ['note']),
    ]
    answers['mediation.get'] = { ok: true, case: staffCase, timeline: [TL_APPLY, TL_ACCEPT], actions }
    answers['mediation.messages'] = { ok: true, messages: MESSAGES.map((m) => ({ ...m, mine: m.authorRoleLabel === '调解员' })) }
    await go(`/pages/mediation-staff/case/index?id=${staffCase.id}`)
    await page.locator('#jf-medc-case').waitFor()
    await page.locator('.jf-med-act[data-action="schedule"]').waitFor()
    await shot('mediator-case')

    await page.locator('.jf-med-act[data-action="schedule"]').click()
    await page.locator('#jf-med-sheet[data-action="schedule"]').waitFor()
    await page.locator('.jf-med-mode[data-mode="online"]').click()
    const day = new Date(Date.now() + 3 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10)
    await page.locator('#jf-med-session-at').fill(`${day}T15:00`)
    await page.locator('#jf-med-session-place input').fill('腾讯会议 123-456-789')
    answers['mediation.act'] = { ok: true, case: { ...staffCase, version: 6 }, timeline: [TL_APPLY], actions }
    await page.locator('#jf-med-act-submit').click()
    await page.locator('#jf-medc-case[data-version="6"]').waitFor()
    expect(called('mediation.act')[0]!.data).toEqual({
      id: staffCase.id,
      action: 'schedule',
      version: 5,
      session: { at: new Date(`${day}T15:00:00+08:00`).toISOString(), mode: 'online', place: '腾讯会议 123-456-789' },
    })

    await draftTwoTerms(page, TERMS)
    await expect(page.locator('#jf-med-agreement-preview').textContent()).resolves.toContain(`二、${TERMS[1]}`)
    await shot('mediator-draft-agreement')
    answers['mediation.act'] = { ok: true, case: { ...pendingAgreement, myRole: 'mediator', version: 7 }, timeline: [TL_APPLY], actions: [] }
    await page.locator('#jf-med-act-submit').click()
    await page.locator('#jf-medc-case[data-status="agreement_pending"]').waitFor()
    expect(called('mediation.act')[1]!.data).toEqual({ id: staffCase.id, action: 'draft_agreement', version: 6, terms: TERMS.slice(0, 2) })
  })

  it('centre: accepts with or without a chosen mediator; ledger with CSV', async () => {
    answers['session.me'] = DISPATCHER
    const applied = { ...base, myRole: 'dispatcher', invites: [] }
    answers['mediation.get'] = { ok: true, case: applied, timeline: [TL_APPLY], actions: [act('accept', '受理', []), act('reject', '不予受理', ['note'])] }
    answers['mediation.mediators'] = {
      ok: true,
      mediators: [
        { id: 'demo-mediator', name: '周敏', committee: 'hdw', committeeName: '京溪街婚调委', openCases: 3 },
        { id: 'm2', name: '李建国', committee: 'rtw', committeeName: '京溪街人民调解委员会', openCases: 5 },
      ],
    }
    answers['mediation.act'] = { ok: true, case: { ...applied, status: 'accepted', statusLabel: '已受理', version: 2 }, timeline: [TL_APPLY, TL_ACCEPT], actions: [] }
    await go(`/pages/mediation-staff/case/index?id=${applied.id}`)
    await page.locator('.jf-med-act[data-action="accept"]').click()
    // A neighbour dispute goes to the general committee: only its mediators are offered first.
    await page.locator('.jf-med-mediator[data-mediator-id="m2"]').waitFor()
    await expect(page.locator('.jf-med-mediator[data-mediator-id="demo-mediator"]').count()).resolves.toBe(0)
    await shot('dispatcher-accept')
    await page.locator('#jf-med-act-submit').click()
    await page.locator('#jf-medc-case[data-status="accepted"]').waitFor()
    expect(called('mediation.act')[0]!.data).toEqual({ id: applied.id, action: 'accept', version: 1 })

    answers['mediation.ledger'] = {
      ok: true,
      ledger: {
        total: 42,
        open: 9,
        succeeded: 27,
        failed: 6,
        successRate: 27 / 33,
        avgDaysToClose: 12.4,
        byType: [
          { key: 'neighbour', label: '邻里纠纷', count: 18 },
          { key: 'family', label: '婚姻家庭', count: 12 },
          { key: 'tenancy', label: '租赁纠纷', count: 12 },
        ],
        byCommittee: [
          { key: 'rtw', label: '京溪街人民调解委员会', count: 30 },
          { key: 'hdw', label: '京溪街婚调委', count: 12 },
        ],
        byStreet: [{ key: 'jingxi', label: '京溪街道', count: 42 }],
        byStatus: [
          { key: 'succeeded', label: '调解成功', count: 27 },
          { key: 'mediating', label: '调解中', count: 9 },
          { key: 'failed', label: '调解不成', count: 6 },
        ],
        bySource: [
          { key: 'application', label: '当事人申请', count: 30 },
          { key: 'patrol', label: '排查发现', count: 12 },
        ],
        byMonth: [
          { month: '2026-01', count: 20 },
          { month: '2026-02', count: 22 },
        ],
      },
    }
    answers['mediation.ledgerCsv'] = { ok: true, filename: 'mediation-ledger.csv', csv: '编号,类型\n1,邻里纠纷\n', rows: 1 }
    await page.setViewportSize({ width: 1280, height: 800 })
    await go('/pages/mediation-staff/ledger/index')
    await expect(page.locator('#jf-ledger-rate .jf-ledger-card-value').textContent()).resolves.toBe('81.8%')
    await page.locator('#jf-ledger-by-type tr[data-key="neighbour"]').waitFor()
    await expect(page.locator('#jf-ledger-by-source tr[data-key="patrol"]').innerText()).resolves.toContain('排查发现')
    await page.locator('#jf-ledger-from').fill('2026-01-01')
    await page.waitForFunction(() => true)
    await settle()
    expect(called('mediation.ledger').at(-1)!.data).toEqual({ from: '2026-01-01' })
    const download = page.waitForEvent('download')
    await page.locator('#jf-ledger-csv').click()
    expect((await download).suggestedFilename()).toBe('mediation-ledger.csv')
    await page.locator('#jf-ledger-notice').getByText('已导出 1 条记录').waitFor()
    await shot('mediation-ledger')
    await page.setViewportSize({ width: 375, height: 812 })
  })
})
