/**
 * A queued report whose photo is gone, in the built H5 app: a photo picked offline is a `blob:` URL
 * that dies with the page, so after a reload the resend cannot read it. That must end as 发送失败
 * with a message the person can act on (not an endless 待发送), and 修改 → remove the photo → 提交
 * sends the report with the same key. Skips when there is no build or no Chromium.
 */
import { ABORT, describeH5, h5Ready, pickOnGridMap, type Answers } from './h5-harness'
import { CASE, CATEGORIES, GET, GRID_MAP, ME } from './h5-fixtures'
import { useH5Session } from './h5-session'
import { pngWithMetadata } from '../support/images'

jest.retryTimes(1, { logErrorsBeforeRetry: true })

const maybe = describeH5(h5Ready())

maybe('outbox photos (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': ME,
    'reports.categories': CATEGORIES,
    'reports.gridMap': GRID_MAP,
    'reports.locate': { ok: true, grid: GRID_MAP.grids[0] },
    'reports.mine': { ok: true, cases: [], next: null },
    'reports.get': GET,
    'reports.duplicates': { ok: true, cases: [] },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
  })
  const { page, answers, called, go } = useH5Session({ defaults })

  it('a photo gone after a reload ends as 发送失败, is not retried, and the report goes once the photo is removed', async () => {
    answers['files.upload'] = ABORT
    answers['reports.submit'] = ABORT
    await go('/pages/report/new/index')
    await page.locator('.jf-cat-top[data-code="env"]').click()
    await page.locator('.jf-cat-sub[data-code="env.garbage"]').click()
    await page.locator('#jf-description textarea').fill('东门垃圾堆放三天没人清理')
    await pickOnGridMap(page)
    await page.locator('#jf-pick-confirm').click()
    await page.locator('#jf-loc-grid').waitFor()
    await page.locator('#jf-address input').fill('云景路 12 号东门')
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#jf-photo-add').click()])
    await chooser.setFiles({ name: 'east-gate.png', mimeType: 'image/png', buffer: pngWithMetadata() })
    await page.locator('.jf-photo[data-state="failed"]').waitFor()
    await page.locator('#jf-submit').click()
    await page.locator('#jf-form-error').getByText('网络不可用，已保存到待发送，将自动重试').waitFor()
    const uploadsOffline = called('files.upload').length
    expect(uploadsOffline).toBeGreaterThanOrEqual(1)

    // The page is reloaded while still offline (the app was closed): the picked photo's blob: URL
    // died with the old page. Then the network comes back.
    await page.reload()
    await page.locator('#jf-description').waitFor()
    // Counted once the old page is gone: it may still have been retrying its live blob until then.
    const uploadsBeforeReturn = called('files.upload').length
    answers['files.upload'] = { ok: true, fileId: '01JFILE0000000000000000001' }
    const sent = { ...CASE, id: '01JSENT0000000000000000002', title: '东门垃圾堆放三天没人清理' }
    answers['reports.submit'] = { ok: true, case: sent, replayed: false }
    await go('/pages/report/mine/index')
    const failed = page.locator('.jf-outbox-row[data-state="failed"]')
    await failed.waitFor({ timeout: 10000 })
    await expect(failed.locator('.jf-status-tag').textContent()).resolves.toContain('发送失败')
    await expect(failed.locator('.jf-outbox-error').textContent()).resolves.toContain('照片已不在手机上')
    const key = (await failed.getAttribute('data-key'))!

    // Final: showing the page again sends nothing more.
    await go('/pages/report/mine/index')
    await failed.waitFor()
    // (A photo that failed offline sends the form straight to the outbox: no submit yet, none since.)
    expect(called('files.upload')).toHaveLength(uploadsBeforeReturn)
    expect(called('reports.submit')).toHaveLength(0)

    // 修改: the gone photo shows as failed; removing it and submitting sends the report, same key.
    await failed.locator('.jf-outbox-edit').click()
    const gone = page.locator('.jf-photo[data-state="failed"]')
    await gone.waitFor()
    await gone.locator('.jf-photo-remove').click()
    await expect(page.locator('.jf-photo').count()).resolves.toBe(0)
    await page.locator('#jf-submit').click()
    await page.waitForURL(/pages\/report\/detail\/index/, { timeout: 10000 })
    const last = called('reports.submit').at(-1)!.data as { idempotencyKey: string; photos: string[] }
    expect(last).toMatchObject({ idempotencyKey: key, photos: [] })
  })
})
