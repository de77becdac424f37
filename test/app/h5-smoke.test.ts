/**
 * The built H5 app (dist-h5, `npx taro build --type h5`) in headless Chromium with every function
 * call mocked: sign in through the role switcher, fill and submit a report (point picked on the
 * grid map), land on the case, see it in 我的事项. Skips when there is no build or no Chromium.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { ARTIFACTS, describeH5, h5Ready, mockApi, openH5, pickOnGridMap, type H5, type MockState } from './h5-harness'

const maybe = describeH5(h5Ready())

maybe('H5 app (mocked functions)', () => {
  let h5: H5
  let base: string
  let page: Page
  const state: MockState = { signedIn: false, calls: [] }

  beforeAll(async () => {
    h5 = await openH5()
    ;({ base, page } = h5)
    await mockApi(page, state)
  }, 30000)

  afterAll(async () => {
    await h5?.close()
  })

  it('shows the role switcher first, then greets the signed-in user', async () => {
    await page.goto(`${base}/#/pages/home/index`)
    await page.getByText('开发者：切换角色').waitFor()
    await page.screenshot({ path: path.join(ARTIFACTS, 'h5-switcher.png') })
    await page.locator('.jf-dev-user').first().click()
    await page.locator('#jf-greeting').getByText('您好，陈街坊').waitFor()
    await page.locator('#jf-greeting').getByText('居民 · 云景社区').waitFor()
    await page.screenshot({ path: path.join(ARTIFACTS, 'h5-home.png') })
  })

  it('renders the report form and submits a report', async () => {
    await page.locator('#jf-entry-report').click()
    await page.locator('.jf-cat-top[data-code="env"]').click()
    await page.locator('.jf-cat-sub[data-code="env.garbage"]').click()
    await page.locator('#jf-description textarea').fill('小区东门垃圾堆放多日无人清理')
    await page.locator('#jf-description-count').getByText('14/500').waitFor()

    // Submitting without a location names the missing field.
    await page.locator('#jf-submit').click()
    await page.locator('#jf-error-location').getByText('请选择问题发生的位置').waitFor()

    await pickOnGridMap(page)
    await page.screenshot({ path: path.join(ARTIFACTS, 'h5-pick.png') })
    await page.locator('#jf-pick-confirm').click()

    await page.locator('#jf-loc-grid').getByText('所属网格：云景一网格').waitFor()
    await page.locator('#jf-address input').fill('云景路 12 号东门')
    await page.waitForTimeout(600)
    await page.screenshot({ path: path.join(ARTIFACTS, 'h5-report-form.png'), fullPage: true })

    await page.locator('#jf-submit').click()
    await page.locator('#jf-case-detail').waitFor()
    await page.locator('#jf-case-detail .jf-status-tag').getByText('已上报').waitFor()
    await page.locator('#jf-timeline').getByText('上报').first().waitFor()
    await page.screenshot({ path: path.join(ARTIFACTS, 'h5-case-detail.png'), fullPage: true })

    const submit = state.calls.find((c) => c.name === 'reports' && c.action === 'submit')!.data as Record<string, unknown>
    expect(submit).toMatchObject({
      category: 'env.garbage',
      description: '小区东门垃圾堆放多日无人清理',
      photos: [],
      anonymous: false,
      location: { address: '云景路 12 号东门' },
    })
    expect(String(submit.idempotencyKey)).toMatch(/^[0-9A-Z]{26}$/)
    const loc = submit.location as { lng: number; lat: number }
    expect(loc.lng).toBeGreaterThan(113.32)
    expect(loc.lng).toBeLessThan(113.324)
    expect(loc.lat).toBeGreaterThan(23.18)
    expect(loc.lat).toBeLessThan(23.184)
  })

  it('lists the case in 我的事项', async () => {
    await page.goto(`${base}/#/pages/report/mine/index`)
    const row = page.locator('.jf-case-row').first()
    await row.waitFor()
    await expect(row.locator('.jf-status-tag').textContent()).resolves.toContain('已上报')
    await expect(row.textContent()).resolves.toContain('小区东门垃圾堆放多日无人清理')
    await page.waitForTimeout(600) // let the H5 page slide-in finish before the picture
    await page.screenshot({ path: path.join(ARTIFACTS, 'h5-mine.png') })
  })
})
