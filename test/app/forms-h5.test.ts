/**
 * Forms in the built H5 app (dist-h5) with the functions mocked: the report's 联系电话 filled from
 * 我的 (sent as contactFromProfile), cleared, refused under its field, typed; pasting past a limit
 * keeps the first characters and says so (the report description and a TextBox); no 扫一扫 on H5.
 * Skips without a build.
 */
import type { Page } from 'playwright-core'
import { describeH5, h5Ready, pickOnGridMap, type Answers } from './h5-harness'
import { CASE, CATEGORIES, GET, GRID_MAP, ME } from './h5-fixtures'
import { useH5Session } from './h5-session'

jest.retryTimes(1, { logErrorsBeforeRetry: true })

const maybe = describeH5(h5Ready())

/** Waits until `read()` gives `want` (or the last value differs and the assertion says so). */
async function eventually<T>(read: () => T | Promise<T>, want: T, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  let got = await read()
  while (got !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50))
    got = await read()
  }
  expect(got).toBe(want)
}

const MASK = '139****0017'
const PROFILE = { ok: true, profile: { displayName: '陈街坊', nicknameSet: true, avatarUrl: null, phone: { masked: MASK, source: 'typed', sourceLabel: '手动填写' }, noticeVersion: 1, consentNeeded: false, staff: false } }
const WORKER = { ok: true, user: { id: 'demo-grid-worker', name: '李明', roles: [{ role: 'grid_worker', roleLabel: '网格员', unitCode: '440111010001001', unitName: '云景社区第1网格' }] } }

maybe('forms (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': ME,
    'account.profile': PROFILE,
    'reports.categories': CATEGORIES,
    'reports.gridMap': GRID_MAP,
    'reports.locate': { ok: true, grid: GRID_MAP.grids[0] },
    'reports.duplicates': { ok: true, cases: [] },
    'reports.submit': { ok: true, case: CASE, replayed: false },
    'reports.get': { ok: true, view: 'full', case: CASE, timeline: [], actions: [] },
    'reports.mine': { ok: true, cases: [CASE], next: null },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })
  const { page, answers, called, go, shot } = useH5Session({ defaults, shotPrefix: 'forms-' })

  const contact = (p: Page) => p.locator('#jf-contact-phone input')

  async function fillReport(p: Page) {
    await p.locator('.jf-cat-top[data-code="env"]').click()
    await p.locator('.jf-cat-sub[data-code="env.garbage"]').click()
    await p.locator('#jf-description textarea').fill('小区东门垃圾堆放多日无人清理')
    await pickOnGridMap(p)
    await p.locator('#jf-pick-confirm').click()
    await p.locator('#jf-loc-grid').waitFor()
    await p.locator('#jf-address input').fill('云景路 12 号东门')
  }

  it('fills 联系电话 from 我的 and sends it by reference, never the mask', async () => {
    await go('/pages/report/new/index')
    await eventually(() => contact(page).inputValue(), MASK)
    await expect(page.locator('#jf-contact-hint').textContent()).resolves.toContain('已填入「我的」中的手机号')
    await fillReport(page)
    await shot('contact-from-profile')
    await page.locator('#jf-submit').click()
    await eventually(() => called('reports.submit').length, 1)
    const sent = called('reports.submit')[0]!.data
    expect(sent).toMatchObject({ contactFromProfile: true })
    expect(sent).not.toHaveProperty('contactPhone')
    expect(JSON.stringify(sent)).not.toContain('****')
  })

  it('lets the person clear it, refuses a bad number under the field, and sends a typed landline', async () => {
    await go('/pages/report/new/index')
    await eventually(() => contact(page).inputValue(), MASK)
    await page.locator('#jf-contact-clear').click()
    await expect(contact(page).inputValue()).resolves.toBe('')
    await fillReport(page)
    await contact(page).fill('12345')
    await page.locator('#jf-submit').click()
    await page.locator('#jf-error-contactPhone').getByText('请填写正确的手机号或固定电话').waitFor()
    expect(called('reports.submit')).toHaveLength(0)
    await contact(page).fill('020 8765 1234')
    await page.locator('#jf-submit').click()
    await eventually(() => called('reports.submit').length, 1)
    const sent = called('reports.submit')[0]!.data
    expect(sent).toMatchObject({ contactPhone: '020-87651234' })
    expect(sent).not.toHaveProperty('contactFromProfile')
  })

  it('sends no phone when the box is left empty (我的 has none)', async () => {
    answers['account.profile'] = { ...PROFILE, profile: { ...PROFILE.profile, phone: null } }
    await go('/pages/report/new/index')
    await fillReport(page)
    await expect(contact(page).inputValue()).resolves.toBe('')
    await page.locator('#jf-submit').click()
    await eventually(() => called('reports.submit').length, 1)
    const sent = called('reports.submit')[0]!.data
    expect(sent).not.toHaveProperty('contactPhone')
    expect(sent).not.toHaveProperty('contactFromProfile')
  })

  it('warns when a paste goes past the description limit and keeps the first 500 characters', async () => {
    await go('/pages/report/new/index')
    const box = page.locator('#jf-description textarea')
    await box.fill('垃'.repeat(700))
    await page.locator('#jf-description-over').getByText('已超过 500 字，超出部分不会保存').waitFor()
    await expect(box.inputValue()).resolves.toHaveLength(500)
    await expect(page.locator('#jf-description-count').textContent()).resolves.toBe('500/500')
    await shot('description-over')
    // Back under the limit, the warning goes.
    await box.fill('垃'.repeat(20))
    await expect(page.locator('#jf-description-over').count()).resolves.toBe(0)
    // The address line does the same at its 120.
    const address = page.locator('#jf-address input')
    await address.fill('云景路'.repeat(50))
    await page.locator('#jf-address-over').getByText('已超过 120 字，超出部分不会保存').waitFor()
    await expect(address.inputValue()).resolves.toHaveLength(120)
  })

  it('a TextBox with a limit shows its counter and the warning for an over-long paste', async () => {
    answers['session.me'] = WORKER
    answers['grid.board'] = (d: Record<string, unknown>) => ({ ok: true, board: { grid: { code: d.code, name: '云景社区第1网格', path: '白云区 京溪街道 云景社区', phone: null }, scope: '', households: 0, team: [], services: [] }, announcements: [] })
    await go('/pages/grid-staff/publish/index?code=440111010001001')
    const body = page.locator('#jf-gw-body textarea')
    await body.waitFor()
    await body.fill('通知'.repeat(1100))
    await page.locator('#jf-gw-body-over').getByText('已超过 2000 字，超出部分不会保存').waitFor()
    await expect(body.inputValue()).resolves.toHaveLength(2000)
    await expect(page.locator('#jf-gw-body-count').textContent()).resolves.toBe('2000/2000')
    await shot('textbox-over')
  })

  it('a text area of its own look (the reporter\'s 评价) counts and warns the same way', async () => {
    const resolved = { ...CASE, id: '01JRESOLVEDFORMS0000000001', status: 'resolved', statusLabel: '已办结', slaDeadline: new Date(Date.now() + 86_400_000).toISOString(), version: 5 }
    // The reporter's own case (their submit reads 我), resolved: the panel asks them to confirm.
    const timeline = [{ ...GET.timeline[0], actorLabel: '我' }, { ...GET.timeline[0], id: 'e2', action: 'resolve', actionLabel: '办结', toStatus: 'resolved', toStatusLabel: '已办结', actorLabel: '网格员 李明', at: new Date().toISOString() }]
    answers['reports.get'] = { ok: true, view: 'full', case: resolved, timeline }
    await go(`/pages/report/detail/index?id=${resolved.id}`)
    const box = page.locator('#jf-confirm-comment textarea')
    await box.waitFor()
    await box.fill('好'.repeat(350))
    await page.locator('#jf-confirm-comment').getByText('已超过 300 字，超出部分不会保存').waitFor()
    await expect(box.inputValue()).resolves.toHaveLength(300)
    await page.locator('#jf-confirm-comment').getByText('300/300').waitFor()
    await shot('decide-over')
  })

  it('shows no 扫一扫 on H5, where there is no camera scan', async () => {
    await go('/pages/home/index')
    await page.locator('#jf-greeting').waitFor()
    await expect(page.locator('#jf-home-scan').count()).resolves.toBe(0)
  })
})
