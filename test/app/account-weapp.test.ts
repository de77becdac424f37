/**
 * 我的 and the account pages in the built mini-program (miniprogram/): the 我的 tab renders the
 * profile and its rows; the profile page has WeChat's chooseAvatar and getPhoneNumber buttons and
 * the nickname keyboard; a phone code goes to account.setPhone, and where the appid cannot use it
 * (PHONE_CODE_UNAVAILABLE) the typed number takes over; the privacy notice is asked before the
 * first profile write; 注销 wants the word typed and staff are told why they cannot.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { PRIVACY, PROFILE, accountAnswers } from '../weapp/account-fixtures'
import { MiniProgram, sleep, type CloudEvent, type PageHandle } from '../weapp/simulate'

const MP = path.resolve(__dirname, '../../miniprogram')
const built = existsSync(path.join(MP, 'pages/account/profile/index.js'))
const maybe = built || process.env.CI ? describe : describe.skip

type Table = Record<string, (data: Record<string, unknown>) => unknown>

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch(over: Table = {}) {
  const table: Table = { ...(accountAnswers() as Table), 'inbox.templates': () => ({ ok: true, templates: { caseProgress: null, mediation: null, checkinDecision: null, gridEmergency: null } }), ...over }
  const mp = MiniProgram.launch({
    root: MP,
    cloud: (name: string, event: CloudEvent) => {
      const fn = table[`${name}.${event.action}`]
      return fn ? fn(event.data as Record<string, unknown>) : { ok: false, code: 'NOT_FOUND', message: `测试未提供 ${name}.${event.action}` }
    },
  })
  open.push(mp)
  return mp
}

const sent = (mp: MiniProgram, key: string) => mp.calls.filter((c) => `${c.name}.${c.data.action}` === key).map((c) => c.data.data as Record<string, unknown>)

async function until(cond: () => boolean, ms = 3000) {
  const end = Date.now() + ms
  while (!cond() && Date.now() < end) await sleep(20)
}

/**
 * The value WeChat reads for `attr` of a rendered `<tag>`: Taro's base.wxml binds each attribute to a
 * short key of the node's data (open-type="{{i.p11}}"), and the node is found by its data-sid.
 */
function boundValue(page: PageHandle, selector: string, tag: string, attr: string): unknown {
  const wxml = readFileSync(path.join(MP, 'base.wxml'), 'utf8')
  const tmpl = new RegExp(`<${tag} [^>]*?\\b${attr}="\\{\\{i\\.(\\w+)`).exec(wxml)
  if (!tmpl) throw new Error(`base.wxml binds no ${attr} on <${tag}>`)
  const sid = page.get(selector).getAttribute('data-sid')
  let node: Record<string, unknown> | undefined
  const walk = (n: unknown): void => {
    if (node || !n || typeof n !== 'object') return
    if (Array.isArray(n)) return n.forEach(walk)
    if ((n as { sid?: unknown }).sid === sid) node = n as Record<string, unknown>
    else Object.values(n).forEach(walk)
  }
  walk(page.data)
  return node?.[tmpl[1]]
}

function clean(mp: MiniProgram) {
  expect(mp.errors).toEqual([])
  expect(mp.viewErrors).toEqual([])
}

maybe('我的 in the mini-program', () => {
  test('app.json: a custom tab bar over the three main-package tab pages, and its component is built', () => {
    const app = JSON.parse(readFileSync(path.join(MP, 'app.json'), 'utf8')) as { pages: string[]; tabBar: { custom: boolean; list: { pagePath: string; text: string }[] } }
    expect(app.tabBar.custom).toBe(true)
    expect(app.tabBar.list.map((t) => `${t.text} ${t.pagePath}`)).toEqual(['首页 pages/home/index', '消息 pages/inbox/index', '我的 pages/me/index'])
    for (const t of app.tabBar.list) expect(app.pages).toContain(t.pagePath)
    for (const ext of ['js', 'json', 'wxml']) expect(existsSync(path.join(MP, `custom-tab-bar/index.${ext}`))).toBe(true)
    // Without addGlobalClass the component would render unstyled: its classes live in the app's wxss.
    expect(readFileSync(path.join(MP, 'custom-tab-bar/index.js'), 'utf8')).toMatch(/addGlobalClass:(!0|true)/)
  })

  test('the tab shows the nickname and masked phone; rows open their pages, the head opens the profile', async () => {
    const mp = launch()
    const page = await mp.open('pages/me/index')
    await page.waitForText('手机号 138****8000')
    expect(page.get('#jf-me-name').textContent).toContain('小梅')
    await page.tap('#jf-me-reports')
    await page.tap('#jf-me-rental')
    await page.tap('#jf-me-profile')
    await page.tap('#jf-me-privacy')
    expect(mp.navigations).toEqual([
      { api: 'navigateTo', url: '/pages/report/mine/index' },
      { api: 'navigateTo', url: '/pages/rental/mine/index' },
      { api: 'navigateTo', url: '/pages/account/profile/index' },
      { api: 'navigateTo', url: '/pages/account/privacy/index' },
    ])
    clean(mp)
  })

  test('a new person: 微信用户 and an invitation to add a phone', async () => {
    const mp = launch({ 'account.profile': () => ({ ok: true, profile: { ...PROFILE, displayName: '微信用户', nicknameSet: false, phone: null, consentNeeded: true } }) })
    const page = await mp.open('pages/me/index')
    await page.waitForText('未填写手机号，点击完善')
    expect(page.text()).toContain('微信用户')
    clean(mp)
  })
})

maybe('the profile page in the mini-program', () => {
  test('has the chooseAvatar and getPhoneNumber buttons and the nickname input', async () => {
    const mp = launch()
    const page = await mp.open('pages/account/profile/index')
    await page.waitForText('选择头像')
    expect(boundValue(page, '#jf-profile-avatar', 'button', 'open-type')).toBe('chooseAvatar')
    expect(boundValue(page, '#jf-profile-phone-wechat', 'button', 'open-type')).toBe('getPhoneNumber')
    expect(boundValue(page, '#jf-profile-nickname', 'input', 'type')).toBe('nickname')
    expect(page.findAll('wx-button').length).toBeGreaterThanOrEqual(2)
    clean(mp)
  })

  test('a phone code goes to account.setPhone; PHONE_CODE_UNAVAILABLE opens the typed number, which is sent instead', async () => {
    const mp = launch({
      'account.setPhone': (d) =>
        'code' in d
          ? { ok: false, code: 'PHONE_CODE_UNAVAILABLE', message: '暂时无法使用微信手机号，请手动填写' }
          : { ok: true, profile: { ...PROFILE, phone: { masked: '139****9000', source: 'typed', sourceLabel: '手动填写' } } },
    })
    const page = await mp.open('pages/account/profile/index')
    await page.waitForText('更换为微信绑定的手机号')
    expect(page.find('#jf-profile-phone-input')).toBeNull()
    page.trigger('#jf-profile-phone-wechat', 'getphonenumber', { errMsg: 'getPhoneNumber:ok', code: 'a1b2c3d4e5f6a7b8c9d0' })
    await until(() => !!page.find('#jf-profile-phone-input'))
    expect(sent(mp, 'account.setPhone')).toEqual([{ code: 'a1b2c3d4e5f6a7b8c9d0' }])
    expect(mp.toasts.at(-1)).toEqual({ title: '暂时无法使用微信手机号，请手动填写', icon: 'none' })

    await page.input('#jf-profile-phone-input', '1390013')
    await page.tap('#jf-profile-phone-save')
    await page.waitForText('请填写正确的手机号或固定电话')
    expect(sent(mp, 'account.setPhone')).toHaveLength(1)
    await page.input('#jf-profile-phone-input', '13900139000')
    await page.tap('#jf-profile-phone-save')
    await page.waitForText('139****9000（手动填写）')
    expect(sent(mp, 'account.setPhone')[1]).toEqual({ phone: '13900139000' })
    clean(mp)
  })

  test('declining the phone dialog sends nothing and offers typing', async () => {
    const mp = launch()
    const page = await mp.open('pages/account/profile/index')
    await page.waitForText('更换为微信绑定的手机号')
    page.trigger('#jf-profile-phone-wechat', 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' })
    await until(() => !!page.find('#jf-profile-phone-input'))
    expect(sent(mp, 'account.setPhone')).toEqual([])
    clean(mp)
  })

  test('the first save asks for the privacy notice; 同意 records the version, then the nickname goes', async () => {
    let agreed = false
    const mp = launch({
      'account.profile': () => ({ ok: true, profile: { ...PROFILE, displayName: '微信用户', nicknameSet: false, phone: null, consentNeeded: !agreed } }),
      'account.privacy': () => ({ ok: true, privacy: { ...PRIVACY, consents: [] } }),
      'account.consent': () => ((agreed = true), { ok: true, privacy: PRIVACY }),
      'account.update': (d) => ({ ok: true, profile: { ...PROFILE, displayName: String(d.nickname), phone: null } }),
    })
    const page = await mp.open('pages/account/profile/index')
    await page.waitForText('选择头像')
    await page.tap('#jf-profile-nickname-save')
    await page.waitForText('请填写昵称')
    expect(sent(mp, 'account.privacy')).toEqual([])

    await page.input('#jf-profile-nickname', '黄伟明')
    await page.tap('#jf-profile-nickname-save')
    await page.waitForText('街坊通收集您的昵称、头像和手机号')
    expect(sent(mp, 'account.update')).toEqual([])
    await page.tap('#jf-consent-agree')
    await until(() => sent(mp, 'account.update').length > 0)
    expect(sent(mp, 'account.consent')).toEqual([{ version: 1 }])
    expect(sent(mp, 'account.update')).toEqual([{ nickname: '黄伟明' }])
    clean(mp)
  })

  test('不同意 leaves the profile unchanged', async () => {
    const mp = launch({
      'account.profile': () => ({ ok: true, profile: { ...PROFILE, consentNeeded: true } }),
      'account.privacy': () => ({ ok: true, privacy: { ...PRIVACY, consents: [] } }),
    })
    const page = await mp.open('pages/account/profile/index')
    await page.waitForText('选择头像')
    await page.input('#jf-profile-nickname', '小王')
    await page.tap('#jf-profile-nickname-save')
    await page.waitForText('同意并继续')
    await page.tap('#jf-consent-decline')
    await mp.idle()
    expect(sent(mp, 'account.consent')).toEqual([])
    expect(sent(mp, 'account.update')).toEqual([])
    clean(mp)
  })
})

maybe('注销账号 in the mini-program', () => {
  test('staff read why they cannot and get no form', async () => {
    const mp = launch({ 'account.profile': () => ({ ok: true, profile: { ...PROFILE, staff: true } }) })
    const page = await mp.open('pages/account/delete/index')
    await page.waitForText('请先联系管理员撤销您的工作人员身份')
    expect(page.find('#jf-delete-submit')).toBeNull()
    clean(mp)
  })

  test('注销 must be typed; then the kept lines show and 返回首页 relaunches home', async () => {
    const mp = launch({ 'account.delete': () => ({ ok: true, deletion: { kept: ['出租屋实名登记 1 条：证件信息加密保存至 2027年6月4日，期满自动清除'] } }) })
    const page = await mp.open('pages/account/delete/index')
    await page.waitForText('确认注销')
    await page.tap('#jf-delete-submit')
    await page.waitForText('请输入“注销”确认')
    expect(sent(mp, 'account.delete')).toEqual([])
    await page.input('#jf-delete-confirm', '注销')
    await page.tap('#jf-delete-submit')
    await page.waitForText('账号已注销')
    expect(page.text()).toContain('证件信息加密保存至 2027年6月4日')
    expect(sent(mp, 'account.delete')).toEqual([{ confirm: '注销' }])
    await page.tap('#jf-delete-leave')
    expect(mp.navigations).toEqual([{ api: 'reLaunch', url: '/pages/home/index' }])
    clean(mp)
  })
})
