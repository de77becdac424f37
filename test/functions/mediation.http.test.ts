import { advance } from '../support/cases'
import { applyInput, joinInput, medAct } from '../support/mediation'
import { as, onOwnServer, serverWithUsers, type Client } from '../support/server'

let applicant: Client, respondent: Client, other: Client, familyMediator: Client, peopleMediator: Client, centre: Client

const world = serverWithUsers(['demo-resident', 'demo-resident-2', 'demo-tenant', 'demo-mediator', 'demo-mediator-people', 'demo-dispatcher'], (c) => ([applicant, respondent, other, familyMediator, peopleMediator, centre] = c))

async function acceptedCase(overrides: Record<string, unknown> = {}) {
  const r = await applicant.call('mediation', 'apply', applyInput(overrides))
  expect(r).toMatchObject({ ok: true, case: { status: 'applied', statusLabel: '已申请' } })
  expect(await medAct(centre, r.case.id, 'accept')).toMatchObject({ ok: true })
  return r.case
}

describe('在线调解, end to end over HTTP', () => {
  it('runs application → acceptance → invitation → consent → thread → agreement → both confirm → 调解成功', async () => {
    const applied = await applicant.call('mediation', 'apply', applyInput())
    const id = applied.case.id
    expect(applied.case.invites).toHaveLength(1)
    const code: string = applied.case.invites[0].code

    // Before joining, the invitee sees the summary only.
    const summary = await respondent.call('mediation', 'invitation', { invite: code })
    expect(summary).toMatchObject({ ok: true, summary: { disputeTypeLabel: '婚姻家庭', applicantName: '陈*梅' }, partyName: '黄伟明' })
    expect(JSON.stringify(summary)).not.toContain('13800138000')
    expect(await respondent.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    const accepted = await medAct(centre, id, 'accept')
    expect(accepted).toMatchObject({ ok: true, case: { status: 'accepted', committee: { code: 'family' }, mediatorName: '周敏' } })
    expect(Date.parse(accepted.case.deadline) - Date.now()).toBeGreaterThan(29 * 86_400_000)
    expect(await peopleMediator.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    expect(await respondent.call('mediation', 'join', joinInput(code))).toMatchObject({ ok: true, case: { myRole: 'respondent' } })
    expect(await other.call('mediation', 'join', joinInput(code))).toMatchObject({ ok: false })
    expect(await medAct(familyMediator, id, 'schedule', { session: { at: '2026-12-01T02:00:00.000Z', mode: 'online', place: 'https://meeting.example/123' } })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    // The respondent agreed when joining: the mediator's invitation starts mediation at once.
    expect(await medAct(familyMediator, id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating', statusLabel: '调解中' } })

    expect(await applicant.call('mediation', 'send', { id, text: '我希望尽快解决', photos: [] })).toMatchObject({ ok: true, message: { mine: true } })
    expect(await familyMediator.call('mediation', 'send', { id, text: '请双方周一上午在线参加调解', photos: [] })).toMatchObject({ ok: true })
    expect(await respondent.call('mediation', 'send', { id, text: '可以', photos: [] })).toMatchObject({ ok: true })
    const thread = await respondent.call('mediation', 'messages', { id })
    expect(thread.messages.map((m: { text: string }) => m.text)).toEqual(['我希望尽快解决', '请双方周一上午在线参加调解', '可以'])
    expect(thread.messages[2].mine).toBe(true)
    expect(await other.call('mediation', 'messages', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    const scheduled = await medAct(familyMediator, id, 'schedule', { session: { at: '2026-12-01T02:00:00.000Z', mode: 'online', place: 'https://meeting.example/123' } })
    expect(scheduled.case.sessions).toHaveLength(1)
    expect(await medAct(familyMediator, id, 'record_session', { sessionId: scheduled.case.sessions[0].id, note: '双方就抚养费金额达成初步一致' })).toMatchObject({ ok: true })

    const drafted = await medAct(familyMediator, id, 'draft_agreement', { terms: ['黄伟明每月 5 日前支付子女抚养费 1800 元', '双方不再就此事争执'] })
    expect(drafted).toMatchObject({ ok: true, case: { status: 'agreement_pending', agreement: { version: 1 } } })
    expect(drafted.case.agreement.text).toContain('人民调解协议书')
    expect(drafted.case.agreement.text).toContain('一、黄伟明每月 5 日前支付子女抚养费 1800 元')

    expect(await medAct(applicant, id, 'confirm_agreement', { agreementVersion: 1 })).toMatchObject({ ok: true, case: { status: 'agreement_pending' } })
    // A redraft voids confirmations of the old text.
    await medAct(familyMediator, id, 'draft_agreement', { terms: ['黄伟明每月 5 日前支付子女抚养费 2000 元'] })
    expect(await medAct(respondent, id, 'confirm_agreement', { agreementVersion: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await medAct(respondent, id, 'confirm_agreement', { agreementVersion: 2 })).toMatchObject({ ok: true, case: { status: 'agreement_pending' } })
    const done = await medAct(applicant, id, 'confirm_agreement', { agreementVersion: 2 })
    expect(done).toMatchObject({ ok: true, case: { status: 'succeeded', statusLabel: '调解成功' } })
    expect(done.case.agreement.confirmations.map((x: { name: string }) => x.name).sort()).toEqual(['陈小梅', '黄伟明'].sort())

    // 司法确认: the mediator prepares the joint application (mediation-handoff.http.test.ts follows it to the court).
    expect(await medAct(familyMediator, id, 'prepare_judicial')).toMatchObject({ ok: true, case: { judicialConfirmation: false, judicial: { status: 'drafting' } } })
    expect(await medAct(applicant, id, 'rate', { rating: 5, comment: '调解员很专业' })).toMatchObject({ ok: true, case: { myRating: 5 } })
    expect(await medAct(applicant, id, 'rate', { rating: 4 })).toMatchObject({ ok: false })
    const mine = await respondent.call('mediation', 'mine', {})
    expect(mine.cases.map((x: { id: string }) => x.id)).toContain(id)
  })

  it('waits for a respondent invited before joining, whose joining (with consent) starts mediation', async () => {
    const c = await acceptedCase({ disputeType: 'neighbour' })
    const full = await applicant.call('mediation', 'get', { id: c.id })
    expect(full.case.committee.code).toBe('people')
    expect(full.case.mediatorName).toBe('钱进')
    expect(await medAct(peopleMediator, c.id, 'invite')).toMatchObject({ ok: true, case: { status: 'awaiting_consent' } })
    const code = full.case.invites[0].code
    expect(await respondent.call('mediation', 'join', { ...joinInput(code), consent: false })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await respondent.call('mediation', 'join', { invite: code })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await respondent.call('mediation', 'join', joinInput(code))).toMatchObject({ ok: true, case: { status: 'mediating', myRole: 'respondent' } })
    // Joined with consent: there is nothing left to agree to or decline.
    expect(await medAct(respondent, c.id, 'decline', { note: '不愿意调解' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })

  it('refuses out-of-scope work: other committees, other parties, non-assigned mediators, residents in the queue', async () => {
    const c = await acceptedCase()
    expect(await peopleMediator.call('mediation', 'act', { id: c.id, action: 'invite', version: 2 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await other.call('mediation', 'get', { id: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await applicant.call('mediation', 'queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const q = await peopleMediator.call('mediation', 'queue', {})
    expect(q.cases.map((x: { id: string }) => x.id)).not.toContain(c.id)
    const fq = await familyMediator.call('mediation', 'queue', {})
    expect(fq.cases.map((x: { id: string }) => x.id)).toContain(c.id)
    expect(await applicant.call('mediation', 'apply', applyInput({ respondents: [] }))).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await applicant.call('mediation', 'apply', applyInput({ applicantPhone: '123' }))).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('answers a retried application with the first case', async () => {
    const input = applyInput()
    const answers = await Promise.all(Array.from({ length: 10 }, () => applicant.call('mediation', 'apply', input)))
    expect(new Set(answers.map((a) => a.case.id)).size).toBe(1)
  })

  it('keeps the centre ledger and exports it', async () => {
    const l = await centre.call('mediation', 'ledger', {})
    expect(l.ledger.total).toBeGreaterThanOrEqual(4)
    expect(l.ledger.succeeded).toBeGreaterThanOrEqual(1)
    expect(l.ledger.byType.find((x: { key: string }) => x.key === 'family').label).toBe('婚姻家庭')
    const csv = await centre.call('mediation', 'ledgerCsv', {})
    expect(csv.csv.startsWith('\uFEFF编号,纠纷类型')).toBe(true)
    expect(await familyMediator.call('mediation', 'ledger', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the mediation time limit', () => {
  it('reminds at 7 and 3 days left and marks the case overdue after 30 days', async () => {
    await onOwnServer(async (own) => {
      const a = await as(own.url, 'demo-resident')
      const centreOwn = await as(own.url, 'demo-dispatcher')
      const r = await a.call('mediation', 'apply', applyInput())
      await medAct(centreOwn, r.case.id, 'accept')
      expect((await advance(own.url, 24 * 24)).tick).toMatchObject({ reminded: 1 })
      expect((await advance(own.url, 24 * 4)).tick).toMatchObject({ reminded: 1 })
      expect((await advance(own.url, 24 * 3)).tick).toMatchObject({ overdue: 1 })
      const view = await centreOwn.call('mediation', 'get', { id: r.case.id })
      expect(view.case.overdue).toBe(true)
      expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['apply', 'accept', 'remind', 'remind', 'mark_overdue'])
      const inbox = await centreOwn.call('inbox', 'list', {})
      // The centre opens it on the staff page; the applicant's notices open the party's page.
      expect(inbox.items.find((i: { title: string }) => i.title === '调解案件已超期')).toMatchObject({ page: `/pages/mediation-staff/case/index?id=${r.case.id}` })
      const mine = (await a.call('inbox', 'list', {})).items.filter((i: { caseId: string | null }) => i.caseId === r.case.id)
      expect(mine.length).toBeGreaterThan(0)
      for (const i of mine) expect(i.page).toBe(`/pages/mediation/detail/index?id=${r.case.id}`)
    })
  })
})
