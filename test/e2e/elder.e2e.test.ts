/**
 * 长辈模式 end to end: the real local server and H5 build in Debian Chromium with its fake microphone.
 *
 * 陈小梅 switches 长辈模式 on under 我的; the home page then shows four large entries (上报问题, 一键求助,
 * 我的事项, 找网格员) and the rest behind 更多. Through the large 上报问题 she files a report with a
 * voice note and no written words; the grid worker 李明 (also in 长辈模式, set the way the app stores it)
 * opens it in his workbench and plays the note. On every page visited the text is at least 18 px, the
 * tap targets at least 48 px, and every text 4.5:1 or more against what is behind it
 * (test/support/elderMeasure.ts prints what falls short).
 */
import type { Browser, Page } from 'playwright-core'
import { addPhoto, holdToSpeak, launchBrowser, phone, screenshot, signIn, tinyJpegFile } from '../support/browser'
import { enableElderMode, isElder } from '../support/elder'
import { measureElder, type ElderMeasure } from '../support/elderMeasure'
import { GRID1_POINT } from '../support/fixtures'
import { as, startServer, type RunningServer } from '../support/server'

jest.setTimeout(180_000)

let srv: RunningServer
let browser: Browser
const measured: Array<[string, ElderMeasure]> = []

beforeAll(async () => {
  ;[srv, browser] = await Promise.all([
    startServer({ env: { JIEFANG_TIMER_MS: '0' } }),
    // A browser of its own with Chromium's fake microphone (as the 一键求助 voice test).
    launchBrowser({ microphone: true }),
  ])
})

afterAll(async () => {
  if (measured.length) {
    const rows = measured.map(([name, m]) => `${name}: ${m.texts} texts, smallest ${m.smallest.toFixed(1)} px, lowest contrast ${m.lowestContrast.toFixed(2)}:1, ${m.targets} targets`)
    console.log(`长辈模式 measured (390 px wide):\n${rows.join('\n')}`)
  }
  await browser?.close()
  await srv?.stop()
})

async function person(userId: string): Promise<Page> {
  const ctx = await phone(browser, srv.url, GRID1_POINT, { microphone: true })
  const p = await ctx.newPage()
  p.setDefaultTimeout(20_000)
  await signIn(p, userId)
  return p
}

/** Measures the page showing; the test fails at its end with every page's shortfalls together. */
async function meetsElder(p: Page, name: string): Promise<void> {
  // Taro's slide-in is over and fonts settled before measuring.
  await p.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, { timeout: 5_000 })
  await p.waitForTimeout(300)
  const m = await measureElder(p)
  measured.push([name, m])
  await screenshot(p, `elder-${name}`)
  expect(m.texts).toBeGreaterThan(3)
  expect(m.targets).toBeGreaterThan(0)
}

function shortfalls(): Array<{ page: string; small: string[]; lowContrast: string[]; smallTargets: string[] }> {
  return measured.map(([page, m]) => ({ page, small: m.small, lowContrast: m.lowContrast, smallTargets: m.smallTargets })).filter((r) => r.small.length + r.lowContrast.length + r.smallTargets.length > 0)
}

it('长辈模式: switched on under 我的, a voice report through the large 上报问题, played in the workbench; sizes and contrast measured', async () => {
  const resident = await person('demo-resident')
  expect(await isElder(resident)).toBe(false)

  // 我的 → 长辈模式 on: the whole app takes the tokens at once (no reload), and keeps them after one.
  await resident.locator('#jf-tab-me[data-current="0"]').click()
  const toggle = resident.locator('#jf-me-elder')
  await expect(toggle.getAttribute('data-on')).resolves.toBe('0')
  await toggle.click()
  await resident.locator('#jf-me-elder[data-on="1"]').waitFor()
  expect(await isElder(resident)).toBe(true)
  await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true')
  await meetsElder(resident, 'me')

  // 首页: the four large entries in one column, the rest behind 更多.
  await resident.locator('#jf-tab-home[data-current="0"]').click()
  await resident.locator('#jf-home-elder').waitFor()
  await expect(resident.locator('.jf-home-big-entry .jf-home-big-title').allInnerTexts()).resolves.toEqual(['上报问题', '一键求助', '我的事项', '找网格员'])
  await expect(resident.locator('#jf-entry-mediation').count()).resolves.toBe(0)
  const boxes = await resident.locator('.jf-home-big-entry').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: Math.round(r.x), w: Math.round(r.width) })))
  expect(new Set(boxes.map((b) => b.x)).size).toBe(1)
  for (const b of boxes) expect(b.w).toBeGreaterThan(300)
  await meetsElder(resident, 'home')
  await resident.locator('#jf-home-more').click()
  await resident.locator('#jf-entry-mediation').waitFor()
  await resident.locator('#jf-entry-inbox').waitFor()
  await meetsElder(resident, 'home-more')
  await resident.reload()
  await resident.locator('#jf-home-elder').waitFor()
  expect(await isElder(resident)).toBe(true)

  // 上报问题 with a voice note and no written words.
  await resident.locator('#jf-elder-report').click()
  await resident.locator('.jf-cat-top[data-code="HJ"]').click()
  await resident.locator('.jf-cat-sub[data-code="HJ01"]').click()
  await holdToSpeak(resident, 'jf-report-voice', 1500)
  await addPhoto(resident, tinyJpegFile('elder.jpg'))
  await resident.locator('#jf-loc-current').click()
  await resident.locator('#jf-loc-grid').getByText('云景社区第1网格').waitFor()
  await resident.locator('#jf-address input').fill('云景路 12 号东门')
  await resident.evaluate(() => window.scrollTo(0, 0))
  await meetsElder(resident, 'report-new')
  await resident.locator('#jf-submit').click()
  await resident.waitForTimeout(1500)
  await screenshot(resident, 'elder-report-submitted')
  const detail = resident.locator('#jf-case-detail[data-status="submitted"]')
  await detail.waitFor()
  const id = (await detail.getAttribute('data-case-id'))!
  await resident.locator('#jf-case-voice').waitFor({ state: 'attached' })
  await meetsElder(resident, 'report-detail')

  // The server stored the note as the description: no words, a voice file.
  const stored = await (await as(srv.url, 'demo-resident')).call('reports', 'get', { id })
  expect(stored).toMatchObject({ ok: true, case: { gridName: '云景社区第1网格' } })
  expect(typeof stored.case.voiceUrl).toBe('string')

  // The grid worker, in 长辈模式 too, opens it in the workbench and plays it.
  const worker = await person('demo-grid-worker')
  await enableElderMode(worker)
  await worker.goto(`/#/pages/report-staff/case/index?id=${id}`)
  await worker.reload()
  await worker.locator(`#jf-staff-case[data-case-id="${id}"]`).waitFor()
  const audio = worker.locator('audio#jf-case-voice')
  await audio.waitFor({ state: 'attached' })
  const played = await audio.evaluate(async (a: HTMLAudioElement) => {
    a.muted = true
    await a.play()
    await new Promise((r) => setTimeout(r, 600))
    return { time: a.currentTime, error: a.error?.code ?? 0 }
  })
  expect(played.error).toBe(0)
  expect(played.time).toBeGreaterThan(0)
  await meetsElder(worker, 'staff-case')

  expect(measured.map(([page]) => page)).toEqual(['me', 'home', 'home-more', 'report-new', 'report-detail', 'staff-case'])
  expect(shortfalls()).toEqual([])
  for (const [, m] of measured) {
    expect(m.smallest).toBeGreaterThanOrEqual(17.95)
    expect(m.lowestContrast).toBeGreaterThanOrEqual(4.5)
  }
})
