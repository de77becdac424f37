/**
 * The walking skeleton end to end: the real local server (functions bundles over SQLite) serving
 * the real H5 build, driven in Debian Chromium. A demo resident signs in, reports a problem with a
 * photo and the device location, and finds it in 我的事项 as 已上报.
 */
import type { Browser, Page } from 'playwright-core'
import { addPhoto, launchBrowser, phone, screenshot, signIn, tinyJpegFile } from '../support/browser'
import { GRID1_POINT } from '../support/fixtures'
import { as, startServer, type RunningServer } from '../support/server'

jest.setTimeout(120_000)

let srv: RunningServer
let browser: Browser
let page: Page

beforeAll(async () => {
  srv = await startServer()
  browser = await launchBrowser()
  const ctx = await phone(browser, srv.url, GRID1_POINT)
  page = await ctx.newPage()
})

afterAll(async () => {
  await browser?.close()
  await srv?.stop()
})

it('a resident submits a report with a photo and a location and sees it in 我的事项', async () => {
  await signIn(page, 'demo-resident')
  await page.locator('#jf-entry-report').click()

  await page.locator('.jf-cat-top[data-code="HJ"]').click()
  await page.locator('.jf-cat-sub[data-code="HJ01"]').click()
  await page.locator('#jf-description textarea').fill('小区东门垃圾桶满了三天没人清理，气味很大')

  await addPhoto(page, tinyJpegFile('rubbish.jpg'))

  await page.locator('#jf-loc-current').click()
  await page.locator('#jf-loc-grid').getByText('云景社区第1网格').waitFor()
  await page.locator('#jf-address input').fill('云景路 12 号东门')
  await screenshot(page, 'submit-form')

  await page.locator('#jf-submit').click()
  const detail = page.locator('#jf-case-detail')
  await detail.waitFor()
  const caseId = await detail.getAttribute('data-case-id')
  expect(caseId).toMatch(/^[0-9A-Z]{26}$/)
  await page.locator('.jf-timeline-item[data-action="submit"]').waitFor()
  await screenshot(page, 'submit-detail')

  await page.goto('/#/pages/report/mine/index')
  const row = page.locator(`.jf-case-row[data-case-id="${caseId}"]`)
  await row.waitFor()
  await expect(row.locator('.jf-status-tag').innerText()).resolves.toContain('已上报')
  await screenshot(page, 'submit-mine')

  // What the page showed is what the server stored: one case, at the right grid, with the photo.
  const stored = await (await as(srv.url, 'demo-resident')).call('reports', 'get', { id: caseId })
  expect(stored).toMatchObject({ ok: true, case: { status: 'submitted', gridName: '云景社区第1网格', location: { address: '云景路 12 号东门' } } })
  expect(stored.case.photos).toHaveLength(1)
})
