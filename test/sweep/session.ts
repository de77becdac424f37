/**
 * How the browser suites over every page (the sweep, the axe check) sign a role in and open a page:
 * shared so both see the pages in the same settled state.
 */
import type { BrowserContext, Page } from 'playwright-core'
import type { Role } from './pages'
import type { SweepWorld } from './world'

/** A new page of `ctx` signed in as the role through the dev role switcher (a demo user or a brand-new WeChat identity). */
export async function signIn(ctx: BrowserContext, role: Role, world: SweepWorld): Promise<Page> {
  const p = await ctx.newPage()
  p.setDefaultTimeout(15_000)
  await p.goto('/')
  await p.locator('#jf-role-switcher').waitFor()
  if (role.openid) {
    await p.locator('#jf-dev-openid input, input#jf-dev-openid').first().fill(role.openid(world))
    await p.locator('#jf-dev-wechat-login').click()
  } else {
    await p.locator('.jf-dev-user', { has: p.locator(`[data-user-id="${role.userId}"]`) }).click()
  }
  await p.locator('#jf-greeting').waitFor()
  return p
}

let loads = 0

/** Opens the route on a fresh load and waits until its calls are answered and Taro's slide-in is over. */
export async function openSettled(p: Page, route: string): Promise<void> {
  // A new query before the hash makes it a fresh load of the app (one page in Taro's stack, fresh data) in one navigation.
  await p.goto(`/?sweep=${++loads}#${route}`)
  await p.locator('.taro_page').first().waitFor({ state: 'attached' })
  await p.waitForLoadState('networkidle', { timeout: 6_000 }).catch(() => undefined)
  await p
    .waitForFunction(() => document.getAnimations().filter((a) => a.playState === 'running').length === 0, undefined, { timeout: 4_000 })
    .catch(() => undefined)
  await p.waitForTimeout(150)
}

const inFlight = new WeakMap<Page, Set<unknown>>()

/** Counts the page's calls to the server from now on (for `openQuiet`). */
export function trackCalls(p: Page): void {
  const open = new Set<unknown>()
  inFlight.set(p, open)
  p.on('request', (r) => r.url().includes('/api/') && open.add(r))
  p.on('requestfinished', (r) => open.delete(r))
  p.on('requestfailed', (r) => open.delete(r))
}

/**
 * `openSettled` in less time, for a check run over every page in two modes: a fresh load, then settled once no call
 * to the server has been open for `quietMs` (instead of the whole network idle for 500 ms) and no animation runs.
 * The page must have been passed to `trackCalls`.
 */
export async function openQuiet(p: Page, route: string, quietMs = 200): Promise<void> {
  const open = inFlight.get(p)
  if (!open) throw new Error('openQuiet: trackCalls(page) first')
  await p.goto(`/?sweep=${++loads}#${route}`)
  await p.locator('.taro_page').first().waitFor({ state: 'attached' })
  for (let quiet = 0, waited = 0; quiet < quietMs && waited < 6_000; waited += 50) {
    await p.waitForTimeout(50)
    quiet = open.size ? 0 : quiet + 50
  }
  await p
    .waitForFunction(() => document.getAnimations().filter((a) => a.playState === 'running').length === 0, undefined, { timeout: 4_000 })
    .catch(() => undefined)
}
