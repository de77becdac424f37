/**
 * Numbers people can say, in the built H5 app (dist-h5, functions mocked): the resident's 我的事项 row
 * and case show 京溪-2026-00042, never the id; the console's 编号 column shows the number and its search
 * box asks for a whole number before looking one up. Skips without a build or Chromium.
 */
import { describeH5, h5Ready, type Answers } from './h5-harness'
import { CASE, CATEGORIES, GET, GRID_MAP, ME } from './h5-fixtures'
import { useH5Session } from './h5-session'

jest.retryTimes(1, { logErrorsBeforeRetry: true })

const NUMBER = '京溪-2026-00042'
const NUMBERED = { ...CASE, number: NUMBER }

describeH5(h5Ready())('case numbers for the resident (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': ME,
    'reports.categories': CATEGORIES,
    'reports.gridMap': GRID_MAP,
    'reports.mine': { ok: true, cases: [NUMBERED], next: null },
    'reports.get': { ...GET, case: { ...GET.case, number: NUMBER } },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })
  const { page, go, shot } = useH5Session({ defaults, shotPrefix: 'numbers-' })

  it('我的事项 and the case name it by its number, never its id', async () => {
    await go('/pages/report/mine/index')
    const row = page.locator(`.jf-case-row[data-case-id="${CASE.id}"]`)
    await row.waitFor()
    await expect(row.locator('.jf-case-number').textContent()).resolves.toBe(NUMBER)
    await expect(row.textContent()).resolves.not.toContain(CASE.id)
    await shot('mine')
    await row.click()
    await page.locator('#jf-case-number').waitFor()
    await expect(page.locator('#jf-case-number').textContent()).resolves.toBe(`编号 ${NUMBER}`)
  })
})

const DISPATCHER = { ok: true, user: { id: 'demo-dispatcher', name: '赵强', roles: [{ role: 'dispatcher', roleLabel: '综治中心坐席', unitCode: '440111010', unitName: '京溪街道' }] } }
const ROW = { ...NUMBERED, unitName: '京溪街道', assigneeName: null, departmentName: null, overdue: false, anonymous: false, gridCode: '440111010001001' }

describeH5(h5Ready({ page: 'pages/report-staff/console/queue' }))('case numbers on the console (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': DISPATCHER,
    'cases.queue': { ok: true, cases: [ROW], next: null, total: 1 },
    'reports.categories': { ok: true, categories: [] },
    'reports.gridMap': { ok: true, grids: [] },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })
  const desk = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 }
  const { page, called, go } = useH5Session({ defaults, shotPrefix: 'numbers-', context: desk })

  it('shows the number in the 编号 column and looks a whole number up', async () => {
    await go('/pages/report-staff/console/queue/index')
    const row = page.locator(`.jf-cq-row[data-case-id="${CASE.id}"]`)
    await row.waitFor()
    await expect(row.locator('.jf-cq-id').textContent()).resolves.toBe(NUMBER)
    const box = page.locator('#jf-filter-number')
    await box.fill('京溪-2026')
    await expect(page.locator('#jf-filter-error').textContent()).resolves.toContain('请输入完整的事项编号')
    await box.fill(NUMBER)
    await page.locator('#jf-filter-error').waitFor({ state: 'detached' })
    for (let i = 0; i < 50 && called('cases.queue').at(-1)?.data.number !== NUMBER; i++) await page.waitForTimeout(100)
    expect(called('cases.queue').at(-1)?.data).toMatchObject({ number: NUMBER })
  })
})
