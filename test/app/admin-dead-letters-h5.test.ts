/**
 * 区级配置 → 发送失败的微信通知 in the built H5 app (dist-h5) with the functions mocked: each notice
 * WeChat refused or that failed every try, by kind, name and title, with Beijing times and the
 * reason in Chinese; an empty list says so; 刷新 asks again.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { DIST, describeH5, h5Ready, type Answers } from './h5-harness'
import { useH5Session } from './h5-session'

/** A build that has the section (an older dist-h5 has the config page without it). */
function hasSection(): boolean {
  const js = path.join(DIST, 'js')
  return h5Ready() && existsSync(js) && readdirSync(js).some((f) => f.endsWith('.js') && readFileSync(path.join(js, f), 'utf8').includes('jf-dead-letters'))
}

const REFUSED = {
  notice: '事项办理进度',
  recipient: '小梅',
  title: '事项不予受理',
  at: '2026-12-06T06:05:00.000Z',
  failedAt: '2026-12-06T06:06:00.000Z',
  tries: 1,
  reason: '用户拒绝接收，或没有剩余的订阅次数（43101）',
}

describeH5(hasSection())('发送失败的微信通知 (H5 admin config, mocked functions)', () => {
  const defaults = (): Answers => ({
    'admin.config': { ok: true, config: { acceptHours: 4 }, version: 0 },
    'admin.configHistory': { ok: true, versions: [] },
    'admin.deadLetters': { ok: true, items: [REFUSED] },
  })
  // A desk page: a desk-sized window.
  const desk = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 }
  const { page, answers, called, go, shot } = useH5Session({ defaults, context: desk, shotPrefix: 'admin-dead-letters-' })

  it('lists each notice set aside with its reason and Beijing times, no ids', async () => {
    await go('/pages/admin/config/index')
    const row = page.locator('#jf-dead-letters .jf-dead-letter')
    await row.waitFor()
    const cells = await row.locator('td').allInnerTexts()
    expect(cells).toEqual(['事项办理进度', '小梅', '事项不予受理', '2026年12月6日 14:05', '2026年12月6日 14:06', '1', '用户拒绝接收，或没有剩余的订阅次数（43101）'])
    await shot('list')
  })

  it('says when there is none, and 刷新 reads the list again', async () => {
    answers['admin.deadLetters'] = { ok: true, items: [] }
    await go('/pages/admin/config/index')
    await page.locator('#jf-dead-letters-none').waitFor()
    answers['admin.deadLetters'] = { ok: true, items: [REFUSED, { ...REFUSED, recipient: '已注销用户', reason: '已尝试 5 次仍未成功，最后一次：网络错误，未能连接微信接口' }] }
    const before = called('admin.deadLetters').length
    await page.locator('#jf-dead-letters button').click()
    await expect(page.locator('#jf-dead-letters .jf-dead-letter').nth(1).locator('.jf-dead-letter-reason').innerText()).resolves.toBe('已尝试 5 次仍未成功，最后一次：网络错误，未能连接微信接口')
    expect(called('admin.deadLetters').length).toBe(before + 1)
  })
})
