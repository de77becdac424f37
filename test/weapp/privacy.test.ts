/**
 * WeChat's privacy authorisation in the built mini-program: the app listens to
 * wx.onNeedPrivacyAuthorization, shows its own prompt over the report form (a privacy API asked
 * there), or opens the prompt page from any other page; 同意 is the agreePrivacyAuthorization
 * button and resolves with its id, 不同意 fails the waiting call. Also: the update prompt and the
 * sitemap of the build.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { answers, cloudFake } from './fixtures'
import { ensureBuilt, MiniProgram, readAppJson, sleep } from './simulate'

ensureBuilt()

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch() {
  const mp = MiniProgram.launch({ cloud: cloudFake(answers()) })
  open.push(mp)
  return mp
}

async function until(ok: () => boolean, what: string) {
  const end = Date.now() + 3000
  while (!ok()) {
    if (Date.now() > end) throw new Error(`not within 3000 ms: ${what}`)
    await sleep(10)
  }
}

describe('privacy authorisation (wx.onNeedPrivacyAuthorization)', () => {
  it('on the report form: the prompt shows over the form, and 同意 resolves with the agree button', async () => {
    const mp = launch()
    const form = await mp.open('pages/report/new/index')
    await form.waitForText('市容环境')
    expect(form.text()).not.toContain('用户隐私保护提示')

    const answered = mp.needPrivacy('chooseImage')
    await form.waitForText('用户隐私保护提示')
    expect(form.text()).toContain('本次需要：选择或拍摄照片，用于随上报一起提交')
    expect(answered).toEqual([{ event: 'exposureAuthorization' }])
    expect(form.get('#jf-privacy-agree')).toBeTruthy()

    form.trigger('#jf-privacy-agree', 'agreeprivacyauthorization')
    await until(() => answered.length === 2, 'the agree answer')
    expect(answered[1]).toEqual({ event: 'agree', buttonId: 'jf-privacy-agree' })
    expect(mp.navigations).toEqual([])
    expect(mp.errors).toEqual([])
  })

  it('不同意 fails the waiting call', async () => {
    const mp = launch()
    const form = await mp.open('pages/report/new/index')
    await form.waitForText('市容环境')
    const answered = mp.needPrivacy('getLocation')
    await form.waitForText('用户隐私保护提示')
    await form.tap('#jf-privacy-decline')
    await until(() => answered.length === 2, 'the decline answer')
    expect(answered[1]).toEqual({ event: 'disagree' })
  })

  it('on a page without a prompt: the prompt page opens, takes the answer and goes back', async () => {
    const mp = launch()
    await mp.open('pages/report/mine/index')
    const answered = mp.needPrivacy('setClipboardData')
    await until(() => mp.navigations.length > 0, 'a navigation')
    expect(mp.navigations[0]).toEqual({ api: 'navigateTo', url: '/pages/privacy/index' })

    const page = await mp.open('pages/privacy/index')
    await page.waitForText('用户隐私保护提示')
    expect(page.text()).toContain('本次需要：使用剪贴板，用于复制邀请码')
    expect(answered).toEqual([{ event: 'exposureAuthorization' }])
    page.trigger('#jf-privacy-agree', 'agreeprivacyauthorization')
    await until(() => answered.length === 2, 'the agree answer')
    expect(answered[1]).toEqual({ event: 'agree', buttonId: 'jf-privacy-agree' })
    await until(() => mp.navigations.some((n) => n.api === 'navigateBack'), 'going back')
    expect(mp.errors).toEqual([])
  })
})

describe('the build', () => {
  it('ships sitemap.json (home page only) and names it in app.json', () => {
    const app = readAppJson() as unknown as { sitemapLocation?: string }
    expect(app.sitemapLocation).toBe('sitemap.json')
    const map = JSON.parse(readFileSync(path.join(__dirname, '../../miniprogram/sitemap.json'), 'utf8')) as { rules: unknown[] }
    expect(map.rules).toEqual([
      { action: 'allow', page: 'pages/home/index' },
      { action: 'disallow', page: '*' },
    ])
  })
})
