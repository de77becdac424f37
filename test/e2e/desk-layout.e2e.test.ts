/**
 * Desk and phone (issue 17, part C), in the built H5 app on the real local server (SQLite demo street):
 * the staff desk pages — 综治中心 (事项工作台, 数据看板, 内容审核), 区级管理 (单位与网格, 工作人员与邀请, 区级配置),
 * 调解台账 and the police pages — at 390×844 and at 1440×900: no horizontal overflow, the desk header's
 * title and view links each on one line, the console's cases as cards on the phone, a centred readable
 * width and unclipped tables on the desk. A console row opens its case in the desk frame, and 返回事项工作台
 * brings the list back with its filter, also when the case was opened on its own. A phone page has Taro's
 * title bar with its page's title and a back that works. The case it opens is a brand-new identity's report.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { submitReport } from '../support/cases'
import { launchBrowser, screenshot, signIn } from '../support/browser'
import { asOpenid, startServer, type RunningServer } from '../support/server'

jest.setTimeout(120_000)

const WIDTHS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desk: { viewport: { width: 1440, height: 900 } },
} as const
type Width = keyof typeof WIDTHS

/** Each desk page, who opens it and the element that says it has drawn. */
const DESK_PAGES = [
  { user: 'demo-dispatcher', route: '/pages/report-staff/console/queue/index', ready: '#jf-console-queue .jf-cq-row' },
  { user: 'demo-dispatcher', route: '/pages/report-staff/console/dashboard/index', ready: '#jf-console-header' },
  { user: 'demo-dispatcher', route: '/pages/report-staff/console/moderation/index', ready: '#jf-console-header' },
  { user: 'demo-dispatcher', route: '/pages/mediation-staff/ledger/index', ready: '#jf-ledger-body' },
  { user: 'demo-admin', route: '/pages/admin/org/index', ready: '#jf-org-units .jf-org-unit' },
  { user: 'demo-admin', route: '/pages/admin/staff/index', ready: '#jf-admin-header' },
  { user: 'demo-admin', route: '/pages/admin/config/index', ready: '#jf-admin-header' },
]
/** The police pages are phone pages (the mini-program has them too): a phone column on the desk. 消防巡查逾期 is the street's. */
const POLICE_PAGES = [
  { user: 'demo-police', route: '/pages/rental-staff/police/area/index', ready: '#jf-police-area' },
  { user: 'demo-police', route: '/pages/rental-staff/police/audit/index', ready: '#jf-audit' },
  { user: 'demo-dispatcher', route: '/pages/rental-staff/police/overdue/index', ready: '#jf-overdue' },
]

let srv: RunningServer
let browser: Browser
const contexts: BrowserContext[] = []
const pages = new Map<string, Page>()

beforeAll(async () => {
  ;[srv, browser] = await Promise.all([startServer({ env: { JIEFANG_TIMER_MS: '0' } }), launchBrowser()])
  // A brand-new WeChat identity reports: its case is the one the console opens.
  const newcomer = await asOpenid(srv.url, `dev-c17-${Date.now()}`)
  await submitReport(newcomer, { description: '云景路 12 号楼下垃圾堆了三天没人清理，请尽快处理' })
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined)
  await browser?.close()
  await srv?.stop()
})

/** The signed-in page of a demo user at a width (one context each, reused). */
async function userPage(user: string, width: Width): Promise<Page> {
  const key = `${user}@${width}`
  const known = pages.get(key)
  if (known) return known
  const ctx = await browser.newContext({ baseURL: srv.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...WIDTHS[width] })
  contexts.push(ctx)
  const p = await ctx.newPage()
  p.setDefaultTimeout(15_000)
  await signIn(p, user)
  pages.set(key, p)
  return p
}

/** A fresh app run at a hash route. */
async function visit(p: Page, route: string): Promise<void> {
  await p.goto('about:blank')
  await p.goto(`${srv.url}/#${route}`)
}

/** Taro's slide-in of the page shown is over (until then it sits off to the right). */
async function settled(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll('.taro_page.taro_page_show'))
    return shown.length > 0 && shown.every((el) => ['none', 'matrix(1, 0, 0, 1, 0, 0)'].includes(getComputedStyle(el).transform))
  })
}

/** Once the page has slid in: nothing wider than the window. */
async function noOverflow(p: Page): Promise<void> {
  await settled(p)
  const [scroll, inner] = await p.evaluate(() => [document.scrollingElement!.scrollWidth, window.innerWidth])
  expect(scroll).toBeLessThanOrEqual(inner)
}

/** Texts of the elements matching `selector` whose text runs onto a second line (its glyph boxes sit at more than one height). */
function wrapped(p: Page, selector: string): Promise<string[]> {
  return p.evaluate((sel) => {
    const out: string[] = []
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue
      const r = document.createRange()
      r.selectNodeContents(el)
      const lines = Array.from(r.getClientRects()).filter((x) => x.width > 0)
      if (lines.some((x) => Math.abs(x.top - lines[0]!.top) > x.height / 2)) out.push(el.textContent ?? '')
    }
    return out
  }, selector)
}

/** Tables on the page whose right edge runs past the window (clipped or pushing the page wider). */
function clippedTables(p: Page): Promise<number> {
  return p.evaluate(() => Array.from(document.querySelectorAll('table')).filter((t) => t.getBoundingClientRect().right > window.innerWidth + 1).length)
}

describe.each(Object.keys(WIDTHS) as Width[])('desk pages at %s width', (width) => {
  it.each(DESK_PAGES)('$route', async ({ user, route, ready }) => {
    const p = await userPage(user, width)
    await visit(p, route)
    await p.locator(ready).first().waitFor()
    await noOverflow(p)
    // The desk header is the title bar: Taro's own is not drawn over it.
    await expect(p.locator('#taro-navigation-bar').isVisible()).resolves.toBe(false)
    await expect(p.locator('.jf-ch-back').first().isVisible()).resolves.toBe(true)
    expect(await wrapped(p, '.jf-ch-title, .jf-ch-link, .jf-ch-home, .jf-ch-who')).toEqual([])
    expect(await clippedTables(p)).toBe(0)
    if (width === 'desk') {
      // A readable width, centred.
      const box = (await p.locator('.jf-console-main').first().boundingBox())!
      expect(box.width).toBeLessThanOrEqual(1280)
      expect(Math.abs(box.x - (1440 - box.x - box.width))).toBeLessThanOrEqual(2)
    }
    await screenshot(p, `desk-layout-${width}-${route.split('/').slice(2, -1).join('-')}`)
  })

  it.each(POLICE_PAGES)('$route', async ({ user, route, ready }) => {
    const p = await userPage(user, width)
    await visit(p, route)
    await p.locator(ready).waitFor()
    await noOverflow(p)
    await expect(p.locator('#taro-navigation-bar .taro-navigation-bar-title').isVisible()).resolves.toBe(true)
    if (width === 'desk') {
      const box = (await p.locator(ready).boundingBox())!
      expect(box.width).toBeLessThanOrEqual(760)
    }
    await screenshot(p, `desk-layout-${width}-${route.split('/').slice(2, -1).join('-')}`)
  })
})

describe('the console on a phone', () => {
  it('stacks its filters and shows each case as a card with its cells labelled', async () => {
    const p = await userPage('demo-dispatcher', 'phone')
    await visit(p, '/pages/report-staff/console/queue/index')
    const row = p.locator('.jf-cq-row').first()
    await row.waitFor()
    await expect(row.evaluate((el) => getComputedStyle(el).display)).resolves.toBe('block')
    await expect(p.locator('.jf-cq-table thead th:not(.jf-cq-col-check)').first().isVisible()).resolves.toBe(false)
    await expect(row.locator('td.jf-cq-time').evaluate((el) => getComputedStyle(el, '::before').content)).resolves.toBe('"上报时间"')
    // Filters stacked: the category select starts under the status row, at the card's left, not beside it.
    const statuses = (await p.locator('#jf-filter-status').boundingBox())!
    const category = (await p.locator('#jf-filter-category').boundingBox())!
    expect(category.y).toBeGreaterThan(statuses.y + statuses.height - 1)
    // Chips keep clear of the filter card's edge.
    const card = (await p.locator('#jf-console-filters').boundingBox())!
    for (const chip of await p.locator('.jf-cf-chip').all()) {
      const b = (await chip.boundingBox())!
      expect(b.x).toBeGreaterThanOrEqual(card.x + 8)
      expect(b.x + b.width).toBeLessThanOrEqual(card.x + card.width - 8)
    }
    expect(await wrapped(p, '.jf-cq-time, .jf-cf-chip')).toEqual([])
  })
})

describe.each(Object.keys(WIDTHS) as Width[])('a case opened from the console at %s width', (width) => {
  const status = 'submitted'

  it('stays in the desk frame, and 返回事项工作台 brings back the list with its filter', async () => {
    const p = await userPage('demo-dispatcher', width)
    await visit(p, '/pages/report-staff/console/queue/index')
    await p.locator('.jf-cq-row').first().waitFor()
    await p.locator(`.jf-cf-chip[data-status="${status}"]`).click()
    await p.locator('.jf-cf-chip.is-on').waitFor()
    const row = p.locator(`.jf-cq-row[data-status="${status}"]`).first()
    await row.waitFor()
    const id = await row.getAttribute('data-case-id')
    // The status tag at desk size (NutUI's tokens are the phone's), on one line.
    const tag = row.locator('.jf-status-tag')
    const tagFont = await tag.evaluate((el) => Math.max(...[el, ...Array.from(el.querySelectorAll('*'))].map((e) => parseFloat(getComputedStyle(e).fontSize))))
    expect(tagFont).toBeLessThanOrEqual(14)
    expect(await wrapped(p, '.jf-cq-row .jf-status-tag .nut-tag')).toEqual([])
    await row.locator('.jf-cq-title').click()

    const desk = p.locator('#jf-desk-case')
    await desk.waitFor()
    // Every page in Taro's stack keeps its DOM: the case's own header is the one inside the desk frame.
    const back = desk.locator('#jf-console-header-back')
    await p.locator(`#jf-staff-case[data-case-id="${id}"]`).waitFor()
    await expect(p.locator('#taro-navigation-bar').isVisible()).resolves.toBe(false)
    await expect(desk.locator('#jf-console-header').isVisible()).resolves.toBe(true)
    await noOverflow(p)
    if (width === 'desk') {
      // The phone case page is a centred column, not stretched across the screen.
      const box = (await p.locator('#jf-staff-case').boundingBox())!
      expect(box.width).toBeLessThanOrEqual(760)
      expect(Math.abs(box.x - (1440 - box.x - box.width))).toBeLessThanOrEqual(2)
      await expect(back.textContent()).resolves.toContain('返回事项工作台')
    }
    await screenshot(p, `desk-layout-${width}-console-case`)

    await back.click()
    await p.locator('#jf-console-queue').waitFor()
    await expect(p.locator('#jf-desk-case').count()).resolves.toBe(0)
    await expect(p.locator(`.jf-cf-chip.is-on[data-status="${status}"]`).count()).resolves.toBe(1)
    await p.locator(`.jf-cq-row[data-case-id="${id}"]`).waitFor()
    await expect(p.locator('.jf-cq-row:not([data-status="' + status + '"])').count()).resolves.toBe(0)

    // Opened on its own (a link, a reload): back opens the list, filtered as it was left in this tab.
    await visit(p, `/pages/report-staff/case/index?id=${encodeURIComponent(id!)}&from=console`)
    await p.locator(`#jf-staff-case[data-case-id="${id}"]`).waitFor()
    await back.click()
    await p.locator('#jf-console-queue .jf-cq-row').first().waitFor()
    await expect(p.locator(`.jf-cf-chip.is-on[data-status="${status}"]`).count()).resolves.toBe(1)

    // Back to no filter for the other tests.
    await p.locator('#jf-filter-reset').click()
  })
})

describe('the title bar of a phone page (H5)', () => {
  it('shows the page title from its config, and back returns to the page before', async () => {
    const p = await userPage('demo-police', 'phone')
    await visit(p, '/pages/rental-staff/police/area/index')
    await p.locator('#jf-police-area').waitFor()
    const bar = p.locator('#taro-navigation-bar')
    await expect(bar.locator('.taro-navigation-bar-title').textContent()).resolves.toBe('辖区出租屋登记')
    await p.locator('#jf-police-go-audit').click()
    await p.locator('#jf-audit').waitFor()
    await expect(bar.locator('.taro-navigation-bar-title').textContent()).resolves.toBe('查询审计记录')
    const back = bar.locator('.taro-navigation-bar-back')
    await expect(back.isVisible()).resolves.toBe(true)
    // The bar is one line, 44 px high, and its back is a thumb-sized target.
    expect(((await bar.boundingBox())!.height)).toBeLessThanOrEqual(46)
    expect(((await back.boundingBox())!.width)).toBeGreaterThanOrEqual(44)
    // A full-height page is the window less the bar: a short page does not scroll for nothing.
    await noOverflow(p)
    const [minHeight, content, scroll, barHeight, inner] = await p.evaluate(() => [
      parseFloat(getComputedStyle(document.querySelector('#jf-audit')!).minHeight),
      document.querySelector('#jf-audit')!.scrollHeight,
      document.scrollingElement!.scrollHeight,
      document.querySelector('#taro-navigation-bar')!.getBoundingClientRect().height,
      window.innerHeight,
    ])
    expect(minHeight + barHeight).toBeLessThanOrEqual(inner + 1)
    expect(scroll).toBeLessThanOrEqual(Math.max(inner, barHeight + content) + 1)
    await screenshot(p, 'desk-layout-phone-title-bar')
    await back.click()
    await p.locator('#jf-police-area').waitFor({ state: 'visible' })
    await expect(bar.locator('.taro-navigation-bar-title').textContent()).resolves.toBe('辖区出租屋登记')
  })

  it('a page opened on its own offers home instead of back', async () => {
    const p = await userPage('demo-dispatcher', 'phone')
    await visit(p, '/pages/rental-staff/police/overdue/index')
    await p.locator('#jf-overdue').waitFor()
    const home = p.locator('#taro-navigation-bar .taro-navigation-bar-home')
    await expect(home.isVisible()).resolves.toBe(true)
    await home.click()
    await p.locator('#jf-greeting').waitFor()
  })
})
