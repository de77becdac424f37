import type { PrivacyView, ProfileView } from '../../src/contracts/account'
import { agreedToCurrent, checkNickname, checkTypedPhone, consentLine, deletionConfirmed, phoneCodeOf } from '../../src/utils/account/profile'
import { MINE_ROWS, avatarGlyph, notifyHint, phoneLine } from '../../src/pages/me/rows'
import { TABS, isTabUrl, onTabSelected, selectTab, selectedTab, tabIndexOf } from '../../src/utils/tabs'

const profile = (over: Partial<ProfileView> = {}): ProfileView => ({
  displayName: '微信用户',
  nicknameSet: false,
  avatarUrl: null,
  phone: null,
  noticeVersion: 1,
  consentNeeded: true,
  staff: false,
  ...over,
})

/** app.config as a platform's build reads it. */
function appConfig(env: 'weapp' | 'h5') {
  const g = globalThis as { defineAppConfig?: unknown }
  const saved = { define: g.defineAppConfig, env: process.env.TARO_ENV }
  g.defineAppConfig = (c: unknown) => c
  process.env.TARO_ENV = env
  try {
    let config: { pages: string[]; subPackages: { root: string; pages: string[] }[]; tabBar: { custom: boolean; list: { pagePath: string; text: string }[] } } | undefined
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = (require('../../src/app.config') as { default: typeof config }).default
    })
    return config!
  } finally {
    g.defineAppConfig = saved.define
    if (saved.env === undefined) delete process.env.TARO_ENV
    else process.env.TARO_ENV = saved.env
  }
}

describe('the tab bar', () => {
  it.each(['weapp', 'h5'] as const)('%s: a custom bar of 首页 / 消息 / 我的, every tab page in the main package', (env) => {
    const c = appConfig(env)
    expect(c.tabBar.custom).toBe(true)
    expect(c.tabBar.list).toEqual(TABS.map((t) => ({ pagePath: t.pagePath, text: t.text })))
    expect(c.tabBar.list.map((t) => t.text)).toEqual(['首页', '消息', '我的'])
    for (const t of TABS) expect(c.pages).toContain(t.pagePath)
    // A tab page may not also sit in a subpackage (WeChat refuses the app.json).
    const sub = c.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))
    for (const t of TABS) expect(sub).not.toContain(t.pagePath)
    expect(sub).toEqual(expect.arrayContaining(['pages/account/profile/index', 'pages/account/privacy/index', 'pages/account/export/index', 'pages/account/delete/index']))
  })

  it('knows tab urls with or without a slash or query; other pages are not tabs', () => {
    expect(isTabUrl('/pages/inbox/index')).toBe(true)
    expect(isTabUrl('pages/me/index?from=x')).toBe(true)
    expect(isTabUrl('/pages/report/mine/index')).toBe(false)
    expect(isTabUrl('/pages/inbox/index/extra')).toBe(false)
    expect(tabIndexOf('/pages/home/index')).toBe(0)
    expect(tabIndexOf('pages/me/index')).toBe(2)
    expect(tabIndexOf('pages/account/profile/index')).toBe(-1)
  })

  it('the page that shows selects its tab; every bar instance hears it until it unsubscribes', () => {
    const a: number[] = []
    const b: number[] = []
    const offA = onTabSelected((i) => a.push(i))
    const offB = onTabSelected((i) => b.push(i))
    selectTab(2)
    selectTab(2)
    offB()
    selectTab(1)
    offA()
    selectTab(0)
    expect(a).toEqual([2, 1])
    expect(b).toEqual([2])
    expect(selectedTab()).toBe(0)
  })
})

describe('我的', () => {
  it('rows open the pages the home cards open, none of them a tab page', () => {
    expect(MINE_ROWS.map((r) => r.title)).toEqual(['我的上报', '我的调解', '我的租住登记', '我的网格', '认领代办事项'])
    for (const r of MINE_ROWS) expect(isTabUrl(r.url)).toBe(false)
  })

  it('shows the masked phone or asks for one; the avatar stand-in is the nickname’s first character', () => {
    expect(phoneLine(profile())).toBe('未填写手机号，点击完善')
    expect(phoneLine(profile({ phone: { masked: '138****8000', source: 'typed', sourceLabel: '手动填写' } }))).toBe('手机号 138****8000')
    expect(avatarGlyph(profile())).toBe('我')
    expect(avatarGlyph(profile({ nicknameSet: true, displayName: ' 黄伟明' }))).toBe('黄')
    expect(avatarGlyph(profile({ nicknameSet: true, displayName: '😀小王' }))).toBe('😀')
  })

  it('notification settings: WeChat reminders in the mini-program, 消息 on the web', () => {
    expect(notifyHint('weapp')).toContain('微信提醒')
    expect(notifyHint('h5')).toContain('「消息」')
  })
})

describe('profile, privacy and deletion rules', () => {
  it('checks the nickname as the contract does (trimmed, at most 20 UTF-16 units like the zod max)', () => {
    expect(checkNickname('  ')).toEqual({ ok: false, message: '请填写昵称' })
    expect(checkNickname(' 小王 ')).toEqual({ ok: true, nickname: '小王' })
    expect(checkNickname('字'.repeat(20))).toEqual({ ok: true, nickname: '字'.repeat(20) })
    expect(checkNickname('字'.repeat(21))).toEqual({ ok: false, message: '昵称最多 20 个字' })
    expect(checkNickname('😀'.repeat(11)).ok).toBe(false)
  })

  it('checks a typed phone and sends it in the contract’s form', () => {
    expect(checkTypedPhone('')).toEqual({ ok: false, message: '请填写手机号' })
    expect(checkTypedPhone('1380013800')).toEqual({ ok: false, message: '请填写正确的手机号或固定电话' })
    expect(checkTypedPhone('138 0013 8000')).toEqual({ ok: true, phone: '13800138000' })
    expect(checkTypedPhone('020 12345678')).toEqual({ ok: true, phone: '020-12345678' })
  })

  it('a phone button answer without a code (the person declined) is not sent', () => {
    expect(phoneCodeOf({ errMsg: 'getPhoneNumber:fail user deny' })).toBeNull()
    expect(phoneCodeOf({ code: '', errMsg: 'getPhoneNumber:ok' })).toBeNull()
    expect(phoneCodeOf(undefined)).toBeNull()
    expect(phoneCodeOf({ code: 'e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144', errMsg: 'getPhoneNumber:ok' })).toMatch(/^e3/)
  })

  it('only a consent to the version in force counts; each consent reads as a dated line', () => {
    const notice = { version: 2, title: '用户隐私保护指引', paragraphs: ['…'], effectiveLabel: '2026年12月6日' }
    const old = { title: '用户隐私保护指引', version: 1, atLabel: '2026年11月2日 09:30' }
    const view = (consents: PrivacyView['consents']): PrivacyView => ({ notice, consents })
    expect(agreedToCurrent(view([]))).toBe(false)
    expect(agreedToCurrent(view([old]))).toBe(false)
    expect(agreedToCurrent(view([old, { ...old, version: 2 }]))).toBe(true)
    expect(consentLine(old)).toBe('2026年11月2日 09:30 同意《用户隐私保护指引》第 1 版')
    expect(consentLine({ ...old, title: '《用户隐私保护指引》' })).toBe('2026年11月2日 09:30 同意《用户隐私保护指引》第 1 版')
  })

  it('注销 must be typed exactly', () => {
    expect(deletionConfirmed(' 注销 ')).toBe(true)
    for (const t of ['', '注', '注销账号', 'delete']) expect(deletionConfirmed(t)).toBe(false)
  })
})
