/**
 * 出租屋实名登记 end to end: the real local server (function bundles over SQLite, timer off, the
 * door-access webhook pointed at a loopback receiver) serving the real H5 build, driven in
 * Debian Chromium with one browser context per person.
 *
 * 王建国 (楼栋长) registers a building from where he stands and opens its printable QR. 刘洋
 * (tenant) opens the QR's link, is told the wrong part of a mistyped ID number, checks in with
 * both consents → 待确认. 王建国 confirms; his roster (在住) shows the number masked; the door
 * system receives a grant signed with the shared secret. 吴刚 (police) sees the registration
 * masked, reveals it once with a reason, exports the area's CSV with another, and finds both in
 * the audit trail. 刘洋 checks
 * out (人走注销) → the door system receives the revoke. After the retention period the daily job
 * purges the personal data: 已清除, no name, no number, on every page.
 *
 * Then 王建国's monthly fire-safety check of the demo building: one failed item with a photo
 * becomes a report case in his grid's queue; the street (赵强) sees the building he registered,
 * never checked, among the overdue ones, and the checked one not.
 */
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { addPhoto, launchBrowser, modalOk, open, shot, signedInPhone, tinyJpegFile, switchOn } from '../support/browser'
import { advance } from '../support/cases'
import { agreeNoticeIfAsked, fillBuildingForm } from '../support/h5Flows'
import { DEMO_BUILDING_ID } from '../../backend/seed/demoBuildings'
import { GRID1_POINT } from '../support/fixtures'
import { loopbackReceiver, type Loopback } from '../support/loopback'
import { startServer, type RunningServer } from '../support/server'

jest.setTimeout(180_000)

const SECRET = 'e2e-door-secret-5c1d'
const ID_NUMBER = '11010519491231002X'
const MASKED = '1101**********002X'
const PHONE = '13912345678'
const BUILDING = '云景花园 8 栋'

interface Hook {
  headers: Record<string, string | string[] | undefined>
  body: string
}

let receiver: Loopback
const hooks: Hook[] = []
let srv: RunningServer
let browser: Browser

beforeAll(async () => {
  receiver = await loopbackReceiver((req, body, res) => {
    hooks.push({ headers: req.headers, body })
    res.writeHead(204).end()
  })
  const hookUrl = receiver.url
  ;[srv, browser] = await Promise.all([
    startServer({ env: { JIEFANG_TIMER_MS: '0', JIEFANG_ACCESS_WEBHOOK_URL: hookUrl, JIEFANG_ACCESS_WEBHOOK_SECRET: SECRET } }),
    launchBrowser(),
  ])
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await srv?.stop()
  await receiver?.close()
})

/** A fresh phone for one person (optionally standing at `geo`), signed in through the dev role switcher. */
function person(userId: string, geo?: { lng: number; lat: number }): Promise<Page> {
  return signedInPhone(browser, srv.url, userId, geo)
}

/** Resolves with the JSON answer of the page's next call to rental.<action>. */
async function answered(p: Page, action: string): Promise<any> {
  const r = await p.waitForResponse((res) => res.url().endsWith('/api/fn/rental') && (res.request().postData() ?? '').includes(`"action":"${action}"`), { timeout: 30_000 })
  return r.json()
}

/** The webhook's body, after checking `X-Jiefang-Signature: sha256=<HMAC-SHA256 of "<timestamp>.<raw body>">`. */
function verified(h: Hook): Record<string, unknown> {
  const ts = String(h.headers['x-jiefang-timestamp'])
  expect(ts).toMatch(/^\d{10}$/)
  const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${h.body}`).digest('hex')}`
  expect(h.headers['x-jiefang-signature']).toBe(expected)
  const body = JSON.parse(h.body) as Record<string, unknown>
  expect(h.headers['x-jiefang-event-id']).toBe(body.id)
  // The door system gets the room and who, never the documents.
  expect(h.body).not.toContain(ID_NUMBER)
  expect(h.body).not.toContain(PHONE)
  return body
}

describe('出租屋实名登记 in the browser against the real server', () => {
  it('register building → QR link → check in → confirm → masked roster → signed grant → reveal audited → check out → revoke → purge', async () => {
    const [manager, tenant, police] = await Promise.all([person('demo-building-manager', GRID1_POINT), person('demo-tenant'), person('demo-police')])

    // 1. 王建国 registers a building; its grid comes from where he stands.
    await manager.locator('#jf-entry-buildings').click()
    await manager.locator('#jf-buildings[data-phase="ready"]').waitFor()
    await manager.locator('#jf-building-new').click()
    await fillBuildingForm(manager, { name: BUILDING, address: '广州市白云区云景路 26 号', floors: 6, perFloor: 2 })
    await shot(manager, 'e2e-rental-building-form')
    const registered = answered(manager, 'registerBuilding')
    await manager.locator('#jf-building-submit').click()
    const reg = await registered
    expect(reg).toMatchObject({ ok: true, replayed: false, building: { name: BUILDING, gridName: '云景社区第1网格', floors: 6, pending: 0, active: 0, inspectionState: 'never' } })
    const buildingId = reg.building.id as string
    const card = manager.locator(`.jf-building[data-id="${buildingId}"]`)
    await card.waitFor()
    await expect(card.locator('.jf-building-inspection').innerText()).resolves.toBe('从未巡查')
    await shot(manager, 'e2e-rental-buildings')

    // 2. Its printable QR: the server's SVG, and the link it encodes.
    await card.click()
    await manager.locator(`#jf-building-detail[data-id="${buildingId}"]`).waitFor()
    await manager.locator('#jf-building-go-qr').click()
    const qr = manager.locator('#jf-building-qr[data-link]')
    await qr.waitFor()
    const link = (await qr.getAttribute('data-link'))!
    expect(link).toContain(`/#/pages/rental/checkin/index?b=${reg.building.code}`)
    const img = manager.locator('#jf-qr-img img')
    await expect(img.getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml/)
    await manager.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle())
    await manager.locator('#jf-qr-print').waitFor()
    await shot(manager, 'e2e-rental-qr')

    // 3. 刘洋's home has 我的租住登记 among the large cards, which fit the phone; it explains the QR.
    const entry = tenant.locator('#jf-entry-rental')
    await entry.waitFor()
    for (const c of await tenant.locator('.jf-home-entry').all()) {
      const box = (await c.boundingBox())!
      expect(box.x + box.width).toBeLessThanOrEqual(390)
    }
    await shot(tenant, 'e2e-rental-tenant-home')
    await entry.click()
    await expect(tenant.locator('#jf-rental-mine-empty').innerText()).resolves.toContain('二维码')

    // She opens the link (what scanning it does), reads the notice, and checks in.
    await open(tenant, link.slice(link.indexOf('#') + 1))
    await tenant.locator(`#jf-checkin[data-code="${reg.building.code}"]`).waitFor()
    await expect(tenant.locator('#jf-checkin-building').innerText()).resolves.toContain(BUILDING)
    await expect(tenant.locator('#jf-checkin-notice').innerText()).resolves.toContain('保存 180 天')
    await tenant.locator('.jf-checkin-room[data-room="502"]').click()
    await tenant.locator('#jf-checkin-name input').fill('刘洋')
    // A slip in the check character is named while typing.
    await tenant.locator('#jf-checkin-doc input').fill('110105194912310021')
    await expect(tenant.locator('#jf-error-docNumber').innerText()).resolves.toBe('身份证号码校验位不正确，请核对后重新输入')
    await tenant.locator('#jf-checkin-doc input').fill(ID_NUMBER)
    await tenant.locator('#jf-error-docNumber').waitFor({ state: 'detached' })
    await tenant.locator('#jf-checkin-phone input').fill(PHONE)
    await tenant.locator('#jf-checkin-cohab-add').click()
    await tenant.locator('.jf-checkin-cohab[data-index="0"] .jf-checkin-cohab-name input').fill('王芳')
    await switchOn(tenant, '#jf-consent-purpose')
    await switchOn(tenant, '#jf-consent-sensitive')
    await shot(tenant, 'e2e-rental-checkin')
    const checkedIn = answered(tenant, 'checkIn')
    await tenant.locator('#jf-checkin-submit').click()
    await agreeNoticeIfAsked(tenant, tenant.locator('#jf-rental-mine'))
    const ci = await checkedIn
    expect(ci).toMatchObject({ ok: true, replayed: false, registration: { status: 'pending', room: '502', docNumberMasked: MASKED, cohabitants: [{ name: '王芳', relation: '配偶' }] } })
    const regId = ci.registration.id as string
    const mine = tenant.locator(`.jf-rental-reg[data-id="${regId}"]`)
    await tenant.locator(`.jf-rental-reg[data-id="${regId}"][data-status="pending"]`).waitFor()
    await expect(mine.innerText()).resolves.toContain('待确认')
    await expect(mine.locator('.jf-rental-mine-doc').innerText()).resolves.toBe(MASKED)
    await shot(tenant, 'e2e-rental-mine-pending')

    // 4. 王建国 confirms it; the roster (在住) shows the number masked, never in full.
    await open(manager, `/pages/rental-staff/building/detail/index?id=${buildingId}`)
    const pending = manager.locator(`.jf-building-reg[data-id="${regId}"][data-status="pending"]`)
    await pending.waitFor()
    await expect(pending.innerText()).resolves.toContain('502 刘洋')
    const decided = answered(manager, 'decide')
    await pending.locator('.jf-reg-approve').click()
    expect(await decided).toMatchObject({ ok: true, registration: { status: 'active', statusLabel: '在住' } })
    await pending.waitFor({ state: 'detached' })
    await manager.locator('#jf-building-tab-active').click()
    const roster = manager.locator(`#jf-building-active .jf-building-reg[data-id="${regId}"][data-status="active"]`)
    await roster.waitFor()
    await expect(roster.locator('.jf-reg-doc').innerText()).resolves.toBe(MASKED)
    expect(await manager.content()).not.toContain(ID_NUMBER)
    await shot(manager, 'e2e-rental-roster')

    // 5. The daily job delivers the door system's grant, signed.
    expect(hooks).toHaveLength(0)
    await advance(srv.url, 0)
    expect(hooks).toHaveLength(1)
    expect(verified(hooks[0]!)).toMatchObject({ type: 'grant', registrationId: regId, buildingCode: reg.building.code, room: '502', name: '刘洋' })

    // 6. 吴刚 sees it masked in his area, reveals it once with a reason; the reveal is audited.
    await police.locator('#jf-entry-police-area').click()
    const row = police.locator(`.jf-police-reg[data-id="${regId}"]`)
    await row.waitFor()
    await expect(row.locator('.jf-police-doc').innerText()).resolves.toBe(MASKED)
    await shot(police, 'e2e-rental-police-area')
    await row.locator('.jf-police-reveal').click()
    await police.locator('.jf-rental-purpose-lead').click()
    await police.locator('#jf-rental-reason textarea').fill('核查 11 月 30 日盗窃案线索')
    const revealed = answered(police, 'reveal')
    await police.locator('#jf-rental-reason-ok').click()
    expect(await revealed).toMatchObject({ ok: true, docNumber: ID_NUMBER, phone: PHONE })
    await expect(police.locator(`#jf-police-revealed[data-id="${regId}"] #jf-police-revealed-doc`).innerText()).resolves.toBe(ID_NUMBER)
    await shot(police, 'e2e-rental-police-reveal')
    await police.locator('#jf-police-revealed-close').click()
    await police.locator('#jf-police-revealed').waitFor({ state: 'detached' })
    // Closed: the full number is gone from the page, hidden nodes included.
    expect(await police.content()).not.toContain(ID_NUMBER)
    // The area's CSV (full numbers, for the station's own records), also with a reason.
    await police.locator('#jf-police-export').click()
    await police.locator('.jf-rental-purpose-inspection').click()
    await police.locator('#jf-rental-reason textarea').fill('12 月出租屋人员核查')
    const download = police.waitForEvent('download')
    await police.locator('#jf-rental-reason-ok').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.csv$/)
    const csv = readFileSync((await file.path())!, 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toContain(ID_NUMBER)
    expect(csv).toContain(BUILDING)
    expect(await police.content()).not.toContain(ID_NUMBER)
    await police.locator('#jf-police-go-audit').click()
    const audit = police.locator('.jf-audit-row[data-action="reveal"]').first()
    await audit.waitFor()
    await expect(audit.innerText()).resolves.toContain('核查 11 月 30 日盗窃案线索')
    // A sentence naming the registration by its number, never its id.
    await expect(audit.innerText()).resolves.toMatch(/吴刚 查看 \S+-\d{4}-\d{5} 的证件号码和手机号/)
    await expect(police.locator('.jf-audit-row[data-action="export"]').first().innerText()).resolves.toContain('12 月出租屋人员核查')
    await shot(police, 'e2e-rental-audit')

    // 7. 刘洋 sees 在住 and checks out herself (人走注销); the door system gets the revoke.
    await open(tenant, '/pages/rental/mine/index')
    const active = tenant.locator(`.jf-rental-reg[data-id="${regId}"][data-status="active"]`)
    await active.waitFor()
    await active.locator('.jf-rental-checkout').click()
    const checkedOut = answered(tenant, 'checkOut')
    await modalOk(tenant)
    expect(await checkedOut).toMatchObject({ ok: true, registration: { status: 'checked_out', statusLabel: '已退租' } })
    await tenant.locator(`.jf-rental-reg[data-id="${regId}"][data-status="checked_out"]`).waitFor()
    await shot(tenant, 'e2e-rental-checked-out')
    await advance(srv.url, 0)
    expect(hooks).toHaveLength(2)
    expect(verified(hooks[1]!)).toMatchObject({ type: 'revoke', registrationId: regId, room: '502' })

    // 8. Past the retention period (180 days after leaving) the personal data is purged.
    const tick = await advance(srv.url, 24 * 181)
    expect(tick.timers['rental-timer']).toMatchObject({ purged: 1 })
    await open(tenant, '/pages/rental/mine/index')
    const purged = tenant.locator(`.jf-rental-reg[data-id="${regId}"][data-status="purged"]`)
    await purged.waitFor()
    const text = await purged.innerText()
    expect(text).toContain('已清除')
    expect(text).toContain('502')
    expect(text).not.toContain('刘洋')
    expect(text).not.toContain(MASKED)
    expect(text).not.toContain(PHONE)
    await shot(tenant, 'e2e-rental-purged')
    await open(manager, `/pages/rental-staff/building/detail/index?id=${buildingId}`)
    await manager.locator('#jf-building-tab-ended').click()
    const ended = manager.locator(`#jf-building-ended .jf-building-reg[data-id="${regId}"][data-status="purged"]`)
    await ended.waitFor()
    await expect(ended.innerText()).resolves.not.toContain(MASKED)
    await expect(ended.locator('.jf-reg-doc').count()).resolves.toBe(0)
  })

  it('monthly fire-safety check: a failed item with a photo becomes a report case; the street sees the overdue buildings', async () => {
    const [manager, dispatcher, worker] = await Promise.all([person('demo-building-manager'), person('demo-dispatcher'), person('demo-grid-worker')])
    await open(manager, `/pages/rental-staff/building/detail/index?id=${DEMO_BUILDING_ID}`)
    await manager.locator('#jf-building-inspection[data-state="never"]').waitFor()
    await manager.locator('#jf-building-go-inspect').click()
    const items = manager.locator('.jf-inspect-item')
    await items.first().waitFor()
    const n = await items.count()
    expect(n).toBeGreaterThanOrEqual(3)
    // Submitting with nothing marked names every item.
    await manager.locator('#jf-inspect-submit').click()
    await expect(manager.locator('.jf-field-error').count()).resolves.toBe(n)
    // 疏散通道 blocked (a grid worker's category); everything else passes.
    const failedCode = 'escape_routes'
    for (let i = 0; i < n; i++) {
      const item = items.nth(i)
      if ((await item.getAttribute('data-code')) !== failedCode) await item.locator('.jf-inspect-pass').click()
    }
    const failed = manager.locator(`.jf-inspect-item[data-code="${failedCode}"]`)
    await failed.locator('.jf-inspect-fail').click()
    await failed.locator('.jf-inspect-note input').fill('2 楼楼道堆放电动车和纸箱')
    await addPhoto(manager, tinyJpegFile('corridor.jpg'))
    await shot(manager, 'e2e-rental-inspect')
    const inspected = answered(manager, 'inspect')
    await manager.locator('#jf-inspect-submit').click()
    const ins = await inspected
    expect(ins).toMatchObject({ ok: true, inspection: { failed: 1, items: expect.arrayContaining([expect.objectContaining({ code: failedCode, passed: false, note: '2 楼楼道堆放电动车和纸箱' })]) } })
    expect(ins.inspection.caseIds).toHaveLength(1)
    expect(ins.inspection.photos).toHaveLength(1)
    const caseId = ins.inspection.caseIds[0] as string
    await manager.locator('#jf-inspect-done[data-failed="1"][data-cases="1"]').waitFor()
    await manager.locator(`.jf-inspect-case[data-id="${caseId}"]`).waitFor()
    await manager.locator(`.jf-inspect-past[data-id="${ins.inspection.id}"][data-failed="1"]`).waitFor()
    await shot(manager, 'e2e-rental-inspect-done')

    // The case is in the grid's queue, where its grid worker works from.
    await worker.locator('#jf-entry-staff-queue').click()
    await worker.locator(`.jf-queue-row[data-case-id="${caseId}"]`).waitFor()

    // The street's list: the building registered above (never checked) is overdue, the demo building is not.
    await dispatcher.locator('#jf-entry-fire-overdue').click()
    await dispatcher.locator('#jf-overdue[data-count]').waitFor()
    await expect(dispatcher.locator('.jf-overdue-row', { hasText: BUILDING }).getAttribute('data-state')).resolves.toBe('never')
    await expect(dispatcher.locator(`.jf-overdue-row[data-id="${DEMO_BUILDING_ID}"]`).count()).resolves.toBe(0)
    await shot(dispatcher, 'e2e-rental-overdue')
  })
})
