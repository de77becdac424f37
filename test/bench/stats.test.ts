import { capViolations, figure, fullScans, packageOf, percentile, results, strWidth, summarize, table, totalBytes, WECHAT_CAPS } from '../../bench/lib/stats'

describe('bench helpers', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    expect(percentile(xs, 50)).toBe(5)
    expect(percentile(xs, 99)).toBe(10)
    expect(percentile(xs, 90)).toBe(9)
    expect(percentile(xs, 0)).toBe(1)
    expect(percentile([], 50)).toBeNaN()
    expect(summarize([3, 1, 2])).toEqual({ n: 3, p50: 2, p99: 3, max: 3, mean: 2 })
    expect(xs).toEqual([5, 1, 4, 2, 3, 10, 9, 8, 7, 6])
  })

  it('decides met from the target, and a missing value never meets one', () => {
    expect(figure('1', 'ratio', 0.4, '×', { op: '>=', value: 0.35 }).met).toBe(true)
    expect(figure('1', 'ratio', 0.3, '×', { op: '>=', value: 0.35 }).met).toBe(false)
    expect(figure('2', 'p99', 1, 'ms', { op: '<=', value: 1 }).met).toBe(true)
    expect(figure('2', 'p99', Number.NaN, 'ms', { op: '<=', value: 1 }).met).toBe(false)
    expect(figure('3', 'ceiling', 5000, 'rows/s').met).toBeNull()
  })

  it('counts files outside every subpackage root as the main package', () => {
    const roots = ['pages/report', 'pages/cases']
    expect(packageOf('pages/report/new/index.js', roots)).toBe('pages/report')
    expect(packageOf('./pages/cases/sub-common/x.wxss', roots)).toBe('pages/cases')
    expect(packageOf('pages/reports-extra/index.js', roots)).toBeNull()
    expect(packageOf('pages/home/index.js', roots)).toBeNull()
    expect(packageOf('vendors.js', roots)).toBeNull()
  })

  it('flags the WeChat caps: 2 MB main or any subpackage, 20 MB in all', () => {
    expect(capViolations({ main: WECHAT_CAPS.mainBytes, subpackages: { a: WECHAT_CAPS.mainBytes } })).toEqual([])
    expect(capViolations({ main: WECHAT_CAPS.mainBytes + 1, subpackages: {} })).toHaveLength(1)
    expect(capViolations({ main: 1, subpackages: { big: WECHAT_CAPS.mainBytes + 1 } })[0]).toMatch(/subpackage big/)
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, 2_000_000]))
    expect(totalBytes({ main: 0, subpackages: many })).toBe(22_000_000)
    expect(capViolations({ main: 0, subpackages: many })).toEqual([expect.stringMatching(/^total/)])
  })

  it('finds table scans in a query plan but not index searches', () => {
    expect(fullScans(['SEARCH cases USING INDEX cases_by_creator (creator_id=?)', 'SCAN cases USING INDEX cases_queue', 'USE TEMP B-TREE FOR ORDER BY'])).toEqual([])
    expect(fullScans(['SCAN cases'])).toEqual(['SCAN cases'])
  })

  it('summarises met and missed figures into the results file shape', () => {
    const r = results({
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 1,
      machine: { platform: 'linux', arch: 'x64', cpus: 2, cpuModel: 'x', memoryBytes: 1, node: 'v20', loadavg: [0, 0, 0] },
      figures: [figure('1a', 'a', 1, '×', { op: '>=', value: 2 }), figure('2a', 'b', 1, 'ms', { op: '<=', value: 2 }), figure('3a', 'c', 1, '')],
      skipped: [],
      capViolations: [],
      plans: {},
      previous: {},
    })
    expect(r.summary).toEqual({ figures: 3, withTarget: 2, met: 1, missed: ['1a'] })
    expect(JSON.parse(JSON.stringify(r)).figures[0]).toMatchObject({ id: '1a', value: 1, unit: '×', target: { op: '>=', value: 2 }, met: false })
  })

  it('prints one aligned row per figure with its verdict, CJK counted two columns wide', () => {
    const t = table([figure('1a', '提交 ratio', 0.5, '×', { op: '>=', value: 0.35 }), figure('2a', 'p99', 3, 'ms', { op: '<=', value: 1 })]).split('\n')
    expect(t).toHaveLength(4)
    expect(t[2]).toMatch(/^1a\s+提交 ratio\s+0\.500 ×\s+>= 0\.350 ×\s+met$/)
    expect(t[3]).toMatch(/MISSED$/)
    const column = (row: string, cell: string) => strWidth(row.slice(0, row.indexOf(cell)))
    expect(column(t[2]!, '0.500')).toBe(column(t[3]!, '3.00'))
    expect(column(t[2]!, '>=')).toBe(column(t[3]!, '<='))
  })
})
