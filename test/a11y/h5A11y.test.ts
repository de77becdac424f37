/**
 * src/utils/h5A11y.ts in Chromium (the module compiled by TypeScript, run on a bare document): Taro pages
 * become focus stops, NutUI's WeChat-only aria-role becomes the browser's role (also when set later), and
 * Taro's inner <img> takes its Image's name as alt, and a tap-only View with a control's role is a focus stop
 * that Enter presses.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import ts from 'typescript'
import { launchBrowser } from '../support/browser'
import { ROOT } from '../support/server'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const maybe = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip

/** The module as a script that defines `browserA11y` on the window. */
const SCRIPT = `(() => { const exports = {}; ${
  ts.transpileModule(readFileSync(join(ROOT, 'src/utils/h5A11y.ts'), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText
}; window.browserA11y = exports.browserA11y })()`

maybe('H5 accessibility fixes (src/utils/h5A11y.ts)', () => {
  let browser: Browser
  let p: Page
  const add = (html: string) => p.evaluate((h) => document.body.insertAdjacentHTML('beforeend', h), html)
  const attrs = (sel: string, names: string[]) => p.evaluate(([s, n]) => (n as string[]).map((a) => document.querySelector(s as string)!.getAttribute(a)), [sel, names] as const)

  beforeAll(async () => {
    browser = await launchBrowser()
    p = await browser.newPage()
    await p.setContent('<!DOCTYPE html><html lang="zh-CN"><body><div class="taro_router"></div></body></html>')
    await p.addScriptTag({ content: SCRIPT })
    await p.evaluate(() => (window as any).browserA11y())
  })
  afterAll(() => browser?.close())

  it('makes every router page a focus stop and leaves one that has its own tabindex', async () => {
    await p.evaluate(() => document.querySelector('.taro_router')!.insertAdjacentHTML('beforeend', '<div class="taro_page" id="a"></div><div class="taro_page" id="b" tabindex="-1"></div>'))
    expect([...(await attrs('#a', ['tabindex'])), ...(await attrs('#b', ['tabindex']))]).toEqual(['0', '-1'])
  })

  it('turns aria-role into role, keeps a role already given, and follows a later change', async () => {
    await add('<div class="taro_page"><taro-view-core id="sw" aria-role="switch" aria-checked="false"></taro-view-core><taro-view-core id="both" role="button" aria-role="switch"></taro-view-core></div>')
    expect(await attrs('#sw', ['role', 'aria-role', 'aria-checked'])).toEqual(['switch', null, 'false'])
    expect(await attrs('#both', ['role', 'aria-role'])).toEqual(['button', null])
    await add('<taro-view-core id="later"></taro-view-core>')
    await p.evaluate(() => document.getElementById('later')!.setAttribute('aria-role', 'checkbox'))
    expect(await attrs('#later', ['role', 'aria-role'])).toEqual(['checkbox', null])
  })

  it("gives Taro's inner img its Image's name, an empty alt when the Image is decorative, and none when it has no name", async () => {
    await add(
      '<taro-image-core id="named" role="img" aria-label="云景社区第1网格范围示意图"><img src="x.png"></taro-image-core>' +
        '<taro-image-core id="deco" aria-hidden="true"><img src="y.png"></taro-image-core>' +
        '<taro-image-core id="bare"><img src="z.png"></taro-image-core>',
    )
    const alt = async (id: string) => (await attrs(`#${id} > img`, ['alt']))[0]
    expect([await alt('named'), await alt('deco'), await alt('bare')]).toEqual(['云景社区第1网格范围示意图', '', null])
    // An Image named after its <img> was drawn, or renamed.
    await p.evaluate(() => document.getElementById('bare')!.setAttribute('aria-label', '第 1 张照片'))
    expect(await alt('bare')).toBe('第 1 张照片')
  })

  it('makes a tap-only View with a control role a focus stop that Enter and Space tap (Space not on a link); native controls and plain Views stay as they are', async () => {
    await add(
      '<taro-view-core id="tap" role="button">上报问题</taro-view-core><taro-text-core id="lnk" role="link">返回首页</taro-text-core>' +
        '<button id="native">确定</button><taro-view-core id="plain">说明</taro-view-core><taro-view-core id="late">全部公告</taro-view-core>',
    )
    await p.evaluate(() => document.getElementById('late')!.setAttribute('role', 'link'))
    const tabindex = async (id: string) => (await attrs(`#${id}`, ['tabindex']))[0]
    expect([await tabindex('tap'), await tabindex('lnk'), await tabindex('native'), await tabindex('plain'), await tabindex('late')]).toEqual(['0', '0', null, null, '0'])
    await p.evaluate(() => {
      ;(window as any).taps = []
      for (const id of ['tap', 'lnk']) document.getElementById(id)!.addEventListener('click', () => (window as any).taps.push(id))
    })
    await p.focus('#tap')
    await p.keyboard.press('Enter')
    await p.keyboard.press(' ')
    await p.focus('#lnk')
    await p.keyboard.press(' ')
    await p.keyboard.press('Enter')
    expect(await p.evaluate(() => (window as any).taps)).toEqual(['tap', 'tap', 'lnk'])
  })
})
