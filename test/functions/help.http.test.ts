/**
 * 一键求助 over HTTP: a request goes to the community's on-duty roster (demo: 李明, 钱进, 林志远 around
 * the clock), the first helper to accept takes it, and it ends closed or turned into a mediation case
 * or a 网格事件 with the link both ways. Brand-new identities read and take nothing of others'; a helper
 * of another community cannot accept; nobody accepting reaches the street's centre and then the
 * district by the dev clock; requests are limited per WeChat identity and every refusal of a raise
 * says `emergency: true`.
 */
import { GRID1_POINT, GRID2_POINT, idemKey, TINY_AAC, TINY_JPEG } from '../support/fixtures'
import { gridCentre } from '../../backend/seed/demoOrg'
import { advance } from '../support/cases'
import { districtConfigFile } from '../support/districtConfig'
import { as, asOpenid, client, onOwnServer, serverWithUsers, type Client } from '../support/server'


const raiseInput = (over: Record<string, unknown> = {}) => ({ idempotencyKey: idemKey(), kind: 'neighbour_dispute', text: '楼上邻居装修噪音，双方吵起来了', location: GRID1_POINT, ...over })

let resident: Client, gridWorker: Client, gridWorker2: Client, peopleMediator: Client, legalAdviser: Client, centre: Client, admin: Client

const world = serverWithUsers(
  ['demo-resident', 'demo-grid-worker', 'demo-grid-worker-2', 'demo-mediator-people', 'demo-helper', 'demo-dispatcher', 'demo-admin'],
  (c) => ([resident, gridWorker, gridWorker2, peopleMediator, legalAdviser, centre, admin] = c),
  // The limit per identity has its own test below, on a server of its own.
  { JIEFANG_TIMER_MS: '0', JIEFANG_DISTRICT_CONFIG: districtConfigFile({ rateLimits: {} }) },
)

/** Delivers the outbox (timers are off on the suite's server). */
const deliver = () => advance(world.srv.url, 0)

describe('一键求助 over HTTP', () => {
  it('raises to the on-duty roster; the person sees the status, staff also who was told and who could not be reached', async () => {
    const input = raiseInput()
    const r = await resident.call('help', 'raise', input)
    expect(r).toMatchObject({ ok: true, replayed: false, reached: 3, help: { status: 'raised', statusLabel: '已求助', helpKindLabel: '邻里纠纷', emergency: false, communityName: '云景社区', streetName: '京溪街道', myRole: 'person', responder: null, location: null, person: null, notified: null } })
    expect(r.help.number).toMatch(/^京溪-\d{4}-\d{5}$/)
    expect(await resident.call('help', 'raise', input)).toMatchObject({ ok: true, replayed: true, help: { id: r.help.id } })
    const staff = await centre.call('help', 'get', { id: r.help.id })
    expect(staff).toMatchObject({ ok: true, help: { myRole: 'staff', location: GRID1_POINT, person: { name: '陈小梅', phone: '13800138000' } } })
    // No demo staff has a WeChat binding: the console shows each to phone.
    expect(staff.help.notified).toEqual([
      { name: '李明', roleLabel: '网格员', phone: '020-87701001', reached: false, reason: 'no_binding', reasonLabel: '未绑定微信' },
      { name: '钱进', roleLabel: '调解员', phone: '020-87700011', reached: false, reason: 'no_binding', reasonLabel: '未绑定微信' },
      { name: '林志远', roleLabel: '驻村法律顾问', phone: '13800000021', reached: false, reason: 'no_binding', reasonLabel: '未绑定微信' },
    ])
    expect(staff.actions.map((a: { action: string }) => a.action)).toEqual(['accept', 'close'])
    // Every on-duty helper has it in their inbox.
    await deliver()
    const inbox = await legalAdviser.call('inbox', 'list', {})
    expect(inbox.items.map((i: { title: string }) => i.title)).toContain('新的一键求助')
    // A tap opens the helpers' page of this request, not a report page.
    expect(inbox.items.find((i: { title: string }) => i.title === '新的一键求助')).toMatchObject({ page: `/pages/help-staff/case/index?id=${r.help.id}` })
    const queue = await legalAdviser.call('help', 'queue', {})
    expect(queue).toMatchObject({ ok: true })
    expect(queue.items.find((x: { id: string }) => x.id === r.help.id)).toMatchObject({ urgent: false, notifiedCount: 3, unreachable: expect.arrayContaining([expect.objectContaining({ name: '林志远', reasonLabel: '未绑定微信' })]) })
  })

  it('lets the first helper take it, tells the second 已有人响应, and shows the person who is coming', async () => {
    const r = await resident.call('help', 'raise', raiseInput())
    const id = r.help.id
    const [a, b] = await Promise.all([legalAdviser.call('help', 'accept', { id }), gridWorker.call('help', 'accept', { id })])
    const winners = [a, b].filter((x) => x.ok)
    expect(winners).toHaveLength(1)
    expect([a, b].find((x) => !x.ok)).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: '已有人响应' })
    expect(await peopleMediator.call('help', 'accept', { id })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '已有人响应' })
    const seen = await resident.call('help', 'get', { id })
    const who = a.ok ? { name: '林志远', roleLabel: '驻村法律顾问', phone: '13800000021' } : { name: '李明', roleLabel: '网格员', phone: '020-87701001' }
    expect(seen).toMatchObject({ ok: true, help: { status: 'taken', statusLabel: '已响应', responder: who }, actions: [] })
    expect(seen.help.secondsToAccept).toBeGreaterThanOrEqual(0)
    await deliver()
    const told = await resident.call('inbox', 'list', {})
    expect(told.items[0]).toMatchObject({ title: '已有人响应您的求助', body: expect.stringContaining(who.name), page: `/pages/help/status/index?id=${id}` })
    const taker = a.ok ? legalAdviser : gridWorker
    const other = a.ok ? gridWorker : legalAdviser
    expect(await other.call('help', 'close', { id, note: '已处理' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await taker.call('help', 'close', { id, note: '' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await taker.call('help', 'close', { id, note: '已到场劝解，双方已和好' })).toMatchObject({ ok: true, help: { status: 'closed', closeNote: '已到场劝解，双方已和好' } })
    expect((await resident.call('help', 'mine', {})).items.find((x: { id: string }) => x.id === id)).toMatchObject({ status: 'closed', responderName: who.name })
  })

  it('turns a request into a mediation case for the person, the link kept both ways', async () => {
    const r = await resident.call('help', 'raise', raiseInput())
    const id = r.help.id
    expect(await peopleMediator.call('help', 'accept', { id })).toMatchObject({ ok: true })
    const mediation = { disputeType: 'neighbour', applicantName: '陈小梅', applicantPhone: '13800138000', respondents: [{ name: '黄伟明', phone: '13912345678' }], facts: '楼上邻居夜间装修噪音，多次沟通无果，双方争吵', claims: '晚上十点后停止施工' }
    expect(await legalAdviser.call('help', 'convert', { id, to: 'mediation', mediation })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await peopleMediator.call('help', 'convert', { id, to: 'mediation' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    const done = await peopleMediator.call('help', 'convert', { id, to: 'mediation', mediation, note: '双方同意调解' })
    expect(done).toMatchObject({ ok: true, help: { status: 'closed' }, link: { kind: 'mediation', text: expect.stringMatching(/^调解案件 京溪-\d{4}-\d{5}$/) } })
    expect(done.help.convertedTo).toEqual(done.link)
    const m = await resident.call('mediation', 'get', { id: done.link.caseId })
    expect(m).toMatchObject({ ok: true, case: { status: 'applied', myRole: 'applicant', disputeType: 'neighbour' } })
    expect(JSON.stringify(m)).toContain(r.help.number)
    expect((await resident.call('help', 'get', { id })).help.convertedTo).toMatchObject({ kind: 'mediation', caseId: done.link.caseId, readable: true })
    // The on-duty legal adviser was told of the request but is no helper of the mediation case: its number, no way in.
    expect((await legalAdviser.call('help', 'get', { id })).help.convertedTo).toMatchObject({ kind: 'mediation', readable: false })
    expect(await legalAdviser.call('mediation', 'get', { id: done.link.caseId })).toMatchObject({ ok: false })
    // A second conversion finds it closed.
    expect(await peopleMediator.call('help', 'convert', { id, to: 'mediation', mediation })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })

  it('turns a request into a 网格事件 of its grid, the person as the reporter', async () => {
    const r = await resident.call('help', 'raise', raiseInput({ kind: 'other', text: '小区门口井盖丢失' }))
    const id = r.help.id
    expect(await gridWorker.call('help', 'accept', { id })).toMatchObject({ ok: true })
    expect(await gridWorker.call('help', 'convert', { id, to: 'report', report: { category: 'NOPE', description: '小区门口井盖丢失，有人差点掉下去' } })).toMatchObject({ ok: false, code: 'VALIDATION' })
    const done = await gridWorker.call('help', 'convert', { id, to: 'report', report: { category: 'HJ01', description: '小区门口井盖丢失，有人差点掉下去' } })
    expect(done).toMatchObject({ ok: true, link: { kind: 'report', text: expect.stringMatching(/^网格事件 京溪-/), readable: true } })
    const report = await resident.call('reports', 'get', { id: done.link.caseId })
    expect(report).toMatchObject({ ok: true })
    expect((await resident.call('reports', 'mine', {})).cases.map((c: { id: string }) => c.id)).toContain(done.link.caseId)
  })

  it('gives a brand-new identity nothing of anyone else: no read, no accept, no list, no console, no roster', async () => {
    const r = await resident.call('help', 'raise', raiseInput())
    const stranger = await asOpenid(world.srv.url, `dev-help-${Date.now()}`)
    expect(await stranger.call('help', 'get', { id: r.help.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await stranger.call('help', 'accept', { id: r.help.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await stranger.call('help', 'close', { id: r.help.id, note: '没事了' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await stranger.call('help', 'mine', {})).toMatchObject({ ok: true, items: [] })
    expect(await stranger.call('help', 'queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await stranger.call('help', 'live', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await stranger.call('help', 'roster', { communityCode: '440111010001' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    // Their own request they read, without anyone's phone but the responder's.
    const own = await stranger.call('help', 'raise', raiseInput({ location: GRID2_POINT }))
    expect(own).toMatchObject({ ok: true, help: { myRole: 'person', notified: null, person: null } })
    expect(await resident.call('help', 'get', { id: own.help.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('refuses a grid worker of another grid who is not on duty, and a helper of another community', async () => {
    const r = await resident.call('help', 'raise', raiseInput())
    expect(await gridWorker2.call('help', 'accept', { id: r.help.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect((await gridWorker2.call('help', 'queue', {})).items.map((x: { id: string }) => x.id)).not.toContain(r.help.id)
    const phone = '13700004444'
    expect(await admin.call('admin', 'addStaff', { name: '何街坊', phone, role: 'helper', unitCode: '440111010002', helperKind: 'neighbour' })).toMatchObject({ ok: true })
    const staff = await admin.call('admin', 'staff', {})
    const other = staff.staff.find((s: { phone: string | null }) => s.phone === phone)
    const otherHelper = await as(world.srv.url, other.id)
    expect(await otherHelper.call('help', 'get', { id: r.help.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await otherHelper.call('help', 'accept', { id: r.help.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await otherHelper.call('help', 'queue', {})).toMatchObject({ ok: true, items: [] })
  })

  it('keeps the duty roster as data: the admin and the street centre edit it; only the community staff who can come may be on it', async () => {
    const got = await admin.call('help', 'roster', { communityCode: '440111010001' })
    expect(got).toMatchObject({ ok: true, roster: { communityName: '云景社区', entries: [{ name: '李明', shiftText: '每天 全天', onDutyNow: true }, { name: '钱进' }, { name: '林志远', roleLabel: '驻村法律顾问' }] } })
    expect(got.roster.candidates.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['李明', '张丽', '钱进', '林志远']))
    expect(got.roster.candidates.map((c: { name: string }) => c.name)).not.toContain('陈小梅')
    const entries = [...got.roster.entries.map((e: { userId: string; shifts: unknown }) => ({ userId: e.userId, shifts: e.shifts })), { userId: 'demo-grid-worker-2', shifts: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }] }]
    expect(await admin.call('help', 'saveRoster', { communityCode: '440111010001', entries: [...entries, { userId: 'demo-resident', shifts: entries[0].shifts }] })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await gridWorker.call('help', 'saveRoster', { communityCode: '440111010001', entries })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await centre.call('help', 'saveRoster', { communityCode: '440111010001', entries })).toMatchObject({ ok: true, roster: { entries: expect.arrayContaining([expect.objectContaining({ name: '张丽' })]) } })
    // 张丽's grid is another of the community's: on the roster, a request from grid 1 reaches her.
    const r = await resident.call('help', 'raise', raiseInput())
    expect(r).toMatchObject({ ok: true, reached: 4 })
    expect(await gridWorker2.call('help', 'get', { id: r.help.id })).toMatchObject({ ok: true, actions: [{ action: 'accept' }] })
    expect(await admin.call('help', 'saveRoster', { communityCode: '440111010001', entries: entries.slice(0, 3) })).toMatchObject({ ok: true })
  })

  it('sends a request from a community with nobody on duty straight to the street centre', async () => {
    // 犀牛角社区 has no roster in the demo.
    const r = await resident.call('help', 'raise', raiseInput({ location: gridCentre(1, 2) }))
    expect(r).toMatchObject({ ok: true, reached: 0, help: { communityName: '犀牛角社区', status: 'escalated', statusLabel: '已上报街道', escalationLabel: '已上报街道综治中心' } })
    await deliver()
    expect((await centre.call('inbox', 'list', {})).items[0]).toMatchObject({ title: '一键求助无人值班', body: expect.stringContaining(r.help.number) })
    expect((await centre.call('help', 'live', {})).items.find((x: { id: string }) => x.id === r.help.id)).toMatchObject({ urgent: true, notifiedCount: 0 })
    expect(await centre.call('help', 'accept', { id: r.help.id })).toMatchObject({ ok: true, help: { status: 'taken' } })
  })

  it('imports duty rosters from a table: a dry run previews, a bad row writes nothing, a clean table replaces the roster', async () => {
    const csv = (rows: string[]) => Buffer.from(['社区编码,手机,姓名,值班日,开始,结束', ...rows].join('\n'), 'utf8').toString('base64')
    const rows = ['440111010001,020-87701001,李明,每天,00:00,24:00', '440111010001,020-87700011,钱进,周一至周五,8:30,17:30', '440111010001,020-87700011,钱进,周六、周日,22:00,08:00', '440111010001,13800000021,林志远,每天,00:00,24:00']
    const bad = await admin.call('help', 'importRoster', { fileName: '值班表.csv', contentBase64: csv([...rows, '440111010001,13800138000,陈小梅,每天,00:00,24:00', '440111010002,020-87701001,李明,周八,00:00,24:00']), dryRun: false })
    expect(bad).toMatchObject({ ok: true, plan: { rows: 6, applied: 0, errors: [{ row: 6, message: expect.stringContaining('13800138000 不是云景社区可值班') }, { row: 7, message: expect.stringContaining('周八') }] } })
    const preview = await centre.call('help', 'importRoster', { fileName: '值班表.csv', contentBase64: csv(rows), dryRun: true })
    expect(preview).toMatchObject({ ok: true, plan: { errors: [], applied: 0, communities: [{ communityCode: '440111010001', communityName: '云景社区', people: 3, shifts: 4 }] } })
    expect(await admin.call('help', 'importRoster', { fileName: '值班表.csv', contentBase64: csv(rows), dryRun: false })).toMatchObject({ ok: true, plan: { applied: 1 } })
    const got = await admin.call('help', 'roster', { communityCode: '440111010001' })
    expect(got.roster.entries.map((e: { name: string; shiftText: string }) => [e.name, e.shiftText])).toEqual([
      ['李明', '每天 全天'],
      ['钱进', '周一至周五 08:30–17:30；周六、周日 22:00–次日08:00'],
      ['林志远', '每天 全天'],
    ])
    const stranger = await asOpenid(world.srv.url, `dev-roster-${Date.now()}`)
    expect(await stranger.call('help', 'importRoster', { fileName: '值班表.csv', contentBase64: csv(rows), dryRun: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await gridWorker.call('help', 'importRoster', { fileName: '值班表.csv', contentBase64: csv(rows), dryRun: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // Around the clock again, as the demo has it.
    await admin.call('help', 'importRoster', { fileName: '值班表.csv', contentBase64: csv(rows.filter((r) => !r.includes('钱进')).concat('440111010001,020-87700011,钱进,每天,00:00,24:00')), dryRun: false })
  })

  it('shows the street console every open request, urgent first, and which arrived since the last poll', async () => {
    const first = await centre.call('help', 'live', {})
    expect(first).toMatchObject({ ok: true, arrived: [] })
    const danger = await resident.call('help', 'raise', raiseInput({ kind: 'danger', text: '有人持刀威胁' }))
    expect(danger.help).toMatchObject({ emergency: true, helpKindLabel: '人身安全受到威胁' })
    const next = await centre.call('help', 'live', { since: first.cursor })
    expect(next.arrived).toEqual([danger.help.id])
    expect(next.items[0]).toMatchObject({ id: danger.help.id, urgent: true, emergency: true })
    expect(next.openCount).toBe(next.items.length)
    expect(await gridWorker.call('help', 'live', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('takes voice notes by their bytes, and only the caller’s own', async () => {
    const voice = await resident.call('files', 'uploadVoice', { contentBase64: TINY_AAC.toString('base64') })
    expect(voice).toMatchObject({ ok: true })
    expect(await resident.call('files', 'uploadVoice', { contentBase64: TINY_JPEG.toString('base64') })).toMatchObject({ ok: false, code: 'VALIDATION' })
    const photo = await resident.call('files', 'upload', { contentBase64: TINY_JPEG.toString('base64'), contentType: 'image/jpeg' })
    expect(await resident.call('help', 'raise', raiseInput({ text: undefined, voiceFileId: photo.fileId }))).toMatchObject({ ok: false, code: 'VALIDATION', emergency: true })
    expect(await gridWorker.call('help', 'raise', raiseInput({ text: undefined, voiceFileId: voice.fileId }))).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await resident.call('help', 'raise', raiseInput({ text: '' }))).toMatchObject({ ok: false, code: 'VALIDATION', details: { text: '必填' } })
    const r = await resident.call('help', 'raise', raiseInput({ text: undefined, voiceFileId: voice.fileId }))
    expect(r).toMatchObject({ ok: true, help: { text: '' } })
    expect(r.help.voiceUrl).toEqual(expect.any(String))
    const audio = await fetch(new URL(r.help.voiceUrl, world.srv.url))
    expect(audio.headers.get('content-type')).toBe('audio/aac')
    // A voice note is no photo.
    expect(await resident.call('reports', 'submit', { idempotencyKey: idemKey(), category: 'HJ01', description: '楼下垃圾堆了三天没人清理', photos: [voice.fileId], location: { ...GRID1_POINT, address: '云景路 12 号' }, anonymous: false })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it("puts the person's requests in their export (查阅与导出), and nobody else's phones", async () => {
    const r = await resident.call('account', 'export', {})
    expect(r).toMatchObject({ ok: true })
    const helps = r.export.sections.find((s: { title: string }) => s.title === '我的一键求助')
    expect(helps.records.length).toBeGreaterThan(3)
    expect(helps.records[0].fields.map((f: { label: string }) => f.label)).toEqual(expect.arrayContaining(['编号', '遇到的情况', '状态', '求助位置']))
    expect(JSON.stringify(helps)).not.toMatch(/020-87701001|13800000021/)
  })

  it('answers every refusal of a raise with emergency: true', async () => {
    expect(await client(world.srv.url, null).call('help', 'raise', raiseInput())).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', emergency: true })
    expect(await resident.call('help', 'raise', raiseInput({ kind: 'fire' }))).toMatchObject({ ok: false, code: 'VALIDATION', emergency: true })
    expect(await resident.call('help', 'raise', raiseInput({ location: { lng: 100, lat: 30 } }))).toMatchObject({ ok: false, code: 'OUT_OF_AREA', emergency: true })
    expect(await resident.call('help', 'get', { id: '01M95DSDY1V3EXXT9F06XVTR6C' })).not.toHaveProperty('emergency')
  })
})

describe('一键求助 by the clock and the limits', () => {
  it('reaches the street centre after the window and the district after the next; the limit is per WeChat identity', async () => {
    await onOwnServer(async (own) => {
      const person = await as(own.url, 'demo-resident')
      const desk = await as(own.url, 'demo-dispatcher')
      const district = await as(own.url, 'demo-admin')
      const r = await person.call('help', 'raise', raiseInput())
      const id = r.help.id
      expect((await advance(own.url, 4 / 60)).tick).toMatchObject({ helpEscalated: 0 })
      expect((await advance(own.url, 1.5 / 60)).tick).toMatchObject({ helpEscalated: 1 })
      const seen = await desk.call('help', 'get', { id })
      expect(seen).toMatchObject({ ok: true, help: { status: 'escalated', statusLabel: '已上报街道', escalation: 'street', escalationLabel: '已上报街道综治中心' }, actions: [{ action: 'accept' }, { action: 'close' }] })
      expect((await desk.call('inbox', 'list', {})).items[0]).toMatchObject({ title: '一键求助超时未响应' })
      expect((await person.call('inbox', 'list', {})).items[0]).toMatchObject({ title: '求助已上报街道' })
      expect((await desk.call('help', 'live', {})).items[0]).toMatchObject({ id, urgent: true, escalationLabel: '已上报街道综治中心' })
      expect((await advance(own.url, 5 / 60)).tick).toMatchObject({ helpEscalated: 0 })
      expect((await advance(own.url, 6 / 60)).tick).toMatchObject({ helpEscalated: 1 })
      expect(await desk.call('help', 'get', { id })).toMatchObject({ help: { status: 'escalated', escalation: 'district', escalationLabel: '已上报区级' } })
      expect((await district.call('inbox', 'list', {})).items[0]).toMatchObject({ title: '一键求助仍无人响应' })
      expect((await advance(own.url, 1)).tick).toMatchObject({ helpEscalated: 0 })
      // The centre can still take it and send someone.
      expect(await desk.call('help', 'accept', { id })).toMatchObject({ ok: true, help: { status: 'taken', responder: { name: '赵强' } } })

      const openid = `dev-limit-${Date.now()}`
      const fresh = await asOpenid(own.url, openid)
      for (let i = 0; i < 3; i++) expect(await fresh.call('help', 'raise', raiseInput())).toMatchObject({ ok: true })
      expect(await fresh.call('help', 'raise', raiseInput())).toMatchObject({ ok: false, code: 'RATE_LIMITED', emergency: true })
      // The same WeChat identity signing in again is the same person to the limit.
      expect(await (await asOpenid(own.url, openid)).call('help', 'raise', raiseInput())).toMatchObject({ ok: false, code: 'RATE_LIMITED', emergency: true })
      await advance(own.url, 10 / 60)
      expect(await fresh.call('help', 'raise', raiseInput())).toMatchObject({ ok: true })
    })
  }, 60_000)
})
