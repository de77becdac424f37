/**
 * Putting a district on it, end to end: the real local server and H5 build in Debian Chromium.
 *
 * 郑华 (district admin) opens 区级管理 on a desk-sized screen, imports the street's GeoJSON (dry run
 * shows a new community and two grids, then 确认导入), imports the staff roster (CSV with one bad
 * row, reported by row and column), and invites 林晓, grid worker of 新市社区第1网格. Meanwhile a
 * resident files a report in that new grid. 林晓 opens the mini-program for the first time (a new
 * WeChat user: only an OPENID), enters the invitation code on the join page, is bound as 网格员, and
 * sees the new grid's report in 我的工作台.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { browserWorld, open, phone, shot, signIn } from '../support/browser'
import { reportInput } from '../support/fixtures'
import { as, ROOT } from '../support/server'

jest.setTimeout(180_000)

const NEW_GRID = '440111010004001'
const NEW_GRID_POINT = { lng: 113.32025, lat: 23.193 }

const world = browserWorld()

async function desk(userId: string): Promise<Page> {
  const ctx = await world.browser.newContext({ baseURL: world.srv.url, viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const p = await ctx.newPage()
  p.setDefaultTimeout(30_000)
  await signIn(p, userId)
  return p
}

function fixtureFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'jf-onboard-')), name)
  writeFileSync(file, content)
  return file
}

describe('onboarding a district in the browser against the real server', () => {
  it('admin imports grids and staff → invites a grid worker → the worker binds and sees their grid\'s queue', async () => {
    const admin = await desk('demo-admin')

    // 1. The admin's home offers 区级管理.
    await admin.locator('#jf-entry-admin').click()
    await admin.locator('#jf-admin-org').waitFor()
    await admin.locator('#jf-org-units .jf-org-unit[data-level="grid"]').first().waitFor()
    await expect(admin.locator('#jf-org-units .jf-org-unit[data-level="grid"]').count()).resolves.toBe(12)

    // 2. GeoJSON: the dry run shows what would change and writes nothing; 确认导入 applies it.
    await admin.locator('#jf-org-file').setInputFiles(join(ROOT, 'settings/samples/jingxi-grids.geojson'))
    await admin.locator('#jf-org-preview:not([disabled])').click()
    await admin.locator('#jf-org-plan[data-errors="0"][data-added="3"][data-changed="0"][data-removed="0"]').waitFor()
    await expect(admin.locator('#jf-org-summary').innerText()).resolves.toContain('新增 3，变更 0，删除 0，无变化 16')
    await expect(admin.locator(`.jf-org-diff-row[data-kind="added"][data-code="${NEW_GRID}"]`).innerText()).resolves.toContain('新市社区第1网格')
    await expect(admin.locator('#jf-org-units .jf-org-unit[data-level="grid"]').count()).resolves.toBe(12)
    await shot(admin, 'e2e-onboarding-org-plan')
    await admin.locator('#jf-org-apply').click()
    await admin.locator('#jf-org-applied').waitFor()
    await expect(admin.locator('#jf-org-applied').innerText()).resolves.toBe('已导入：新增 3，变更 0，删除 0')
    await admin.locator(`#jf-org-units .jf-org-unit[data-code="${NEW_GRID}"]`).waitFor()
    await admin.locator('#jf-org-map[data-grids="14"]').waitFor()
    // Importing the same file again: nothing to do.
    await admin.locator('#jf-org-preview').click()
    await admin.locator('#jf-org-plan[data-added="0"][data-changed="0"][data-removed="0"]').waitFor()
    await expect(admin.locator('#jf-org-apply').isDisabled()).resolves.toBe(true)
    await shot(admin, 'e2e-onboarding-org-applied')
    // Buildings for the rental check-in: the same preview-then-import form, a bad row reported and left out.
    const buildings = readFileSync(join(ROOT, 'settings/samples/buildings.csv'), 'utf8') + '坏行,云景路 40 号,440111010001001,,,六,101,13800000003\n'
    await admin.locator('#jf-buildings-file').setInputFiles(fixtureFile('楼栋.csv', buildings))
    await admin.locator('#jf-buildings-preview:not([disabled])').click()
    await admin.locator('#jf-buildings-plan[data-rows="3"][data-errors="1"][data-applied="-1"]').waitFor()
    await expect(admin.locator('#jf-buildings-plan .jf-building-error[data-row="4"]').innerText()).resolves.toMatch(/第 4 行\s+楼层\s+楼层应为 1–200 的整数：六/)
    await admin.locator('#jf-buildings-apply').click()
    await admin.locator('#jf-buildings-plan[data-applied="2"]').waitFor()
    await expect(admin.locator('#jf-buildings-import .jf-ak-notice.is-ok').innerText()).resolves.toBe('已登记 2 栋，1 处错误未导入')

    // 3. A resident reports a problem in the new grid (through the API: the report flow has its own e2e).
    const resident = await as(world.srv.url, 'demo-resident')
    const filed = await resident.call('reports', 'submit', reportInput({ description: '新市路口的垃圾桶满了没人清', location: { ...NEW_GRID_POINT, address: '新市路 8 号' } }))
    expect(filed).toMatchObject({ ok: true, case: { gridName: '新市社区第1网格' } })

    // 4. The staff roster: one bad row is reported by row and column, the good rows are imported.
    const roster = readFileSync(join(ROOT, 'settings/samples/staff.csv'), 'utf8') + '无号码,12345,网格员,440111010004001,,\n'
    await admin.locator('#jf-admin-nav-staff').click()
    await admin.locator('#jf-admin-staff').waitFor()
    await admin.locator('#jf-staff-file').setInputFiles(fixtureFile('名单.csv', roster))
    await admin.locator('#jf-staff-preview:not([disabled])').click()
    await admin.locator('#jf-staff-plan[data-rows="6"][data-good="5"][data-errors="1"][data-applied="-1"]').waitFor()
    await expect(admin.locator('.jf-staff-error[data-row="7"]').innerText()).resolves.toMatch(/第 7 行\s+手机\s+手机号格式错误：12345/)
    await admin.locator('#jf-staff-apply').click()
    await admin.locator('#jf-staff-applied').waitFor()
    await expect(admin.locator('#jf-staff-applied').innerText()).resolves.toBe('已导入 4 人，1 行有错误未导入')
    const lin = admin.locator('.jf-staff-row[data-name="林晓"]')
    await lin.waitFor()
    await expect(lin.getAttribute('data-bound')).resolves.toBe('no')
    await expect(lin.innerText()).resolves.toContain('网格员 · 新市社区第1网格')

    // 5. An invitation for 林晓: a code and its QR, shown once.
    await lin.locator('.jf-staff-invite').click()
    await admin.locator('#jf-invite-panel[data-status="open"]').waitFor()
    await expect(admin.locator('#jf-invite-qr img').getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/)
    const code = (await admin.locator('#jf-invite-code').innerText()).trim()
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    await expect(admin.locator('#jf-invite-path').innerText()).resolves.toContain(`pages/join/index?code=${code}`)
    await shot(admin, 'e2e-onboarding-invite')

    // 6. 林晓 opens the mini-program for the first time: a new WeChat user, only an OPENID.
    const worker = await (await phone(world.browser, world.srv.url)).newPage()
    worker.setDefaultTimeout(30_000)
    await worker.goto('/')
    await worker.locator('#jf-role-switcher').waitFor()
    await worker.locator('#jf-dev-openid input, input#jf-dev-openid').first().fill('dev-lin-xiao-wechat')
    await worker.locator('#jf-dev-wechat-login').click()
    // The greeting shows 正在加载… until session.me answers.
    await worker.locator('#jf-greeting', { hasText: '微信用户' }).waitFor()
    await expect(worker.locator('#jf-entry-staff-queue').count()).resolves.toBe(0)

    // 7. The invitation link opens the join page with the code; 绑定 makes this WeChat 林晓's.
    await open(worker, `/pages/join/index?code=${code}`)
    await worker.locator('#jf-join-page[data-state="form"]').waitFor()
    await shot(worker, 'e2e-onboarding-join')
    await worker.locator('#jf-join-bind').click()
    await worker.locator('#jf-join-page[data-state="bound"]').waitFor()
    await expect(worker.locator('#jf-join-name').innerText()).resolves.toBe('林晓')
    await expect(worker.locator('.jf-join-role[data-role="grid_worker"]').innerText()).resolves.toBe('网格员 · 新市社区第1网格')
    await shot(worker, 'e2e-onboarding-bound')

    // 8. Home now greets 林晓 with the workbench; the queue holds the new grid's report.
    await worker.locator('#jf-join-home').click()
    await worker.locator('#jf-greeting .jf-home-role[data-role="grid_worker"]').waitFor()
    await expect(worker.locator('#jf-greeting').innerText()).resolves.toContain('林晓')
    await worker.locator('#jf-entry-staff-queue').click()
    const row = worker.locator(`#jf-queue-list .jf-queue-row[data-case-id="${filed.case.id}"]`)
    await row.waitFor()
    await expect(row.innerText()).resolves.toContain('新市社区第1网格')
    await shot(worker, 'e2e-onboarding-queue')

    // 9. The admin sees the binding; the code cannot be used again.
    await admin.reload()
    await admin.locator('.jf-staff-row[data-name="林晓"][data-bound="yes"]').waitFor()
    const again = await (await phone(world.browser, world.srv.url)).newPage()
    await again.goto('/')
    await again.locator('#jf-role-switcher').waitFor()
    await again.locator('#jf-dev-openid input, input#jf-dev-openid').first().fill('dev-someone-else')
    await again.locator('#jf-dev-wechat-login').click()
    await again.locator('#jf-greeting').waitFor()
    await open(again, `/pages/join/index?code=${code}`)
    await again.locator('#jf-join-bind').click()
    await expect(again.locator('#jf-error-code').innerText()).resolves.toBe('邀请码已被使用，如需重新绑定请联系管理员')
  })

  it('admin edits the district configuration as a form: a bad SLA refused under its field in Chinese, then saved with its change history', async () => {
    const admin = await desk('demo-admin')
    await open(admin, '/pages/admin/config/index')
    const accept = admin.locator('#jf-config-general input[data-path="acceptHours"]')
    await accept.waitFor()
    await expect(accept.inputValue()).resolves.toBe('4')
    // The first sub-category's time limit, by its row.
    const row = admin.locator('.jf-config-category.is-sub').first()
    const index = await row.getAttribute('data-index')
    const name = await row.locator('input[data-path$=".name"]').inputValue()
    const sla = row.locator(`input[data-path="categories.${index}.slaHours"]`)
    const slaBefore = await sla.inputValue()

    await sla.fill('-5')
    await admin.locator('#jf-config-save').click()
    await expect(admin.locator('#jf-config-notice').innerText()).resolves.toBe('配置有 1 处错误，未保存')
    await expect(row.locator(`.jf-config-field-error[data-path="categories.${index}.slaHours"]`).innerText()).resolves.toBe('应大于 0')
    await shot(admin, 'e2e-onboarding-config-refused')

    await sla.fill('12')
    await expect(admin.locator('.jf-config-field-error').count()).resolves.toBe(0)
    await accept.fill('6')
    await admin.locator('#jf-config-save').click()
    await admin.locator('#jf-config-saved').waitFor()
    await expect(admin.locator('#jf-config-saved').innerText()).resolves.toContain('已保存为第 1 版，2 处修改')
    const version = admin.locator('.jf-config-version[data-version="1"]')
    await expect(version.locator('.jf-config-change[data-path="acceptHours"]').innerText()).resolves.toMatch(/受理时限（小时）\s+4 → 6/)
    await expect(version.locator(`.jf-config-change[data-path="categories.${index}.slaHours"]`).innerText()).resolves.toMatch(new RegExp(`「${name}」办理时限（小时）\\s+${slaBefore} → 12`))
    const head = await version.innerText()
    expect(head).toContain('郑华')
    expect(head).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)
    expect(await admin.locator('#jf-admin-config').innerText()).not.toMatch(/acceptHours|slaHours|grid_worker|department/)
    await expect(accept.inputValue()).resolves.toBe('6')
    await shot(admin, 'e2e-onboarding-config')

    // The JSON stays available: exported as a file, and a file imported into the form (saved only on 校验并保存).
    const download = admin.waitForEvent('download')
    await admin.locator('#jf-config-export').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^区级配置-第1版-\d{8}\.json$/)
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'))
    expect(exported.acceptHours).toBe(6)
    await admin.locator('#jf-config-import').setInputFiles(fixtureFile('配置.json', JSON.stringify({ ...exported, acceptHours: 8 })))
    await admin.locator('#jf-config-saved', { hasText: '已载入文件「配置.json」' }).waitFor()
    await expect(accept.inputValue()).resolves.toBe('8')
    await admin.locator('#jf-config-import').setInputFiles(fixtureFile('坏的.json', '{"acceptHours": 8,'))
    await admin.locator('#jf-config-notice', { hasText: '文件不是有效的配置文件（格式错误），请选择导出的配置文件' }).waitFor()
    await admin.locator('#jf-config-discard').click()
    await admin.waitForFunction(() => (document.querySelector('#jf-config-general input[data-path="acceptHours"]') as HTMLInputElement | null)?.value === '6')
  })
})
