/**
 * 内容审核 in the built H5 app (dist-h5) with the functions mocked per test: the grid worker's queue
 * (staff subpackage) and the street's desk page. What each decision sends, the one-tap face/plate
 * hide, a hide refused without a reason, a stale version reloading, a photo under WeChat's check
 * turning 已公开 by itself. Skips without a build that has these pages.
 */
import { describeH5, h5Ready, type Answers } from './h5-harness'
import { useH5Session } from './h5-session'

const maybe = describeH5(h5Ready({ page: 'pages/report-staff/moderation' }))

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString()
const CODE = '440111010001001'
const WORKER = { ok: true, user: { id: 'demo-grid-worker', name: '李明', roles: [{ role: 'grid_worker', roleLabel: '网格员', unitCode: CODE, unitName: '云景社区第1网格' }] } }
const DISPATCHER = { ok: true, user: { id: 'demo-dispatcher', name: '赵强', roles: [{ role: 'dispatcher', roleLabel: '综治中心坐席', unitCode: '440111010', unitName: '京溪街道' }] } }

/** A grey 2×2 PNG for the photo thumbnails. */
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYAAAAAUAAT+2ntgAAAAASUVORK5CYII='

const ID = '01JMOD00000000000000000001'
const ITEM = {
  case: {
    id: ID,
    kind: 'report',
    status: 'accepted',
    statusLabel: '已受理',
    category: 'HJ01',
    categoryName: '环境卫生 / 垃圾堆积',
    title: '东门垃圾桶满溢',
    gridName: '云景社区第1网格',
    createdAt: ago(90),
    updatedAt: ago(30),
    slaDeadline: null,
    gridCode: CODE,
    unitName: '云景社区第1网格',
    assigneeName: '李明',
    departmentName: null,
    overdue: false,
    anonymous: true,
  },
  version: 3,
  description: { text: '东门垃圾桶满溢，302房陈女士家门口', state: 'pending', stateLabel: '待审核', publicText: null },
  photos: [
    { fileId: 'F1', url: PHOTO, state: 'pending', stateLabel: '待审核', checking: false },
    { fileId: 'F2', url: PHOTO, state: 'pending', stateLabel: '待审核', checking: false },
  ],
  hidden: false,
}

type Item = typeof ITEM
const photoAs = (item: Item, fileId: string, state: string, stateLabel: string, checking = false): Item => ({
  ...item,
  version: item.version + 1,
  photos: item.photos.map((p) => (p.fileId === fileId ? { ...p, state, stateLabel, checking } : p)),
})

maybe('内容审核 (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': WORKER,
    'cases.moderationQueue': { ok: true, items: [ITEM], next: null },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })
  const { page, answers, called, go, shot } = useH5Session({ defaults, shotPrefix: 'moderation-' })

  const item = () => page.locator(`#jf-moderation .jf-mod-item[data-case-id="${ID}"]`)
  const photo = (fileId: string, attrs = '') => item().locator(`.jf-mod-photo[data-file-id="${fileId}"]${attrs}`)

  it('hides a photo in one tap for a face or plate, with that reason and the item’s version', async () => {
    answers['cases.moderate'] = { ok: true, item: photoAs(ITEM, 'F2', 'hidden', '已隐藏') }
    await go('/pages/report-staff/moderation/index')
    await expect(item().locator('.jf-mod-summary').textContent()).resolves.toBe('描述待审核 · 2 张照片待审核')
    await shot('queue')
    await photo('F2').locator('.jf-mod-photo-face').click()
    await photo('F2', '[data-state="hidden"]').waitFor()
    expect(called('cases.moderate').map((c) => c.data)).toEqual([{ id: ID, version: 3, target: 'photo', fileId: 'F2', decision: 'hide', reason: '人脸或车牌' }])
    // A hidden photo only offers 公开 again.
    await expect(photo('F2').locator('.jf-mod-btn').count()).resolves.toBe(1)
    await expect(item().locator('.jf-mod-summary').textContent()).resolves.toBe('描述待审核 · 1 张照片待审核')
  })

  it('hides the whole report only with a reason', async () => {
    answers['cases.moderate'] = (d: Record<string, unknown>) => ({ ok: true, item: { ...ITEM, version: 4, hidden: d.decision === 'hide' } })
    await go('/pages/report-staff/moderation/index')
    await item().locator('.jf-mod-hide-report').click()
    const sheet = page.locator('#jf-mod-sheet[data-mode="hide-report"]')
    await sheet.waitFor()
    await sheet.locator('#jf-mod-submit').click()
    await expect(sheet.locator('#jf-error-mod-reason').textContent()).resolves.toBe('请填写隐藏原因')
    expect(called('cases.moderate')).toEqual([])
    await sheet.locator('#jf-mod-reason textarea').fill('涉及家庭隐私')
    await shot('hide-report')
    await sheet.locator('#jf-mod-submit').click()
    await page.locator(`.jf-mod-item[data-case-id="${ID}"][data-hidden="1"]`).waitFor()
    expect(called('cases.moderate').map((c) => c.data)).toEqual([{ id: ID, version: 3, target: 'report', decision: 'hide', reason: '涉及家庭隐私' }])
    await expect(item().locator('.jf-mod-summary').textContent()).resolves.toBe('已对公众隐藏')
    await item().locator('.jf-mod-unhide-report').waitFor()
  })

  it('shows the server’s refusal in the sheet, field by field', async () => {
    answers['cases.moderate'] = { ok: false, code: 'VALIDATION', message: '该文字未通过微信内容安全检测，不能公开；可编辑后公开或隐藏', details: { text: '未通过检测' } }
    await go('/pages/report-staff/moderation/index')
    await item().locator('.jf-mod-desc-redact').click()
    const sheet = page.locator('#jf-mod-sheet[data-mode="redact"]')
    await sheet.waitFor()
    await expect(sheet.locator('#jf-mod-original').textContent()).resolves.toBe(ITEM.description.text)
    await sheet.locator('#jf-mod-text textarea').fill('东门垃圾桶满溢')
    await sheet.locator('#jf-mod-reason textarea').fill('含住户门牌和姓氏')
    await sheet.locator('#jf-mod-submit').click()
    await expect(sheet.locator('#jf-mod-error').textContent()).resolves.toContain('未通过微信内容安全检测')
    await expect(sheet.locator('#jf-error-mod-text').textContent()).resolves.toBe('未通过检测')
    expect(called('cases.moderate').map((c) => c.data)).toEqual([
      { id: ID, version: 3, target: 'description', decision: 'redact', text: '东门垃圾桶满溢', reason: '含住户门牌和姓氏' },
    ])
  })

  it('reloads the queue when someone else decided first (CONFLICT)', async () => {
    answers['cases.moderate'] = { ok: false, code: 'CONFLICT', message: '事项已被他人更新' }
    await go('/pages/report-staff/moderation/index')
    await item().waitFor()
    const before = called('cases.moderationQueue').length
    answers['cases.moderationQueue'] = { ok: true, items: [{ ...ITEM, version: 5, description: { ...ITEM.description, state: 'published', stateLabel: '已公开' } }], next: null }
    await item().locator('.jf-mod-desc-publish').click()
    await item().locator('.jf-mod-desc[data-state="published"]').waitFor()
    expect(called('cases.moderationQueue').length).toBeGreaterThan(before)
  })

  it('a published photo waits for WeChat’s check, then turns 已公开 by itself', async () => {
    answers['cases.moderate'] = { ok: true, item: photoAs(ITEM, 'F1', 'pending', '待审核', true) }
    await go('/pages/report-staff/moderation/index')
    await photo('F1', '[data-state="pending"]').waitFor()
    answers['cases.moderationQueue'] = { ok: true, items: [photoAs(ITEM, 'F1', 'published', '已公开')], next: null }
    await photo('F1').locator('.jf-mod-photo-publish').click()
    await photo('F1', '[data-checking="1"]').waitFor()
    await expect(photo('F1').locator('.jf-mod-photo-publish').count()).resolves.toBe(0)
    await photo('F1', '[data-state="published"][data-checking="0"]').waitFor({ timeout: 10_000 })
    expect(called('cases.moderate').map((c) => c.data)).toEqual([{ id: ID, version: 3, target: 'photo', fileId: 'F1', decision: 'publish' }])
  })

  it('the street’s desk page carries the same queue under the console header', async () => {
    answers['session.me'] = DISPATCHER
    await go('/pages/report-staff/console/moderation/index')
    await page.locator('#jf-console-moderation').waitFor()
    await page.locator('#jf-console-nav-moderation.is-active').waitFor()
    await item().waitFor()
    await shot('console')
  })

  it('says so when nothing waits', async () => {
    answers['cases.moderationQueue'] = { ok: true, items: [], next: null }
    await go('/pages/report-staff/moderation/index')
    await page.locator('#jf-moderation-empty').getByText('暂无待审核内容').waitFor()
  })
})
