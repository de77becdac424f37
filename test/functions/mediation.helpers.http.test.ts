/**
 * 协助调解 over HTTP: the assigned mediator invites a legal adviser from the community's roster; the
 * helper reads that case and its thread and writes in it (as 协助调解人), and collects nothing else —
 * no party's phone, no queue, ledger, other case or roster; a helper not invited, a party and a
 * brand-new WeChat identity get nothing of it; the parties rate the helper once the case is over.
 */
import { communityCode } from '../../backend/seed/demoOrg'
import { advance } from '../support/cases'
import { applyInput, joinInput, medAct, setOwnPhone } from '../support/mediation'
import { as, asOpenid, serverWithUsers, type Client } from '../support/server'

const A_PHONE = '13711112001'
const B_PHONE = '13922223002'
const NEIGHBOUR_PHONE = '13633334003'

let centre: Client, helper: Client, admin: Client
const mediators: Client[] = []
const world = serverWithUsers(['demo-dispatcher', 'demo-helper', 'demo-admin', 'demo-mediator', 'demo-mediator-people'], ([c, h, a, m1, m2]) => {
  ;[centre, helper, admin] = [c!, h!, a!]
  mediators.push(m1!, m2!)
})

let n = 0
const stranger = () => asOpenid(world.srv.url, `dev-helpers-${Date.now()}-${++n}`)
const ids = (r: { cases: Array<{ id: string }> }) => r.cases.map((x) => x.id)

/** A case applied and joined by two strangers, accepted by the centre and under way with its mediator. */
async function mediating() {
  const applicant = await stranger()
  const respondent = await stranger()
  const r = await applicant.call('mediation', 'apply', applyInput({ applicantName: '林晓燕', applicantPhone: A_PHONE, respondents: [{ name: '黄大伟', phone: B_PHONE }] }))
  expect(r).toMatchObject({ ok: true })
  const id: string = r.case.id
  expect(await medAct(centre, id, 'accept')).toMatchObject({ ok: true })
  await setOwnPhone(respondent, B_PHONE)
  expect(await respondent.call('mediation', 'join', joinInput(r.case.invites[0].code, '黄大伟'))).toMatchObject({ ok: true })
  // Whichever mediator the district's rules gave it: the one offered 邀请对方.
  let mediator: Client | undefined
  for (const m of mediators) if ((await m.call('mediation', 'get', { id })).actions?.some((a: { action: string }) => a.action === 'invite')) mediator = m
  if (!mediator) throw new Error('no demo mediator was assigned the case')
  expect(await medAct(mediator, id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
  return { id, applicant, respondent, mediator }
}

/** A second helper of the same community, added by hand by the district admin, signed in. */
async function neighbourHelper(): Promise<Client> {
  const added = await admin.call('admin', 'addStaff', { name: '冯街坊', phone: NEIGHBOUR_PHONE, role: 'helper', unitCode: communityCode(0), helperKind: '街坊' })
  expect(added).toMatchObject({ ok: true, plan: { applied: 1, people: [{ roles: [{ roleLabel: '协助调解人（街坊）' }] }] } })
  const staff = await admin.call('admin', 'staff', {})
  const row = staff.staff.find((s: { phone: string }) => s.phone === NEIGHBOUR_PHONE)
  expect(row.roles[0].roleLabel).toBe('协助调解人（街坊）')
  return as(world.srv.url, row.id)
}

describe('协助调解', () => {
  it('the mediator invites from the roster; the helper reads and writes the thread, and collects nothing else', async () => {
    const { id, applicant, respondent, mediator } = await mediating()
    const other = await neighbourHelper()
    const nobody = await stranger()

    // Before the invitation the helper reaches nothing of the case.
    expect(await helper.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(ids(await helper.call('mediation', 'helping', {}))).not.toContain(id)

    // The roster: only the case's own mediator reads it.
    const roster = await mediator.call('mediation', 'helpers', { id })
    expect(roster).toMatchObject({ ok: true })
    const lin = roster.helpers.find((h: { name: string }) => h.name === '林志远')
    expect(lin).toMatchObject({ kind: 'legal_adviser', kindLabel: '驻村法律顾问', invited: false, openCases: 0, phone: expect.any(String) })
    expect(roster.helpers.map((h: { name: string }) => h.name)).toContain('冯街坊')
    for (const c of [centre, applicant, respondent, helper, nobody]) expect(await c.call('mediation', 'helpers', { id })).toMatchObject({ ok: false, code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) })

    // Only the assigned mediator invites, and only someone of the roster, once.
    expect(await medAct(applicant, id, 'invite_helper', { helperId: lin.userId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await medAct(mediator, id, 'invite_helper', { helperId: 'demo-grid-worker' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { helperId: expect.any(String) } })
    expect(await medAct(mediator, id, 'invite_helper', {})).toMatchObject({ ok: false, code: 'VALIDATION' })
    const invited = await medAct(mediator, id, 'invite_helper', { helperId: lin.userId })
    expect(invited).toMatchObject({ ok: true, case: { helpers: [{ name: '林志远', kindLabel: '驻村法律顾问', isMe: false }] } })
    expect(await medAct(mediator, id, 'invite_helper', { helperId: lin.userId })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect((await mediator.call('mediation', 'helpers', { id })).helpers.find((h: { name: string }) => h.name === '林志远')).toMatchObject({ invited: true, openCases: 1 })

    // The helper is told, and finds the case under 协助调解 (not under 我的调解).
    await advance(world.srv.url, 0)
    const inbox = await helper.call('inbox', 'list', {})
    expect(inbox.items.find((i: { caseId: string }) => i.caseId === id)).toMatchObject({ title: '邀请您协助调解', body: expect.stringContaining('协助调解') })
    expect(ids(await helper.call('mediation', 'helping', {}))).toEqual([id])
    expect((await helper.call('mediation', 'helping', {})).cases[0]).toMatchObject({ myRole: 'helper', partyNames: ['林晓燕', '黄大伟'] })
    expect(ids(await helper.call('mediation', 'mine', {}))).not.toContain(id)

    // What the helper reads: the case, the parties by name, no phone; no move offered.
    const seen = await helper.call('mediation', 'get', { id })
    expect(seen).toMatchObject({ ok: true, case: { myRole: 'helper', facts: expect.any(String), helpers: [{ name: '林志远', isMe: true, rating: null }] }, actions: [] })
    expect(seen.case.parties.map((p: { name: string; phone: string }) => [p.name, p.phone])).toEqual([
      ['林晓燕', ''],
      ['黄大伟', ''],
    ])
    expect(seen.case.invites).toEqual([])
    for (const digits of [A_PHONE, B_PHONE, A_PHONE.slice(-4), B_PHONE.slice(-4)]) expect(JSON.stringify(seen)).not.toContain(digits)

    // The thread: the helper writes as 协助调解人; the parties read it so.
    expect(await helper.call('mediation', 'send', { id, text: '按照民法典相关规定，双方可以先就维修费用分担达成一致。', photos: [] })).toMatchObject({ ok: true, message: { mine: true, authorRoleLabel: '协助调解人' } })
    expect(await applicant.call('mediation', 'send', { id, text: '好的，谢谢林律师', photos: [] })).toMatchObject({ ok: true })
    const thread = await respondent.call('mediation', 'messages', { id })
    expect(thread.messages.map((m: { authorName: string; authorRoleLabel: string }) => [m.authorName, m.authorRoleLabel])).toEqual([
      ['林志远', '协助调解人'],
      ['林晓燕', '申请人'],
    ])
    const helperThread = await helper.call('mediation', 'messages', { id })
    expect(helperThread.messages).toHaveLength(2)
    for (const digits of [A_PHONE, B_PHONE]) expect(JSON.stringify(helperThread)).not.toContain(digits)

    // Nothing else: no move, no desk list, no roster, no other case, no report.
    expect(await medAct(helper, id, 'schedule', { session: { at: '2026-12-20T02:00:00.000Z', mode: 'in_person', place: '社区调解室' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await medAct(helper, id, 'invite_helper', { helperId: 'demo-helper' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    for (const [fn, action] of [
      ['mediation', 'queue'],
      ['mediation', 'ledger'],
      ['mediation', 'ledgerCsv'],
      ['mediation', 'mediators'],
      ['cases', 'queue'],
      ['cases', 'exportCsv'],
      ['admin', 'staff'],
    ] as const) {
      expect([fn, action, await helper.call(fn, action, {})]).toEqual([fn, action, expect.objectContaining({ ok: false, code: 'FORBIDDEN' })])
    }
    const elsewhere = await mediating()
    for (const action of ['get', 'messages'] as const) expect(await helper.call('mediation', action, { id: elsewhere.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await helper.call('mediation', 'send', { id: elsewhere.id, text: '你好', photos: [] })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    // A helper of the same community not invited, and a brand-new identity: nothing.
    for (const c of [other, nobody]) {
      for (const action of ['get', 'messages'] as const) expect(await c.call('mediation', action, { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      expect(await c.call('mediation', 'send', { id, text: '我也来说两句', photos: [] })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      expect(await medAct(c, id, 'rate_helper', { helperId: lin.userId, rating: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
    expect(ids(await other.call('mediation', 'helping', {}))).toEqual([])
    expect(await nobody.call('mediation', 'helping', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('a helper let go loses the case; the parties rate the helpers once it is over', async () => {
    const { id, applicant, respondent, mediator } = await mediating()
    const lin = (await mediator.call('mediation', 'helpers', { id })).helpers.find((h: { name: string }) => h.name === '林志远')
    expect(await medAct(mediator, id, 'invite_helper', { helperId: lin.userId })).toMatchObject({ ok: true })
    expect(await helper.call('mediation', 'get', { id })).toMatchObject({ ok: true })

    expect(await medAct(applicant, id, 'remove_helper', { helperId: lin.userId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await medAct(mediator, id, 'remove_helper', { helperId: lin.userId })).toMatchObject({ ok: true, case: { helpers: [] } })
    expect(await helper.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await helper.call('mediation', 'send', { id, text: '还在吗', photos: [] })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(ids(await helper.call('mediation', 'helping', {}))).not.toContain(id)
    // Let go, they hear no more of the thread.
    await advance(world.srv.url, 0)
    const before = (await helper.call('inbox', 'list', {})).items.filter((i: { caseId: string }) => i.caseId === id).length
    expect(await applicant.call('mediation', 'send', { id, text: '我们继续协商', photos: [] })).toMatchObject({ ok: true })
    await advance(world.srv.url, 0)
    expect((await helper.call('inbox', 'list', {})).items.filter((i: { caseId: string }) => i.caseId === id)).toHaveLength(before)

    // Invited again, the case reaches an agreement both parties confirm.
    expect(await medAct(mediator, id, 'invite_helper', { helperId: lin.userId })).toMatchObject({ ok: true })
    expect(await medAct(applicant, id, 'rate_helper', { helperId: lin.userId, rating: 5 })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    const drafted = await medAct(mediator, id, 'draft_agreement', { terms: ['黄大伟承担维修费用的一半'] })
    expect(drafted).toMatchObject({ ok: true })
    for (const p of [applicant, respondent]) expect(await medAct(p, id, 'confirm_agreement', { agreementVersion: drafted.case.agreement.version })).toMatchObject({ ok: true })
    expect((await applicant.call('mediation', 'get', { id })).case.status).toBe('succeeded')

    // Over: the helper still reads it but no longer writes; each party rates once; staff see the score.
    expect(await helper.call('mediation', 'get', { id })).toMatchObject({ ok: true })
    expect(await helper.call('mediation', 'send', { id, text: '祝好', photos: [] })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(await medAct(helper, id, 'rate_helper', { helperId: lin.userId, rating: 5 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await medAct(applicant, id, 'rate_helper', { helperId: lin.userId, rating: 0 })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await medAct(applicant, id, 'rate_helper', { helperId: lin.userId, rating: 5, comment: '讲得很清楚' })).toMatchObject({ ok: true, case: { helpers: [{ myRating: 5, rating: null }] } })
    expect(await medAct(applicant, id, 'rate_helper', { helperId: lin.userId, rating: 4 })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(await medAct(respondent, id, 'rate_helper', { helperId: lin.userId, rating: 4 })).toMatchObject({ ok: true })
    expect((await mediator.call('mediation', 'get', { id })).case.helpers[0].rating).toEqual({ average: 4.5, count: 2 })
    await advance(world.srv.url, 0)
    expect((await helper.call('inbox', 'list', {})).items.some((i: { caseId: string; title: string }) => i.caseId === id && i.title === '当事人评价了您的协助')).toBe(true)
  })
})
