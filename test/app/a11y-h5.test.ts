/**
 * Issue 19, the shared components as a screen reader meets them in the built H5 app (functions mocked):
 * chips are radio buttons with their state, tiles and phone numbers are named buttons, section titles
 * are headings, the tab bar is a tab list, icons beside words are skipped, a form error is read out as it
 * appears and a toast through the live region (src/utils/announce.ts). axe-core's ARIA rules run over the
 * pages visited (the whole WCAG run over every page is test/a11y). Skips without a build.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describeH5, h5Ready, type Answers } from './h5-harness'
import { CASE, CATEGORIES, GRID_MAP, ME } from './h5-fixtures'
import { useH5Session } from './h5-session'

jest.retryTimes(1, { logErrorsBeforeRetry: true })

const maybe = describeH5(h5Ready())

/** The rules about roles, names and states: what this part owns (contrast and page structure are test/a11y's). */
const ARIA_RULES = [
  'aria-allowed-attr',
  'aria-allowed-role',
  'aria-command-name',
  'aria-hidden-body',
  'aria-hidden-focus',
  'aria-required-attr',
  'aria-required-children',
  'aria-required-parent',
  'aria-roles',
  'aria-toggle-field-name',
  'aria-valid-attr',
  'aria-valid-attr-value',
  'button-name',
  'image-alt',
  'link-name',
  'nested-interactive',
]

async function ariaViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js') })
  const found = await page.evaluate(async (rules) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe
    // The page showing: Taro's router keeps the pages below it in the document, hidden.
    const r = await axe.run({ include: [['.taro_page:not([style*="display: none"])'], ['#jf-tabbar']] }, { runOnly: { type: 'rule', values: rules } })
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))
  }, ARIA_RULES)
  return found
}

async function until(read: () => Promise<unknown>, want: unknown, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  let got = await read()
  while (got !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50))
    got = await read()
  }
  expect(got).toBe(want)
}

maybe('accessible components (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': ME,
    'reports.categories': CATEGORIES,
    'reports.gridMap': GRID_MAP,
    'reports.locate': { ok: true, grid: GRID_MAP.grids[0] },
    'reports.duplicates': { ok: true, cases: [] },
    'reports.mine': { ok: true, cases: [CASE], next: null },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })
  const { page, go, settle } = useH5Session({ defaults, shotPrefix: 'a11y-' })

  it('report form: category chips are radio buttons in named groups, the photo tile a named button, section titles headings', async () => {
    await go('/pages/report/new/index')
    const env = page.locator('.jf-cat-top[data-code="env"]')
    await env.waitFor()
    expect(await env.getAttribute('role')).toBe('radio')
    expect(await env.getAttribute('aria-checked')).toBe('false')
    await env.click()
    await until(() => env.getAttribute('aria-checked'), 'true')
    await page.getByRole('radiogroup', { name: '问题类别' }).waitFor()
    await page.getByRole('radiogroup', { name: '市容环境的具体类别' }).waitFor()
    expect(await page.getByRole('radio', { name: '垃圾堆放' }).count()).toBe(1)
    await page.getByRole('button', { name: '添加照片' }).waitFor()
    await page.getByRole('heading', { level: 2, name: '问题位置' }).waitFor()
    expect(await ariaViolations(page)).toEqual([])
  })

  it('a refused submit reads out the field errors as they appear and announces its toast', async () => {
    await go('/pages/report/new/index')
    await page.locator('#jf-submit').waitFor()
    await settle()
    const live = page.locator('#jf-live')
    expect(await live.getAttribute('aria-live')).toBe('polite')
    await page.locator('#jf-submit').click()
    const alert = page.locator('.jf-field-error[role="alert"]').first()
    await alert.waitFor()
    const toast = ((await page.locator('.taro__toast').textContent()) ?? '').trim()
    expect(toast.length).toBeGreaterThan(0)
    await until(async () => ((await live.textContent()) ?? '').trim(), toast)
  })

  it('home: the tab bar is a tab list with the current tab selected, and icons beside their words are skipped', async () => {
    await go('/pages/home/index')
    const tabs = page.locator('#jf-tabbar [role="tab"]')
    await tabs.first().waitFor()
    expect(await page.locator('#jf-tabbar').getAttribute('role')).toBe('tablist')
    expect(await tabs.evaluateAll((ts) => ts.map((t) => [t.textContent?.trim(), t.getAttribute('aria-selected')]))).toEqual([
      ['首页', 'true'],
      ['消息', 'false'],
      ['我的', 'false'],
    ])
    const icons = await page.locator('.jf-icon').evaluateAll((is) => is.map((i) => i.getAttribute('aria-hidden') ?? i.getAttribute('role')))
    expect(icons.length).toBeGreaterThan(0)
    expect(icons.filter((v) => v !== 'true' && v !== 'img')).toEqual([])
    expect(await ariaViolations(page)).toEqual([])
  })
})
