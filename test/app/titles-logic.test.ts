/**
 * Titles and back (issue 17, part C): every page of either build has its Chinese title in its own
 * index.config.ts (WeChat draws it; on H5 Taro's title bar, asked for in app.config's window, draws it),
 * the desk pages draw their own bar (navigationStyle 'custom'), and the desk's back step goes to the list
 * below when it is there and opens it otherwise.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { backStep, loadDeskState, routeOf, saveDeskState } from '../../src/utils/desk'

const root = path.resolve(__dirname, '../..')

type AppConfig = { pages: string[]; subPackages: { root: string; pages: string[] }[]; window: Record<string, unknown> }

function appConfig(env: 'weapp' | 'h5'): AppConfig {
  const g = globalThis as { defineAppConfig?: unknown }
  const saved = { define: g.defineAppConfig, env: process.env.TARO_ENV }
  g.defineAppConfig = (c: unknown) => c
  process.env.TARO_ENV = env
  try {
    let config: AppConfig | undefined
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = (require('../../src/app.config') as { default: AppConfig }).default
    })
    return config!
  } finally {
    g.defineAppConfig = saved.define
    if (saved.env === undefined) delete process.env.TARO_ENV
    else process.env.TARO_ENV = saved.env
  }
}

/** A page's config as its build reads it. */
function pageConfig(page: string): Record<string, unknown> {
  const g = globalThis as { definePageConfig?: unknown }
  const saved = g.definePageConfig
  g.definePageConfig = (c: unknown) => c
  try {
    let config: Record<string, unknown> = {}
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = (require(path.join(root, 'src', `${page}.config.ts`)) as { default: Record<string, unknown> }).default
    })
    return config
  } finally {
    g.definePageConfig = saved
  }
}

const pagesOf = (c: AppConfig) => [...c.pages, ...c.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]

/** The H5-only desk pages: their DeskHeader is the title bar. */
const DESK = [
  'pages/report-staff/console/queue/index',
  'pages/report-staff/console/dashboard/index',
  'pages/report-staff/console/moderation/index',
  'pages/report-staff/console/help/index',
  'pages/admin/org/index',
  'pages/admin/staff/index',
  'pages/admin/config/index',
  'pages/admin/roster/index',
  'pages/admin/integrations/index',
  'pages/mediation-staff/ledger/index',
]

describe('page titles', () => {
  const all = [...new Set([...pagesOf(appConfig('weapp')), ...pagesOf(appConfig('h5'))])]

  it('H5 asks Taro for its title bar; the mini-program config is left to WeChat', () => {
    expect(appConfig('h5').window.navigationStyle).toBe('default')
    expect(appConfig('weapp').window.navigationStyle).toBeUndefined()
    // The bar's own look is H5-only CSS the mini-program never loads.
    expect(readFileSync(path.join(root, 'src/app.ts'), 'utf8')).toMatch(/process\.env\.TARO_ENV === 'h5'\) require\('\.\/h5-chrome\.css'\)/)
    expect(existsSync(path.join(root, 'src/h5-chrome.css'))).toBe(true)
  })

  it.each(all)('%s has a short Chinese title of its own', (page) => {
    expect(existsSync(path.join(root, 'src', `${page}.config.ts`))).toBe(true)
    const title = pageConfig(page).navigationBarTitleText
    expect(typeof title).toBe('string')
    // Chinese, no Latin letters, short enough for the bar.
    expect(title).toMatch(/^[\u4e00-\u9fff·（）0-9 ]{2,12}$/)
  })

  it('desk pages draw their own bar; no phone page hides the title bar', () => {
    for (const page of all) {
      const style = pageConfig(page).navigationStyle
      if (DESK.includes(page)) expect(style).toBe('custom')
      // Only the printable pages may hide the bar, and they hide it with print CSS, not config.
      else expect(style).toBeUndefined()
    }
    for (const page of DESK) expect(all).toContain(page)
  })
})

describe('the desk back step', () => {
  const CONSOLE = '/pages/report-staff/console/queue/index'
  const stack = (...routes: string[]) => routes.map((route) => ({ route }))

  it('goes back to the list below, which keeps its filters', () => {
    expect(backStep(stack('pages/home/index', 'pages/report-staff/console/queue/index', 'pages/report-staff/case/index'), CONSOLE)).toBe('back')
  })

  it('opens the list when the case was opened on its own or from elsewhere', () => {
    expect(backStep(stack('pages/report-staff/case/index'), CONSOLE)).toBe('open')
    expect(backStep(stack('pages/inbox/index', 'pages/report-staff/case/index'), CONSOLE)).toBe('open')
  })

  it('without a list to go to: the page below, else home', () => {
    expect(backStep(stack('pages/home/index', 'pages/admin/org/index'))).toBe('back')
    expect(backStep(stack('pages/admin/org/index'))).toBe('home')
    expect(backStep([])).toBe('home')
  })

  it('routes compare without slash or query', () => {
    expect(routeOf('/pages/a/index?id=1&from=console')).toBe('pages/a/index')
  })

  it('keeps a desk filter for the tab, and falls back on anything unreadable', () => {
    const mem = new Map<string, string>()
    const g = globalThis as { sessionStorage?: unknown }
    g.sessionStorage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v) }
    try {
      const empty = { statuses: [] as string[], gridCode: '' }
      expect(loadDeskState('f', empty)).toEqual(empty)
      saveDeskState('f', { statuses: ['accepted'], gridCode: 'G1' })
      expect(loadDeskState('f', empty)).toEqual({ statuses: ['accepted'], gridCode: 'G1' })
      mem.set('jf.desk.f', '{not json')
      expect(loadDeskState('f', empty)).toEqual(empty)
      mem.set('jf.desk.f', '[1,2]')
      expect(loadDeskState('f', empty)).toEqual(empty)
    } finally {
      delete g.sessionStorage
    }
  })
})
