/**
 * 长辈模式 in the mini-program: the home page rendered from the built WXML (as test/weapp/pages.test.ts).
 * Every page draws inside the `.jf-root` view config/elderRoot.js adds to the page template; the page
 * hook (src/utils/elderPages.ts) binds 长辈模式's class and WeChat's font scale to it. The home page then
 * shows the four large entries and the rest behind 更多; a person whose WeChat font is large is offered
 * the mode once.
 */
import { answers, cloudFake } from './fixtures'
import { ensureBuilt, MiniProgram, type LaunchOptions, type PageHandle } from './simulate'

ensureBuilt()

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch(opts: Partial<LaunchOptions> = {}) {
  const mp = MiniProgram.launch({ cloud: cloudFake(answers({}), []), ...opts })
  open.push(mp)
  return mp
}

/** The page's root view: the first element the page template draws. */
function root(page: PageHandle): Element {
  const el = page.container.querySelector('.jf-root')
  if (!el) throw new Error(`${page.route}: no .jf-root view. Rendered: ${page.container.innerHTML.slice(0, 300)}`)
  return el
}

const modals = (mp: MiniProgram) => mp.wxCalls.filter(([name]) => name === 'showModal')

describe('长辈模式 in the mini-program', () => {
  test('off: the home page in its root view without the class, the usual cards, no offer at the standard font size', async () => {
    const mp = launch({ appBaseInfo: { fontSizeScaleFactor: 1 } })
    const home = await mp.open('pages/home/index')
    await home.waitForText('陈小梅')
    expect(root(home).getAttribute('class')).not.toContain('jf-elder')
    expect(home.find('#jf-home-elder')).toBeNull()
    expect(home.find('#jf-entry-help')).not.toBeNull()
    expect(home.find('#jf-entry-mediation')).not.toBeNull()
    expect(modals(mp)).toEqual([])
    expect(mp.errors).toEqual([])
  })

  test('on (stored): the root carries jf-elder, four large entries, the rest behind 更多', async () => {
    const mp = launch({ storage: { 'jf-elder-mode': true } })
    const home = await mp.open('pages/home/index')
    await home.waitForText('找网格员')
    expect(root(home).getAttribute('class')).toContain('jf-elder')
    const titles = home.findAll('.jf-home-big-title').map((t) => t.textContent?.trim())
    expect(titles).toEqual(['上报问题', '一键求助', '我的事项', '找网格员'])
    expect(home.find('#jf-entry-mediation')).toBeNull()
    expect(home.find('#jf-entry-help')).toBeNull()
    await home.tap('#jf-home-more')
    expect(home.find('#jf-entry-mediation')).not.toBeNull()
    expect(home.find('#jf-entry-inbox')).not.toBeNull()
    await home.tap('#jf-elder-report')
    expect(mp.wxCalls.some(([name, o]) => name === 'navigateTo' && String((o as { url?: string }).url).startsWith('/pages/report/new/index'))).toBe(true)
    expect(mp.errors).toEqual([])
  })

  test("WeChat's large font: the scale reaches the root view, and 长辈模式 is offered once; accepting switches it on", async () => {
    const mp = launch({ appBaseInfo: { fontSizeScaleFactor: 1.3 } })
    const home = await mp.open('pages/home/index')
    await home.waitForText('找网格员')
    expect(root(home).getAttribute('style')).toContain('--jf-scale:1.3')
    const offers = modals(mp)
    expect(offers).toHaveLength(1)
    expect(offers[0]![1]).toMatchObject({ title: '开启长辈模式？', confirmText: '开启' })
    // The simulator's modal answers 开启: stored, and the open page re-bound at once.
    expect(mp.stored('jf-elder-mode')).toBe(true)
    expect(mp.stored('jf-elder-offered')).toBe(true)
    expect(root(home).getAttribute('class')).toContain('jf-elder')

    // Offered only once: the next launch with the same storage asks nothing.
    const again = launch({ appBaseInfo: { fontSizeScaleFactor: 1.3 }, storage: { 'jf-elder-offered': true } })
    const home2 = await again.open('pages/home/index')
    await home2.waitForText('陈小梅')
    expect(modals(again)).toEqual([])
    expect(root(home2).getAttribute('class')).not.toContain('jf-elder')
  })
})
