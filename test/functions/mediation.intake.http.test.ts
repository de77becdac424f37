import { GRID2_CODE } from '../support/authzWorld'
import { reportInput } from '../support/fixtures'
import { fromReportInput, intakeInput } from '../support/intake'
import { advance } from '../support/cases'
import { medAct } from '../support/mediation'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let gridWorker: Client, gridWorker2: Client, centre: Client, peopleMediator: Client, familyMediator: Client, partyA: Client, partyB: Client, department: Client

const world = serverWithUsers(
  ['demo-grid-worker', 'demo-grid-worker-2', 'demo-dispatcher', 'demo-mediator-people', 'demo-mediator', 'demo-resident', 'demo-resident-2', 'demo-department'],
  (c) => ([gridWorker, gridWorker2, centre, peopleMediator, familyMediator, partyA, partyB, department] = c),
)

describe('录入纠纷 (三捕三捉) over HTTP', () => {
  it('a grid worker enters a patrol dispute; every party joins by its own code; both confirm the agreement without any applicant', async () => {
    // A family dispute: the 婚调委 (one mediator in the demo) takes it, whatever the levels route elsewhere.
    const r = await gridWorker.call('mediation', 'intake', intakeInput({ disputeType: 'family', facts: '夫妻在小区楼下因家务争吵，巡查时发现并劝开', claims: '协商家务分担' }))
    expect(r).toMatchObject({ ok: true, replayed: false, case: { statusLabel: '已申请', readable: false } })
    expect(r.case.number).toMatch(/^京溪-\d{4}-\d{5}$/)
    expect(r.invites.map((x: { name: string }) => x.name)).toEqual(['陈小梅', '黄伟明'])
    const id = r.case.id
    // The grid worker does not read mediation cases; the centre sees where it came from and who entered it.
    expect(await gridWorker.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const seen = await centre.call('mediation', 'get', { id })
    expect(seen).toMatchObject({ ok: true, case: { status: 'applied', source: { code: 'patrol', label: '排查发现', enteredBy: '李明（网格员）' }, origin: null } })
    expect(seen.case.parties.map((p: { sideLabel: string }) => p.sideLabel)).toEqual(['当事人', '当事人'])
    expect(seen.case.invites).toHaveLength(2)
    expect(seen.timeline[0]).toMatchObject({ actionLabel: '录入纠纷' })
    const queue = await centre.call('mediation', 'queue', { limit: 100 })
    expect(queue.cases.find((c: { id: string }) => c.id === id)).toMatchObject({ sourceLabel: '排查发现' })

    expect(await medAct(centre, id, 'accept')).toMatchObject({ ok: true, case: { status: 'accepted', mediatorName: '周敏' } })
    // Each party opens only their own invitation (the phone in 我的), and gets no applicant's powers.
    const [codeA, codeB] = r.invites.map((x: { code: string }) => x.code)
    expect(await partyA.call('mediation', 'join', { invite: codeB, name: '黄伟明', consent: true })).toMatchObject({ ok: false, code: 'PHONE_MISMATCH' })
    // Nobody applied: the invitation names where the dispute came from, and the name staff typed for this party.
    expect(await partyA.call('mediation', 'invitation', { invite: codeA })).toMatchObject({ ok: true, summary: { applicantName: null, sourceLabel: '排查发现', streetName: '京溪街道' }, partyName: '陈小梅' })
    expect(await partyA.call('mediation', 'join', { invite: codeA, name: '陈小梅', consent: true })).toMatchObject({ ok: true, case: { myRole: 'respondent', source: { enteredBy: null } } })
    expect(await partyB.call('mediation', 'join', { invite: codeB, name: '黄伟明', consent: true })).toMatchObject({ ok: true })
    expect(await medAct(familyMediator, id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
    const drafted = await medAct(familyMediator, id, 'draft_agreement', { terms: ['双方按周轮流分担家务'] })
    expect(drafted).toMatchObject({ ok: true, case: { status: 'agreement_pending' } })
    expect(await medAct(partyA, id, 'confirm_agreement', { agreementVersion: 1 })).toMatchObject({ ok: true, case: { status: 'agreement_pending' } })
    expect(await medAct(partyB, id, 'confirm_agreement', { agreementVersion: 1 })).toMatchObject({ ok: true, case: { status: 'succeeded' } })
    const mine = await partyB.call('mediation', 'mine', {})
    expect(mine.cases.map((c: { id: string }) => c.id)).toContain(id)
  })

  it('a mediator entering a dispute of their own committee takes it at once; of another committee it waits for the centre', async () => {
    const family = { disputeType: 'family', facts: '夫妻因赡养老人问题在小区争吵，12345 工单转来', claims: '协商赡养费分担' }
    const own = await familyMediator.call('mediation', 'intake', intakeInput({ ...family, source: 'hotline_12345', sourceRef: 'GD2026120001' }))
    expect(own).toMatchObject({ ok: true, case: { statusLabel: '已受理', readable: true } })
    const got = await familyMediator.call('mediation', 'get', { id: own.case.id })
    expect(got).toMatchObject({ ok: true, case: { status: 'accepted', mediatorName: '周敏', myRole: 'mediator', source: { text: '12345 工单（工单编号 GD2026120001）' } } })
    expect(got.case.deadline).not.toBeNull()
    const other = await peopleMediator.call('mediation', 'intake', intakeInput({ ...family, source: 'police', sourceRef: 'JQ-0042' }))
    expect(other).toMatchObject({ ok: true, case: { statusLabel: '已申请' } })
  })

  it('refuses a grid worker of another grid, a brand-new identity, a resident and a department; asks the number of a ticket', async () => {
    const stranger = await asOpenid(world.srv.url, `dev-intake-${Date.now()}`)
    expect(await gridWorker2.call('mediation', 'intake', intakeInput())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await gridWorker2.call('mediation', 'intake', intakeInput({ placeCode: GRID2_CODE }))).toMatchObject({ ok: true })
    expect(await stranger.call('mediation', 'intake', intakeInput())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await stranger.call('mediation', 'intakeOptions', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await partyA.call('mediation', 'intake', intakeInput())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await department.call('mediation', 'intake', intakeInput())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await centre.call('mediation', 'intake', intakeInput({ source: 'hotline_12345' }))).toMatchObject({ ok: false, code: 'VALIDATION', details: { sourceRef: expect.any(String) } })
    expect(await centre.call('mediation', 'intake', intakeInput({ parties: [{ name: '陈小梅', phone: '13800138000' }] }))).toMatchObject({ ok: false, code: 'VALIDATION' })
    const opts = await gridWorker.call('mediation', 'intakeOptions', {})
    expect(opts.places).toEqual([expect.objectContaining({ name: expect.stringContaining('网格'), level: 'grid' })])
    expect(opts.sources.map((s: { label: string }) => s.label)).toEqual(['排查发现', '12345 工单', '警情', '舆情线索'])
  })

  it('tells the centre of a dispute waiting to be accepted and the reporter of a converted report, not whoever entered it', async () => {
    const r = await gridWorker.call('mediation', 'intake', intakeInput())
    const report = await partyA.call('reports', 'submit', reportInput({ category: 'ZY02', description: '隔壁每晚打麻将到凌晨两点，影响休息' }))
    const made = await gridWorker.call('mediation', 'fromReport', fromReportInput(report.case.id, report.case.version))
    await advance(world.srv.url, 0) // runs the timer, which delivers the outbox
    const told = async (c: Client, caseId: string) => (await c.call('inbox', 'list', {})).items.filter((i: { caseId: string }) => i.caseId === caseId).map((i: { title: string; body: string }) => `${i.title}：${i.body}`)
    expect(await told(centre, r.case.id)).toEqual([expect.stringMatching(/^新的调解案件：.*已由工作人员录入，请及时审核受理/)])
    expect(await told(partyA, report.case.id)).toContainEqual(expect.stringMatching(/^事项已转为调解：/))
    expect(await told(partyA, made.case.id)).toEqual([expect.stringMatching(/^已为您申请人民调解：.*已由网格事件转为调解/)])
    expect(await told(gridWorker, r.case.id)).toEqual([])
  })

  it('answers a retry with the first case', async () => {
    const input = intakeInput()
    const first = await centre.call('mediation', 'intake', input)
    const again = await centre.call('mediation', 'intake', input)
    expect(again).toMatchObject({ ok: true, replayed: true, case: { id: first.case.id, number: first.case.number } })
    expect(again.invites.map((x: { code: string }) => x.code)).toEqual(first.invites.map((x: { code: string }) => x.code))
  })

  it('counts the ledger by source and writes the source into the CSV', async () => {
    const l = await centre.call('mediation', 'ledger', {})
    expect(l.ledger.bySource).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'patrol', label: '排查发现' }), expect.objectContaining({ key: 'hotline_12345' })]))
    const csv = await centre.call('mediation', 'ledgerCsv', {})
    expect(csv.csv.split('\r\n')[0]).toContain(',来源')
    expect(csv.csv).toContain('12345 工单（工单编号 GD2026120001）')
  })
})

describe('网格事件 → 调解 over HTTP', () => {
  async function noiseReport(overrides: Record<string, unknown> = {}) {
    const r = await partyA.call('reports', 'submit', reportInput({ category: 'ZY02', description: '楼上每晚十一点后还在拖动家具，影响休息', ...overrides }))
    expect(r).toMatchObject({ ok: true })
    return r.case
  }

  it('the grid worker turns a 生活噪音 report into mediation: the reporter is the applicant, both cases link', async () => {
    const report = await noiseReport()
    const staff = await gridWorker.call('cases', 'get', { id: report.id })
    expect(staff).toMatchObject({ ok: true, case: { mediable: true } })
    expect(staff.actions.map((a: { action: string }) => a.action)).toContain('to_mediation')
    // The bare move carries no case to link: refused.
    expect(await gridWorker.call('cases', 'act', { id: report.id, action: 'to_mediation', version: report.version, note: '转调解' })).toMatchObject({ ok: false, code: 'VALIDATION' })

    const input = fromReportInput(report.id, report.version)
    const made = await gridWorker.call('mediation', 'fromReport', input)
    expect(made).toMatchObject({ ok: true, replayed: false, case: { statusLabel: '已申请', readable: false } })
    expect(made.invites.map((x: { name: string }) => x.name)).toEqual(['黄伟明'])
    expect(await gridWorker.call('mediation', 'fromReport', input)).toMatchObject({ ok: true, replayed: true, case: { id: made.case.id } })

    const after = await gridWorker.call('cases', 'get', { id: report.id })
    expect(after).toMatchObject({ case: { status: 'converted', statusLabel: '已转调解', convertedTo: { kind: 'mediation', number: made.case.number, text: `调解案件 ${made.case.number}`, readable: false } } })
    const mine = await partyA.call('reports', 'get', { id: report.id })
    expect(mine).toMatchObject({ case: { statusLabel: '已转调解', convertedTo: { caseId: made.case.id, readable: true } } })

    const m = await partyA.call('mediation', 'get', { id: made.case.id })
    expect(m).toMatchObject({ ok: true, case: { myRole: 'applicant', source: { code: 'report', label: '网格事件转入' }, origin: { kind: 'report', caseId: report.id, text: `网格事件 ${report.number}`, readable: true } } })
    expect(m.case.parties.map((p: { sideLabel: string; name: string }) => `${p.sideLabel}${p.name}`)).toEqual(['申请人陈小梅', '被申请人黄伟明'])
    expect((await partyA.call('mediation', 'mine', {})).cases.map((c: { id: string }) => c.id)).toContain(made.case.id)
    const centreView = await centre.call('mediation', 'get', { id: made.case.id })
    expect(centreView.case.origin).toMatchObject({ readable: true })
    expect(centreView.timeline[0]).toMatchObject({ actionLabel: '转入调解' })

    // Once converted, it cannot be converted again.
    expect(await gridWorker.call('mediation', 'fromReport', fromReportInput(report.id, after.case.version))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })

  it('refuses a category not marked 可转为调解, an anonymous report, another grid\'s worker, a department and a brand-new identity', async () => {
    const litter = await partyA.call('reports', 'submit', reportInput())
    expect(await gridWorker.call('mediation', 'fromReport', fromReportInput(litter.case.id, litter.case.version))).toMatchObject({ ok: false, code: 'VALIDATION', details: { category: expect.any(String) } })
    expect((await gridWorker.call('cases', 'get', { id: litter.case.id })).case.mediable).toBe(false)
    const anonymous = await noiseReport({ anonymous: true })
    expect((await gridWorker.call('cases', 'get', { id: anonymous.id })).actions.map((a: { action: string }) => a.action)).not.toContain('to_mediation')
    expect(await gridWorker.call('mediation', 'fromReport', fromReportInput(anonymous.id, anonymous.version))).toMatchObject({ ok: false, code: 'VALIDATION' })
    const report = await noiseReport()
    const stranger = await asOpenid(world.srv.url, `dev-convert-${Date.now()}`)
    expect(await gridWorker2.call('mediation', 'fromReport', fromReportInput(report.id, report.version))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await stranger.call('mediation', 'fromReport', fromReportInput(report.id, report.version))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await partyA.call('mediation', 'fromReport', fromReportInput(report.id, report.version))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await centre.call('mediation', 'fromReport', fromReportInput(report.id, report.version + 1))).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await gridWorker.call('cases', 'get', { id: report.id })).case.status).toBe('submitted')
    // The street's centre may convert it too.
    expect(await centre.call('mediation', 'fromReport', fromReportInput(report.id, report.version))).toMatchObject({ ok: true })
  })
})
