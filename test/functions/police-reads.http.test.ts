/**
 * What the police (社区民警) read over the real local server: registrations of their area, and
 * mediation cases referred to them (警调对接) — audited — and no other report or mediation case
 * of their street. An administrator's reads of cases are audited too.
 */
import { reportInput } from '../support/fixtures'
import { applyInput, joinInput, medAct } from '../support/mediation'
import { serverWithUsers, type Client } from '../support/server'

let applicant: Client, respondent: Client, mediator: Client, centre: Client, police: Client, admin: Client
let referredId = ''
let mediatingId = ''
let reportId = ''

/** A family dispute taken to 调解中: applied, accepted, joined with consent, invited. */
async function mediating(): Promise<string> {
  const r = await applicant.call('mediation', 'apply', applyInput())
  expect(r).toMatchObject({ ok: true })
  expect(await medAct(centre, r.case.id, 'accept')).toMatchObject({ ok: true })
  expect(await respondent.call('mediation', 'join', joinInput(r.case.invites[0].code))).toMatchObject({ ok: true })
  // The respondent consented when joining, so the invitation starts mediation.
  expect(await medAct(mediator, r.case.id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
  expect(await applicant.call('mediation', 'send', { id: r.case.id, text: '对方多次上门威胁', photos: [] })).toMatchObject({ ok: true })
  return r.case.id
}

serverWithUsers(['demo-resident', 'demo-resident-2', 'demo-mediator', 'demo-dispatcher', 'demo-police', 'demo-admin'], (c) => ([applicant, respondent, mediator, centre, police, admin] = c))
beforeAll(async () => {
  referredId = await mediating()
  expect(await medAct(mediator, referredId, 'fail', { referral: 'police', note: '涉及人身威胁，转辖区派出所处理' })).toMatchObject({ ok: true, case: { status: 'failed', referral: { type: 'police', label: '警调对接（派出所）' } } })
  mediatingId = await mediating()
  const submitted = await applicant.call('reports', 'submit', reportInput())
  expect(submitted).toMatchObject({ ok: true })
  reportId = submitted.case.id
}, 60_000)

const audit = async (c: Client) => (await c.call('rental', 'audit', { limit: 100 })).entries as Array<{ action: string; actorRole: string; target: string; reason: string; actorName: string }>

describe('police reads', () => {
  it('refuses every report and unreferred mediation read of the street, as for anyone out of scope, and writes nothing', async () => {
    const before = (await audit(police)).length
    expect(await police.call('cases', 'get', { id: reportId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await police.call('reports', 'get', { id: reportId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await police.call('mediation', 'get', { id: mediatingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await police.call('mediation', 'messages', { id: mediatingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await police.call('cases', 'queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await police.call('mediation', 'queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await audit(police)).toHaveLength(before)
  })

  it('lists the cases referred to them, and reads one — each read audited', async () => {
    const area = await police.call('rental', 'area', {})
    expect(area.referred).toEqual([expect.objectContaining({ id: referredId, disputeTypeLabel: '婚姻家庭', statusLabel: '调解不成', unitName: '京溪街道', referralNote: '涉及人身威胁，转辖区派出所处理' })])
    expect(JSON.stringify(area.referred)).not.toContain('13800138000')
    expect((await centre.call('rental', 'area', {})).referred).toEqual([])

    const got = await police.call('mediation', 'get', { id: referredId })
    expect(got).toMatchObject({ ok: true, case: { id: referredId, status: 'failed', myRole: null }, actions: [] })
    const thread = await police.call('mediation', 'messages', { id: referredId })
    expect(thread.messages.map((m: { text: string }) => m.text)).toEqual(['对方多次上门威胁'])
    // Reading is not acting: police cannot move or write into the case.
    expect(await police.call('mediation', 'send', { id: referredId, text: '派出所已受理', photos: [] })).toMatchObject({ ok: false })

    const reads = (await audit(police)).filter((e) => e.action === 'read')
    expect(reads).toEqual([
      expect.objectContaining({ actorName: '吴刚', actorRole: 'police', target: `mediation.messages 调解案件 ${referredId}`, reason: '警调对接案件' }),
      expect.objectContaining({ actorName: '吴刚', actorRole: 'police', target: `mediation.get 调解案件 ${referredId}`, reason: '警调对接案件' }),
    ])
  })

  it('the parties, the mediator and the dispatcher read without an audit row; an administrator\'s reads are audited', async () => {
    const before = (await audit(admin)).filter((e) => e.action === 'read').length
    for (const c of [applicant, respondent, mediator, centre]) expect(await c.call('mediation', 'get', { id: referredId })).toMatchObject({ ok: true })
    expect(await centre.call('cases', 'get', { id: reportId })).toMatchObject({ ok: true })
    expect((await audit(admin)).filter((e) => e.action === 'read')).toHaveLength(before)

    expect(await admin.call('cases', 'get', { id: reportId })).toMatchObject({ ok: true })
    expect(await admin.call('mediation', 'get', { id: mediatingId })).toMatchObject({ ok: true })
    const reads = (await audit(admin)).filter((e) => e.action === 'read' && e.actorRole === 'admin')
    expect(reads.slice(0, 2)).toEqual([
      expect.objectContaining({ actorName: '郑华', target: `mediation.get 调解案件 ${mediatingId}`, reason: '管理员查阅' }),
      expect.objectContaining({ actorName: '郑华', target: `cases.get 网格事件 ${reportId}`, reason: '管理员查阅' }),
    ])
    // The resident-facing read is no way around it.
    expect(await admin.call('reports', 'get', { id: reportId })).toMatchObject({ ok: true, view: 'full' })
    expect((await audit(admin)).filter((e) => e.action === 'read' && e.actorRole === 'admin')[0]).toEqual(
      expect.objectContaining({ target: `reports.get 网格事件 ${reportId}`, reason: '管理员查阅' }),
    )
    // The street's police see the administrator's reads of their street's cases too.
    expect((await audit(police)).some((e) => e.actorRole === 'admin' && e.target.includes(reportId))).toBe(true)
  })
})
