/**
 * The resident's closed loop in the built H5 app (dist-h5) with the functions mocked per test:
 * duplicate suggestion and follow, the 待发送 outbox when the network is gone, confirming or
 * reopening a resolved case, and the message inbox. Skips when there is no build or no Chromium.
 */
import type { Page } from 'playwright-core'
import { ABORT, describeH5, h5Ready, pickOnGridMap, type Answers } from './h5-harness'
import { CASE, CATEGORIES, GET, GRID_MAP, ME } from './h5-fixtures'
import { useH5Session } from './h5-session'

// These mocked-browser flows race the app's own timed redirects on a loaded 2-core machine;
// one retry keeps a slow run from failing CI while a real regression still fails twice.
jest.retryTimes(1, { logErrorsBeforeRetry: true })

const maybe = describeH5(h5Ready())

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString()

/** A neighbour's case as its public card: no reporter, no address, nothing unpublished. */
const DUP = {
  id: '01JDUP00000000000000000001',
  kind: 'report',
  category: CASE.category,
  categoryName: CASE.categoryName,
  status: 'accepted',
  statusLabel: '已受理',
  location: { lng: 113.3225, lat: 23.1825 },
  createdAt: ago(90),
  description: '东门垃圾桶满了没人收',
  photos: [],
  updates: [{ id: 'u1', at: ago(30), statusLabel: '已受理', note: '已通知保洁，今天下午清运' }],
}

const RESOLVED = {
  ...CASE,
  id: '01JRESOLVED000000000000001',
  status: 'resolved',
  statusLabel: '已办结',
  slaDeadline: ago(60),
  assigneeName: '李明',
  unitName: '白云区 京溪街道 云景社区 云景社区第1网格',
  version: 5,
}
const RESOLVED_TIMELINE = [
  GET.timeline[0],
  { id: 'e2', action: 'accept', actionLabel: '受理', fromStatus: 'submitted', toStatus: 'accepted', toStatusLabel: '已受理', actorLabel: '网格员 李明', note: null, attachments: [], at: ago(120) },
  { id: 'e3', action: 'resolve', actionLabel: '办结', fromStatus: 'accepted', toStatus: 'resolved', toStatusLabel: '已办结', actorLabel: '网格员 李明', note: '已联系环卫清运完毕', attachments: [], at: ago(30) },
].map((e) => (e.action === 'submit' ? { ...e, actorLabel: '我' } : e))

maybe('resident closed loop (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': ME,
    'reports.categories': CATEGORIES,
    'reports.gridMap': GRID_MAP,
    'reports.locate': { ok: true, grid: GRID_MAP.grids[0] },
    'reports.mine': { ok: true, cases: [CASE], next: null },
    'reports.get': GET,
    'reports.duplicates': { ok: true, cases: [] },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })
  const { page, answers, called, go, shot, modalOk } = useH5Session({ defaults })

  /** Category and point on the form (the H5 grid map picker). */
  async function fillForm(p: Page, description: string) {
    await p.locator('.jf-cat-top[data-code="env"]').click()
    await p.locator('.jf-cat-sub[data-code="env.garbage"]').click()
    await p.locator('#jf-description textarea').fill(description)
    await pickOnGridMap(p)
    await p.locator('#jf-pick-confirm').click()
    await p.locator('#jf-loc-grid').waitFor()
    await p.locator('#jf-address input').fill('云景路 12 号东门')
  }

  it('suggests similar open cases nearby and follows one', async () => {
    answers['reports.duplicates'] = { ok: true, cases: [DUP] }
    answers['reports.follow'] = { ok: true, following: true, case: DUP }
    answers['reports.get'] = { ok: true, view: 'public', case: DUP }
    await go('/pages/report/new/index')
    await fillForm(page, '小区东门垃圾堆放多日无人清理')
    const card = page.locator('#jf-duplicates')
    await card.getByText('附近已有相似问题').waitFor()
    const row = card.locator(`.jf-duplicate[data-case-id="${DUP.id}"]`)
    await expect(row.textContent()).resolves.toContain('东门垃圾桶满了没人收')
    await expect(row.textContent()).resolves.toContain('已受理')
    expect(called('reports.duplicates').at(-1)!.data).toMatchObject({ category: 'env.garbage' })
    await shot('resident-duplicates')

    await row.locator('.jf-duplicate-follow').click()
    const view = page.locator(`#jf-public-case[data-case-id="${DUP.id}"]`)
    await view.waitFor()
    await page.locator('#jf-following').waitFor()
    await expect(view.locator('#jf-public-note').textContent()).resolves.toBe('为保护隐私，仅显示已公开的内容')
    await expect(view.locator('#jf-public-updates').textContent()).resolves.toContain('已通知保洁，今天下午清运')
    await expect(view.textContent()).resolves.not.toContain('云景路 12 号')
    expect(called('reports.follow')[0]!.data).toEqual({ id: DUP.id })
  })

  it('keeps a report in 待发送 when the network is down, and sends it with the same key later', async () => {
    answers['reports.submit'] = ABORT
    answers['reports.mine'] = ABORT
    await go('/pages/report/new/index')
    await fillForm(page, '路灯不亮已经三天了，晚上很黑')
    await page.locator('#jf-submit').click()
    await page.locator('#jf-form-error').getByText('网络不可用，已保存到待发送，将自动重试').waitFor()
    const row = page.locator('.jf-outbox-row').first()
    await row.waitFor({ timeout: 10000 })
    await expect(row.locator('.jf-status-tag').textContent()).resolves.toContain('待发送')
    await expect(row.textContent()).resolves.toContain('路灯不亮已经三天了')
    const key = (await row.getAttribute('data-key'))!
    expect(key).toMatch(/^[0-9A-Z]{26}$/)
    await shot('resident-outbox')

    // Network back: 立即重试 sends it with the same key; the row goes, the real case shows.
    const sent = { ...CASE, id: '01JSENT0000000000000000001', title: '路灯不亮已经三天了，晚上很黑' }
    answers['reports.submit'] = { ok: true, case: sent, replayed: false }
    answers['reports.mine'] = { ok: true, cases: [sent], next: null }
    await page.locator(`.jf-outbox-row[data-key="${key}"] .jf-outbox-retry`).click()
    await page.locator(`.jf-case-row[data-case-id="${sent.id}"]`).waitFor()
    await expect(page.locator('.jf-outbox-row').count()).resolves.toBe(0)
    // The row says on whom the case waits; the tag keeps its label.
    await expect(page.locator(`.jf-case-row[data-case-id="${sent.id}"] .jf-waiting`).innerText()).resolves.toBe('等待网格员受理')
    const keys = called('reports.submit').map((c) => c.data.idempotencyKey)
    expect(new Set(keys)).toEqual(new Set([key]))
  })

  it('resends on page show; a VALIDATION answer becomes 发送失败 with the message, editable and deletable', async () => {
    answers['reports.submit'] = ABORT
    await go('/pages/report/new/index')
    await fillForm(page, '井盖缺失很危险，请尽快处理')
    await page.locator('#jf-submit').click()
    await page.locator('.jf-outbox-row').first().waitFor({ timeout: 10000 })

    answers['reports.submit'] = { ok: false, code: 'VALIDATION', message: '请选择具体的问题分类', details: { category: '分类不存在' } }
    await go('/pages/report/mine/index')
    const failed = page.locator('.jf-outbox-row[data-state="failed"]')
    await failed.waitFor()
    await expect(failed.locator('.jf-status-tag').textContent()).resolves.toContain('发送失败')
    await expect(failed.locator('.jf-outbox-error').textContent()).resolves.toBe('请选择具体的问题分类')
    await shot('resident-outbox-failed')

    await failed.locator('.jf-outbox-edit').click()
    // The complaint under the field it concerns, and not a second time at the form's foot.
    await page.locator('#jf-error-category').getByText('分类不存在').waitFor()
    await expect(page.locator('#jf-form-error').count()).resolves.toBe(0)
    await expect(page.locator('#jf-description textarea').inputValue()).resolves.toBe('井盖缺失很危险，请尽快处理')
    await expect(page.locator('#jf-address input').inputValue()).resolves.toBe('云景路 12 号东门')
    // Back only once Taro has pushed the form's history entry; earlier, Back leaves 我的事项 behind.
    await page.waitForURL(/pages\/report\/new/)
    await page.goBack()

    // Taro keeps the left page in the DOM while the back transition runs: click the shown one.
    await page.locator('.jf-outbox-row[data-state="failed"] .jf-outbox-delete').filter({ visible: true }).click()
    await page.getByText('删除这条上报？').waitFor()
    await modalOk()
    await page.waitForFunction(() => document.querySelectorAll('.jf-outbox-row').length === 0)
  })

  it('the reporter confirms a resolved case with stars', async () => {
    let state = 'resolved'
    answers['reports.get'] = () =>
      state === 'resolved'
        ? { ok: true, case: RESOLVED, timeline: RESOLVED_TIMELINE }
        : {
            ok: true,
            case: { ...RESOLVED, status: 'closed', statusLabel: '已评价', version: 6, rating: 4, ratingComment: '处理很及时' },
            timeline: [...RESOLVED_TIMELINE, { ...RESOLVED_TIMELINE[0], id: 'e4', action: 'confirm', actionLabel: '确认评价', toStatus: 'closed', toStatusLabel: '已评价', at: ago(0) }],
          }
    answers['reports.confirm'] = () => {
      state = 'closed'
      return { ok: true, case: { ...RESOLVED, status: 'closed', statusLabel: '已评价', version: 6 } }
    }
    await go(`/pages/report/detail/index?id=${RESOLVED.id}`)
    await page.locator('#jf-decide').waitFor()
    await expect(page.locator('#jf-assignee').textContent()).resolves.toBe('李明')
    await expect(page.locator('#jf-sla').getAttribute('data-overdue')).resolves.toBe('0') // resolved: not late
    await page.locator('#jf-confirm').click()
    await page.locator('#jf-decide-error').getByText('请先点击星星评分').waitFor()
    await page.locator('.jf-star[data-value="4"]').click()
    await page.locator('#jf-confirm-comment textarea').fill('处理很及时')
    await shot('resident-confirm')
    await page.locator('#jf-confirm').click()
    await page.locator('#jf-case-detail[data-status="closed"]').waitFor()
    expect(called('reports.confirm')[0]!.data).toEqual({ id: RESOLVED.id, version: 5, rating: 4, comment: '处理很及时' })
    await page.locator('#jf-rating[data-rating="4"]').getByText('处理很及时').waitFor()
    await expect(page.locator('#jf-decide').count()).resolves.toBe(0)
    await shot('resident-closed')
  })

  it('reopens with a reason, and a CONFLICT reloads the case', async () => {
    let version = 5
    answers['reports.get'] = () => ({ ok: true, case: { ...RESOLVED, version }, timeline: RESOLVED_TIMELINE })
    answers['reports.reopen'] = (d: Record<string, unknown>) => {
      if (d.version !== 7) {
        version = 7
        return { ok: false, code: 'CONFLICT', message: '事项已被他人更新' }
      }
      return { ok: true, case: { ...RESOLVED, status: 'in_progress', statusLabel: '处置中', version: 8 } }
    }
    await go(`/pages/report/detail/index?id=${RESOLVED.id}`)
    await page.locator('#jf-decide-reopen-tab').click()
    await page.locator('#jf-reopen').click()
    await page.locator('#jf-decide-error').getByText('请填写重新打开的原因').waitFor()
    await page.locator('#jf-reopen-note textarea').fill('垃圾又堆起来了')
    await page.locator('#jf-reopen').click()
    await page.locator('#jf-decide-error').getByText('该事项已被更新，已为您刷新').waitFor()
    await page.locator('#jf-case-detail[data-version="7"]').waitFor()
    await shot('resident-reopen')
    answers['reports.get'] = () => ({ ok: true, case: { ...RESOLVED, status: 'in_progress', statusLabel: '处置中', version: 8 }, timeline: RESOLVED_TIMELINE })
    await page.locator('#jf-reopen').click()
    await page.locator('#jf-case-detail[data-status="in_progress"]').waitFor()
    expect(called('reports.reopen').map((c) => c.data)).toEqual([
      { id: RESOLVED.id, version: 5, note: '垃圾又堆起来了' },
      { id: RESOLVED.id, version: 7, note: '垃圾又堆起来了' },
    ])
  })

  it('lists messages, marks one read on tap and opens its case, and marks all read', async () => {
    const items = [
      { id: 'm1', caseId: CASE.id, page: `/pages/report/detail/index?id=${CASE.id}`, title: '您上报的问题已受理', body: '网格员 李明 已受理您上报的“小区东门垃圾堆放”', createdAt: ago(5), read: false },
      { id: 'm2', caseId: CASE.id, page: `/pages/report/detail/index?id=${CASE.id}`, title: '您上报的问题已办结', body: '请确认处置结果并评价', createdAt: ago(60), read: false },
      { id: 'm3', caseId: null, page: null, title: '欢迎使用街坊通', body: '发现身边的问题，随手上报给网格员', createdAt: ago(3000), read: true },
    ]
    const unread = () => items.filter((it) => !it.read).length
    answers['inbox.list'] = (d: Record<string, unknown>) =>
      d.before ? { ok: true, items: [items[2]], next: null, unread: unread() } : { ok: true, items: items.slice(0, 2), next: 'm2', unread: unread() }
    // Like the server: what was marked read stays read when the page reloads the list on show.
    answers['inbox.markRead'] = (d: Record<string, unknown>) => {
      for (const it of items) if (d.all || (d.ids as string[] | undefined)?.includes(it.id)) it.read = true
      return { ok: true, unread: items.filter((it) => !it.read).length }
    }
    await go('/pages/inbox/index')
    await page.locator('.jf-inbox-item[data-id="m1"][data-read="0"]').waitFor()
    await page.locator('#jf-inbox-more').click()
    await page.locator('.jf-inbox-item[data-id="m3"][data-read="1"]').waitFor()
    await shot('resident-inbox')

    await page.locator('.jf-inbox-item[data-id="m1"]').click()
    await page.locator(`#jf-case-detail[data-case-id="${CASE.id}"]`).waitFor()
    expect(called('inbox.markRead')[0]!.data).toEqual({ ids: ['m1'] })
    await page.waitForURL(/pages\/report\/detail/)
    await page.goBack()
    await page.locator('#jf-inbox-read-all').filter({ visible: true }).click()
    await page.waitForFunction(() => !document.querySelector('.jf-inbox-item[data-id="m1"][data-read="0"]'))
    expect(called('inbox.markRead').at(-1)!.data).toEqual({ all: true })

    answers['inbox.list'] = { ok: true, items: [], next: null, unread: 0 }
    await go('/pages/inbox/index')
    await page.locator('#jf-inbox-empty').getByText('暂无消息').waitFor()
  })

  it('offers 重试 only where sending again can help, in the failure’s own words', async () => {
    // The server is busy: its words, and 重试.
    answers['inbox.list'] = { ok: false, code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试', retryable: true }
    await go('/pages/inbox/index')
    await page.locator('#jf-inbox-error').getByText('服务暂时不可用，请稍后再试').waitFor()
    await page.locator('#jf-inbox-error').getByText('重试', { exact: true }).waitFor()
    // The network is gone: the client says so, and 重试.
    answers['inbox.list'] = ABORT
    await go('/pages/inbox/index')
    await page.locator('#jf-inbox-error').getByText('网络不可用，请检查网络后重试').waitFor()
    await page.locator('#jf-inbox-error').getByText('重试', { exact: true }).waitFor()
    // Refused for good: no 重试 that could only fail again.
    answers['inbox.list'] = { ok: false, code: 'FORBIDDEN', message: '无权查看' }
    await go('/pages/inbox/index')
    await page.locator('#jf-inbox-error').getByText('无权查看').waitFor()
    await expect(page.locator('#jf-inbox-error').getByText('重试', { exact: true }).count()).resolves.toBe(0)
  })
})
