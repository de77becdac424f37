/**
 * 一键求助 pages' shared reckonings (src/utils/help): waiting lines, spans, the desk's arrivals and
 * title, the links between pages, and who gets which home entry.
 */
import { helpEntries, HELP_URL, mainEntries, staffEntries } from '../../src/pages/home/entries'
import { linkUrl, staffCaseUrl, statusUrl } from '../../src/utils/help/urls'
import { acceptText, arrivals, helpWaiting, liveTitle, spanText } from '../../src/utils/help/view'
import { GLYPHS } from '../../src/components/Icon/glyphs'

type Row = { id: string; status: 'raised' | 'taken' | 'escalated' | 'closed'; escalation: 'street' | 'district' | null; urgent: boolean; createdAt: string }
const row = (id: string, over: Partial<Row> = {}): Row => ({ id, status: 'raised', escalation: null, urgent: false, createdAt: `2026-03-02T02:0${id.length}:00.000Z`, ...over })

describe('help view words', () => {
  it('says on whom a request waits, for the person and for staff; nothing once closed', () => {
    expect(helpWaiting('raised', 'person')).toBe('已通知社区值班人员，请保持电话畅通')
    expect(helpWaiting('taken', 'person')).toContain('可直接打电话联系')
    expect(helpWaiting('escalated', 'person')).toContain('街道综治中心')
    expect(helpWaiting('raised', 'staff')).toBe('等待值班人员响应')
    expect(helpWaiting('closed', 'person')).toBe('')
    expect(helpWaiting('closed', 'staff')).toBe('')
  })

  it('reads spans as people say them', () => {
    expect(spanText(0)).toBe('0 秒')
    expect(spanText(-5)).toBe('0 秒')
    expect(spanText(59.9)).toBe('59 秒')
    expect(spanText(65)).toBe('1 分 05 秒')
    expect(spanText(3 * 3600 + 2 * 60 + 7)).toBe('3 小时 2 分')
    expect(spanText(26 * 3600)).toBe('1 天 2 小时')
  })

  it('shows time to acceptance, or how long a request has waited by the desk clock', () => {
    const createdAt = '2026-03-02T02:00:00.000Z'
    const now = Date.parse(createdAt) + 125_000
    expect(acceptText({ status: 'taken', secondsToAccept: 95, createdAt }, now)).toBe('1 分 35 秒响应')
    expect(acceptText({ status: 'raised', secondsToAccept: null, createdAt }, now)).toBe('已等待 2 分 05 秒')
    expect(acceptText({ status: 'closed', secondsToAccept: null, createdAt }, now)).toBe('未经响应')
  })

  it('puts the count of unseen requests in the title, and the plain title at none', () => {
    expect(liveTitle('一键求助接报', 0)).toBe('一键求助接报')
    expect(liveTitle('一键求助接报', 2)).toBe('（2）新求助 · 一键求助接报')
  })
})

describe('the desk poll', () => {
  it('counts as arrivals the requests new to the desk and those just sent up to the street, never a known one again', () => {
    const known = new Map([
      ['a', { status: 'raised' as const, escalation: null }],
      ['b', { status: 'escalated' as const, escalation: 'street' }],
    ])
    const got = arrivals(known, [row('a'), row('b', { status: 'escalated', escalation: 'street' }), row('c'), row('d', { status: 'closed' })])
    expect(got.map((r) => r.id)).toEqual(['c'])
    const up = arrivals(known, [row('a', { status: 'escalated', escalation: 'street' }), row('b', { status: 'escalated', escalation: 'district' })])
    expect(up.map((r) => r.id)).toEqual(['a', 'b'])
    // Taken by someone: a change, not an arrival.
    expect(arrivals(known, [row('a', { status: 'taken' })])).toEqual([])
  })
})

describe('help links', () => {
  it('opens the person’s pages for the person and the staff pages for staff, never by a made-up route', () => {
    expect(statusUrl('01J0000000000000000000000A')).toBe('/pages/help/status/index?id=01J0000000000000000000000A')
    expect(statusUrl('X1', true)).toBe('/pages/help/status/index?id=X1&sent=1')
    expect(staffCaseUrl('X1', 'help')).toBe('/pages/help-staff/case/index?id=X1&from=help')
    expect(linkUrl({ kind: 'mediation', caseId: 'M1' }, false)).toBe('/pages/mediation/detail/index?id=M1')
    expect(linkUrl({ kind: 'mediation', caseId: 'M1' }, true)).toBe('/pages/mediation-staff/case/index?id=M1')
    expect(linkUrl({ kind: 'report', caseId: 'R1' }, false)).toBe('/pages/report/detail/index?id=R1')
    expect(linkUrl({ kind: 'report', caseId: 'R1' }, true)).toBe('/pages/report-staff/case/index?id=R1')
  })
})

describe('help home entries', () => {
  const ids = (roles: Parameters<typeof helpEntries>[0], p: string) => helpEntries(roles, p).map((e) => e.id)

  it('gives every on-duty role the response queue and the centre its live desk on H5', () => {
    for (const r of ['grid_worker', 'mediator', 'helper'] as const) {
      expect(ids([r], 'weapp')).toEqual(['jf-entry-help-queue'])
      expect(ids([r], 'h5')).toEqual(['jf-entry-help-queue'])
    }
    expect(ids(['dispatcher'], 'h5')).toEqual(['jf-entry-help-console'])
    expect(ids(['dispatcher'], 'weapp')).toEqual(['jf-entry-help-queue'])
    expect(ids(['resident'], 'h5')).toEqual([])
    expect(ids(['admin', 'police', 'department', 'building_manager'], 'h5')).toEqual([])
  })

  it('keeps the form out of the main package and draws the entries with icons no other card uses', () => {
    expect(HELP_URL).toBe('/pages/help/raise/index')
    const all = [...mainEntries(['resident']), ...staffEntries(['grid_worker', 'dispatcher', 'mediator'], 'h5'), ...helpEntries(['grid_worker', 'dispatcher'], 'h5')]
    for (const e of helpEntries(['grid_worker', 'dispatcher'], 'h5')) {
      expect(Object.keys(GLYPHS)).toContain(e.icon)
      expect(all.filter((x) => x.icon === e.icon)).toHaveLength(1)
    }
  })
})
