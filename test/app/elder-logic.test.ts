/**
 * 长辈模式's state and WeChat's font scale (src/utils/elder.ts), the mini-program page root's data
 * (src/utils/elderPages.ts) and the page-template wrap (config/elderRoot.js). The rendered mode is
 * checked in test/weapp/elder.test.ts and test/e2e/elder.e2e.test.ts.
 */
const storage = new Map<string, unknown>()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
  },
}))
const taps: Array<[string, (config: Record<string, unknown>) => void]> = []
jest.mock('@tarojs/shared', () => ({ hooks: { tap: (name: string, fn: (config: Record<string, unknown>) => void) => void taps.push([name, fn]) } }))

const { wrapPage } = require('../../config/elderRoot.js') as { wrapPage: (wxml: string) => string }

type Elder = typeof import('../../src/utils/elder')
type Pages = typeof import('../../src/utils/elderPages')

function fresh(): { elder: Elder; pages: Pages } {
  let elder!: Elder
  let pages!: Pages
  jest.isolateModules(() => {
    elder = require('../../src/utils/elder') as Elder
    pages = require('../../src/utils/elderPages') as Pages
  })
  return { elder, pages }
}

beforeEach(() => {
  storage.clear()
  taps.length = 0
})

describe('长辈模式 state', () => {
  it('is off until switched; the switch is stored under jf-elder-mode and told to listeners', () => {
    const { elder } = fresh()
    expect(elder.isElderMode()).toBe(false)
    const told: boolean[] = []
    const stop = elder.onElderModeChange((on) => told.push(on))
    elder.setElderMode(true)
    expect(storage.get('jf-elder-mode')).toBe(true)
    expect(elder.isElderMode()).toBe(true)
    stop()
    elder.setElderMode(false)
    expect(told).toEqual([true])
    expect(storage.get('jf-elder-mode')).toBe(false)
  })

  it('reads the stored switch on a fresh start; anything but true is off', () => {
    storage.set('jf-elder-mode', true)
    expect(fresh().elder.isElderMode()).toBe(true)
    storage.set('jf-elder-mode', 'true')
    expect(fresh().elder.isElderMode()).toBe(false)
  })

  it("takes WeChat's font scale from fontSizeScaleFactor, else fontSizeSetting against 17 px, and offers the mode from 1.15", () => {
    const { elder } = fresh()
    expect(elder.fontScaleOf({ fontSizeScaleFactor: 1.3, fontSizeSetting: 16 })).toBe(1.3)
    expect(elder.fontScaleOf({ fontSizeSetting: 20 })).toBeCloseTo(20 / 17)
    expect(elder.fontScaleOf({ fontSizeSetting: 16 })).toBe(1)
    expect(elder.fontScaleOf({})).toBe(1)
    expect(elder.wantsLargeText(1)).toBe(false)
    expect(elder.wantsLargeText(1.1)).toBe(false)
    expect(elder.wantsLargeText(elder.fontScaleOf({ fontSizeSetting: 20 }))).toBe(true)
    expect(elder.wantsLargeText(1.3)).toBe(true)
  })
})

describe('the mini-program page root', () => {
  it("binds the class and WeChat's scale: nothing at the standard size and off", () => {
    const { pages } = fresh()
    expect(pages.elderRootData(false, 1)).toEqual({ jfRoot: '', jfScale: '' })
    expect(pages.elderRootData(true, 1.3)).toEqual({ jfRoot: 'jf-elder', jfScale: '--jf-scale:1.3' })
    expect(pages.elderRootData(false, 20 / 17)).toEqual({ jfRoot: '', jfScale: '--jf-scale:1.18' })
  })

  it('fills every page on load and show through Taro\'s page hook, the page\'s own handlers still called', () => {
    const { elder, pages } = fresh()
    pages.wrapPagesForElderMode()
    expect(taps.map(([name]) => name)).toEqual(['modifyPageObject'])
    const calls: string[] = []
    const config: Record<string, unknown> = { data: { root: { cn: [] } }, onShow: () => calls.push('show') }
    taps[0]![1](config)
    expect(config.data).toEqual({ root: { cn: [] }, jfRoot: '', jfScale: '' })
    const set: Array<Record<string, unknown>> = []
    const page = { setData: (d: Record<string, unknown>) => void set.push(d) }
    elder.setElderMode(true)
    ;(config.onShow as (this: typeof page) => void).call(page)
    expect(calls).toEqual(['show'])
    expect(set).toEqual([{ jfRoot: 'jf-elder', jfScale: '' }])
  })

  it("wraps Taro's page template in the root view, and refuses a template it does not know", () => {
    expect(wrapPage('<import src="../../base.wxml"/>\n<template is="taro_tmpl" data="{{root:root}}" />')).toBe(
      '<import src="../../base.wxml"/>\n<view class="jf-root {{jfRoot}}" style="{{jfScale}}"><template is="taro_tmpl" data="{{root:root}}" /></view>',
    )
    expect(() => wrapPage('<template is="taro_tmpl" data="{{root:root, other}}" />')).toThrow(/changed/)
  })
})
