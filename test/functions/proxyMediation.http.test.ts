/**
 * 代办申请调解 and the claim by phone over HTTP (Part D1 of issue 19): a grid worker or 代办员 files the
 * mediation application of a person who is present (mediation.proxyApply); the timeline says 代办 with
 * the agent and the person's masked name; nobody's account holds the case until the person, signed in
 * as a brand-new WeChat identity with their own phone in 我的, lists and claims it (account.proxiedCases,
 * account.claimProxied) — then it is theirs (我的调解, the applicant's moves) and the agent no longer
 * follows it. Strangers, other phones and agents of another community are refused and write nothing.
 * A report filed 代办 (cases.proxySubmit) is claimed the same way.
 */
import { communityCode, DEMO_STREET, gridCentre } from '../../backend/seed/demoOrg'
import { districtConfigFile } from '../support/districtConfig'
import { idemKey, reportInput } from '../support/fixtures'
import { applyInput, setOwnPhone } from '../support/mediation'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let gw: Client, agent: Client, resident: Client, centre: Client, admin: Client

const world = serverWithUsers(
  ['demo-grid-worker', 'demo-proxy-agent', 'demo-resident', 'demo-dispatcher', 'demo-admin'],
  (c) => ([gw, agent, resident, centre, admin] = c),
  // The per-agent limits have their own test (test/faults/rate-limits.test.ts).
  { JIEFANG_TIMER_MS: '0', JIEFANG_DISTRICT_CONFIG: districtConfigFile({ rateLimits: {} }) },
)

const stranger = () => asOpenid(world.srv.url, `dev-proxy-d1-${idemKey()}`)
let serial = 0
/** A phone no seed or other test uses. */
const freshPhone = () => `1376${String(Date.now() % 10000).padStart(4, '0')}${String(++serial).padStart(3, '0')}`

/** The person's application as their own form would send it, filed 代办 with the declaration. */
function proxied(name: string, phone: string, over: Record<string, unknown> = {}) {
  return { declaration: true, application: applyInput({ applicantName: name, applicantPhone: phone, communityCode: communityCode(0), ...over }) }
}

describe('代办申请调解 (mediation.proxyApply)', () => {
  it('files the application for the person: 代办 in the timeline, no account holds it, the agent follows it', async () => {
    const input = proxied('欧阳秀英', freshPhone())
    const r = await gw.call('mediation', 'proxyApply', input)
    expect(r).toMatchObject({ ok: true, replayed: false, case: { number: expect.stringMatching(/^京溪-\d{4}-\d{5}$/), statusLabel: '已申请', readable: true } })
    const seen = await gw.call('mediation', 'get', { id: r.case.id })
    expect(seen).toMatchObject({ ok: true, case: { myRole: null, parties: [{ side: 'applicant', name: '欧阳秀英', joined: false }, { side: 'respondent', sideLabel: '被申请人' }] } })
    expect(seen.timeline[0]).toMatchObject({ action: 'proxy_apply', actionLabel: '代办申请', actorLabel: '我', note: '代办：网格员 李明 代 欧*英 办理' })
    // The agent holds none of the applicant's moves.
    expect(seen.actions.map((a: { action: string }) => a.action)).not.toContain('confirm')
    // The centre has it to accept, as any application, and reads who filed it for whom.
    expect((await centre.call('mediation', 'get', { id: r.case.id })).timeline[0]).toMatchObject({ actorLabel: '网格员 李明', note: '代办：网格员 李明 代 欧*英 办理' })
    const queue = await centre.call('mediation', 'queue', { limit: 100 })
    expect(queue.cases.map((c: { id: string }) => c.id)).toContain(r.case.id)
    // A retry with the same key is the same case.
    expect(await gw.call('mediation', 'proxyApply', input)).toMatchObject({ ok: true, replayed: true, case: { id: r.case.id } })
  })

  it('lets a 代办员 file in their own community and follow it; refuses elsewhere, residents, strangers and a missing declaration', async () => {
    const r = await agent.call('mediation', 'proxyApply', proxied('司马桂兰', freshPhone()))
    expect(r).toMatchObject({ ok: true, case: { readable: true } })
    expect((await agent.call('mediation', 'get', { id: r.case.id })).timeline[0]).toMatchObject({ actorLabel: '我', note: '代办：代办员 郭秀兰 代 司*兰 办理' })
    expect((await centre.call('mediation', 'get', { id: r.case.id })).timeline[0]).toMatchObject({ actorLabel: '代办员 郭秀兰' })
    // Another community of the same street is not theirs.
    expect(await agent.call('mediation', 'proxyApply', proxied('司马桂兰', freshPhone(), { communityCode: communityCode(1) }))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await gw.call('mediation', 'proxyApply', proxied('司马桂兰', freshPhone(), { communityCode: communityCode(2) }))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    for (const who of [resident, await stranger()]) expect(await who.call('mediation', 'proxyApply', proxied('司马桂兰', freshPhone()))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await gw.call('mediation', 'proxyApply', { ...proxied('司马桂兰', freshPhone()), declaration: false })).toMatchObject({ ok: false, code: 'VALIDATION', details: { declaration: '请确认当事人在场并同意代为申请' } })
    expect(await gw.call('mediation', 'proxyApply', proxied('司马桂兰', '123'))).toMatchObject({ ok: false, code: 'VALIDATION' })
    // The street alone: the grid worker's grid lies inside it.
    expect(await gw.call('mediation', 'proxyApply', proxied('司马桂兰', freshPhone(), { communityCode: undefined, streetCode: DEMO_STREET }))).toMatchObject({ ok: true })
  })
})

describe('认领代办事项 (account.proxiedCases, account.claimProxied)', () => {
  it('lists nothing without a phone, nothing for another phone; the person with the phone claims it and it is theirs', async () => {
    const phone = freshPhone()
    const filed = await gw.call('mediation', 'proxyApply', proxied('诸葛翠花', phone))
    const id = filed.case.id as string

    // A brand-new identity without a phone: nothing listed, nothing claimed, nothing read.
    const nobody = await stranger()
    expect(await nobody.call('account', 'proxiedCases', {})).toEqual({ ok: true, phone: { state: 'missing', masked: null }, cases: [] })
    expect(await nobody.call('account', 'claimProxied', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // Another phone: still nothing, and the case is not found.
    const other = await stranger()
    await setOwnPhone(other, freshPhone())
    expect(await other.call('account', 'proxiedCases', {})).toMatchObject({ ok: true, phone: { state: 'verified' }, cases: [] })
    expect(await other.call('account', 'claimProxied', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await other.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    // The person, a brand-new WeChat identity, with their own phone (typed: this deployment has no phone button).
    const person = await stranger()
    await setOwnPhone(person, phone)
    const listed = await person.call('account', 'proxiedCases', {})
    expect(listed).toMatchObject({ ok: true, phone: { state: 'verified', masked: `${phone.slice(0, 3)}****${phone.slice(-4)}` } })
    expect(listed.cases).toEqual([{ id, number: filed.case.number, kindLabel: '调解案件', what: '婚姻家庭', statusLabel: '已申请', filedAt: expect.any(String), filedBy: '网格员 李明' }])
    // What the list shows is the case's kind, never its text or anyone's name.
    expect(JSON.stringify(listed)).not.toMatch(/诸葛|黄伟明|抚养费/)
    expect(await person.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    const claimed = await person.call('account', 'claimProxied', { id })
    expect(claimed).toEqual({ ok: true, claimed: { id, number: filed.case.number, kindLabel: '调解案件', page: `/pages/mediation/detail/index?id=${id}` } })
    const mine = await person.call('mediation', 'mine', {})
    expect(mine.cases.map((c: { id: string }) => c.id)).toContain(id)
    const now = await person.call('mediation', 'get', { id })
    expect(now).toMatchObject({ ok: true, case: { myRole: 'applicant' } })
    expect(now.case.parties[0]).toMatchObject({ side: 'applicant', name: '诸葛翠花', phone: phone, isMe: true, joined: true })
    expect(now.timeline.map((e: { actionLabel: string }) => e.actionLabel)).toEqual(['代办申请', '本人认领'])
    expect(now.timeline[1]).toMatchObject({ actorLabel: '我' })
    // Claimed once: gone from the list, not claimable again (by anyone), and the agent no longer follows it.
    expect((await person.call('account', 'proxiedCases', {})).cases).toEqual([])
    expect(await person.call('account', 'claimProxied', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await gw.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    // The centre reads it as before, and sees who claimed it.
    expect((await centre.call('mediation', 'get', { id })).timeline[1]).toMatchObject({ action: 'claim_proxied', actorLabel: '申请人 诸葛翠花' })
  })

  it('refuses a claim of someone else’s own application and of an id that is no case', async () => {
    const phone = freshPhone()
    const person = await stranger()
    await setOwnPhone(person, phone)
    // An application the person filed themselves is not a 代办 case.
    const own = await person.call('mediation', 'apply', applyInput({ applicantPhone: phone }))
    expect(own).toMatchObject({ ok: true })
    expect(await person.call('account', 'claimProxied', { id: own.case.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await person.call('account', 'claimProxied', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await person.call('account', 'claimProxied', { id: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })
})

describe('代办上报 claimed by phone (cases.proxySubmit, account.claimProxied)', () => {
  it('files where the agent works, says 代办 in the timeline, and becomes the resident’s report once claimed', async () => {
    const phone = freshPhone()
    const filed = await agent.call('cases', 'proxySubmit', { ...reportInput(), proxy: { name: '上官桂芳', phone } })
    expect(filed).toMatchObject({ ok: true, case: { status: 'submitted' } })
    const id = filed.case.id as string
    // The 代办员 follows it on the staff page; the centre reads who filed it for whom.
    const staff = await centre.call('cases', 'get', { id })
    expect(staff.case.reporter).toEqual({ name: '上官桂芳', phone, proxy: true })
    expect(staff.timeline[0]).toMatchObject({ action: 'submit', actorLabel: '代办员 郭秀兰', note: '代办：代办员 郭秀兰 代 上*芳 办理' })
    expect(await agent.call('cases', 'get', { id })).toMatchObject({ ok: true })
    // Outside the 代办员's community: refused, nothing filed.
    expect(await agent.call('cases', 'proxySubmit', { ...reportInput({ location: { ...gridCentre(1, 1), address: '犀牛角社区' } }), proxy: { name: '上官桂芳', phone } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await resident.call('cases', 'proxySubmit', { ...reportInput(), proxy: { name: '上官桂芳', phone } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    const person = await stranger()
    await setOwnPhone(person, phone)
    expect((await person.call('account', 'proxiedCases', {})).cases).toEqual([expect.objectContaining({ id, kindLabel: '网格事件', filedBy: '代办员 郭秀兰' })])
    expect(await person.call('reports', 'get', { id })).toMatchObject({ ok: false })
    expect(await person.call('account', 'claimProxied', { id })).toMatchObject({ ok: true, claimed: { page: `/pages/report/detail/index?id=${id}` } })
    expect((await person.call('reports', 'mine', {})).cases.map((c: { id: string }) => c.id)).toContain(id)
    const own = await person.call('reports', 'get', { id })
    expect(own).toMatchObject({ ok: true })
    expect(own.timeline.map((e: { actionLabel: string }) => e.actionLabel)).toContain('本人认领')
    // The 代办员 reached it only as its agent: no longer once it is the resident's.
    expect(await agent.call('cases', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('管理员授予代办员 (admin.addStaff with role proxy_agent)', () => {
  it('adds a village’s 代办员 at a community, who binds WeChat and files there only', async () => {
    expect(await admin.call('admin', 'addStaff', { name: '邱月华', phone: '13900000771', role: 'proxy_agent', unitCode: `${communityCode(1)}001` })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await admin.call('admin', 'addStaff', { name: '邱月华', phone: '13900000771', role: 'proxy_agent', unitCode: communityCode(1) })).toMatchObject({ ok: true })
    const listed = (await admin.call('admin', 'staff', {})).staff.find((x: { name: string }) => x.name === '邱月华')
    expect(JSON.stringify(listed)).toContain('代办员')
    const inv = await admin.call('admin', 'invite', { userId: listed.id })
    const phone = await stranger()
    expect(await phone.call('session', 'bind', { code: inv.code })).toMatchObject({ ok: true })
    expect(await phone.call('mediation', 'proxyApply', proxied('钟雪梅', freshPhone(), { communityCode: communityCode(1) }))).toMatchObject({ ok: true })
    expect(await phone.call('mediation', 'proxyApply', proxied('钟雪梅', freshPhone(), { communityCode: communityCode(0) }))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
