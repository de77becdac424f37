/**
 * The report's closed loop end to end, through the H5 build on the real local server (SQLite):
 *   1. a resident reports with a photo and the device location; the grid worker accepts and
 *      resolves it with an after-photo; the resident confirms with 5 stars (已评价);
 *   2. the command centre (综治中心) assigns a report to 城管执法队, whose user handles it;
 *   3. the SLA clock: past the 受理 deadline the case is 超时, past the grace it goes up to the street.
 * One browser context per user keeps the sessions apart. The server's timer interval is off
 * (JIEFANG_TIMER_MS=0): only advance() moves its clock and runs the SLA timer, so the SLA test
 * runs last (the clock is shared by the whole server).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { addPhoto as addPhotoFile, deskContext, launchBrowser, phone, screenshot, signIn, tinyJpegFile } from '../support/browser'
import { advance, submitReport } from '../support/cases'
import { GRID1_POINT } from '../support/fixtures'
import { as, startServer, type RunningServer } from '../support/server'

jest.setTimeout(90_000)

let srv: RunningServer
let browser: Browser
let photoPath: string
const contexts: BrowserContext[] = []
const pages = new Map<string, Page>()

beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
  browser = await launchBrowser()
  photoPath = tinyJpegFile()
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined)
  await browser?.close()
  await srv?.stop()
})

/** A fresh app run at a hash route (a full load, so no earlier page lingers hidden in Taro's stack). */
async function visit(p: Page, route: string): Promise<void> {
  await p.goto('about:blank')
  await p.goto(`${srv.url}/#${route}`)
}

/** The signed-in page of one demo user, in a context of its own (created once, reused). */
async function userPage(userId: string, opts: { desk?: boolean } = {}): Promise<Page> {
  const known = pages.get(userId)
  if (known) return known
  const ctx = opts.desk ? await deskContext(browser, srv.url) : await phone(browser, srv.url, GRID1_POINT)
  contexts.push(ctx)
  const p = await ctx.newPage()
  await signIn(p, userId)
  pages.set(userId, p)
  return p
}

const addPhoto = (p: Page, scope: string) => addPhotoFile(p, photoPath, scope)

/** From 我的工作台, on the queue tab `tab` brings up: the row of case `id` shows `status`; screenshot, then open it. */
async function openFromQueue(p: Page, id: string, status: string, shot: string, tab: () => Promise<void>): Promise<void> {
  await p.locator('#jf-entry-staff-queue').click()
  await tab()
  const row = p.locator(`.jf-queue-row[data-case-id="${id}"]`)
  await expect(row.getAttribute('data-status')).resolves.toBe(status)
  await screenshot(p, shot)
  await row.click()
  await staffCase(p, id, status).waitFor()
}

/** Fills and sends the staff action sheet for a move (note and, for 办结, an after-photo). */
async function actWithSheet(p: Page, shot: string, action: string, fill: { note?: string; photo?: boolean; department?: string }): Promise<void> {
  await p.locator(`.jf-act[data-action="${action}"]`).click()
  const sheet = p.locator(`#jf-act-sheet[data-action="${action}"]`)
  await sheet.waitFor()
  if (fill.department) await sheet.locator(`#jf-assignees .jf-assignee[data-id="${fill.department}"]`).click()
  if (fill.note) await sheet.locator('#jf-act-note textarea').fill(fill.note)
  if (fill.photo) await addPhoto(p, '#jf-act-sheet #jf-act-photos')
  await screenshot(p, shot)
  await sheet.locator('#jf-act-submit').click()
}

const staffCase = (p: Page, id: string, status?: string) =>
  p.locator(`#jf-staff-case[data-case-id="${id}"]${status ? `[data-status="${status}"]` : ''}`)

async function timelineActions(p: Page): Promise<string[]> {
  return p.locator('.jf-timeline-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''))
}

it('closed loop: resident reports, grid worker accepts and resolves, resident confirms with 5 stars', async () => {
  // The resident reports with a photo and the phone's location (网格 1).
  const resident = await userPage('demo-resident')
  await resident.locator('#jf-entry-report').click()
  await resident.locator('.jf-cat-top[data-code="HJ"]').click()
  await resident.locator('.jf-cat-sub[data-code="HJ01"]').click()
  await resident.locator('#jf-description textarea').fill('云景路东门垃圾桶满溢三天，无人清运')
  await addPhoto(resident, '')
  await resident.locator('#jf-loc-current').click()
  await resident.locator('#jf-loc-grid').getByText('云景社区第1网格').waitFor()
  await resident.locator('#jf-address input').fill('云景路 12 号东门')
  await resident.locator('#jf-submit').click()
  const detail = resident.locator('#jf-case-detail[data-status="submitted"]')
  await detail.waitFor()
  const id = (await detail.getAttribute('data-case-id'))!
  expect(id).toMatch(/^[0-9A-Z]{26}$/)

  // The grid worker finds it in 我的工作台 under 待受理 and opens it.
  const worker = await userPage('demo-grid-worker')
  await openFromQueue(worker, id, 'submitted', 'reports-loop-worker-queue', () => worker.locator('#jf-queue-tab-submitted.is-active').waitFor())
  await expect(worker.locator('#jf-reporter').getAttribute('data-anonymous')).resolves.toBe('0')

  // 受理, then 办结 with a note and an after-photo.
  await worker.locator('.jf-act[data-action="accept"]').click()
  await staffCase(worker, id, 'accepted').waitFor()
  // 办结 without 处置情况: asked for by its name, once, under the field (not again at the sheet's foot).
  await worker.locator('.jf-act[data-action="resolve"]').click()
  const sheet = worker.locator('#jf-act-sheet[data-action="resolve"]')
  await sheet.locator('#jf-act-submit').click()
  await sheet.locator('#jf-error-note').getByText('请填写处置情况').waitFor()
  await expect(sheet.getByText('请填写处置情况', { exact: true }).count()).resolves.toBe(1)
  await expect(sheet.locator('#jf-act-error').count()).resolves.toBe(0)
  await sheet.locator('#jf-act-note textarea').fill('已联系保洁清运，垃圾桶已清空消毒')
  await addPhoto(worker, '#jf-act-sheet #jf-act-photos')
  await screenshot(worker, 'reports-loop-worker-resolve-sheet')
  await sheet.locator('#jf-act-submit').click()
  await staffCase(worker, id, 'resolved').waitFor()
  await worker.locator('.jf-timeline-item[data-action="resolve"] .jf-timeline-photos').waitFor()
  await screenshot(worker, 'reports-loop-worker-resolved')

  // The resident sees 已办结 and confirms with 5 stars and a comment.
  await visit(resident, `/pages/report/detail/index?id=${id}`)
  await resident.locator(`#jf-case-detail[data-case-id="${id}"][data-status="resolved"]`).waitFor()
  await expect(resident.locator('#jf-case-detail .jf-detail-head .jf-status-tag').innerText()).resolves.toContain('已办结')
  const decide = resident.locator('#jf-decide')
  await decide.locator('.jf-star[data-value="5"]').click()
  await decide.locator('#jf-confirm-comment textarea').fill('处理很及时，谢谢网格员')
  await screenshot(resident, 'reports-loop-resident-confirm')
  await decide.locator('#jf-confirm').click()
  await resident.locator(`#jf-case-detail[data-case-id="${id}"][data-status="closed"]`).waitFor()
  await resident.locator('#jf-rating[data-rating="5"]').waitFor()
  await expect(resident.locator('#jf-case-detail .jf-detail-head .jf-status-tag').innerText()).resolves.toContain('已评价')
  await expect(decide.count()).resolves.toBe(0)
  expect(await timelineActions(resident)).toEqual(['submit', 'accept', 'resolve', 'confirm'])
  await screenshot(resident, 'reports-loop-resident-closed')

  // What the pages showed is what the server stored.
  const stored = await (await as(srv.url, 'demo-resident')).call('reports', 'get', { id })
  expect(stored).toMatchObject({ ok: true, case: { status: 'closed', gridName: '云景社区第1网格' } })
  expect(stored.case.photos).toHaveLength(1)
  const staff = await (await as(srv.url, 'demo-grid-worker')).call('cases', 'get', { id })
  expect(staff).toMatchObject({ ok: true, case: { status: 'closed', rating: 5, ratingComment: '处理很及时，谢谢网格员', assigneeId: 'demo-grid-worker' } })
  const resolve = staff.timeline.find((e: { action: string }) => e.action === 'resolve')
  expect(resolve).toMatchObject({ note: '已联系保洁清运，垃圾桶已清空消毒' })
  expect(resolve.attachments).toHaveLength(1)
})

it('transfer: the command centre assigns a report to 城管执法队, which handles it', async () => {
  const id = (await submitReport(await as(srv.url, 'demo-resident'), {
    // Filed under 其他问题 (a grid case); the desk sees it is 城管's and transfers it.
    category: 'QT01',
    description: '人行道上有商户占道摆卖，行人要走机动车道',
  })).id as string

  // The dispatcher finds it in the 综治中心 console and opens it.
  const desk = await userPage('demo-dispatcher', { desk: true })
  await desk.locator('#jf-entry-console').click()
  const row = desk.locator(`#jf-console-table .jf-cq-row[data-case-id="${id}"]`)
  await expect(row.getAttribute('data-status')).resolves.toBe('submitted')
  await screenshot(desk, 'reports-transfer-console')
  await row.locator('.jf-cq-title').click()
  await staffCase(desk, id, 'submitted').waitFor()

  // 分派 to the department.
  await actWithSheet(desk, 'reports-transfer-assign-sheet', 'assign', { department: 'chengguan' })
  await staffCase(desk, id, 'assigned').waitFor()
  await expect(desk.locator('#jf-case-handler').innerText()).resolves.toContain('城管执法队')
  await screenshot(desk, 'reports-transfer-assigned')

  // The department user finds it in their queue (处理中) and handles it.
  const dept = await userPage('demo-department')
  await openFromQueue(dept, id, 'assigned', 'reports-transfer-dept-queue', () => dept.locator('#jf-queue-tab-open').click())
  const offered = await dept.locator('.jf-act').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))
  expect(offered).toEqual(expect.arrayContaining(['start', 'resolve']))
  expect(offered).not.toContain('assign') // the dispatcher's move, not the department's
  if (offered.includes('accept')) {
    await dept.locator('.jf-act[data-action="accept"]').click()
    await staffCase(dept, id, 'accepted').waitFor()
  }
  await dept.locator('.jf-act[data-action="start"]').click()
  await staffCase(dept, id, 'in_progress').waitFor()
  await actWithSheet(dept, 'reports-transfer-dept-resolve-sheet', 'resolve', { note: '已劝离占道商户，恢复人行道通行', photo: true })
  await staffCase(dept, id, 'resolved').waitFor()
  expect(await timelineActions(dept)).toEqual(['submit', 'assign', 'start', 'resolve'])
  await screenshot(dept, 'reports-transfer-dept-resolved')

  const stored = await (await as(srv.url, 'demo-dispatcher')).call('cases', 'get', { id })
  expect(stored).toMatchObject({ ok: true, case: { status: 'resolved', department: 'chengguan', departmentName: '城管执法队' } })
  const resolve = stored.timeline.find((e: { action: string }) => e.action === 'resolve')
  expect(resolve).toMatchObject({ note: '已劝离占道商户，恢复人行道通行' })
  expect(resolve.attachments).toHaveLength(1)
})

it('SLA: an unaccepted report turns 超时 past its deadline, then goes up to the street', async () => {
  const id = (await submitReport(await as(srv.url, 'demo-resident'), { description: '3 栋楼下建筑垃圾堆了一周没人清' })).id as string

  // Fresh: in the grid worker's 待受理, not overdue, and they may 上报街道.
  const worker = await userPage('demo-grid-worker')
  const queue = '/pages/report-staff/queue/index'
  const row = worker.locator(`.jf-queue-row[data-case-id="${id}"]`)
  await visit(worker, queue)
  await expect(row.getAttribute('data-overdue')).resolves.toBe('0')

  // Past the 4-hour 受理 deadline: marked overdue.
  const first = await advance(srv.url, 5)
  expect(first.ok).toBe(true)
  expect(first.tick.overdue).toBeGreaterThanOrEqual(1)
  await visit(worker, queue)
  await expect(row.getAttribute('data-overdue')).resolves.toBe('1')
  await expect(row.locator('.jf-overdue-badge').innerText()).resolves.toContain('超时')
  await screenshot(worker, 'reports-sla-overdue-queue')
  await row.click()
  await staffCase(worker, id, 'submitted').waitFor()
  await worker.locator('.jf-timeline-item[data-action="mark_overdue"]').waitFor()
  await expect(worker.locator('.jf-act[data-action="escalate"]').innerText()).resolves.toContain('上报街道')

  // Overdue for longer than the 24-hour grace: the timer moves it up to the street.
  const second = await advance(srv.url, 25)
  expect(second.ok).toBe(true)
  expect(second.tick.escalated).toBeGreaterThanOrEqual(1)

  const desk = await userPage('demo-dispatcher', { desk: true })
  await visit(desk, `/pages/report-staff/case/index?id=${id}`)
  await staffCase(desk, id).waitFor()
  await desk.locator('.jf-timeline-item[data-action="escalate"]').waitFor()
  await desk.getByText('当前层级：街道').waitFor()
  await screenshot(desk, 'reports-sla-escalated-dispatcher')

  // The grid worker still sees the case, but it is the street's now: nothing left for them to do.
  await visit(worker, `/pages/report-staff/case/index?id=${id}`)
  await staffCase(worker, id).waitFor()
  await worker.locator('.jf-timeline-item[data-action="escalate"]').waitFor()
  await worker.locator('#jf-act-none').waitFor()
  expect(await worker.locator('.jf-act').count()).toBe(0)
  await screenshot(worker, 'reports-sla-escalated-worker')

  const stored = await (await as(srv.url, 'demo-dispatcher')).call('cases', 'get', { id })
  expect(stored).toMatchObject({ ok: true, case: { escalationLevel: 'street', status: 'submitted' } })
  expect(stored.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'mark_overdue', 'escalate'])
})
