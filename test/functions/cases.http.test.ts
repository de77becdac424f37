import { GRID2_POINT, reportInput } from '../support/fixtures'
import { advance, move, photo, submitReport } from '../support/cases'
import { as, startServer, type Client, type RunningServer } from '../support/server'

let srv: RunningServer
let resident: Client, resident2: Client, gw: Client, gw2: Client, disp: Client, dept: Client

beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
  ;[resident, resident2, gw, gw2, disp, dept] = await Promise.all(
    ['demo-resident', 'demo-resident-2', 'demo-grid-worker', 'demo-grid-worker-2', 'demo-dispatcher', 'demo-department'].map((u) => as(srv.url, u)),
  )
})
afterAll(async () => {
  await srv?.stop()
})

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
    await advance(srv.url, 0) // runs the timer, which delivers the outbox
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
    expect(await resident2.call('reports', 'follow', { id: c.id })).toMatchObject({ ok: true, following: true })
    expect(await resident2.call('reports', 'get', { id: c.id })).toMatchObject({ ok: true })
  })
})

describe('the SLA clock', () => {
  it('marks an unaccepted case overdue, then escalates it to the street after the grace period', async () => {
    const own = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
    try {
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
    } finally {
      await own.stop()
    }
  })
})
