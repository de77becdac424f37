import { GRID2_POINT, reportInput } from '../support/fixtures'
import { advance, move, photo, submitReport } from '../support/cases'
import { as, onOwnServer, serverWithUsers, type Client } from '../support/server'
import { asOpenid, leaked, PUBLIC_VIEW_KEYS, setModeration } from '../support/publicView'
import { roundLocation } from '../../backend/usecases/report/publicView'
import { distanceMetres } from '../../src/core/geo'

let resident: Client, resident2: Client, gw: Client, gw2: Client, disp: Client, dept: Client

const world = serverWithUsers(['demo-resident', 'demo-resident-2', 'demo-grid-worker', 'demo-grid-worker-2', 'demo-dispatcher', 'demo-department'], (c) => ([resident, resident2, gw, gw2, disp, dept] = c))

describe('the closed loop 上报→受理→处置→办结→评价', () => {
  it('runs from the resident to the grid worker and back, with a timeline row per move', async () => {
    const c = await submitReport(resident)
    expect(c.slaDeadline).not.toBeNull() // the grid has acceptHours to accept

    const q = await gw.call('cases', 'queue', { statuses: ['submitted'] })
    expect(q.cases.map((x: { id: string }) => x.id)).toContain(c.id)

    const view = await gw.call('cases', 'get', { id: c.id })
    expect(view.actions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['accept', 'escalate']))
    expect(view.actions.find((a: { action: string }) => a.action === 'escalate').label).toBe('上报街道')

    const accepted = await move(gw, c.id, 'accept')
    expect(accepted).toMatchObject({ ok: true, case: { status: 'accepted', statusLabel: '已受理' } })
    expect(Date.parse(accepted.case.slaDeadline) - Date.parse(accepted.timeline[1].at)).toBe(48 * 3600 * 1000)
    expect(await move(gw, c.id, 'start')).toMatchObject({ ok: true, case: { status: 'in_progress' } })

    const noPhoto = await move(gw, c.id, 'resolve', { note: '已清理' })
    expect(noPhoto).toMatchObject({ ok: false, code: 'VALIDATION', details: { attachments: expect.any(String) } })
    const after = await photo(gw)
    expect(await move(gw, c.id, 'resolve', { note: '垃圾已清运，已通知物业加派保洁', attachments: [after] })).toMatchObject({ ok: true, case: { status: 'resolved' } })

    const mine = await resident.call('reports', 'get', { id: c.id })
    expect(mine.case.status).toBe('resolved')
    const confirmed = await resident.call('reports', 'confirm', { id: c.id, version: mine.case.version, rating: 5, comment: '很及时' })
    expect(confirmed).toMatchObject({ ok: true, case: { status: 'closed', statusLabel: '已评价' } })

    const done = await gw.call('cases', 'get', { id: c.id })
    expect(done.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'start', 'resolve', 'confirm'])
    expect(done.case).toMatchObject({ rating: 5, ratingComment: '很及时' })
    expect(done.timeline[3].attachments).toHaveLength(1)
    expect(done.actions).toEqual([])
  })

  it('lets the reporter reopen a fix within 7 days, with a reason', async () => {
    const c = await submitReport(resident)
    await move(gw, c.id, 'accept')
    await move(gw, c.id, 'resolve', { note: '已处理', attachments: [await photo(gw)] })
    const v = (await resident.call('reports', 'get', { id: c.id })).case.version
    expect(await resident.call('reports', 'reopen', { id: c.id, version: v, note: '' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await resident.call('reports', 'reopen', { id: c.id, version: v, note: '垃圾又堆起来了' })).toMatchObject({ ok: true, case: { status: 'in_progress' } })
  })

  it('notifies the reporter in the in-app inbox on every status change', async () => {
    const c = await submitReport(resident2)
    await move(gw, c.id, 'accept')
    await advance(world.srv.url, 0) // runs the timer, which delivers the outbox
    const inbox = await resident2.call('inbox', 'list', {})
    expect(inbox.items.some((i: { caseId: string; title: string }) => i.caseId === c.id && i.title === '事项已受理')).toBe(true)
    expect(inbox.unread).toBeGreaterThan(0)
    const gwInbox = await gw.call('inbox', 'list', {})
    expect(gwInbox.items.some((i: { caseId: string; title: string }) => i.caseId === c.id && i.title === '新的网格事件')).toBe(true)
    expect(await resident2.call('inbox', 'markRead', { all: true })).toMatchObject({ ok: true, unread: 0 })
  })
})

describe('the command centre', () => {
  it('transfers a case to a department, which then handles it', async () => {
    const c = await submitReport(resident)
    const assignees = await disp.call('cases', 'assignees', {})
    expect(assignees.assignees.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['demo-grid-worker', 'chengguan']))
    expect(await move(disp, c.id, 'assign', { department: 'chengguan' })).toMatchObject({ ok: true, case: { status: 'assigned', departmentName: '城管执法队' } })
    const q = await dept.call('cases', 'queue', {})
    expect(q.cases.map((x: { id: string }) => x.id)).toContain(c.id)
    expect(await move(dept, c.id, 'start')).toMatchObject({ ok: true, case: { status: 'in_progress' } })
    expect(await move(dept, c.id, 'resolve', { note: '已依法处理', attachments: [await photo(dept)] })).toMatchObject({ ok: true, case: { status: 'resolved' } })
  })

  it('rejects with a reason, merges duplicates, and bulk-assigns', async () => {
    const a = await submitReport(resident)
    expect(await move(disp, a.id, 'reject')).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await move(disp, a.id, 'reject', { note: '不属于受理范围' })).toMatchObject({ ok: true, case: { status: 'rejected' } })
    const keep = await submitReport(resident)
    const dup = await submitReport(resident2)
    expect(await move(disp, dup.id, 'merge', { targetCaseId: dup.id, note: '重复' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await move(disp, dup.id, 'merge', { targetCaseId: keep.id, note: '重复上报' })).toMatchObject({ ok: true, case: { status: 'merged', mergedInto: keep.id } })
    const x = await submitReport(resident)
    const bulk = await disp.call('cases', 'bulkAssign', { ids: [x.id, keep.id, a.id], assigneeId: 'demo-grid-worker' })
    expect(bulk.results).toEqual([
      { id: x.id, ok: true },
      { id: keep.id, ok: true },
      expect.objectContaining({ id: a.id, ok: false, code: 'ILLEGAL_TRANSITION' }),
    ])
  })

  it('sees anonymous reporters that handlers do not', async () => {
    const c = await submitReport(resident, { anonymous: true })
    expect((await gw.call('cases', 'get', { id: c.id })).case.reporter).toBeNull()
    expect((await disp.call('cases', 'get', { id: c.id })).case.reporter).toMatchObject({ name: '陈小梅', proxy: false })
  })

  it('counts the queue on the dashboard and exports it as CSV', async () => {
    const s = await disp.call('cases', 'stats', {})
    expect(s.stats.total).toBeGreaterThan(5)
    expect(s.stats.byStatus.find((b: { key: string }) => b.key === 'closed')).toMatchObject({ label: '已评价' })
    expect(s.stats.byGrid[0].label).toMatch(/网格/)
    const csv = await disp.call('cases', 'exportCsv', { statuses: ['rejected'] })
    expect(csv.csv.startsWith('\uFEFF编号,状态')).toBe(true)
    expect(csv.rows).toBeGreaterThanOrEqual(1)
    expect(csv.csv).toContain('不予受理')
    expect(await resident.call('cases', 'stats', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('escapes spreadsheet formulas in the export', async () => {
    await submitReport(resident, { description: '=HYPERLINK("http://x","点我")' })
    const csv = await disp.call('cases', 'exportCsv', {})
    expect(csv.csv).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`)
  })
})

describe('who may act', () => {
  it('keeps each role to its own cases', async () => {
    const c = await submitReport(resident)
    expect(await gw2.call('cases', 'get', { id: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await gw2.call('cases', 'act', { id: c.id, action: 'accept', version: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await resident.call('cases', 'act', { id: c.id, action: 'accept', version: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await resident2.call('reports', 'confirm', { id: c.id, version: 1, rating: 5 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await resident.call('cases', 'queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await gw2.call('cases', 'queue', {})).cases.map((x: { id: string }) => x.id)).not.toContain(c.id)
    expect(await dept.call('cases', 'get', { id: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('lets exactly one of many concurrent accepts win; the rest get a conflict', async () => {
    const c = await submitReport(resident)
    const answers = await Promise.all(Array.from({ length: 20 }, () => gw.call('cases', 'act', { id: c.id, action: 'accept', version: 1 })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).every((a) => a.code === 'CONFLICT' || a.code === 'ILLEGAL_TRANSITION')).toBe(true)
    expect((await gw.call('cases', 'get', { id: c.id })).timeline.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1)
  })

  it('files a proxy report (代办) for a resident without a phone', async () => {
    const r = await gw.call('cases', 'proxySubmit', { ...reportInput(), proxy: { name: '王阿婆', phone: '13912345678' } })
    expect(r).toMatchObject({ ok: true, case: { status: 'submitted' } })
    expect((await disp.call('cases', 'get', { id: r.case.id })).case.reporter).toEqual({ name: '王阿婆', phone: '13912345678', proxy: true })
    expect(await resident.call('cases', 'proxySubmit', { ...reportInput(), proxy: { name: '王', phone: '13912345678' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await gw.call('cases', 'proxySubmit', { ...reportInput(), proxy: { name: '王', phone: '123' } })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })
})

describe('duplicates and following', () => {
  it('suggests open cases of the same category within 100 m, which a neighbour can follow', async () => {
    const c = await submitReport(resident, { category: 'ZY02', location: { lng: 113.3201, lat: 23.1812, address: '云景路 3 号' } })
    const near = await resident2.call('reports', 'duplicates', { category: 'ZY02', lng: 113.3205, lat: 23.1814 })
    expect(near.cases.map((x: { id: string }) => x.id)).toContain(c.id)
    const far = await resident2.call('reports', 'duplicates', { category: 'ZY02', ...GRID2_POINT })
    expect(far.cases.map((x: { id: string }) => x.id)).not.toContain(c.id)
    const other = await resident2.call('reports', 'duplicates', { category: 'HJ01', lng: 113.3205, lat: 23.1814 })
    expect(other.cases.map((x: { id: string }) => x.id)).not.toContain(c.id)
    expect(await resident2.call('reports', 'get', { id: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await resident2.call('reports', 'follow', { id: c.id })).toMatchObject({ ok: true, following: true, case: { id: c.id } })
    expect(await resident2.call('reports', 'get', { id: c.id })).toMatchObject({ ok: true, view: 'public', case: { id: c.id } })
  })
})

describe('the public view and the internal view', () => {
  const SECRET_NOTE = '已联系302房陈女士 13800138000'
  const PUBLIC_NOTE = '已安排保洁今天下午清运'
  const ADDRESS = '云景路 7 号 302 房'
  const POINT = { lng: 113.32093, lat: 23.18217 }

  /** An anonymous report with a photo, an internal note with a phone, then a public update. */
  async function handled(overrides: Record<string, unknown> = {}) {
    const pic = await photo(resident)
    const c = await submitReport(resident, { category: 'HJ01', anonymous: true, photos: [pic], location: { ...POINT, address: ADDRESS }, description: '302 房门口垃圾三天没人清理', ...overrides })
    expect(await move(gw, c.id, 'accept', { note: SECRET_NOTE })).toMatchObject({ ok: true })
    expect(await move(gw, c.id, 'start', { note: PUBLIC_NOTE, noteVisibility: 'public' })).toMatchObject({ ok: true })
    return { c, pic }
  }

  it('shows neighbours category, status, a rounded place and public updates only; the reporter never an internal note', async () => {
    const { c, pic } = await handled()
    const secrets = [SECRET_NOTE, '13800138000', '陈女士', '陈小梅', 'demo-resident', ADDRESS, '云景路', pic, '302 房门口', '113.32093', '23.18217']

    const cards = await resident2.call('reports', 'duplicates', { category: 'HJ01', lng: 113.3211, lat: 23.1823 })
    const card = cards.cases.find((x: { id: string }) => x.id === c.id)
    expect(card).toMatchObject({ id: c.id, kind: 'report', categoryName: '环境卫生 / 垃圾堆积', status: 'in_progress', statusLabel: '处置中', description: null, photos: [] })
    expect(Object.keys(card).sort()).toEqual(PUBLIC_VIEW_KEYS)
    expect(card.updates).toEqual([{ id: expect.any(String), at: expect.any(String), statusLabel: '处置中', note: PUBLIC_NOTE }])
    // Rounded to the ~50 m lattice: near the point, never the point itself.
    expect(card.location).toEqual(roundLocation(POINT))
    expect(distanceMetres(card.location, POINT)).toBeLessThan(40)
    expect(distanceMetres(card.location, POINT)).toBeGreaterThan(1)
    expect(leaked(cards, secrets)).toEqual([])

    const followed = await resident2.call('reports', 'follow', { id: c.id })
    expect(followed).toMatchObject({ ok: true, following: true, case: { id: c.id, updates: [{ note: PUBLIC_NOTE }] } })
    const seen = await resident2.call('reports', 'get', { id: c.id })
    expect(seen).toMatchObject({ ok: true, view: 'public', case: { id: c.id } })
    expect(Object.keys(seen).sort()).toEqual(['case', 'ok', 'view'])
    expect(leaked([followed, seen], secrets)).toEqual([])

    // The reporter: own case in full, the public update, never the internal note.
    const own = await resident.call('reports', 'get', { id: c.id })
    expect(own).toMatchObject({ ok: true, view: 'full', case: { description: '302 房门口垃圾三天没人清理', location: { address: ADDRESS }, moderation: { description: 'pending', descriptionLabel: '待审核', hidden: false } } })
    expect(own.case.photos.map((p: { fileId: string }) => p.fileId)).toEqual([pic])
    expect(own.timeline.map((e: { action: string; visibility: string; note: string | null }) => [e.action, e.visibility, e.note])).toEqual([
      ['submit', 'internal', null],
      ['accept', 'internal', null],
      ['start', 'public', PUBLIC_NOTE],
    ])
    expect(leaked(own, [SECRET_NOTE, '13800138000'])).toEqual([])

    // Staff in scope: everything, with each row's visibility.
    const staff = await gw.call('cases', 'get', { id: c.id })
    expect(staff.timeline.map((e: { action: string; visibility: string; visibilityLabel: string; note: string | null }) => [e.action, e.visibility, e.visibilityLabel, e.note])).toEqual([
      ['submit', 'internal', '内部备注', null],
      ['accept', 'internal', '内部备注', SECRET_NOTE],
      ['start', 'public', '公开回复', PUBLIC_NOTE],
    ])
  })

  it('shows the description and photos once published (the redacted text once edited), and nothing once hidden', async () => {
    const { c } = await handled()
    const pic2 = await photo(resident)
    const r = await submitReport(resident, { category: 'HJ01', photos: [pic2], location: { ...POINT, address: ADDRESS } })
    const [a, b] = [c.id, r.id]
    setModeration(world.srv.dataDir, b, { description: 'edited', publicDescription: '某楼门口垃圾堆积', photos: { [pic2]: 'published' }, hidden: false })
    setModeration(world.srv.dataDir, a, { description: 'published', photos: {}, hidden: true })
    const cards = await resident2.call('reports', 'duplicates', { category: 'HJ01', ...POINT })
    const ids = cards.cases.map((x: { id: string }) => x.id)
    expect(ids).toContain(b)
    expect(ids).not.toContain(a)
    const card = cards.cases.find((x: { id: string }) => x.id === b)
    expect(card.description).toBe('某楼门口垃圾堆积')
    expect(card.photos.map((p: { fileId: string }) => p.fileId)).toEqual([pic2])
    expect((await fetch(`${world.srv.url}${card.photos[0].url}`)).status).toBe(200)
    expect(JSON.stringify(card)).not.toContain('楼下垃圾堆了三天没人清理')
    // A hidden report: no follow, and a follower from before reads nothing either.
    expect(await resident2.call('reports', 'follow', { id: a })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await resident2.call('reports', 'follow', { id: b })).toMatchObject({ ok: true })
    setModeration(world.srv.dataDir, b, { description: 'edited', publicDescription: '某楼门口垃圾堆积', photos: { [pic2]: 'published' }, hidden: true })
    expect(await resident2.call('reports', 'get', { id: b })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    // The reporter and the staff still read it in full.
    expect(await resident.call('reports', 'get', { id: b })).toMatchObject({ ok: true, view: 'full', case: { moderation: { hidden: true, description: 'edited', publicDescription: '某楼门口垃圾堆积' } } })
    expect(await gw.call('cases', 'get', { id: b })).toMatchObject({ ok: true, case: { description: '楼下垃圾堆了三天没人清理' } })
  })

  it('gives sensitive categories and 找网格员 questions no public view at all', async () => {
    const dispute = await submitReport(resident, { category: 'ZA02', description: '楼上夫妻天天吵架摔东西', location: { ...POINT, address: ADDRESS } })
    const ask = await resident.call('grid', 'ask', { code: '440111010001001', idempotencyKey: `ask-${Date.now()}`, question: '请问小区电动车充电桩什么时候装好？' })
    expect(ask).toMatchObject({ ok: true })
    for (const category of ['ZA02', 'ZX01']) {
      const cards = await resident2.call('reports', 'duplicates', { category, ...POINT })
      expect(cards).toEqual({ ok: true, cases: [] })
    }
    for (const id of [dispute.id, ask.caseId]) {
      expect(await resident2.call('reports', 'follow', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      expect(await resident2.call('reports', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
    expect(await resident.call('reports', 'get', { id: dispute.id })).toMatchObject({ ok: true, view: 'full' })
    expect(await gw.call('cases', 'get', { id: dispute.id })).toMatchObject({ ok: true })
    const cats = await resident.call('reports', 'categories', {})
    const sensitive = cats.categories.filter((x: { sensitive: boolean }) => x.sensitive).map((x: { code: string }) => x.code)
    expect(sensitive).toEqual(expect.arrayContaining(['ZA02', 'ZA03', 'ZX01']))
    expect(sensitive).not.toContain('HJ01')
  })

  it('never widens staff scope through a follow', async () => {
    const { c } = await handled()
    // Another grid's worker and a department not on the case: refused on both reads.
    for (const who of [gw2, dept]) {
      expect(await who.call('cases', 'get', { id: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      expect(await who.call('reports', 'get', { id: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
    expect(await gw2.call('reports', 'follow', { id: c.id })).toMatchObject({ ok: true })
    const seen = await gw2.call('reports', 'get', { id: c.id })
    expect(seen).toMatchObject({ ok: true, view: 'public' })
    expect(leaked(seen, [SECRET_NOTE, '13800138000', ADDRESS])).toEqual([])
    expect(await gw2.call('cases', 'get', { id: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await gw2.call('cases', 'act', { id: c.id, action: 'resolve', version: 3, note: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('tells followers of status changes and public updates, with the public text only, and nothing once closed', async () => {
    const { c } = await handled()
    await advance(world.srv.url, 0) // delivers what happened before anyone followed
    const follower = await asOpenid(world.srv.url, `dev-follower${Date.now()}`)
    expect(await follower.call('reports', 'follow', { id: c.id })).toMatchObject({ ok: true })
    const notices = async () => {
      await advance(world.srv.url, 0)
      return (await follower.call('inbox', 'list', {})).items.filter((i: { caseId: string }) => i.caseId === c.id)
    }
    expect(await move(gw, c.id, 'resolve', { note: SECRET_NOTE, attachments: [await photo(gw)] })).toMatchObject({ ok: true })
    const told = await notices()
    expect(told.map((i: { title: string }) => i.title)).toEqual(['关注的事项已办结'])
    expect(leaked(told, [SECRET_NOTE, '302 房门口', ADDRESS])).toEqual([])
    expect(told[0].body).toContain('环境卫生 / 垃圾堆积')
    const v = (await resident.call('reports', 'get', { id: c.id })).case.version
    expect(await resident.call('reports', 'confirm', { id: c.id, version: v, rating: 5 })).toMatchObject({ ok: true, case: { status: 'closed' } })
    expect(await notices()).toHaveLength(1)
    // The follower keeps the public view of the closed case.
    expect(await follower.call('reports', 'get', { id: c.id })).toMatchObject({ ok: true, view: 'public', case: { status: 'closed', statusLabel: '已评价' } })
  })
})

describe('the SLA clock', () => {
  it('marks an unaccepted case overdue, then escalates it to the street after the grace period', async () => {
    await onOwnServer(async (own) => {
      const r = await as(own.url, 'demo-resident')
      const c = await submitReport(r)
      const t1 = await advance(own.url, 5) // acceptHours 4 → overdue
      expect(t1.tick).toMatchObject({ ok: true, overdue: 1, escalated: 0 })
      const g = await as(own.url, 'demo-grid-worker')
      expect((await g.call('cases', 'get', { id: c.id })).case).toMatchObject({ overdue: true, escalationLevel: 'grid' })
      const t2 = await advance(own.url, 25) // grace 24 h → street
      expect(t2.tick).toMatchObject({ escalated: 1 })
      const d = await as(own.url, 'demo-dispatcher')
      const view = await d.call('cases', 'get', { id: c.id })
      expect(view.case).toMatchObject({ escalationLevel: 'street', overdue: false, unitCode: '440111010' })
      expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'mark_overdue', 'escalate'])
      expect((await g.call('cases', 'get', { id: c.id })).actions.map((a: { action: string }) => a.action)).not.toContain('escalate')
      expect((await advance(own.url, 0)).tick).toMatchObject({ overdue: 0, escalated: 0 })
      const inbox = await d.call('inbox', 'list', {})
      expect(inbox.items.some((i: { title: string }) => i.title === '事项已上报上级')).toBe(true)
    })
  })
})
