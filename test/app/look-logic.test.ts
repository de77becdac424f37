/** Part of issue 17 (look): the progress stepper's steps, the icon set's data URIs, the home and tab icons. */
import { GLYPHS, iconUrl, type IconName } from '../../src/components/Icon/glyphs'
import { MAIN_ENTRIES, mainEntries, rentalEntries, staffEntries } from '../../src/pages/home/entries'
import { TABS } from '../../src/utils/tabs'
import { checkinProgress, mediationProgress, reportProgress } from '../../src/utils/progress'

const at = (day: string) => `${day}T02:00:00.000Z`
const ev = (toStatus: string, day: string) => ({ toStatus, at: at(day) })

describe('progress stepper', () => {
  const titles = (p: { steps: { title: string }[] }) => p.steps.map((s) => s.title)

  it('report: 上报→受理→分派→处置→办结→评价, the step in hand after those behind, steps to come listed without a day', () => {
    const p = reportProgress('accepted', [ev('submitted', '2026-12-01'), ev('accepted', '2026-12-02')], at('2026-12-01'))
    expect(titles(p)).toEqual(['上报', '受理', '分派', '处置', '办结', '评价'])
    expect(p.current).toBe(3)
    expect(p.steps.map((s) => s.day)).toEqual(['12月1日', '12月2日', '', '', '', ''])
    expect(p.offPath).toBe(false)
  })

  it('report: in hand on site is 处置; a case handled without 分派 shows it passed with no day', () => {
    const p = reportProgress('in_progress', [ev('submitted', '2026-12-01'), ev('accepted', '2026-12-02'), ev('in_progress', '2026-12-03')], at('2026-12-01'))
    expect(p.current).toBe(4)
    expect(p.steps[2]).toEqual({ title: '分派', day: '12月3日' })
    const resolved = reportProgress('resolved', [ev('resolved', '2026-12-05')])
    expect(resolved.current).toBe(6)
    expect(resolved.steps[4]!.day).toBe('12月5日')
    expect(reportProgress('closed').current).toBe(7)
    expect(reportProgress('submitted').current).toBe(2)
  })

  it('report: 不予受理 and 已合并 end the way after 上报', () => {
    const p = reportProgress('rejected', [ev('submitted', '2026-12-01'), ev('rejected', '2026-12-02')])
    expect(titles(p)).toEqual(['上报', '不予受理'])
    expect(p.current).toBe(3)
    expect(p.offPath).toBe(true)
    expect(p.steps[1]!.day).toBe('12月2日')
    expect(titles(reportProgress('merged'))).toEqual(['上报', '已合并'])
  })

  it('mediation: 申请→受理→对方同意→调解→确认协议→调解成功, and its three other ends', () => {
    expect(titles(mediationProgress('applied'))).toEqual(['申请', '受理', '对方同意', '调解', '确认协议', '调解成功'])
    expect(mediationProgress('applied').current).toBe(2)
    expect(mediationProgress('awaiting_consent').current).toBe(3)
    expect(mediationProgress('mediating').current).toBe(4)
    expect(mediationProgress('agreement_pending').current).toBe(5)
    expect(mediationProgress('succeeded').current).toBe(7)
    expect(titles(mediationProgress('declined'))).toEqual(['申请', '受理', '对方不同意'])
    expect(titles(mediationProgress('failed'))).toEqual(['申请', '受理', '对方同意', '调解', '调解不成'])
    expect(titles(mediationProgress('rejected'))).toEqual(['申请', '不予受理'])
    expect(mediationProgress('failed').offPath).toBe(true)
  })

  it('check-in: 提交登记→楼栋长确认→在住→退租, 在住 in hand while living there, 已驳回 ends it', () => {
    const reg = { createdAt: at('2026-11-20'), checkedOutAt: null }
    expect(titles(checkinProgress({ ...reg, status: 'pending' }))).toEqual(['提交登记', '楼栋长确认', '在住', '退租'])
    expect(checkinProgress({ ...reg, status: 'pending' }).current).toBe(2)
    expect(checkinProgress({ ...reg, status: 'active' }).current).toBe(3)
    const out = checkinProgress({ ...reg, status: 'checked_out', checkedOutAt: at('2026-12-04') })
    expect(out.current).toBe(5)
    expect(out.steps[0]!.day).toBe('11月20日')
    expect(out.steps[3]!.day).toBe('12月4日')
    expect(titles(checkinProgress({ ...reg, status: 'refused' }))).toEqual(['提交登记', '已驳回'])
  })

  it('days are Shanghai days, never UTC ones', () => {
    // 2026-12-01 20:30 UTC is 12月2日 04:30 in Shanghai.
    expect(reportProgress('submitted', [], '2026-12-01T20:30:00.000Z').steps[0]!.day).toBe('12月2日')
  })
})

describe('icon set', () => {
  it('makes a data URI with nothing raw that could end the url or the style (double quotes, semicolons, #, spaces) for every icon', () => {
    for (const name of Object.keys(GLYPHS) as IconName[]) {
      const url = iconUrl(name)
      expect(url).toMatch(/^url\("data:image\/svg\+xml,%3Csvg[^";#\s]+"\)$/)
      expect(decodeURIComponent(url.slice(5, -2).replace('data:image/svg+xml,', ''))).toContain(`d='${GLYPHS[name]}'`)
    }
  })

  it('keeps path data only (no second element, no colour): the caller colours it', () => {
    for (const d of Object.values(GLYPHS)) expect(d).toMatch(/^[MmLlHhVvCcSsQqTtAaZz0-9 .,-]+$/)
  })

  it('gives every tab and every home entry an icon of the set, never a written character', () => {
    const roles = ['resident', 'tenant', 'grid_worker', 'dispatcher', 'department', 'mediator', 'admin', 'building_manager', 'police'] as const
    const entries = [...MAIN_ENTRIES, ...mainEntries([...roles]), ...staffEntries([...roles], 'h5'), ...staffEntries([...roles], 'weapp'), ...rentalEntries([...roles])]
    expect(entries.length).toBeGreaterThan(15)
    for (const e of entries) expect(Object.keys(GLYPHS)).toContain(e.icon)
    for (const t of TABS) expect(Object.keys(GLYPHS)).toContain(t.icon)
    // Entries read apart: no two different cards share a picture.
    const byIcon = new Map<string, string>()
    for (const e of entries) {
      const seen = byIcon.get(e.icon)
      if (seen) expect(seen).toBe(e.id)
      byIcon.set(e.icon, e.id)
    }
  })
})
