/**
 * 网格服务群 end to end: the real local server (functions bundles over SQLite, timer off) serving the
 * real H5 build, driven in Debian Chromium with one browser context per person.
 *
 * 陈小梅 (at the centre of 云景社区第1网格) finds her grid by location and reads why, reads the
 * board and its 1+1+5+N team, asks to join with her building → 待审核. 李明 (its grid worker)
 * approves her in 入群申请 and uploads the group QR; she sees the QR (已入群). He publishes an
 * emergency to his grid; she sees it on the home page and pinned in 网格公告, opens it; his receipts
 * show 1/1 read and 100% within 15 minutes.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { browserWorld, chooseFile, signedInPhone, open, shot, tapAndConfirm, tinyJpegFile } from '../support/browser'
import { GRID1_CODE, GRID1_POINT } from '../support/fixtures'
import { as } from '../support/server'

jest.setTimeout(120_000)

const world = browserWorld()

/** A fresh phone for one person (optionally standing at `geo`), signed in through the dev role switcher. */
async function person(userId: string, geo?: { lng: number; lat: number }): Promise<Page> {
  return signedInPhone(world.browser, world.srv.url, userId, geo)
}

/** Resolves when the page's call to grid.<action> has been answered. */
function answered(p: Page, action: string) {
  return p.waitForResponse((r) => r.url().endsWith('/api/fn/grid') && (r.request().postData() ?? '').includes(`"action":"${action}"`))
}

const BUILDING = '云景花园 3 栋 502'
const TITLE = '台风红色预警'
const BODY = '台风“海燕”预计今晚 20 时在本市登陆，请立即关好门窗、收起阳台杂物，非必要不外出。如有险情请拨打网格员电话。'
const BOARD = `/pages/grid/board/index?code=${GRID1_CODE}`

describe('网格服务群 in the browser against the real server', () => {
  it('find by location → board → join → approve → QR → emergency pinned → read → receipts 1/1', async () => {
    const [resident, worker] = await Promise.all([person('demo-resident', GRID1_POINT), person('demo-grid-worker')])

    // 1. 陈小梅 finds her grid from where she stands, and is told why it is hers.
    await resident.locator('#jf-entry-grid').click()
    await resident.locator('#jf-grid-find').waitFor()
    await resident.locator('#jf-grid-locate').click()
    await resident.locator('#jf-grid-results[data-source="location"][data-count="1"]').waitFor()
    const why = await resident.locator('#jf-grid-why').innerText()
    expect(why).toContain('云景社区第1网格')
    expect(why).toContain('边界内')
    const result = resident.locator(`.jf-grid-result[data-code="${GRID1_CODE}"]`)
    await expect(result.innerText()).resolves.toContain('云景社区第1网格')
    await shot(resident, 'e2e-grid-find')

    // 2. The board: the grid, its team, and no group code for an outsider.
    await result.click()
    await resident.locator(`#jf-grid-board[data-code="${GRID1_CODE}"]`).waitFor()
    await expect(resident.locator('#jf-grid-name').innerText()).resolves.toBe('云景社区第1网格')
    const team = await resident.locator('#jf-grid-team').innerText()
    for (const role of ['网格长', '专职网格员', '党小组长', '议事长', '监事长', '警长', '志愿者']) expect(team).toContain(role)
    expect(team).toContain('李明')
    await resident.locator('#jf-grid-membership[data-status="none"][data-policy="approval"]').waitFor()
    await expect(resident.locator('#jf-grid-qr, #jf-grid-qr-missing').count()).resolves.toBe(0)
    await shot(resident, 'e2e-grid-board')

    // 3. She asks to join with her building → 待审核, still no QR.
    await resident.locator('#jf-grid-building input').fill(BUILDING)
    await resident.locator('#jf-grid-join').click()
    await resident.locator('#jf-grid-membership[data-status="requested"]').waitFor()
    await expect(resident.locator('#jf-grid-status').innerText()).resolves.toBe('待审核')
    await expect(resident.locator('#jf-grid-membership').innerText()).resolves.toContain(BUILDING)
    await expect(resident.locator('#jf-grid-qr, #jf-grid-qr-missing, #jf-grid-join').count()).resolves.toBe(0)
    await shot(resident, 'e2e-grid-requested')

    // 4. 李明 opens 网格群管理: one pending request, with her building; he approves it.
    await worker.locator('#jf-entry-gridwork').click()
    await worker.locator(`#jf-gw-manage[data-code="${GRID1_CODE}"]`).waitFor()
    await expect(worker.locator('#jf-gw-pending-count').innerText()).resolves.toBe('1')
    await worker.locator('#jf-gw-tab-requests').click()
    const request = worker.locator('.jf-gw-request[data-user-id="demo-resident"]')
    await request.waitFor()
    await expect(request.innerText()).resolves.toContain('陈小梅')
    await expect(request.innerText()).resolves.toContain(BUILDING)
    await shot(worker, 'e2e-grid-requests')
    await request.locator('.jf-gw-approve').click()
    await request.waitFor({ state: 'detached' })
    await worker.locator('#jf-gw-tab-members').click()
    await expect(worker.locator('.jf-gw-member[data-user-id="demo-resident"]').innerText()).resolves.toContain('陈小梅')

    // Joined, but there is no group code yet: she is told so.
    await resident.reload()
    await resident.locator('#jf-grid-membership[data-status="joined"]').waitFor()
    await expect(resident.locator('#jf-grid-status').innerText()).resolves.toBe('已入群')
    await resident.locator('#jf-grid-qr-missing[data-qr-status="none"]').waitFor()

    // 5. He uploads the group QR from the board tab.
    await worker.locator('#jf-gw-tab-board').click()
    await worker.locator('#jf-gw-qr-status[data-status="none"]').waitFor()
    await chooseFile(worker, '#jf-gw-qr-upload', tinyJpegFile('group-qr.jpg'))
    await worker.locator('#jf-gw-qr-status[data-status="valid"]').waitFor()
    await worker.locator('#jf-gw-qr-img').waitFor()
    await shot(worker, 'e2e-grid-qr-uploaded')

    // 6. She sees the QR image, actually served.
    await resident.reload()
    const qr = resident.locator('#jf-grid-membership[data-status="joined"] #jf-grid-qr[data-qr-status="valid"]')
    await qr.waitFor()
    await expect(resident.locator('#jf-grid-qr-missing').count()).resolves.toBe(0)
    const img = qr.locator('img')
    await expect(img.getAttribute('src')).resolves.toMatch(/\/api\/files\//)
    await resident.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle(), { timeout: 10_000 })
    await expect(qr.innerText()).resolves.toContain('有效期至')
    await shot(resident, 'e2e-grid-qr')

    // 7. He publishes an emergency to his grid (via 公告 → 发布公告), confirming the modal.
    await worker.locator('#jf-gw-tab-notices').click()
    await worker.locator('#jf-gw-go-publish').click()
    await worker.locator('#jf-gw-publish-page').waitFor()
    await worker.locator('.jf-gw-type[data-type="emergency"]').click()
    await worker.locator('#jf-gw-emergency-warn').waitFor()
    await worker.locator('#jf-gw-title input').fill(TITLE)
    await worker.locator('#jf-gw-body textarea').fill(BODY)
    await expect(worker.locator('#jf-gw-target-mine').innerText()).resolves.toContain('云景社区第1网格')
    await shot(worker, 'e2e-grid-publish')
    await tapAndConfirm(worker, '#jf-gw-publish')
    const receipts = worker.locator('#jf-gw-receipts[data-id]')
    await receipts.waitFor()
    const id = (await receipts.getAttribute('data-id'))!
    expect(id).toMatch(/^[0-9A-Z]{26}$/)
    await worker.locator('#jf-gw-read-count[data-read="0"][data-roster="1"]').waitFor()
    await worker.locator(`#jf-gw-ann[data-id="${id}"][data-type="emergency"]`).waitFor()
    await expect(worker.locator('#jf-gw-unread-list .jf-gw-unread[data-user-id="demo-resident"]').count()).resolves.toBe(1)

    // 8. Her home page shows the red bar; it leads to 网格公告 with the emergency pinned and unread.
    await open(resident, '/pages/home/index')
    const banner = resident.locator(`#jf-grid-emergency[data-id="${id}"]`)
    await banner.waitFor()
    await expect(banner.innerText()).resolves.toContain(TITLE)
    // The bar is on top (nothing covers its lower edge) and every home card fits the phone's width.
    const b = (await banner.boundingBox())!
    expect(await resident.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('#jf-grid-emergency'), [b.x + 10, b.y + b.height - 4])).toBe(true)
    for (const card of await resident.locator('.jf-home-entry').all()) {
      const box = (await card.boundingBox())!
      expect(box.x + box.width).toBeLessThanOrEqual(390)
    }
    await shot(resident, 'e2e-grid-home-emergency')
    await banner.click()
    const pinned = resident.locator(`.jf-ann.jf-ann-pinned[data-id="${id}"]`)
    await pinned.waitFor()
    await expect(pinned.getAttribute('data-type')).resolves.toBe('emergency')
    await expect(pinned.getAttribute('data-read')).resolves.toBe('0')
    await expect(pinned.innerText()).resolves.toContain(TITLE)
    await shot(resident, 'e2e-grid-news-pinned')

    // 9. She opens it: the full text, marked read on the server.
    const marked = answered(resident, 'markRead')
    await pinned.click()
    expect(await (await marked).json()).toMatchObject({ ok: true })
    await resident.locator(`.jf-ann[data-id="${id}"][data-open="1"][data-read="1"]`).waitFor()
    await expect(resident.locator(`.jf-ann[data-id="${id}"]`).innerText()).resolves.toContain(BODY)
    await shot(resident, 'e2e-grid-news-read')
    // Read: no longer pinned, and the home bar is gone.
    await resident.reload()
    await resident.locator(`.jf-ann[data-id="${id}"][data-read="1"]`).waitFor()
    await expect(resident.locator('.jf-ann-pinned').count()).resolves.toBe(0)
    // A fresh tab (same session) makes exactly one load, so the banner's answer is the one we wait for.
    const home = await resident.context().newPage()
    const banners = answered(home, 'announcements')
    await home.goto('/')
    await home.locator('#jf-greeting').waitFor()
    expect(await (await banners).json()).toMatchObject({ ok: true, pinned: [] })
    // Let React commit that answer before looking for the (absent) bar.
    await home.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))))
    await expect(home.locator('#jf-grid-emergency').count()).resolves.toBe(0)
    await home.close()

    // 10. His receipts: 1 of 1 read, 100% within 15 minutes, she is among the readers.
    await worker.reload()
    await worker.locator(`#jf-gw-receipts[data-id="${id}"]`).waitFor()
    await worker.locator('#jf-gw-read-count[data-read="1"][data-roster="1"]').waitFor()
    await expect(worker.locator('#jf-gw-read-count').innerText()).resolves.toBe('1/1')
    await expect(worker.locator('#jf-gw-read-15m').innerText()).resolves.toBe('100%')
    await worker.locator('#jf-gw-unread-none').waitFor()
    await worker.locator('#jf-gw-rc-tab-read').click()
    await expect(worker.locator('.jf-gw-reader[data-user-id="demo-resident"]').innerText()).resolves.toContain('陈小梅')
    await shot(worker, 'e2e-grid-receipts')

    // What the pages showed is what the server stored.
    const [residentApi, workerApi] = await Promise.all([as(world.srv.url, 'demo-resident'), as(world.srv.url, 'demo-grid-worker')])
    const board = await residentApi.call('grid', 'board', { code: GRID1_CODE })
    expect(board).toMatchObject({ ok: true, board: { membership: { status: 'joined', building: BUILDING }, qrStatus: 'valid' } })
    const members = await workerApi.call('grid', 'members', { code: GRID1_CODE, status: 'joined' })
    expect(members.members.map((m: { userId: string }) => m.userId)).toEqual(['demo-resident'])
    const feed = await residentApi.call('grid', 'announcements', {})
    expect(feed.pinned).toEqual([])
    expect(feed.items).toEqual([expect.objectContaining({ id, type: 'emergency', title: TITLE, body: BODY, read: true })])
    const r = await workerApi.call('grid', 'receipts', { id })
    expect(r.receipts).toMatchObject({ roster: 1, read: 1, readWithin15m: 1, unread: [] })
  })
})
