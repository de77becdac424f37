/**
 * A report an Open311 partner posted, as the grid worker's case page shows it (H5 build, local server):
 * 来源：<partner>（Open311）above the reporter the partner named (name, phone, email opened for staff),
 * the partner's photo links to copy, and the first timeline row as 对接系统 <partner>.
 */
import { randomBytes } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { defaultDistrictConfig } from '../../backend/config/district'
import { launchBrowser, screenshot, signedInPhone } from '../support/browser'
import { GRID1_POINT } from '../support/fixtures'
import { open311Partner } from '../support/partners'
import { as, startServer, type RunningServer } from '../support/server'

jest.setTimeout(90_000)

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const KEY = `jf311_${Array.from(randomBytes(32), (b) => BASE62[b % 62]).join('')}`
const district = defaultDistrictConfig().district
const LINK = 'https://fms.example.org/photo/88.full.jpeg'

let srv: RunningServer
let browser: Browser

beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
  browser = await launchBrowser()
  const store = openSqliteStore(srv.dataDir)
  await store.addPartner(open311Partner('p-fms-e2e', '街坊随手拍平台', KEY, district.code))
  await store.close()
})

afterAll(async () => {
  await browser?.close()
  await srv?.stop()
})

it("shows the grid worker where the report came from and who the partner says reported it", async () => {
  const form = new URLSearchParams({
    api_key: KEY,
    service_code: 'HJ01',
    lat: String(GRID1_POINT.lat),
    long: String(GRID1_POINT.lng),
    description: '云景路西门的垃圾桶满了两天没人清运',
    first_name: '芳',
    last_name: '王',
    email: 'wang.fang@example.org',
    phone: '13987654321',
    media_url: LINK,
    'attribute[fixmystreet_id]': '88',
  })
  const res = await fetch(`${srv.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() })
  expect(res.status).toBe(201)
  const [{ service_request_id: number }] = (await res.json()) as Array<{ service_request_id: string }>
  const gw = await as(srv.url, 'demo-grid-worker')
  const row = (await gw.call('cases', 'queue', { statuses: ['submitted'] })).cases.find((x: { number: string }) => x.number === number)

  const p: Page = await signedInPhone(browser, srv.url, 'demo-grid-worker')
  await p.goto(`${srv.url}/#/pages/report-staff/case/index?id=${row.id}`)
  await p.locator(`#jf-staff-case[data-case-id="${row.id}"]`).waitFor()
  await expect(p.locator('#jf-reporter-source').innerText()).resolves.toBe('来源：街坊随手拍平台（Open311）')
  await expect(p.locator('#jf-reporter-name').innerText()).resolves.toBe('王芳')
  await expect(p.locator('#jf-reporter-phone').innerText()).resolves.toBe('13987654321')
  await expect(p.locator('#jf-reporter-email').innerText()).resolves.toBe('wang.fang@example.org')
  await expect(p.locator('#jf-source-links').innerText()).resolves.toContain(LINK)
  await expect(p.getByRole('button', { name: '复制第 1 个照片链接' }).count()).resolves.toBe(1)
  await expect(p.locator('.jf-timeline-item').first().innerText()).resolves.toContain('对接系统 街坊随手拍平台')
  await p.locator('#jf-reporter').scrollIntoViewIfNeeded()
  await screenshot(p, 'open311-source-staff-case')
})
