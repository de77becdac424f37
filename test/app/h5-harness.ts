/**
 * Serves the built dist-h5 and drives it in headless Chromium with the function calls mocked,
 * so the H5 app can be checked before (or without) the local server.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { chromium, type Browser, type BrowserContextOptions, type Page, type Route } from 'playwright-core'
import { CATEGORIES, DEV_USERS, GET, GRID_MAP, ME, MINE, CASE } from './h5-fixtures'

export const DIST = path.resolve(__dirname, '../../dist-h5')
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

/**
 * A build and a browser to run it in; with `page`, also a build that has that page (a dist-h5
 * built before the page existed cannot run its tests).
 */
export function h5Ready({ dist = DIST, page }: { dist?: string; page?: string } = {}): boolean {
  if (!existsSync(path.join(dist, 'index.html')) || !existsSync(CHROMIUM)) return false
  if (!page) return true
  const js = path.join(dist, 'js')
  return readdirSync(js).some((f) => f.startsWith('app.') && f.endsWith('.js') && readFileSync(path.join(js, f), 'utf8').includes(page))
}

/** `describe` when the app can run; otherwise skipped, except in CI, where a missing build or browser is a failure. */
export const describeH5 = (ready: boolean) => (ready || process.env.CI ? describe : describe.skip)

/** Serves `dist` (the SPA: unknown paths get index.html) on a free local port. */
export function serveDist(dist: string = DIST): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0])
    let file = path.join(dist, rel)
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dist, 'index.html')
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  )
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** The phone the pages are checked on. */
export const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

export interface H5 {
  browser: Browser
  page: Page
  /** Where dist is served, e.g. `http://127.0.0.1:1234`. */
  base: string
  close(): Promise<void>
}

/** Serves the build, opens a phone-sized page in Chromium (with `context` on top) and makes sure the artifacts folder exists. */
export async function openH5({ dist, context }: { dist?: string; context?: BrowserContextOptions } = {}): Promise<H5> {
  const { server, url: base } = await serveDist(dist)
  let browser: Browser | undefined
  const close = async () => {
    await browser?.close()
    await new Promise((r) => server.close(r))
  }
  try {
    browser = await launch()
    const page = context ? await (await browser.newContext({ ...PHONE, ...context })).newPage() : await browser.newPage(PHONE)
    mkdirSync(ARTIFACTS, { recursive: true })
    return { browser, page, base, close }
  } catch (e) {
    await close()
    throw e
  }
}

/** What a function call is answered with: a body, or a function of the call's data that gives one. */
export type Answer = unknown | ((data: Record<string, unknown>) => unknown)
export type Answers = Record<string, Answer>
export interface Call {
  /** `<function>.<action>`, e.g. `reports.submit`. */
  key: string
  data: Record<string, unknown>
}
/** An answer of `ABORT` drops the request like a dead network. */
export const ABORT = 'ABORT'

type Json = (body: unknown, status?: number) => Promise<void>

/** Answers /api/** like the local server would: the dev sign-in, 404 for unknown paths, and `fn` for /api/fn/<name>. */
async function routeApi(page: Page, onLogin: () => void, fn: (name: string, route: Route, json: Json) => Promise<void>): Promise<void> {
  await page.route('**/api/**', async (route: Route) => {
    const url = new URL(route.request().url())
    const json: Json = (body, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) })
    if (url.pathname === '/api/dev/users') return json(DEV_USERS)
    if (url.pathname === '/api/dev/login') {
      onLogin()
      return json({ ok: true, token: 'test-token' })
    }
    const m = /^\/api\/fn\/([a-z]+)$/.exec(url.pathname)
    if (!m) return json({ ok: false, code: 'NOT_FOUND', message: '无此接口' }, 404)
    return fn(m[1], route, json)
  })
}

/**
 * Answers the function calls from `answers` (looked up on each call, so a test may change them),
 * keyed `<function>.<action>`, and records each call in `calls`. Signing in always works.
 */
export function routeFunctions(page: Page, answers: Answers, calls: Call[]): Promise<void> {
  return routeApi(
    page,
    () => {},
    async (name, route, json) => {
      const { action, data } = route.request().postDataJSON() as { action: string; data: Record<string, unknown> }
      const key = `${name}.${action}`
      calls.push({ key, data })
      const a = answers[key]
      const body = typeof a === 'function' ? (a as (d: Record<string, unknown>) => unknown)(data) : a
      if (body === ABORT) return route.abort('internetdisconnected')
      return json(body ?? { ok: false, code: 'NOT_FOUND', message: `未模拟 ${key}` })
    },
  )
}

/** Signs in as the first user of the role switcher and waits for the home greeting. */
export async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/#/pages/home/index`)
  await page.locator('.jf-dev-user').first().click()
  await page.locator('#jf-greeting').waitFor()
}

/** Opens a hash route as a fresh app run: storage is what carries state, as on a phone. */
export async function openRoute(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}/#${hash}`)
  await page.reload()
}

/** Presses the confirm (not the cancel) button of the open Taro modal. */
export const confirmModal = (page: Page) =>
  page.locator('.taro-modal__foot .taro-model__btn:not(.taro-model__cancel), .taro-modal__foot div:last-child').last().click()

/**
 * On the report form: opens the grid map picker and taps the left half of the map, which lies in
 * 云景一网格 (h5-fixtures GRID_MAP); waits for the picked grid, not yet confirmed.
 */
export async function pickOnGridMap(page: Page): Promise<void> {
  await page.locator('#jf-loc-pick').click()
  const map = page.locator('#jf-pick-map')
  await map.waitFor()
  const box = (await map.boundingBox())!
  await map.click({ position: { x: box.width * 0.25, y: box.height * 0.5 } })
  await page.locator('#jf-pick-result').getByText('云景一网格').waitFor()
}

/** A full-page screenshot to test-artifacts/<name>.png. */
export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })

export interface MockState {
  signedIn: boolean
  calls: { name: string; action: string; data: unknown }[]
}

/** Answers /api/** like the local server would, from the shared fixtures; a request without the token gets 401. */
export function mockApi(page: Page, state: MockState): Promise<void> {
  const answers: Record<string, unknown> = {
    'session.me': ME,
    'reports.categories': CATEGORIES,
    'reports.gridMap': GRID_MAP,
    'reports.locate': { ok: true, grid: GRID_MAP.grids[0] },
    'reports.mine': MINE,
    'reports.get': GET,
    'reports.submit': { ok: true, case: CASE, replayed: false },
    'files.upload': { ok: true, fileId: 'f-1' },
  }
  return routeApi(
    page,
    () => {
      state.signedIn = true
    },
    async (name, route, json) => {
      const req = route.request()
      if (req.headers()['authorization'] !== 'Bearer test-token') return json({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' }, 401)
      const { action, data } = req.postDataJSON() as { action: string; data: unknown }
      state.calls.push({ name, action, data })
      const key = `${name}.${action}`
      return json(answers[key] ?? { ok: false, code: 'NOT_FOUND', message: `未模拟 ${key}` })
    },
  )
}
