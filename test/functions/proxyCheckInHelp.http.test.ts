/**
 * 代办 over HTTP, the tenant check-in and 一键求助 (Part D2 of issue 19): a grid worker or 代办员 of the
 * place registers a tenant who is present (rental.proxyCheckIn, buildings from rental.proxyBuildings)
 * or asks for help for the person with them (help.proxyRaise). The case carries the 代办 words, its
 * creator is nobody's account until the person claims it, the building's manager confirms as usual,
 * the agent follows it; residents, brand-new identities and agents of another grid or community are
 * refused and write nothing. The person claims either by their own phone (account.claimProxied); deleting
 * their account then takes them out of a request's mark.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DB_FILE_NAME } from '../../backend/adapters/sqlite'
import { DEMO_BUILDING_CODE, DEMO_BUILDING_ID } from '../../backend/seed/demoBuildings'
import { gridCentre } from '../../backend/seed/demoOrg'
import { checkInPayload } from '../support/authzWorld'
import { advance } from '../support/cases'
import { districtConfigFile } from '../support/districtConfig'
import { GRID1_POINT, idemKey, TINY_AAC } from '../support/fixtures'
import { setOwnPhone } from '../support/mediation'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let gw: Client, gw2: Client, agent: Client, resident: Client, manager: Client, centre: Client, legalAdviser: Client

const world = serverWithUsers(
  ['demo-grid-worker', 'demo-grid-worker-2', 'demo-proxy-agent', 'demo-resident', 'demo-building-manager', 'demo-dispatcher', 'demo-helper'],
  (c) => ([gw, gw2, agent, resident, manager, centre, legalAdviser] = c),
  // The per-agent limits have their own test (test/faults/rate-limits.test.ts).
  { JIEFANG_TIMER_MS: '0', JIEFANG_DISTRICT_CONFIG: districtConfigFile({ rateLimits: {} }) },
)


let serial = 9100
/** A valid registration for a tenant who is present, with the agent's declaration. */
const checkIn = (over: Record<string, unknown> = {}) => ({ ...checkInPayload(DEMO_BUILDING_CODE, ++serial, idemKey()), name: '刘洋', declaration: true, ...over })
const helpFor = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: idemKey(),
  kind: 'neighbour_dispute',
  text: '楼上漏水，老人家找不到人处理',
  location: GRID1_POINT,
  proxy: { name: '王秀英', phone: '13700001234' },
  declaration: true,
  ...over,
})
const stranger = () => asOpenid(world.srv.url, `dev-proxy-d2-${idemKey()}`)
const pendingIds = async () => ((await manager.call('rental', 'registrations', { buildingId: DEMO_BUILDING_ID })).registrations as Array<{ id: string }>).map((r) => r.id)

describe('代办登记 (rental.proxyCheckIn)', () => {
  it("lists the buildings of the agent's own area only", async () => {
    const mine = await gw.call('rental', 'proxyBuildings', {})
    expect(mine).toMatchObject({ ok: true })
    expect(mine.buildings).toContainEqual(expect.objectContaining({ code: DEMO_BUILDING_CODE, gridName: '云景社区第1网格' }))
    // The 代办员 of the whole community sees it too; the worker of grid 2 does not.
    expect((await agent.call('rental', 'proxyBuildings', {})).buildings.map((b: { code: string }) => b.code)).toContain(DEMO_BUILDING_CODE)
    expect((await gw2.call('rental', 'proxyBuildings', {})).buildings.map((b: { code: string }) => b.code)).not.toContain(DEMO_BUILDING_CODE)
    expect(await resident.call('rental', 'proxyBuildings', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await (await stranger()).call('rental', 'proxyBuildings', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('registers a tenant who is present: marked 代办, the manager confirms, a retry returns the first', async () => {
    const input = checkIn()
    const r = await gw.call('rental', 'proxyCheckIn', input)
    expect(r).toMatchObject({ ok: true, replayed: false, registration: { status: 'pending', room: '101', proxyNote: '代办：网格员 李明 代 刘* 办理' } })
    expect(r.registration.number).toMatch(/^京溪-\d{4}-\d{5}$/)
    expect(await gw.call('rental', 'proxyCheckIn', input)).toMatchObject({ ok: true, replayed: true, registration: { id: r.registration.id } })
    // Nobody's account is its tenant until the tenant claims it: not the agent's 我的租住登记.
    expect((await gw.call('rental', 'mine', {})).registrations.map((x: { id: string }) => x.id)).not.toContain(r.registration.id)
    const listed = (await manager.call('rental', 'registrations', { buildingId: DEMO_BUILDING_ID })).registrations.find((x: { id: string }) => x.id === r.registration.id)
    expect(listed).toMatchObject({ name: '刘洋', proxyNote: '代办：网格员 李明 代 刘* 办理' })
    const confirmed = await manager.call('rental', 'decide', { id: r.registration.id, version: listed.version, approve: true })
    expect(confirmed).toMatchObject({ ok: true, registration: { status: 'active' } })
    // The manager's confirmation tells nobody's inbox in the tenant's place (no account holds the marker).
    expect((await advance(world.srv.url, 0)).ok).toBe(true)
  })

  it('a 代办员 registers in their community, in their own words', async () => {
    const r = await agent.call('rental', 'proxyCheckIn', checkIn({ name: '赵一鸣' }))
    expect(r).toMatchObject({ ok: true, registration: { proxyNote: '代办：代办员 郭秀兰 代 赵*鸣 办理' } })
  })

  it('refuses residents, brand-new identities, agents of another grid and a missing declaration, writing nothing', async () => {
    const before = (await pendingIds()).length
    expect(await resident.call('rental', 'proxyCheckIn', checkIn())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await (await stranger()).call('rental', 'proxyCheckIn', checkIn())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // The demo building lies in grid 1: its worker files there, the worker of grid 2 does not.
    expect(await gw2.call('rental', 'proxyCheckIn', checkIn())).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('不在您负责的范围内') })
    const undeclared = await gw.call('rental', 'proxyCheckIn', checkIn({ declaration: false }))
    expect(undeclared).toMatchObject({ ok: false, code: 'VALIDATION', details: { declaration: expect.stringContaining('代办声明') } })
    const { declaration: _d, ...bare } = checkIn()
    expect(await gw.call('rental', 'proxyCheckIn', bare)).toMatchObject({ ok: false, code: 'VALIDATION' })
    // The tenant's own fields are checked as in their own check-in.
    expect(await gw.call('rental', 'proxyCheckIn', checkIn({ phone: '12345' }))).toMatchObject({ ok: false, code: 'VALIDATION', details: { phone: expect.any(String) } })
    expect((await pendingIds()).length).toBe(before)
  })
})

describe('代为求助 (help.proxyRaise)', () => {
  it('asks for the person with the agent: the helpers see who and the 代办 words, the agent follows it', async () => {
    const input = helpFor()
    const r = await agent.call('help', 'proxyRaise', input)
    expect(r).toMatchObject({ ok: true, replayed: false, reached: 3, help: { status: 'raised', proxyNote: '代办：代办员 郭秀兰 代 王*英 办理', person: { name: '王秀英', phone: '13700001234' } } })
    expect(await agent.call('help', 'proxyRaise', input)).toMatchObject({ ok: true, replayed: true, help: { id: r.help.id } })
    const id = r.help.id
    const staff = await centre.call('help', 'get', { id })
    expect(staff).toMatchObject({ ok: true, help: { myRole: 'staff', person: { name: '王秀英', phone: '13700001234' }, proxyNote: '代办：代办员 郭秀兰 代 王*英 办理' } })
    expect(staff.timeline.map((t: { note: string | null }) => t.note)).toContain('代办：代办员 郭秀兰 代 王*英 办理')
    // The agent reads it as the one who follows it (their 代办员 grant covers only what they filed).
    expect(await agent.call('help', 'get', { id })).toMatchObject({ ok: true, help: { id } })
    // Not among the agent's own requests: it is the person's.
    expect((await agent.call('help', 'mine', {})).items.map((x: { id: string }) => x.id)).not.toContain(id)
    expect(await legalAdviser.call('help', 'accept', { id })).toMatchObject({ ok: true })
    await advance(world.srv.url, 0)
    // Who is coming reaches the agent, who is with the person.
    const told = (await agent.call('inbox', 'list', {})).items.find((i: { title: string }) => i.title === '已有人响应您的求助')
    expect(told).toMatchObject({ body: expect.stringContaining('林志远'), page: `/pages/help-staff/case/index?id=${id}` })
    // A brand-new identity reads nothing of it.
    expect(await (await stranger()).call('help', 'get', { id })).toMatchObject({ ok: false, code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) })
  })

  it('a grid worker asks at a point of their grid, by the voice note they recorded (theirs only)', async () => {
    const where = gridCentre(0, 1)
    // Neither words nor a voice note: refused, with the emergency numbers.
    expect(await gw.call('help', 'proxyRaise', helpFor({ text: '', location: where }))).toMatchObject({ ok: false, code: 'VALIDATION', emergency: true })
    const theirs = await resident.call('files', 'uploadVoice', { contentBase64: TINY_AAC.toString('base64') })
    expect(await gw.call('help', 'proxyRaise', helpFor({ text: '', voiceFileId: theirs.fileId, location: where }))).toMatchObject({ ok: false, code: 'VALIDATION', details: { voiceFileId: expect.any(String) } })
    const voice = await gw.call('files', 'uploadVoice', { contentBase64: TINY_AAC.toString('base64') })
    const r = await gw.call('help', 'proxyRaise', helpFor({ text: '', voiceFileId: voice.fileId, location: where }))
    expect(r).toMatchObject({ ok: true, help: { text: '', proxyNote: '代办：网格员 李明 代 王*英 办理' } })
    expect(r.help.voiceUrl).toEqual(expect.any(String))
  })

  it('refuses residents, brand-new identities, agents of another community and a missing declaration, with 110 offered', async () => {
    const before = (await centre.call('help', 'queue', { limit: 100 })).items.length
    expect(await resident.call('help', 'proxyRaise', helpFor())).toMatchObject({ ok: false, code: 'FORBIDDEN', emergency: true })
    expect(await (await stranger()).call('help', 'proxyRaise', helpFor())).toMatchObject({ ok: false, code: 'FORBIDDEN', emergency: true })
    // 郭秀兰 is the 代办员 of 云景社区: not of 犀牛角社区; the worker of grid 2 not in grid 1.
    expect(await agent.call('help', 'proxyRaise', helpFor({ location: gridCentre(1, 1) }))).toMatchObject({ ok: false, code: 'FORBIDDEN', emergency: true })
    expect(await gw2.call('help', 'proxyRaise', helpFor())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await agent.call('help', 'proxyRaise', helpFor({ declaration: false }))).toMatchObject({ ok: false, code: 'VALIDATION', emergency: true })
    expect(await agent.call('help', 'proxyRaise', helpFor({ proxy: { name: '王秀英', phone: '123' } }))).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect((await centre.call('help', 'queue', { limit: 100 })).items.length).toBe(before)
  })
})

describe('本人认领 of a registration and a request filed 代办', () => {
  /** The stored payload of a case, as the server wrote it. */
  const stored = (id: string) => {
    const db = new Database(join(world.srv.dataDir, DB_FILE_NAME), { readonly: true })
    try {
      return (db.prepare('SELECT payload FROM cases WHERE id = ?').get(id) as { payload: string }).payload
    } finally {
      db.close()
    }
  }

  it('the tenant claims the registration by their own phone: theirs in 我的租住登记, with their moves', async () => {
    const phone = `1391${String(Date.now() % 10_000_000).padStart(7, '0')}`
    const input = checkIn({ name: '林小燕', phone })
    const r = await gw.call('rental', 'proxyCheckIn', input)
    const id = r.registration.id
    const tenant = await stranger()
    await setOwnPhone(tenant, phone)
    expect((await tenant.call('account', 'proxiedCases', {})).cases).toEqual([expect.objectContaining({ id, kindLabel: '出租屋登记', what: '101 室', filedBy: '网格员 李明' })])
    expect(await tenant.call('account', 'claimProxied', { id })).toMatchObject({ ok: true, claimed: { id, page: '/pages/rental/mine/index' } })
    // A late retry of the agent's key, once it is the tenant's, shows their phone masked.
    expect(await gw.call('rental', 'proxyCheckIn', input)).toMatchObject({ ok: true, replayed: true, registration: { id, phone: `${phone.slice(0, 3)}****${phone.slice(-4)}` } })
    const mine = await tenant.call('rental', 'mine', {})
    expect(mine.registrations).toEqual([expect.objectContaining({ id, name: '林小燕', phone, proxyNote: '代办：网格员 李明 代 林*燕 办理' })])
    // The tenant's own move (withdraw while pending) is theirs now.
    expect(await tenant.call('rental', 'checkOut', { id, version: mine.registrations[0].version })).toMatchObject({ ok: true, registration: { status: 'checked_out' } })
  })

  it('a request asked for 代办 and turned into mediation keeps the mark: the person claims the mediation case as its applicant', async () => {
    const phone = `1393${String(Date.now() % 10_000_000).padStart(7, '0')}`
    const r = await agent.call('help', 'proxyRaise', helpFor({ proxy: { name: '黄淑芬', phone } }))
    const id = r.help.id
    expect(await legalAdviser.call('help', 'accept', { id })).toMatchObject({ ok: true })
    const mediation = { disputeType: 'neighbour', applicantName: '黄淑芬', applicantPhone: phone, respondents: [{ name: '黄伟明', phone: '13912345678' }], facts: '楼上邻居漏水多日不处理，双方争吵', claims: '尽快维修并赔偿损失' }
    const done = await legalAdviser.call('help', 'convert', { id, to: 'mediation', mediation, note: '双方同意调解' })
    expect(done).toMatchObject({ ok: true, link: { kind: 'mediation' } })
    const caseId = done.link.caseId
    const person = await stranger()
    await setOwnPhone(person, phone)
    // Both cases filed for the phone are listed: the request and the mediation it became.
    expect((await person.call('account', 'proxiedCases', {})).cases.map((x: { id: string }) => x.id).sort()).toEqual([id, caseId].sort())
    expect(await person.call('account', 'claimProxied', { id: caseId })).toMatchObject({ ok: true, claimed: { page: `/pages/mediation/detail/index?id=${caseId}` } })
    expect(await person.call('mediation', 'get', { id: caseId })).toMatchObject({ ok: true, case: { myRole: 'applicant' } })
  })

  it('the person claims a request, and deleting their account takes them out of its mark (who asked for them stays)', async () => {
    const phone = `1392${String(Date.now() % 10_000_000).padStart(7, '0')}`
    const r = await agent.call('help', 'proxyRaise', helpFor({ proxy: { name: '欧阳春梅', phone } }))
    const id = r.help.id
    const person = await stranger()
    await setOwnPhone(person, phone)
    expect(await person.call('account', 'claimProxied', { id })).toMatchObject({ ok: true, claimed: { page: `/pages/help/status/index?id=${id}` } })
    expect(await person.call('help', 'get', { id })).toMatchObject({ ok: true, help: { myRole: 'person' } })
    // The agent no longer reads it.
    expect(await agent.call('help', 'get', { id })).toMatchObject({ ok: false })
    expect(await person.call('account', 'delete', { confirm: '注销' })).toMatchObject({ ok: true })
    expect(await centre.call('help', 'get', { id })).toMatchObject({ ok: true, help: { person: { name: '已注销用户', phone: null }, proxyNote: '代办：代办员 郭秀兰 代 已注销用户 办理' } })
    expect(stored(id)).not.toMatch(/欧阳|春梅|sealed/)
  })
})
