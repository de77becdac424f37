/**
 * Serves the built dist-h5 and drives it in headless Chromium with the function calls mocked,
 * so the H5 app can be checked before (or without) the local server.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { chromium, type Browser, type Page, type Route } from 'playwright-core'
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

export function serveDist(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0])
    let file = path.join(DIST, rel)
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(DIST, 'index.html')
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

export interface MockState {
  signedIn: boolean
  calls: { name: string; action: string; data: unknown }[]
}

/** Answers /api/** like the local server would; a request without the token gets 401. */
export async function mockApi(page: Page, state: MockState): Promise<void> {
  await page.route('**/api/**', async (route: Route) => {
    const req = route.request()
    const url = new URL(req.url())
    const json = (body: unknown, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) })
    if (url.pathname === '/api/dev/users') return json(DEV_USERS)
    if (url.pathname === '/api/dev/login') {
      state.signedIn = true
      return json({ ok: true, token: 'test-token' })
    }
    const m = /^\/api\/fn\/([a-z]+)$/.exec(url.pathname)
    if (!m) return json({ ok: false, code: 'NOT_FOUND', message: '无此接口' }, 404)
    if (req.headers()['authorization'] !== 'Bearer test-token')
      return json({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' }, 401)
    const { action, data } = req.postDataJSON() as { action: string; data: unknown }
    state.calls.push({ name: m[1], action, data })
    const key = `${m[1]}.${action}`
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
    return json(answers[key] ?? { ok: false, code: 'NOT_FOUND', message: `未模拟 ${key}` })
  })
}
