/**
 * Two views of a report and its moderation, end to end: the real local server (SQLite, timer off)
 * serving the real H5 build, in Debian Chromium, one browser context per person. The residents are
 * brand-new WeChat identities (dev OPENIDs), not demo users.
 *
 *   1. A resident files an anonymous report with a photo.
 *   2. A second resident, standing close by, is offered it as a duplicate card: no photo, no
 *      reporter, no address, no unpublished description. She follows it: the public view.
 *   3. The grid worker adds an internal note and a public update; the follower sees only the update.
 *   4. The dispatcher (综治中心, 内容审核) approves the photo; the follower now sees it.
 *   5. The dispatcher publishes an edited description with a reason: the staff timeline shows who,
 *      and why; the follower sees the edited text; the reporter is told in the inbox.
 * Every answer the follower's browser received is checked for what a stranger must never collect.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { addPhoto as addPhotoFile, deskContext, launchBrowser, open, phone, shot, signIn, signInAs, tinyJpegFile, switchOn } from '../support/browser'
import { advance } from '../support/cases'
import { GRID1_POINT } from '../support/fixtures'
import { as, asOpenid as asOpenidAt, startServer, type RunningServer } from '../support/server'

jest.setTimeout(180_000)

let srv: RunningServer
let browser: Browser
let photoPath: string
const contexts: BrowserContext[] = []

beforeAll(async () => {
  ;[srv, browser] = await Promise.all([startServer({ env: { JIEFANG_TIMER_MS: '0' } }), launchBrowser()])
  photoPath = tinyJpegFile()
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined)
  await browser?.close()
  await srv?.stop()
})

const run = randomBytes(4).toString('hex')
const REPORTER = `dev-mod-reporter-${run}`
const NEIGHBOUR = `dev-mod-neighbour-${run}`

const ADDRESS = '云景路 12 号东门'
const DESCRIPTION = '云景路东门垃圾桶满溢三天，302房陈女士家门口气味很大'
const REDACTED = '云景路东门垃圾桶满溢三天，附近住户反映气味很大'
const REDACT_REASON = '含住户门牌和姓氏'
const INTERNAL_NOTE = '已电话联系302房陈女士 13800138000，约定明早上门'
const PUBLIC_UPDATE = '已安排保洁明早清运并消毒'
/** A few metres from the report: close enough to be offered it, not the same point. */
const NEIGHBOUR_POINT = { lng: GRID1_POINT.lng + 0.0002, lat: GRID1_POINT.lat + 0.0001 }

/** A phone (or, with `desk`, a desktop) signed in through the dev role switcher: a demo user by id, or a new WeChat identity. */
async function person(who: { userId: string } | { openid: string }, opts: { geo?: { lng: number; lat: number }; desk?: boolean } = {}): Promise<Page> {
  const ctx = opts.desk ? await deskContext(browser, srv.url, 900) : await phone(browser, srv.url, opts.geo)
  contexts.push(ctx)
  const p = await ctx.newPage()
  p.setDefaultTimeout(20_000)
  if ('userId' in who) {
    await signIn(p, who.userId)
  } else {
    await signInAs(p, who.openid)
  }
  return p
}

/** The same identity over the API, to check what the server itself answers. */
const asOpenid = (openid: string) => asOpenidAt(srv.url, openid)

/** Every function answer this page receives, as text, to search for what must never reach it. */
function recordAnswers(p: Page): string[] {
  const seen: string[] = []
  p.on('response', (r) => {
    if (r.url().includes('/api/fn/')) void r.text().then((t) => seen.push(t), () => undefined)
  })
  return seen
}

const addPhoto = (p: Page, scope: string) => addPhotoFile(p, photoPath, scope)

/** One staff note through the act sheet, internal (the default) or as a public update. */
async function note(p: Page, action: string, text: string, visibility: 'internal' | 'public'): Promise<void> {
  await p.locator(`.jf-act[data-action="${action}"]`).click()
  const sheet = p.locator(`#jf-act-sheet[data-action="${action}"]`)
  await sheet.waitFor()
  await sheet.locator('#jf-act-visibility[data-visibility="internal"]').waitFor()
  await sheet.locator('#jf-act-note textarea').fill(text)
  if (visibility === 'public') {
    await sheet.locator('.jf-act-vis-public').click()
    await sheet.locator('#jf-act-visibility[data-visibility="public"]').waitFor()
    await expect(sheet.locator('#jf-act-vis-hint').innerText()).resolves.toContain('关注此事项的居民')
  }
  await shot(p, `e2e-moderation-note-${visibility}`)
  await sheet.locator('#jf-act-submit').click()
  await sheet.waitFor({ state: 'detached' })
}

const timelineRow = (p: Page, text: string) => p.locator('.jf-timeline-item', { hasText: text })

describe('public and internal views of a report, and its moderation', () => {
  it('anonymous report → duplicate card → internal note and public update → photo approved → redaction', async () => {
    // 1. A new resident files an anonymous report with a photo at 云景社区第1网格.
    const reporter = await person({ openid: REPORTER }, { geo: GRID1_POINT })
    await reporter.locator('#jf-entry-report').click()
    await reporter.locator('.jf-cat-top[data-code="HJ"]').click()
    await reporter.locator('.jf-cat-sub[data-code="HJ01"]').click()
    await reporter.locator('#jf-description textarea').fill(DESCRIPTION)
    await addPhoto(reporter, '')
    await reporter.locator('#jf-loc-current').click()
    await reporter.locator('#jf-loc-grid').getByText('云景社区第1网格').waitFor()
    await reporter.locator('#jf-address input').fill(ADDRESS)
    await switchOn(reporter, '#jf-anonymous')
    await reporter.locator('#jf-anonymous .nut-switch-button-open').waitFor()
    await reporter.locator('#jf-submit').click()
    const filed = reporter.locator('#jf-case-detail[data-status="submitted"]')
    await filed.waitFor()
    const id = (await filed.getAttribute('data-case-id'))!
    // The reporter sees all of it, and what other residents can see of it (nothing yet).
    await expect(reporter.locator('#jf-case-description').innerText()).resolves.toBe(DESCRIPTION)
    await expect(reporter.locator('#jf-detail-visibility').innerText()).resolves.toContain('问题描述：待审核')
    await expect(reporter.locator('#jf-detail-visibility').innerText()).resolves.toContain('照片：1 张待审核')
    await shot(reporter, 'e2e-moderation-reporter-filed')

    // 2. A second new resident close by starts the same report and is offered the public card.
    const neighbour = await person({ openid: NEIGHBOUR }, { geo: NEIGHBOUR_POINT })
    const neighbourSaw = recordAnswers(neighbour)
    await neighbour.locator('#jf-entry-report').click()
    await neighbour.locator('.jf-cat-top[data-code="HJ"]').click()
    await neighbour.locator('.jf-cat-sub[data-code="HJ01"]').click()
    await neighbour.locator('#jf-loc-current').click()
    const card = neighbour.locator(`#jf-duplicates .jf-duplicate[data-case-id="${id}"]`)
    await card.waitFor()
    await expect(card.getAttribute('data-photos')).resolves.toBe('0')
    await expect(card.locator('.jf-photo-grid').count()).resolves.toBe(0)
    const cardText = await card.innerText()
    expect(cardText).toContain('问题描述尚未公开')
    expect(cardText).toContain('已上报')
    expect(cardText).toMatch(/距您(约 \d+ 米| 50 米以内)/)
    for (const secret of [ADDRESS, '302', '陈女士', '匿名', '微信用户']) expect(cardText).not.toContain(secret)
    await card.scrollIntoViewIfNeeded()
    await shot(neighbour, 'e2e-moderation-duplicate-card')

    await card.locator('.jf-duplicate-follow').click()
    const view = neighbour.locator(`#jf-public-case[data-case-id="${id}"]`)
    await view.waitFor()
    await neighbour.locator('#jf-following').waitFor()
    await expect(view.locator('#jf-public-note').innerText()).resolves.toBe('为保护隐私，仅显示已公开的内容')
    await expect(view.locator('#jf-public-photos').getAttribute('data-count')).resolves.toBe('0')
    await expect(view.locator('#jf-public-updates').getAttribute('data-count')).resolves.toBe('0')
    await shot(neighbour, 'e2e-moderation-follower-before')

    // 3. The grid worker: the reporter is hidden from them (anonymous); an internal note, then a public update.
    const worker = await person({ userId: 'demo-grid-worker' })
    await open(worker, `/pages/report-staff/case/index?id=${id}`)
    await worker.locator(`#jf-staff-case[data-case-id="${id}"]`).waitFor()
    await expect(worker.locator('#jf-reporter').getAttribute('data-anonymous')).resolves.toBe('1')
    await worker.locator('.jf-act[data-action="accept"]').click()
    await worker.locator(`#jf-staff-case[data-case-id="${id}"][data-status="accepted"]`).waitFor()
    await note(worker, 'note', INTERNAL_NOTE, 'internal')
    await timelineRow(worker, INTERNAL_NOTE).waitFor()
    await note(worker, 'note', PUBLIC_UPDATE, 'public')
    await timelineRow(worker, PUBLIC_UPDATE).waitFor()
    await expect(timelineRow(worker, INTERNAL_NOTE).getAttribute('data-visibility')).resolves.toBe('internal')
    await expect(timelineRow(worker, INTERNAL_NOTE).locator('.jf-timeline-mark').innerText()).resolves.toBe('内部')
    await expect(timelineRow(worker, PUBLIC_UPDATE).getAttribute('data-visibility')).resolves.toBe('public')
    await expect(timelineRow(worker, PUBLIC_UPDATE).locator('.jf-timeline-mark').innerText()).resolves.toBe('公开')
    await shot(worker, 'e2e-moderation-worker-timeline')

    // The follower sees the update and nothing of the note.
    await open(neighbour, `/pages/report/detail/index?id=${id}`)
    await view.locator('#jf-public-updates[data-count="1"]').waitFor()
    await expect(view.locator('#jf-public-updates').innerText()).resolves.toContain(PUBLIC_UPDATE)
    await expect(view.innerText()).resolves.not.toContain('302')
    await expect(view.locator('#jf-public-photos').getAttribute('data-count')).resolves.toBe('0')
    await shot(neighbour, 'e2e-moderation-follower-update')

    // The reporter sees the public update too, never the internal note.
    await open(reporter, `/pages/report/detail/index?id=${id}`)
    await timelineRow(reporter, PUBLIC_UPDATE).waitFor()
    await expect(reporter.locator('#jf-timeline').innerText()).resolves.not.toContain(INTERNAL_NOTE)

    // 4. The dispatcher's 内容审核 (综治中心 desk): approve the photo.
    const desk = await person({ userId: 'demo-dispatcher' }, { desk: true })
    await desk.locator('#jf-entry-moderation').click()
    const item = desk.locator(`#jf-moderation .jf-mod-item[data-case-id="${id}"]`)
    await item.waitFor()
    await expect(item.locator('.jf-mod-desc-text').innerText()).resolves.toBe(DESCRIPTION)
    await shot(desk, 'e2e-moderation-queue')
    const photo = item.locator('.jf-mod-photo').first()
    await expect(photo.getAttribute('data-state')).resolves.toBe('pending')
    await photo.locator('.jf-mod-photo-publish').click()
    await item.locator('.jf-mod-photo[data-state="published"]').waitFor()

    await open(neighbour, `/pages/report/detail/index?id=${id}`)
    await view.locator('#jf-public-photos[data-count="1"]').waitFor()
    await view.locator('#jf-public-photos .jf-photo-img').waitFor()
    await expect(view.locator('#jf-public-description').getAttribute('data-published')).resolves.toBe('0')
    await shot(neighbour, 'e2e-moderation-follower-photo')

    // 5. 编辑后公开: the dispatcher removes the door number and name, with a reason.
    await item.locator('.jf-mod-desc-redact').click()
    const sheet = desk.locator('#jf-mod-sheet[data-mode="redact"]')
    await sheet.waitFor()
    await sheet.locator('#jf-mod-text textarea').fill(REDACTED)
    await sheet.locator('#jf-mod-submit').click()
    // A redaction needs its reason.
    await sheet.locator('#jf-error-mod-reason').waitFor()
    await sheet.locator('#jf-mod-reason textarea, #jf-mod-reason input').first().fill(REDACT_REASON)
    await shot(desk, 'e2e-moderation-redact-sheet')
    await sheet.locator('#jf-mod-submit').click()
    await sheet.waitFor({ state: 'detached' })

    // The staff timeline shows the redaction with its reason; the original stays for staff.
    await open(desk, `/pages/report-staff/case/index?id=${id}`)
    await desk.locator(`#jf-staff-case[data-case-id="${id}"]`).waitFor()
    await expect(desk.locator('#jf-case-description').innerText()).resolves.toBe(DESCRIPTION)
    const redaction = timelineRow(desk, REDACT_REASON)
    await redaction.waitFor()
    await expect(redaction.innerText()).resolves.toContain('编辑描述')
    await expect(redaction.getAttribute('data-visibility')).resolves.toBe('internal')
    await shot(desk, 'e2e-moderation-staff-redaction')
    // The grid worker reads who redacted it, and why.
    await open(worker, `/pages/report-staff/case/index?id=${id}`)
    const seenByWorker = timelineRow(worker, REDACT_REASON)
    await seenByWorker.waitFor()
    await expect(seenByWorker.innerText()).resolves.toContain('赵强')
    await expect(seenByWorker.locator('.jf-timeline-mark').innerText()).resolves.toBe('内部')

    // The follower reads the edited text; the reporter is told in the inbox.
    await open(neighbour, `/pages/report/detail/index?id=${id}`)
    await view.locator('#jf-public-description[data-published="1"]').waitFor()
    await expect(view.locator('#jf-public-description').innerText()).resolves.toBe(REDACTED)
    await shot(neighbour, 'e2e-moderation-follower-redacted')

    // The server's timer is off: run it once so the outbox delivers the notice.
    await advance(srv.url, 0)
    await open(reporter, '/pages/inbox/index')
    const notice = reporter.locator(`#jf-inbox-list .jf-inbox-item[data-case-id="${id}"]`, { hasText: REDACT_REASON })
    await notice.waitFor()
    await expect(notice.locator('.jf-inbox-body').innerText()).resolves.toContain(`原因：${REDACT_REASON}`)
    // The reporter heard of the public update, not of the internal note.
    await expect(reporter.locator('.jf-inbox-item', { hasText: '事项有新的回复' }).count()).resolves.toBe(1)
    await shot(reporter, 'e2e-moderation-reporter-inbox')

    // What reached the follower's browser, and what the server answers her, never holds the
    // reporter, the address, the internal note or the original description.
    const api = await asOpenid(NEIGHBOUR)
    const got = await api.call('reports', 'get', { id })
    expect(got).toMatchObject({ ok: true, view: 'public', case: { id, description: REDACTED } })
    expect(got.case.photos).toHaveLength(1)
    const everything = [...neighbourSaw, JSON.stringify(got)].join('\n')
    for (const secret of [ADDRESS, '12 号', INTERNAL_NOTE, '13800138000', '陈女士', DESCRIPTION, REPORTER]) expect(everything).not.toContain(secret)

    // And staff still hold all of it.
    const staff = await (await as(srv.url, 'demo-grid-worker')).call('cases', 'get', { id })
    expect(staff).toMatchObject({ ok: true, case: { description: DESCRIPTION, location: { address: ADDRESS } } })
  })
})
