import { higherIsBetter, latestEarlier, regressionLines, regressions } from '../../bench/lib/regressions'
import { figure } from '../../bench/lib/stats'

const at = '2026-12-01T00:00:00.000Z'

describe('no silent regressions', () => {
  it('knows which way is better from the target, else from the unit', () => {
    expect(higherIsBetter(figure('1a', 'ratio', 0.3, '×', { op: '>=', value: 0.35 }))).toBe(true)
    expect(higherIsBetter(figure('2a', 'p99', 3, 'ms', { op: '<=', value: 1 }))).toBe(false)
    expect(higherIsBetter(figure('1c', 'submits', 900, 'req/s'))).toBe(true)
    expect(higherIsBetter(figure('3a', 'raw', 5000, 'rows/s'))).toBe(true)
    expect(higherIsBetter(figure('4c', 'a subpackage', 90, 'KB'))).toBe(false)
  })

  it('reports a figure worse by more than 5 % in its own direction, and nothing within 5 % or better', () => {
    const previous = { '2a': { value: 10, unit: 'ms', at }, '1a': { value: 0.4, unit: '×', at }, '2b': { value: 10, unit: 'ms', at }, '1c': { value: 1000, unit: 'req/s', at } }
    const now = [
      figure('2a', 'dispatcher p99', 10.6, 'ms', { op: '<=', value: 1 }),
      figure('1a', 'ratio', 0.3, '×', { op: '>=', value: 0.35 }),
      figure('2b', 'worker p99', 10.4, 'ms', { op: '<=', value: 1 }),
      figure('1c', 'submits', 1200, 'req/s'),
    ]
    const rs = regressions(now, previous)
    expect(rs.map((r) => r.id)).toEqual(['2a', '1a'])
    expect(rs[0]!.worseBy).toBeCloseTo(0.06)
    expect(rs[1]!.worseBy).toBeCloseTo(0.25)
    expect(regressionLines(rs)[0]).toBe('REGRESSION 1a ratio: 0.4 → 0.3 × (25 % worse)')
  })

  it('compares nothing new, no changed unit, and flags growth from zero', () => {
    const previous = { '2d': { value: 0, unit: '', at }, '4a': { value: 400, unit: 'KB', at } }
    const rs = regressions([figure('2d', 'scans', 1, '', { op: '<=', value: 0 }), figure('4a', 'main', 500_000, 'B'), figure('9z', 'new', 5, 'ms')], previous)
    expect(rs.map((r) => r.id)).toEqual(['2d'])
    expect(regressionLines(rs)[0]).toMatch(/worse \(was 0\)/)
    expect(regressions([figure('2d', 'scans', 0, '', { op: '<=', value: 0 })], previous)).toEqual([])
  })

  it('keeps the latest earlier value of every id, so a partial run loses none of the others', () => {
    const older = { '2a': { value: 9, unit: 'ms', at: '2026-11-01T00:00:00.000Z' }, '5a': { value: 40, unit: 'ms', at: '2026-11-01T00:00:00.000Z' } }
    const file = { startedAt: at, figures: [figure('2a', 'p99', 12, 'ms'), figure('6', 'fcp', Number.NaN, 'ms')], previous: older }
    expect(latestEarlier(file)).toEqual({ '2a': { value: 12, unit: 'ms', at }, '5a': older['5a'] })
    expect(latestEarlier(null)).toEqual({})
  })
})
