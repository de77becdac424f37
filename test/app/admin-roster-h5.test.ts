/**
 * 一键求助值班 in the built H5 app (dist-h5) with the functions mocked: a community's duty roster in
 * words (每天 全天, 周六、周日 22:00–次日08:00, who is on duty now), a shift added for another of the
 * community's staff and the roster saved whole, a refusal shown in Chinese, and a table previewed
 * row by row before it is imported.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { DIST, describeH5, h5Ready, type Answers } from './h5-harness'
import { useH5Session } from './h5-session'

/** A build that has the page (an older dist-h5 has the admin desk without it). */
function hasPage(): boolean {
  const js = path.join(DIST, 'js')
  return h5Ready() && existsSync(js) && readdirSync(js).some((f) => f.endsWith('.js') && readFileSync(path.join(js, f), 'utf8').includes('jf-admin-roster'))
}

const ALWAYS = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }
const roster = (entries: unknown[]) => ({
  ok: true,
  roster: {
    communityCode: '440111010001',
    communityName: '云景社区',
    entries,
    candidates: [
      { userId: 'gw1', name: '李明', roleLabel: '网格员' },
      { userId: 'gw2', name: '张丽', roleLabel: '网格员' },
      { userId: 'h1', name: '林志远', roleLabel: '驻村法律顾问' },
    ],
    updatedAt: '2026-12-06T02:00:00.000Z',
  },
})
const LI = { userId: 'gw1', name: '李明', roleLabel: '网格员', phone: '020-87701001', shifts: [ALWAYS], shiftText: '每天 全天', onDutyNow: true }
const LIN = { userId: 'h1', name: '林志远', roleLabel: '驻村法律顾问', phone: '13800000021', shifts: [{ days: [6, 7], from: '22:00', to: '08:00' }], shiftText: '周六、周日 22:00–次日08:00', onDutyNow: false }

describeH5(hasPage())('一键求助值班 (H5 admin, mocked functions)', () => {
  const defaults = (): Answers => ({
    'session.me': { ok: true, user: { id: 'demo-admin', name: '郑华', roles: [{ role: 'admin', roleLabel: '管理员', unitCode: '440111', unitName: '白云区' }] } },
    'admin.units': {
      ok: true,
      units: [
        { code: '440111010', name: '京溪街道', level: 'street', parentCode: '440111', hasPolygon: false, phone: null, polygon: null },
        { code: '440111010001', name: '云景社区', level: 'community', parentCode: '440111010', hasPolygon: false, phone: null, polygon: null },
        { code: '440111010002', name: '犀牛角社区', level: 'community', parentCode: '440111010', hasPolygon: false, phone: null, polygon: null },
      ],
    },
    'help.roster': roster([LI, LIN]),
    'help.saveRoster': roster([LI, LIN, { userId: 'gw2', name: '张丽', roleLabel: '网格员', phone: '020-87701002', shifts: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' }], shiftText: '周一至周五 08:30–17:30', onDutyNow: false }]),
    'help.importRoster': { ok: true, plan: { rows: 2, errors: [{ row: 3, message: '值班日「周八」无法识别，请写成「周一至周五」「周六、周日」或「每天」' }], communities: [{ communityCode: '440111010001', communityName: '云景社区', people: 1, shifts: 1 }], applied: 0 } },
  })
  const desk = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 }
  const { page, answers, called, go, shot } = useH5Session({ defaults, context: desk, shotPrefix: 'admin-roster-' })

  it('shows the roster in words, adds a shift for another of the staff, and saves the roster whole', async () => {
    await go('/pages/admin/roster/index')
    const rows = page.locator('.jf-roster-entry')
    await rows.first().waitFor()
    await expect(rows.nth(0).locator('td').allInnerTexts()).resolves.toEqual(['李明', '网格员', '020-87701001', expect.stringContaining('每天 全天'), '值班中'])
    await expect(rows.nth(1).locator('.jf-roster-shift').innerText()).resolves.toBe('周六、周日 22:00–次日08:00')
    expect(called('help.roster')[0]?.data).toEqual({ communityCode: '440111010001' })
    await shot('roster')

    await page.locator('#jf-roster-person').selectOption('gw2')
    for (const day of [6, 7]) await page.locator('.jf-roster-day').nth(day - 1).uncheck()
    await page.locator('#jf-roster-from').fill('08:30')
    await page.locator('#jf-roster-to').fill('17:30')
    await page.locator('#jf-roster-add-shift').click()
    await expect(rows.nth(2).locator('.jf-roster-shift').innerText()).resolves.toBe('周一至周五 08:30–17:30')
    await page.locator('#jf-roster-save').click()
    await page.locator('#jf-roster-saved').waitFor()
    expect(called('help.saveRoster')[0]?.data).toEqual({
      communityCode: '440111010001',
      entries: [
        { userId: 'gw1', shifts: [ALWAYS] },
        { userId: 'h1', shifts: [{ days: [6, 7], from: '22:00', to: '08:00' }] },
        { userId: 'gw2', shifts: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' }] },
      ],
    })
  })

  it('reads another community, shows a refusal in Chinese, and previews a table row by row', async () => {
    answers['help.saveRoster'] = { ok: false, code: 'VALIDATION', message: '值班人员须为本社区的网格员、调解员或协助调解人' }
    await go('/pages/admin/roster/index')
    await page.locator('.jf-roster-entry').first().waitFor()
    answers['help.roster'] = roster([])
    await page.locator('#jf-roster-community').selectOption('440111010002')
    await page.locator('#jf-roster-empty').waitFor()
    expect(called('help.roster').at(-1)?.data).toEqual({ communityCode: '440111010002' })
    await page.locator('#jf-roster-person').selectOption('h1')
    await page.locator('#jf-roster-add-shift').click()
    await page.locator('#jf-roster-save').click()
    await expect(page.locator('#jf-roster-notice').innerText()).resolves.toBe('值班人员须为本社区的网格员、调解员或协助调解人')

    await page.locator('#jf-roster-file').setInputFiles({ name: '值班表.csv', mimeType: 'text/csv', buffer: Buffer.from('社区编码,手机,值班日,开始,结束\n440111010001,020-87701001,每天,00:00,24:00\n440111010001,020-87701001,周八,00:00,24:00\n') })
    await page.locator('#jf-roster-preview').click()
    await page.locator('#jf-roster-plan').waitFor()
    await expect(page.locator('.jf-roster-error td').allInnerTexts()).resolves.toEqual(['第 3 行', '值班日「周八」无法识别，请写成「周一至周五」「周六、周日」或「每天」'])
    await expect(page.locator('.jf-roster-community td').allInnerTexts()).resolves.toEqual(['云景社区', '1 人，1 个班次'])
    expect(called('help.importRoster')[0]?.data).toMatchObject({ fileName: '值班表.csv', dryRun: true })
    await shot('import')
  })
})
