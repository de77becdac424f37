/**
 * Moderation of public content over HTTP (issue 13): the queue, publish / hide / redact of the
 * description and photos, hiding a whole report, WeChat content security (the recorded local
 * stand-in), the audit rows, the reporter's notices and what a follower then sees.
 */
import { formatFull } from '../../src/core/time'
import { advance, photo, submitReport } from '../support/cases'
import { serverWithUsers, type Client } from '../support/server'
import { asOpenid, leaked } from '../support/publicView'

let gw: Client, gw2: Client, disp: Client, dept: Client, police: Client, demoResident: Client
let n = 0
const fresh = (tag: string) => asOpenid(world.srv.url, `dev-mod${tag}${Date.now()}${++n}`)
const ULID = /[0-9A-HJKMNP-TV-Z]{26}/

const world = serverWithUsers(['demo-grid-worker', 'demo-grid-worker-2', 'demo-dispatcher', 'demo-department', 'demo-police', 'demo-resident'], (c) => ([gw, gw2, disp, dept, police, demoResident] = c))

/** A report by a brand-new WeChat user with two photos, and a stranger following it. */
async function filed(description = '楼下垃圾堆了三天没人清理，302 房门口最严重') {
  const reporter = await fresh('rep')
  const photos = [await photo(reporter), await photo(reporter)]
  const c = await submitReport(reporter, { description, photos, anonymous: true })
  const follower = await fresh('fol')
  expect(await follower.call('reports', 'follow', { id: c.id })).toMatchObject({ ok: true })
  return { reporter, follower, c, photos }
}

async function version(id: string): Promise<number> {
  return (await disp.call('cases', 'get', { id })).case.version
}

async function moderate(who: Client, id: string, decision: Record<string, unknown>): Promise<any> {
  return who.call('cases', 'moderate', { id, version: await version(id), ...decision })
}

async function publicView(follower: Client, id: string): Promise<any> {
  return follower.call('reports', 'get', { id })
}

/** Polls until the photo's asynchronous check has answered (the stand-in pushes at once). */
async function settled(id: string, fileId: string): Promise<any> {
  for (let i = 0; i < 50; i++) {
    const item = (await disp.call('cases', 'get', { id })).case.moderation.photos.find((p: { fileId: string }) => p.fileId === fileId)
    if (item.state !== 'pending') return item
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the image check never answered')
}

async function notices(reporter: Client, id: string): Promise<any[]> {
  await advance(world.srv.url, 0) // runs the timer, which delivers the outbox
  return (await reporter.call('inbox', 'list', {})).items.filter((i: { caseId: string }) => i.caseId === id)
}

describe('the moderation queue', () => {
  it('lists reports with pending content to the street and the grid worker in scope, newest first, with signed photo links', async () => {
    const a = await filed()
    const b = await filed()
    for (const who of [disp, gw]) {
      const q = await who.call('cases', 'moderationQueue', { limit: 50 })
      expect(q.ok).toBe(true)
      const ids = q.items.map((i: { case: { id: string } }) => i.case.id)
      expect(ids.indexOf(b.c.id)).toBeGreaterThanOrEqual(0)
      expect(ids.indexOf(b.c.id)).toBeLessThan(ids.indexOf(a.c.id))
      const item = q.items.find((i: { case: { id: string } }) => i.case.id === a.c.id)
      expect(item).toMatchObject({ description: { text: a.c.description, state: 'pending', stateLabel: '待审核', publicText: null }, hidden: false, version: a.c.version })
      expect(item.photos).toHaveLength(2)
      expect(item.photos[0]).toMatchObject({ fileId: a.photos[0], state: 'pending', stateLabel: '待审核', checking: false, url: expect.stringMatching(/^\/api\/files\/.+sig=/) })
    }
    // Paging: one at a time, the cursor goes on to the next.
    const first = await disp.call('cases', 'moderationQueue', { limit: 1 })
    expect(first.items).toHaveLength(1)
    const second = await disp.call('cases', 'moderationQueue', { limit: 1, before: first.next })
    expect(second.items[0].case.id < first.items[0].case.id).toBe(true)
  })

  it('is not for another grid, a department, or residents', async () => {
    const { c } = await filed()
    const q = await gw2.call('cases', 'moderationQueue', {})
    expect(q.ok).toBe(true)
    expect(q.items.map((i: { case: { id: string } }) => i.case.id)).not.toContain(c.id)
    for (const who of [dept, demoResident, await fresh('x')]) {
      expect(await who.call('cases', 'moderationQueue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })
})

describe('moderating a report', () => {
  it('publishes the description and a photo (after its asynchronous image check); the follower sees them only then', async () => {
    const { c, follower, photos } = await filed()
    const before = await publicView(follower, c.id)
    expect(before).toMatchObject({ ok: true, view: 'public', case: { description: null, photos: [] } })

    const pub = await moderate(disp, c.id, { target: 'description', decision: 'publish' })
    expect(pub).toMatchObject({ ok: true, item: { description: { state: 'published', stateLabel: '已公开' } } })
    expect((await publicView(follower, c.id)).case.description).toBe(c.description)

    const sent = await moderate(gw, c.id, { target: 'photo', fileId: photos[0], decision: 'publish' })
    expect(sent).toMatchObject({ ok: true })
    expect(sent.item.photos[0]).toMatchObject({ state: 'pending', checking: true })
    expect(await settled(c.id, photos[0])).toMatchObject({ state: 'published', stateLabel: '已公开' })
    const after = await publicView(follower, c.id)
    expect(after.case.photos.map((p: { fileId: string }) => p.fileId)).toEqual([photos[0]])

    const staff = await disp.call('cases', 'get', { id: c.id })
    const rows = staff.timeline.map((e: { action: string; actorLabel: string; visibility: string }) => [e.action, e.actorLabel, e.visibility])
    expect(rows).toEqual(
      expect.arrayContaining([
        ['publish_description', '我', 'internal'],
        ['publish_photo', '网格员 李明', 'internal'],
        ['photo_check_pass', '系统', 'internal'],
      ]),
    )
    expect(staff.case.status).toBe('submitted') // moderation never moves the case
    expect(staff.actions.map((a: { action: string }) => a.action)).not.toContain('publish_description')
  })

  it('hides a photo in one tap with a quick reason, and tells the reporter which case, what and why', async () => {
    const { c, follower, reporter, photos } = await filed()
    await moderate(disp, c.id, { target: 'photo', fileId: photos[0], decision: 'publish' })
    await settled(c.id, photos[0])
    expect(await moderate(disp, c.id, { target: 'photo', fileId: photos[0], decision: 'hide' })).toMatchObject({ ok: false, code: 'VALIDATION', message: '请填写原因' })
    const hid = await moderate(disp, c.id, { target: 'photo', fileId: photos[0], decision: 'hide', reason: '人脸' })
    expect(hid.item.photos[0]).toMatchObject({ state: 'hidden', stateLabel: '已隐藏' })
    expect((await publicView(follower, c.id)).case.photos).toEqual([])

    const told = await notices(reporter, c.id)
    const categoryName = (await publicView(follower, c.id)).case.categoryName
    expect(told.map((i: { title: string }) => i.title)).toContain('您上报的照片已隐藏')
    const body = told.find((i: { title: string }) => i.title === '您上报的照片已隐藏').body
    // Named by its number (京溪-2026-00042) with its category, or by the category alone before numbering.
    expect(body).toMatch(new RegExp(`事项 \\S+-\\d{4}-\\d{5}（${categoryName}）|「${categoryName}」事项`))
    expect(body).toContain(formatFull(c.createdAt).split(' ')[0])
    expect(body).toContain('原因：人脸')
    expect(body).not.toMatch(ULID)
    expect(body).not.toMatch(/[A-Za-z]{3,}/)
    // Publishing told nobody; followers never hear of moderation.
    expect(told.map((i: { title: string }) => i.title).filter((t: string) => t.includes('公开'))).toEqual([])
    expect((await follower.call('inbox', 'list', {})).items.filter((i: { caseId: string }) => i.caseId === c.id)).toEqual([])
  })

  it('redacts the description: the public reads the edited text, staff and the reporter keep the original, the timeline says who and why', async () => {
    const { c, follower, reporter } = await filed()
    const red = await moderate(gw, c.id, { target: 'description', decision: 'redact', text: '楼下垃圾堆了三天没人清理', reason: '含门牌号' })
    expect(red).toMatchObject({ ok: true, item: { description: { text: c.description, state: 'edited', stateLabel: '已编辑', publicText: '楼下垃圾堆了三天没人清理' } } })
    const pub = await publicView(follower, c.id)
    expect(pub.case.description).toBe('楼下垃圾堆了三天没人清理')
    expect(leaked(pub, ['302'])).toEqual([])

    const staff = await disp.call('cases', 'get', { id: c.id })
    expect(staff.case.description).toBe(c.description)
    expect(staff.case.moderation).toMatchObject({ description: 'edited', publicDescription: '楼下垃圾堆了三天没人清理' })
    const row = staff.timeline.find((e: { action: string }) => e.action === 'redact_description')
    expect(row).toMatchObject({ actionLabel: '编辑描述', actorLabel: '网格员 李明', note: '含门牌号', visibility: 'internal' })
    expect(row.at).toEqual(expect.any(String))

    const own = await reporter.call('reports', 'get', { id: c.id })
    expect(own).toMatchObject({ view: 'full', case: { description: c.description } })
    const told = await notices(reporter, c.id)
    expect(told.find((i: { title: string }) => i.title === '您上报的描述已编辑')?.body).toContain('原因：含门牌号')
  })

  it('hides the whole report from the public view and brings it back', async () => {
    const { c, follower, reporter } = await filed()
    await moderate(disp, c.id, { target: 'description', decision: 'publish' })
    expect(await moderate(disp, c.id, { target: 'report', decision: 'hide', reason: '涉及个人隐私' })).toMatchObject({ ok: true, item: { hidden: true } })
    expect(await publicView(follower, c.id)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await reporter.call('reports', 'get', { id: c.id })).toMatchObject({ ok: true, view: 'full' })
    const q = await disp.call('cases', 'moderationQueue', { limit: 50 })
    expect(q.items.map((i: { case: { id: string } }) => i.case.id)).not.toContain(c.id)
    expect((await notices(reporter, c.id)).map((i: { title: string }) => i.title)).toContain('您上报的事项已不对外公开')

    expect(await moderate(disp, c.id, { target: 'report', decision: 'unhide' })).toMatchObject({ ok: true, item: { hidden: false } })
    expect((await publicView(follower, c.id)).case.description).toBe(c.description)
  })

  it('writes an audit row for every moderation, the image verdict included', async () => {
    const { c, photos } = await filed()
    await moderate(disp, c.id, { target: 'description', decision: 'publish' })
    await moderate(gw, c.id, { target: 'photo', fileId: photos[1], decision: 'publish' })
    await settled(c.id, photos[1])
    await moderate(disp, c.id, { target: 'photo', fileId: photos[0], decision: 'hide', reason: '车牌' })
    const audit = await police.call('rental', 'audit', { limit: 100 })
    expect(audit.ok).toBe(true)
    const mine = audit.entries.filter((e: { target: string }) => e.target.includes(c.id))
    expect(mine.map((e: { action: string; actorRole: string; reason: string }) => [e.actorRole, e.reason]).reverse()).toEqual([
      ['dispatcher', '公开描述'],
      ['grid_worker', '公开照片'],
      ['system', '微信内容安全检测通过，照片已公开'],
      ['dispatcher', '车牌'],
    ])
    expect(mine.every((e: { action: string }) => e.action === 'moderate')).toBe(true)
  })
})

describe('content security and refusals', () => {
  it('refuses to publish text WeChat marks risky; a redaction that passes goes public', async () => {
    const { c, follower } = await filed('楼道里贴满了违禁词小广告，请尽快清理')
    const refused = await moderate(disp, c.id, { target: 'description', decision: 'publish' })
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', message: '该文字未通过微信内容安全检测，不能公开；可编辑后公开或隐藏' })
    expect((await disp.call('cases', 'get', { id: c.id })).case.moderation.description).toBe('pending')
    expect(await moderate(disp, c.id, { target: 'description', decision: 'redact', text: '还是有违禁词', reason: '去掉违规内容' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await moderate(disp, c.id, { target: 'description', decision: 'redact', text: '楼道里贴满了小广告，请尽快清理', reason: '去掉违规内容' })).toMatchObject({ ok: true })
    expect((await publicView(follower, c.id)).case.description).toBe('楼道里贴满了小广告，请尽快清理')
  })

  it('needs a WeChat identity for the check: neither the moderator nor the reporter having one refuses, and changes nothing', async () => {
    const c = await submitReport(demoResident, { description: '小区门口路灯不亮了好几天' })
    expect(await moderate(disp, c.id, { target: 'description', decision: 'publish' })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('小程序') })
    expect(await version(c.id)).toBe(c.version)
  })

  it('refuses staff out of scope, departments, residents and the reporter, and nonsense decisions', async () => {
    const { c, reporter, follower, photos } = await filed()
    const v = await version(c.id)
    for (const who of [gw2, dept, demoResident, follower]) {
      const r = await who.call('cases', 'moderate', { id: c.id, version: v, target: 'report', decision: 'hide', reason: '测试' })
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(r.code)
    }
    expect(await reporter.call('cases', 'moderate', { id: c.id, version: v, target: 'description', decision: 'hide', reason: '不想公开' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await disp.call('cases', 'moderate', { id: c.id, version: v, target: 'report', decision: 'redact', text: 'x', reason: 'y' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await disp.call('cases', 'moderate', { id: c.id, version: v, target: 'photo', decision: 'publish' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await disp.call('cases', 'moderate', { id: c.id, version: v + 1, target: 'photo', fileId: photos[0], decision: 'hide', reason: '人脸' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    // Not through cases.act: the move needs the moderation use case's checks and audit.
    expect(await disp.call('cases', 'act', { id: c.id, action: 'hide_report', version: v, note: '绕过审核' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await version(c.id)).toBe(v)
  })

  it('takes an image verdict only from the platform: a call that carries a caller is refused', async () => {
    const { c, photos } = await filed()
    const push = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'forged', version: 2, errcode: 0, result: { suggest: 'pass', label: 100 } }
    for (const token of [null, disp.token]) {
      const res = await fetch(`${world.srv.url}/api/fn/cases`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(push) })
      expect(await res.json()).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    expect((await disp.call('cases', 'get', { id: c.id })).case.moderation.photos.find((p: { fileId: string }) => p.fileId === photos[0]).state).toBe('pending')
  })
})
