/**
 * The built mini-program (miniprogram/) in WeChat DevTools, driven by miniprogram-automator: a brand-new
 * resident reports with a photo and a location from the home page and lands on the case; a mediation
 * invitation and a building check-in open from their 小程序码 `scene` (the formats the code makers
 * print: the 8-character invitation code alone; `b=<building code>`, URL-encoded by WeChat).
 * Location, media and subscribe calls are answered by `mockWxMethod`; functions run on the local
 * server through ./bridge.
 *
 * Needs DevTools: `WECHAT_DEVTOOLS_CLI` is its CLI (macOS: /Applications/wechatwebdevtools.app/Contents/MacOS/cli,
 * Windows: …/微信web开发者工具/cli.bat) with 设置 → 安全设置 → 服务端口 on; see README, WeChat DevTools.
 * Without it the suite is reported as skipped, with the reason in its name.
 */
import automator from 'miniprogram-automator'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import type Page from 'miniprogram-automator/out/Page'
import type Element from 'miniprogram-automator/out/Element'
import { applyInput, setOwnPhone } from '../support/mediation'
import { jpegWithMetadata } from '../support/images'
import { asOpenid, startServer, type Client, type RunningServer } from '../support/server'
import { GRID1_POINT } from '../support/fixtures'
import { ensureBuilt, MP_ROOT } from '../weapp/simulate'
import { INSTALL_BRIDGE, WRITE_USER_FILE } from './bridge'

const CLI = process.env.WECHAT_DEVTOOLS_CLI
const suite = CLI ? describe : describe.skip
const TITLE = CLI
  ? `WeChat DevTools (${CLI})`
  : 'WeChat DevTools suite skipped: WECHAT_DEVTOOLS_CLI is not set (point it at the DevTools CLI to run it; README, WeChat DevTools)'

/** Demo building whose QR residents scan (README, Roles and demo users). */
const BUILDING = 'YUNJING001'
const WAIT_MS = 20_000

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = WAIT_MS): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const got = await probe().catch(() => null)
    if (got) return got
    if (Date.now() > end) throw new Error(`DevTools: timed out waiting for ${what}`)
    await sleep(300)
  }
}

suite(TITLE, () => {
  jest.setTimeout(240_000)
  let srv: RunningServer
  let mp: MiniProgram

  beforeAll(async () => {
    ensureBuilt()
    srv = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
    // projectConfig is merged into miniprogram/project.config.json (the build's copy): requests may go to the local server.
    mp = await automator.launch({ cliPath: CLI, projectPath: MP_ROOT, projectConfig: { setting: { urlCheck: false } }, trustProject: true, timeout: 120_000 })
    await mp.mockWxMethod('getLocation', { errMsg: 'getLocation:ok', latitude: GRID1_POINT.lat, longitude: GRID1_POINT.lng, accuracy: 30, speed: 0, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 30 })
    await mp.mockWxMethod('chooseLocation', { errMsg: 'chooseLocation:ok', name: '云景路东门', address: '广州市白云区云景路 12 号', latitude: GRID1_POINT.lat, longitude: GRID1_POINT.lng })
    // Whatever templates a flow asks for are accepted, as a person tapping 允许 would.
    await mp.mockWxMethod('requestSubscribeMessage', 'function (o) { var r = { errMsg: "requestSubscribeMessage:ok" }; (o.tmplIds || []).forEach(function (id) { r[id] = "accept" }); return r }')
  })

  afterAll(async () => {
    await mp?.close()
    await srv?.stop()
  })

  /** A brand-new WeChat identity: the app's function calls go to the local server as this person. */
  async function newPerson(label: string): Promise<Client> {
    const c = await asOpenid(srv.url, `dev-devtools-${label}-${Date.now().toString(36)}`)
    expect(await mp.evaluate(INSTALL_BRIDGE, srv.url, c.token)).toBe(true)
    return c
  }

  async function open(url: string, route: string): Promise<Page> {
    await mp.reLaunch(url)
    return until(`page ${route}`, async () => {
      const p = await mp.currentPage()
      return p && p.path === route ? p : null
    })
  }

  const el = (page: Page | Element, selector: string) => until(selector, () => page.$(selector))

  async function typeInto(page: Page, box: string, control: 'input' | 'textarea', text: string): Promise<void> {
    const field = (await (await el(page, box)).$(control)) as unknown as { input(v: string): Promise<void> } | null
    if (!field) throw new Error(`DevTools: no ${control} in ${box}`)
    await field.input(text)
  }

  test('home → a report with a photo and the current location → the new case', async () => {
    const resident = await newPerson('reporter')
    const jpeg = jpegWithMetadata(1).bytes
    const photo: string = await mp.evaluate(WRITE_USER_FILE, 'devtools-photo.jpg', jpeg.toString('base64'))
    await mp.mockWxMethod('chooseImage', { errMsg: 'chooseImage:ok', tempFilePaths: [photo], tempFiles: [{ path: photo, size: jpeg.length }] })

    const home = await open('/pages/home/index', 'pages/home/index')
    await (await el(home, '#jf-entry-report')).tap()
    const form = await until('the report form', async () => {
      const p = await mp.currentPage()
      return p && p.path === 'pages/report/new/index' ? p : null
    })
    await (await el(form, '.jf-cat-top')).tap()
    await (await el(form, '.jf-cat-sub')).tap()
    await typeInto(form, '#jf-description', 'textarea', '云景路东门垃圾堆放三天没人清理')
    await (await el(form, '#jf-photo-add')).tap()
    await until('the photo uploaded', async () => (await (await form.$('.jf-photo'))?.attribute('data-state')) === 'done')
    await (await el(form, '#jf-loc-current')).tap()
    await until('the grid of the location', async () => (await (await form.$('#jf-loc-grid'))?.text())?.includes('所属网格'))
    await typeInto(form, '#jf-address', 'input', '云景路 12 号东门')
    await (await el(form, '#jf-submit')).tap()

    const detail = await until('the new case', async () => {
      const p = await mp.currentPage()
      return p && p.path === 'pages/report/detail/index' ? p : null
    })
    const id = await (await el(detail, '#jf-case-detail')).attribute('data-case-id')
    const own = await resident.call('reports', 'get', { id })
    expect(own).toMatchObject({ ok: true, case: { id, description: '云景路东门垃圾堆放三天没人清理' } })
    expect(own.case.photos).toHaveLength(1)
    expect(own.case.location).toMatchObject({ ...GRID1_POINT, address: '云景路 12 号东门' })
  })

  test('a mediation invitation opens from its 小程序码 scene (the code alone)', async () => {
    const applicant = await asOpenid(srv.url, `dev-devtools-applicant-${Date.now().toString(36)}`)
    await setOwnPhone(applicant, '13800138000')
    const applied = await applicant.call('mediation', 'apply', applyInput())
    expect(applied).toMatchObject({ ok: true })
    const code: string = applied.case.invites[0].code
    // A 小程序码 scene holds at most 32 characters.
    expect(code.length).toBeLessThanOrEqual(32)
    const respondent = await newPerson('respondent')
    await setOwnPhone(respondent)

    const page = await open(`/pages/mediation/join/index?scene=${encodeURIComponent(code)}`, 'pages/mediation/join/index')
    const summary = await el(page, '#jf-med-invite-summary')
    expect(await summary.attribute('data-invite')).toBe(code)
    expect(await (await el(page, '#jf-med-invite-facts')).text()).toContain(applyInput().facts)
    await el(page, '#jf-med-join-form')
  })

  test('a building check-in opens from its 小程序码 scene (b=<code>, URL-encoded)', async () => {
    await newPerson('tenant')
    const page = await open(`/pages/rental/checkin/index?scene=${encodeURIComponent(`b=${BUILDING}`)}`, 'pages/rental/checkin/index')
    const form = await el(page, '#jf-checkin')
    expect(await form.attribute('data-code')).toBe(BUILDING)
    expect(await (await el(page, '#jf-checkin-building')).text()).toContain('云景路')
    await el(page, '.jf-checkin-room')
  })
})
