import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { TINY_JPEG } from './fixtures'
import { ROOT, startServer, type RunningServer } from './server'

export const ARTIFACTS = join(ROOT, 'test-artifacts')

/** One local server and one browser for a suite: started before its tests, closed after them. */
export function browserWorld(env: Record<string, string> = { JIEFANG_TIMER_MS: '0' }): { readonly srv: RunningServer; readonly browser: Browser } {
  const world = {} as { srv: RunningServer; browser: Browser }
  beforeAll(async () => {
    ;[world.srv, world.browser] = await Promise.all([startServer({ env }), launchBrowser()])
  })
  afterAll(async () => {
    await world.browser?.close()
    await world.srv?.stop()
  })
  return world
}

/** Chromium's fake microphone (a tone, no prompt) and audio that plays without a gesture: for voice notes. */
const MICROPHONE_FLAGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required']

/** Debian's Chromium with the flags this machine needs; never a downloaded browser. */
export async function launchBrowser(opts: { microphone?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...(opts.microphone ? MICROPHONE_FLAGS : [])],
  })
}

/** A phone-sized context with geolocation granted at the given point (and the microphone, for a browser launched with one). */
export async function phone(browser: Browser, url: string, geo?: { lng: number; lat: number }, opts: { microphone?: boolean } = {}): Promise<BrowserContext> {
  const permissions = [...(geo ? ['geolocation'] : []), ...(opts.microphone ? ['microphone'] : [])]
  return browser.newContext({
    baseURL: url,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(geo ? { geolocation: { longitude: geo.lng, latitude: geo.lat } } : {}),
    ...(permissions.length ? { permissions } : {}),
  })
}

/**
 * Signs in as a WeChat identity (brand-new, or `openid` again) through the role switcher's 新微信用户,
 * waiting until home has answered session.me (the greeting no longer reads 正在加载…).
 */
export async function signInAs(p: Page, openid: string): Promise<void> {
  await p.goto('/')
  await p.locator('#jf-role-switcher').waitFor()
  await p.locator('#jf-dev-openid input, input#jf-dev-openid').first().fill(openid)
  await p.locator('#jf-dev-wechat-login').click()
  await p.locator('#jf-greeting', { hasText: '您好，' }).waitFor()
}

/**
 * Holds 按住说话 (`#<prefix>-hold`) down for `ms` and lets go, as a finger would, then waits for the
 * recorded note (`#<prefix>[data-phase="done"]`). Pressed in the middle of the screen once nothing lies
 * over it: the fixed title bar would take a press at the very top, a toast of the last tap mid-screen.
 */
export async function holdToSpeak(p: Page, prefix: string, ms = 2000): Promise<void> {
  const hold = p.locator(`#${prefix}-hold`)
  await hold.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  const box = (await hold.boundingBox())!
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  await p.mouse.move(x, y)
  await p.waitForFunction(({ id, x, y }) => document.getElementById(id)?.contains(document.elementFromPoint(x, y)) === true, { id: `${prefix}-hold`, x, y })
  await p.mouse.down()
  await p.locator(`#${prefix}-hold.is-recording`).waitFor()
  await p.waitForTimeout(ms)
  await p.mouse.up()
  await p.locator(`#${prefix}[data-phase="done"]`).waitFor()
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/** A desktop-sized context (the street's desk pages), in Shanghai time. */
export async function deskContext(browser: Browser, url: string, height = 860): Promise<BrowserContext> {
  return browser.newContext({ baseURL: url, viewport: { width: 1280, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
}

/** Signs in through the dev role switcher on the home page. */
export async function signIn(p: Page, userId: string): Promise<void> {
  await p.goto('/')
  await p.locator('#jf-role-switcher').waitFor()
  await p.locator('.jf-dev-user', { has: p.locator(`[data-user-id="${userId}"]`) }).click()
  await p.locator('#jf-greeting').waitFor()
}

/** A fresh phone for one person (optionally standing at `geo`), signed in. */
export async function signedInPhone(browser: Browser, url: string, userId: string, geo?: { lng: number; lat: number }): Promise<Page> {
  const p = await (await phone(browser, url, geo)).newPage()
  p.setDefaultTimeout(15_000)
  await signIn(p, userId)
  return p
}

/** Opens a page by its hash route on a fresh load (one page in Taro's stack, fresh data). */
export async function open(p: Page, route: string): Promise<void> {
  await p.goto(`/#${route}`)
  await p.reload()
}

/** A screenshot once Taro's slide-in page transition is over (until then the document is wider than the phone). */
export async function shot(p: Page, name: string): Promise<void> {
  await p.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, { timeout: 5_000 })
  await screenshot(p, name)
}

/**
 * Taps `selector` and confirms the showModal it opens. Under a loaded CI machine a tap can land while the
 * page re-renders from a fresh load (mouse down on one node, up on its replacement) and open nothing, as a
 * person's first tap sometimes does; like them, tap again (at most three times) rather than wait forever.
 */
export async function tapAndConfirm(p: Page, selector: string): Promise<void> {
  const foot = p.locator('.taro-modal__foot')
  for (let attempt = 1; ; attempt++) {
    await p.locator(selector).click()
    try {
      await foot.waitFor({ state: 'visible', timeout: 5_000 })
      break
    } catch (e) {
      if (attempt >= 3) throw e
    }
  }
  await modalOk(p)
}

/**
 * Turns on the NutUI switch inside `field` and waits until it shows as on. A tap on a page that is still settling can
 * be lost under load, so it taps again (at most three times) while the switch stays off — as a person would.
 */
export async function switchOn(p: Page, field: string): Promise<void> {
  const on = p.locator(`${field} .nut-switch-button-open`)
  for (let attempt = 1; ; attempt++) {
    if (await on.count()) return
    await p.locator(`${field} .nut-switch`).click()
    try {
      await on.waitFor({ state: 'visible', timeout: 5_000 })
      return
    } catch (e) {
      if (attempt >= 3) throw e
    }
  }
}

/** Confirms Taro's H5 showModal. */
export async function modalOk(p: Page): Promise<void> {
  const ok = p.locator('.taro-modal__foot .taro-model__btn:not(.taro-model__cancel), .taro-modal__foot div:last-child').last()
  await ok.click()
  await p.locator('.taro-modal__foot').waitFor({ state: 'hidden' })
}

/** The tiny test JPEG written as `name` in a fresh temp folder, for a page's file chooser. */
export function tinyJpegFile(name = 'photo.jpg'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'jf-e2e-')), name)
  writeFileSync(file, TINY_JPEG)
  return file
}

/** Clicks `button` and answers the file chooser it opens (Taro.chooseImage on H5) with `file`. */
export async function chooseFile(p: Page, button: string, file: string): Promise<void> {
  const chooser = p.waitForEvent('filechooser')
  await p.locator(button).click()
  await (await chooser).setFiles(file)
}

/** Adds `file` through the photo field (inside `scope`, when given) and waits until it is uploaded. */
export async function addPhoto(p: Page, file: string, scope = ''): Promise<void> {
  const within = scope ? `${scope} ` : ''
  await chooseFile(p, `${within}#jf-photo-add`, file)
  await p.locator(`${within}.jf-photo[data-state="done"]`).waitFor()
}
