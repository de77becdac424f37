/**
 * 我的 and the tab bar in the built H5 app (dist-h5) with the functions mocked: H5 has no custom
 * tab bar, so each tab page draws ours and Taro draws none; it stays at the bottom of the window
 * while the page scrolls; the tabs switch pages; the profile page types the phone (no phone button
 * in a browser); the privacy page lists consents; the export page downloads the JSON file.
 */
import { readFileSync } from 'node:fs'
import { PRIVACY, PROFILE } from '../weapp/account-fixtures'
import { describeH5, h5Ready, type Answers } from './h5-harness'
import { useH5Session } from './h5-session'

const maybe = describeH5(h5Ready({ page: 'pages/me/index' }))

const EXPORT = {
  generatedAtLabel: '2026年12月6日 14:05',
  fileName: '街坊通个人信息-20261206.json',
  sections: [{ title: '个人资料', records: [{ title: '', fields: [{ label: '昵称', value: '小梅' }, { label: '手机号', value: '138****8000' }] }] }],
  json: JSON.stringify({ 个人资料: { 昵称: '小梅' } }, null, 2),
}

maybe('我的 and the tab bar (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
    'account.profile': { ok: true, profile: PROFILE },
    'account.privacy': { ok: true, privacy: PRIVACY },
    'account.export': { ok: true, export: EXPORT },
  })
  const { page, answers, called, go, settle, shot } = useH5Session({ defaults, shotPrefix: 'account-h5-' })

  /** Tab pages stay in the document while hidden: only the one shown counts. */
  const shown = (css: string) => page.locator(`${css} >> visible=true`)

  it('home, 消息 and 我的 each draw the bar; Taro draws none; the bar stays at the window’s bottom while the page scrolls', async () => {
    await go('/pages/home/index')
    await shown('#jf-tabbar #jf-tab-home[data-current="1"]').waitFor()
    await expect(page.locator('taro-tabbar').count()).resolves.toBe(0)

    await shown('#jf-tab-me').click()
    await shown('#jf-me-name').filter({ hasText: '小梅' }).waitFor()
    await shown('#jf-tab-me[data-current="1"]').waitFor()
    await expect(shown('#jf-me-phone').innerText()).resolves.toBe('手机号 138****8000')
    await shot('me')

    await shown('#jf-tab-inbox').click()
    await shown('#jf-inbox-empty').waitFor()
    await shown('#jf-tab-inbox[data-current="1"]').waitFor()

    await shown('#jf-tab-home').click()
    await shown('#jf-tab-home[data-current="1"]').waitFor()
    await settle()
    const viewport = page.viewportSize()!
    const before = (await shown('#jf-tabbar').boundingBox())!
    expect(Math.round(before.y + before.height)).toBe(viewport.height)
    await shown('.taro_page_show').evaluate((el) => el.scrollBy(0, 400))
    await page.mouse.wheel(0, 400)
    await settle()
    const after = (await shown('#jf-tabbar').boundingBox())!
    expect(Math.round(after.y + after.height)).toBe(viewport.height)
    // Nothing of the page hides under the bar: its last element ends above it once scrolled to the end.
    await shown('.taro_page_show').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await settle()
    const last = (await shown('.jf-home > :not(#jf-tabbar)').last().boundingBox())!
    expect(last.y + last.height).toBeLessThanOrEqual(after.y + 1)
  })

  it('profile: the phone is typed in a browser, checked before it is sent', async () => {
    answers['account.setPhone'] = (d: Record<string, unknown>) => ({ ok: true, profile: { ...PROFILE, phone: { masked: `${String(d.phone).slice(0, 3)}****${String(d.phone).slice(7)}`, source: 'typed', sourceLabel: '手动填写' } } })
    await go('/pages/account/profile/index')
    await page.locator('#jf-profile').waitFor()
    await expect(page.locator('#jf-profile-phone-wechat').count()).resolves.toBe(0)
    await page.locator('#jf-profile-phone-input input, input#jf-profile-phone-input').first().fill('1390013')
    await page.locator('#jf-profile-phone-save').click()
    await page.locator('#jf-error-phone', { hasText: '请填写正确的手机号或固定电话' }).waitFor()
    expect(called('account.setPhone')).toHaveLength(0)
    await page.locator('#jf-profile-phone-input input, input#jf-profile-phone-input').first().fill('13900139000')
    await page.locator('#jf-profile-phone-save').click()
    await page.locator('#jf-profile-phone-now', { hasText: '139****9000（手动填写）' }).waitFor()
    expect(called('account.setPhone').map((c) => c.data)).toEqual([{ phone: '13900139000' }])
    await shot('profile')
  })

  it('privacy lists the consents with dates; export shows the sections and downloads the same JSON', async () => {
    await go('/pages/account/privacy/index')
    await page.locator('#jf-privacy-notice[data-version="1"]').waitFor()
    await expect(page.locator('.jf-privacy-consent').first().innerText()).resolves.toBe('2026年12月6日 14:05 同意《用户隐私保护指引》第 1 版')
    await expect(page.locator('#jf-privacy-agree').count()).resolves.toBe(0)
    await page.locator('#jf-privacy-export').click()
    await page.locator('#jf-export').waitFor()
    await expect(page.locator('#jf-export').innerText()).resolves.toContain('138****8000')
    const download = page.waitForEvent('download')
    await page.locator('#jf-export-json').click()
    const file = await download
    expect(file.suggestedFilename()).toBe(EXPORT.fileName)
    expect(readFileSync((await file.path())!, 'utf8')).toBe(EXPORT.json)
    expect(called('account.export')).toHaveLength(1)
  })
})
