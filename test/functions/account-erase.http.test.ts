/**
 * 查阅与导出 and 注销账号 over HTTP, as strangers meet them: brand-new WeChat identities (dev login by
 * OPENID). A gives a nickname and phone, files a report, applies for mediation naming B, checks in
 * and joins a grid group; B joins the case by the invitation. Each export holds its own person's
 * data and nothing of the other's, with no internal id, English or UTC time. A deletes the account:
 * the case still reads for B with A anonymised, the report and the registration stay for the
 * record, and signing in again with A's WeChat identity is a new person whose limits against
 * probing were not reset. Staff are refused until their role is revoked.
 */
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { idNumberFor } from '../support/authzWorld'
import { GRID1_CODE, idemKey, reportInput, TINY_JPEG } from '../support/fixtures'
import { applyInput, joinInput, medAct } from '../support/mediation'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let manager: Client, gridWorker: Client, centre: Client, mediator: Client
const world = serverWithUsers(['demo-building-manager', 'demo-grid-worker', 'demo-dispatcher', 'demo-mediator-people'], ([m, g, c, p]) => {
  ;[manager, gridWorker, centre, mediator] = [m!, g!, c!, p!]
})

const A_OPENID = `dev-erase-a-${Date.now()}`
const A_PHONE = '13912340021'
const B_PHONE = '13912340022'
const A_ID_NUMBER = idNumberFor(8321)

const account = (c: Client, action: string, data: unknown = {}) => c.call('account', action, data)

async function withProfile(c: Client, nickname: string, phone: string): Promise<void> {
  const { privacy } = await account(c, 'privacy')
  expect(await account(c, 'consent', { version: privacy.notice.version })).toMatchObject({ ok: true })
  expect(await account(c, 'update', { nickname })).toMatchObject({ ok: true })
  expect(await account(c, 'setPhone', { phone })).toMatchObject({ ok: true })
}

/** Every key of a JSON document, however deep. */
function keysOf(x: unknown): string[] {
  if (Array.isArray(x)) return x.flatMap(keysOf)
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => [k, ...keysOf(v)])
  return []
}

type Section = { title: string; records: { title: string; fields: { label: string; value: string }[] }[]; note?: string }
const sectionOf = (sections: Section[], title: string) => sections.find((s) => s.title === title)!
const fieldsOf = (r: Section['records'][number]) => Object.fromEntries(r.fields.map((f) => [f.label, f.value]))

// One story in order: each step builds on the one before.
const s = {} as {
  a: Client
  b: Client
  aId: string
  bId: string
  reportId: string
  mediationId: string
  registrationId: string
  avatarFileId: string
}

beforeAll(async () => {
  s.a = await asOpenid(world.srv.url, A_OPENID)
  s.b = await asOpenid(world.srv.url, `dev-erase-b-${Date.now()}`)
  s.aId = (await s.a.call('session', 'me', {})).user.id
  s.bId = (await s.b.call('session', 'me', {})).user.id
  await withProfile(s.a, '晓林', A_PHONE)
  await withProfile(s.b, '老黄', B_PHONE)
  const up = await s.a.call('files', 'upload', { contentBase64: TINY_JPEG.toString('base64'), contentType: 'image/jpeg' })
  s.avatarFileId = up.fileId
  expect(await account(s.a, 'update', { avatar: up.fileId })).toMatchObject({ ok: true, profile: { avatarUrl: expect.any(String) } })

  const report = await s.a.call('reports', 'submit', reportInput({ description: '晓林上报：云景路路灯坏了一周' }))
  expect(report).toMatchObject({ ok: true })
  s.reportId = report.case.id
  expect(await s.b.call('reports', 'submit', reportInput({ description: '老黄的上报：楼道堆放杂物' }))).toMatchObject({ ok: true })

  const applied = await s.a.call(
    'mediation',
    'apply',
    applyInput({ disputeType: 'neighbour', applicantName: '林晓', applicantPhone: A_PHONE, respondents: [{ name: '楼上黄先生', phone: B_PHONE }], facts: '楼上每晚十一点后仍在装修，噪音严重影响休息', claims: '晚上十点后停止施工' }),
  )
  expect(applied).toMatchObject({ ok: true })
  s.mediationId = applied.case.id
  expect(await s.b.call('mediation', 'join', joinInput(applied.case.invites[0].code, '黄伟明'))).toMatchObject({ ok: true })
  expect(await medAct(centre, s.mediationId, 'accept')).toMatchObject({ ok: true })
  expect(await medAct(mediator, s.mediationId, 'invite')).toMatchObject({ ok: true })
  expect(await s.a.call('mediation', 'send', { id: s.mediationId, text: '晓林的留言：希望周末前谈一次', photos: [] })).toMatchObject({ ok: true })
  expect(await s.b.call('mediation', 'send', { id: s.mediationId, text: '老黄的留言：装修下周结束', photos: [] })).toMatchObject({ ok: true })

  const checkedIn = await s.a.call('rental', 'checkIn', {
    idempotencyKey: idemKey(),
    buildingCode: DEMO_BUILDING_CODE,
    room: '502',
    name: '林晓',
    docType: 'id_card',
    docNumber: A_ID_NUMBER,
    phone: A_PHONE,
    moveInDate: '2026-11-01',
    leaseEnd: '2027-10-31',
    cohabitants: [{ name: '林小宝', relation: '子女' }],
    consent: { purpose: true, sensitive: true, version: '2026-12' },
  })
  expect(checkedIn).toMatchObject({ ok: true })
  s.registrationId = checkedIn.registration.id
  expect(await manager.call('rental', 'decide', { id: s.registrationId, version: 1, approve: true })).toMatchObject({ ok: true })

  expect(await s.a.call('grid', 'join', { code: GRID1_CODE, building: '云景花园 7 栋 502' })).toMatchObject({ ok: true })
  const requests = await gridWorker.call('grid', 'members', { code: GRID1_CODE, status: 'requested' })
  const req = requests.members.find((m: { building: string | null }) => m.building === '云景花园 7 栋 502')
  expect(await gridWorker.call('grid', 'decide', { code: GRID1_CODE, userId: req.userId, approve: true })).toMatchObject({ ok: true })
  expect(await s.a.call('reports', 'follow', { id: s.reportId })).toBeDefined()

  // Deliver the outbox once (timers are off in this suite), so the inbox holds the case notices.
  await fetch(`${world.srv.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceHours: 0 }) })
}, 60_000)

describe('查阅与导出', () => {
  it('holds everything of the person, readable, and the same as a JSON file with Chinese keys', async () => {
    const r = await account(s.a, 'export')
    expect(r).toMatchObject({ ok: true, export: { generatedAtLabel: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/), fileName: expect.stringMatching(/^街坊通个人信息-\d{8}\.json$/) } })
    const sections: Section[] = r.export.sections
    expect(sections.map((x) => x.title)).toEqual(['个人资料', '隐私保护指引同意记录', '我上报的事项', '我关注的事项', '我的调解', '我的租住登记', '我的一键求助', '我的网格群', '站内消息', '微信订阅消息授权'])

    expect(fieldsOf(sectionOf(sections, '个人资料').records[0]!)).toMatchObject({ 昵称: '晓林', 头像: '已设置', 手机号: A_PHONE, 手机号来源: '手动填写', 身份: expect.stringContaining('居民') })
    expect(sectionOf(sections, '隐私保护指引同意记录').records).toHaveLength(1)
    const report = fieldsOf(sectionOf(sections, '我上报的事项').records[0]!)
    expect(report).toMatchObject({ 问题描述: '晓林上报：云景路路灯坏了一周', 状态: '已上报', 地点: '云景路 12 号', 匿名上报: '否' })

    const [med] = sectionOf(sections, '我的调解').records
    expect(fieldsOf(med!)).toMatchObject({ 我的身份: '申请人', 我的姓名: '林晓', 我的电话: A_PHONE, 纠纷类型: '邻里纠纷', 事实与理由: '楼上每晚十一点后仍在装修，噪音严重影响休息' })
    expect(med!.fields.filter((f) => f.label.startsWith('我的留言')).map((f) => f.value)).toEqual(['晓林的留言：希望周末前谈一次'])

    const reg = fieldsOf(sectionOf(sections, '我的租住登记').records[0]!)
    expect(reg).toMatchObject({ 状态: '在住', 姓名: '林晓', 房间: '502', 手机号: A_PHONE, 同住人: '林小宝（子女）', 入住日期: '2026年11月1日', 租约到期: '2027年10月31日' })
    expect(reg['证件号码（脱敏）']).toMatch(/^\d{4}\*+\d{3}[\dX]$/)
    expect(fieldsOf(sectionOf(sections, '我的网格群').records[0]!)).toMatchObject({ 状态: '已入群', 填写的住址: '云景花园 7 栋 502' })
    expect(sectionOf(sections, '站内消息').records.length).toBeGreaterThan(0)

    const text = r.export.json as string
    const doc = JSON.parse(text)
    expect(doc.导出时间).toBe(r.export.generatedAtLabel)
    expect(keysOf(doc).filter((k) => /[A-Za-z]/.test(k))).toEqual([])
    // Nothing a person should not read: no internal id, no UTC time, no full identity number.
    for (const id of [s.aId, s.bId, s.reportId, s.mediationId, s.registrationId, s.avatarFileId]) expect(text).not.toContain(id)
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/)
    expect(text).not.toContain(A_ID_NUMBER)
    // And nothing of B: their name as corrected, their phone, their words, their report.
    for (const theirs of ['黄伟明', '老黄', B_PHONE, '装修下周结束', '楼道堆放杂物']) expect(text).not.toContain(theirs)
    // The sections as shown carry the same values as the file.
    expect(JSON.stringify(sections)).not.toContain(B_PHONE)
  })

  it('gives the other party their own details on the case, never the applicant\'s words or number', async () => {
    const r = await account(s.b, 'export')
    const text = r.export.json as string
    const [med] = sectionOf(r.export.sections, '我的调解').records
    expect(fieldsOf(med!)).toMatchObject({ 我的身份: '被申请人', 我的姓名: '黄伟明', 我的电话: B_PHONE, 我的表态: expect.stringContaining('已同意调解') })
    // What they wrote on the case's record themselves: here, the correction of their name on joining (masked on the timeline).
    expect(med!.fields.find((f) => f.label.startsWith('我的说明'))?.value).toContain('「黄*明」')
    expect(fieldsOf(med!)).not.toHaveProperty('事实与理由')
    for (const theirs of ['林晓', '晓林', A_PHONE, '希望周末前谈一次', '路灯坏了一周', '楼上每晚十一点后仍在装修']) expect(text).not.toContain(theirs)
    expect(sectionOf(r.export.sections, '我的租住登记').records).toEqual([])
  })
})

describe('注销账号', () => {
  it('refuses a staff member until an administrator revokes the role', async () => {
    const r = await account(gridWorker, 'delete', { confirm: '注销' })
    expect(r).toMatchObject({ ok: false, code: 'STAFF_ACCOUNT', message: expect.stringContaining('网格员') })
    expect(await gridWorker.call('session', 'me', {})).toMatchObject({ ok: true })
  })

  it('asks for 注销 typed out', async () => {
    expect(await account(s.a, 'delete', {})).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await account(s.a, 'delete', { confirm: '删除' })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('请输入“注销”确认') })
    expect(await s.a.call('session', 'me', {})).toMatchObject({ ok: true })
  })

  it('deletes the person and says what stays and why; the old session\'s next call is somebody new', async () => {
    // Probing limits count the WeChat identity: three of five used before deletion. The limit's
    // window is a fixed hour, so the server's clock first moves to the start of the next one.
    const toNextHour = 3_600_000 - (Date.now() % 3_600_000) + 60_000
    await fetch(`${world.srv.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceHours: toNextHour / 3_600_000 }) })
    for (let i = 0; i < 3; i++) expect(await misuse(s.a)).toMatchObject({ ok: true })

    const r = await account(s.a, 'delete', { confirm: '注销' })
    expect(r).toMatchObject({ ok: true })
    const kept: string[] = r.deletion.kept
    expect(kept.join('\n')).toContain('1 件事项')
    expect(kept.join('\n')).toContain('1 件调解案件')
    expect(kept.find((l) => l.startsWith('租住登记'))).toMatch(/云景.*502.*在住.*退租/)
    expect(kept.join('')).not.toMatch(/[A-Za-z]{2,}|\d{4}-\d{2}-\d{2}/)

    // The session carries the WeChat identity, as every mini-program call does: its next call is
    // somebody new, never the deleted record.
    expect((await s.a.call('session', 'me', {})).user.id).not.toBe(s.aId)
  })

  it('keeps the mediation case readable for the other party, with the person anonymised', async () => {
    const r = await s.b.call('mediation', 'get', { id: s.mediationId })
    expect(r).toMatchObject({ ok: true, case: { facts: '楼上每晚十一点后仍在装修，噪音严重影响休息' } })
    const applicant = r.case.parties.find((p: { side: string }) => p.side === 'applicant')
    expect(applicant.name).toBe('已注销用户')
    expect(applicant.phone).not.toContain('0021')
    expect(r.case.parties.find((p: { side: string }) => p.side === 'respondent')).toMatchObject({ name: '黄伟明', isMe: true })
    expect(JSON.stringify(r.case)).not.toContain('林晓')
    const erased = r.timeline.filter((e: { action: string }) => e.action === 'party_erased')
    expect(erased).toHaveLength(1)
    expect(erased[0].actionLabel).toBe('当事人注销账号')
    // The thread stays, its author shown as the case now names them.
    const thread = await s.b.call('mediation', 'messages', { id: s.mediationId })
    expect(thread.messages.map((m: { text: string }) => m.text)).toContain('晓林的留言：希望周末前谈一次')
    expect(JSON.stringify(thread)).not.toMatch(/林晓|晓林(?!的留言)/)
    // The mediator reads the same case, the number gone for them too.
    const staff = await mediator.call('mediation', 'get', { id: s.mediationId })
    expect(staff.case.parties.find((p: { side: string }) => p.side === 'applicant')).toMatchObject({ name: '已注销用户' })
    expect(JSON.stringify(staff.case)).not.toContain(A_PHONE)
  })

  it('keeps the report and the registration for the record, the reporter anonymised; the roster no longer lists them', async () => {
    const report = await centre.call('cases', 'get', { id: s.reportId })
    expect(report).toMatchObject({ ok: true, case: { description: '晓林上报：云景路路灯坏了一周' } })
    expect(report.case.reporter).toMatchObject({ name: '已注销用户', phone: null })

    const building = (await manager.call('rental', 'myBuildings', {})).buildings.find((b: { code: string }) => b.code === DEMO_BUILDING_CODE)
    const regs = await manager.call('rental', 'registrations', { buildingId: building.id })
    expect(regs.registrations.find((x: { id: string }) => x.id === s.registrationId)).toMatchObject({ status: 'active', name: '林晓' })

    const roster = await gridWorker.call('grid', 'members', { code: GRID1_CODE, status: 'joined' })
    expect(roster.members.filter((m: { building: string | null; name: string }) => m.building === '云景花园 7 栋 502' || m.name === '晓林' || m.name === '已注销用户')).toEqual([])
  })

  it('signs the same WeChat identity in as a new person with no history, whose probing limits carry on', async () => {
    const again = await asOpenid(world.srv.url, A_OPENID)
    const me = (await again.call('session', 'me', {})).user
    expect(me.id).not.toBe(s.aId)
    // One new person, however many sessions the identity has.
    expect((await s.a.call('session', 'me', {})).user.id).toBe(me.id)
    expect(me).toMatchObject({ name: '微信用户', earned: [] })
    expect(await account(again, 'profile')).toMatchObject({ ok: true, profile: { displayName: '微信用户', phone: null, avatarUrl: null, consentNeeded: true } })
    expect((await again.call('reports', 'mine', {})).cases).toEqual([])
    expect((await again.call('mediation', 'mine', {})).cases).toEqual([])
    expect((await again.call('rental', 'mine', {})).registrations).toEqual([])
    expect((await again.call('inbox', 'list', {})).items).toEqual([])
    expect(await again.call('mediation', 'get', { id: s.mediationId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const exported = (await account(again, 'export')).export.json as string
    for (const old of ['林晓', '晓林', A_PHONE, '路灯坏了一周', '云景花园 7 栋 502']) expect(exported).not.toContain(old)

    // Five per hour for the identity: three were spent by the deleted account.
    expect(await misuse(again)).toMatchObject({ ok: true })
    expect(await misuse(again)).toMatchObject({ ok: true })
    expect(await misuse(again)).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })
})

function misuse(c: Client) {
  return c.call('rental', 'reportMisuse', { idempotencyKey: idemKey(), buildingCode: DEMO_BUILDING_CODE, docType: 'id_card', docNumber: idNumberFor(8322), note: '有人用我的证件登记了这里的房间' })
}
