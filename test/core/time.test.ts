import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { DISPLAY_TZ, formatFull, formatInstant, toW3c } from '../../src/core/time'
import { fixedClock, systemClock } from '../../src/core/clock'

const MIN = 60 * 1000

function ago(now: Date, ms: number): string {
  return new Date(now.getTime() - ms).toISOString()
}

// 14:00 in Shanghai on 2026-11-23.
const NOW = new Date('2026-11-23T06:00:00.000Z')
// 11:00 in Shanghai on 2026-11-24 (03:00 UTC the same day).
const MORNING = new Date('2026-11-24T03:00:00.000Z')
// 00:45 in Shanghai on 2026-11-24, still 2026-11-23 in UTC.
const AFTER_MIDNIGHT = new Date('2026-11-23T16:45:00.000Z')

/** [why, stored instant, now, expected display] */
const INSTANT_CASES: [string, string, Date, string][] = [
  ['now itself', NOW.toISOString(), NOW, '刚刚'],
  ['30 s ago', ago(NOW, 30 * 1000), NOW, '刚刚'],
  ['59.999 s ago', ago(NOW, 59 * 1000 + 999), NOW, '刚刚'],
  ['1 min ago', ago(NOW, MIN), NOW, '1 分钟前'],
  ['3 min ago', ago(NOW, 3 * MIN), NOW, '3 分钟前'],
  ['3 min 59 s ago', ago(NOW, 3 * MIN + 59 * 1000), NOW, '3 分钟前'],
  ['59 min ago', ago(NOW, 59 * MIN), NOW, '59 分钟前'],
  ['60 min ago', ago(NOW, 60 * MIN), NOW, '今天 13:00'],
  ['this morning', '2026-11-23T01:05:00.000Z', NOW, '今天 09:05'],
  ['Shanghai midnight (16:00 UTC the day before)', '2026-11-22T16:00:00.000Z', NOW, '今天 00:00'],
  ['16:30Z is 00:30 of the next Shanghai day', '2026-11-23T16:30:00.000Z', MORNING, '今天 00:30'],
  ['15:59Z is 23:59 of the previous Shanghai day', '2026-11-23T15:59:00.000Z', MORNING, '11月23日'],
  ['15 min across Shanghai midnight', '2026-11-23T16:30:00.000Z', AFTER_MIDNIGHT, '15 分钟前'],
  ['yesterday in Shanghai, today in UTC', '2026-11-23T15:30:00.000Z', AFTER_MIDNIGHT, '11月23日'],
  ['yesterday', '2026-11-22T06:00:00.000Z', NOW, '11月22日'],
  ['January', '2026-01-05T02:00:00.000Z', NOW, '1月5日'],
  ['already 1 Jan in Shanghai', '2025-12-31T16:30:00.000Z', NOW, '1月1日'],
  ['still 31 Dec in Shanghai', '2025-12-31T15:30:00.000Z', NOW, '2025年12月31日'],
  ['a leap day', '2024-02-29T04:00:00.000Z', NOW, '2024年2月29日'],
  ['next year', '2027-03-01T04:00:00.000Z', NOW, '2027年3月1日'],
  ['2 min in the future (clock skew)', new Date(NOW.getTime() + 2 * MIN).toISOString(), NOW, '今天 14:02'],
]

/** [stored instant, expected] */
const FULL_CASES: [string, string][] = [
  ['2026-11-23T16:30:00.000Z', '2026年11月24日 00:30'],
  ['2026-11-23T06:05:00.000Z', '2026年11月23日 14:05'],
  ['2025-12-31T16:00:00.000Z', '2026年1月1日 00:00'],
  ['2026-07-01T15:59:59.999Z', '2026年7月1日 23:59'],
  // 02:21 on 14 March 2027 does not exist in New York (clocks spring forward); Shanghai has it.
  ['2027-03-13T18:21:00.000Z', '2027年3月14日 02:21'],
]

describe('formatInstant', () => {
  it.each(INSTANT_CASES)('%s', (_why, iso, now, expected) => {
    expect(formatInstant(iso, now)).toBe(expected)
  })

  it('defaults now to the current time', () => {
    expect(formatInstant(new Date().toISOString())).toBe('刚刚')
  })
})

describe('formatFull', () => {
  it.each(FULL_CASES)('%s → %s', (iso, expected) => {
    expect(formatFull(iso)).toBe(expected)
  })
})

describe('display does not depend on the host time zone', () => {
  // Servers run in UTC, phones anywhere. process.env.TZ cannot be switched inside a jest
  // sandbox, so the same cases run in child Node processes started with another TZ.
  const bundle = buildSync({
    entryPoints: [path.join(__dirname, '../../src/core/time.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text

  const script = `
    const m = { exports: {} };
    new Function('module', 'exports', 'require', process.env.BUNDLE)(m, m.exports, require);
    const { formatInstant, formatFull } = m.exports;
    const input = JSON.parse(process.env.CASES);
    process.stdout.write(JSON.stringify({
      offset: new Date('2026-11-23T00:00:00Z').getTimezoneOffset(),
      instant: input.instant.map(([iso, now]) => formatInstant(iso, new Date(now))),
      full: input.full.map(([iso]) => formatFull(iso)),
    }));
  `

  it.each([
    ['UTC', 0],
    ['Asia/Shanghai', -480],
    ['America/New_York', 300],
    ['Pacific/Chatham', -825],
  ])('host in %s', (zone, offset) => {
    const cases = {
      instant: INSTANT_CASES.map(([, iso, now]) => [iso, now.toISOString()]),
      full: FULL_CASES,
    }
    const r = spawnSync(process.execPath, ['-e', script], {
      env: { ...process.env, TZ: zone, BUNDLE: bundle, CASES: JSON.stringify(cases) },
      encoding: 'utf8',
    })
    expect(r.stderr).toBe('')
    const got = JSON.parse(r.stdout) as { offset: number; instant: string[]; full: string[] }
    // The child really ran in that zone, so the comparison below means something.
    expect(got.offset).toBe(offset)
    expect(got.instant).toEqual(INSTANT_CASES.map(([, , , expected]) => expected))
    expect(got.full).toEqual(FULL_CASES.map(([, expected]) => expected))
  })
})

describe('clock', () => {
  it('DISPLAY_TZ is Asia/Shanghai', () => {
    expect(DISPLAY_TZ).toBe('Asia/Shanghai')
  })

  it('fixedClock stands still, advances and can be set', () => {
    const c = fixedClock('2026-11-23T06:00:00.000Z')
    expect(c.now().toISOString()).toBe('2026-11-23T06:00:00.000Z')
    expect(c.now().toISOString()).toBe('2026-11-23T06:00:00.000Z')
    c.advance(90 * MIN)
    expect(c.now().toISOString()).toBe('2026-11-23T07:30:00.000Z')
    c.set(new Date('2027-01-01T00:00:00.000Z'))
    expect(c.now().toISOString()).toBe('2027-01-01T00:00:00.000Z')
    // Callers mutating the returned Date do not move the clock.
    c.now().setTime(0)
    expect(c.now().toISOString()).toBe('2027-01-01T00:00:00.000Z')
  })

  it('systemClock follows real time', () => {
    const before = Date.now()
    const t = systemClock.now().getTime()
    expect(t).toBeGreaterThanOrEqual(before)
    expect(t).toBeLessThanOrEqual(Date.now())
  })
})

describe('toW3c', () => {
  it('writes an instant with the +08:00 offset, seconds only, across the Shanghai midnight', () => {
    expect(toW3c('2026-12-07T06:05:00.000Z')).toBe('2026-12-07T14:05:00+08:00')
    expect(toW3c('2026-12-07T16:30:59.999Z')).toBe('2026-12-08T00:30:59+08:00')
    expect(toW3c(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01T00:00:00+08:00')
    // The same instant read back.
    expect(Date.parse(toW3c('2026-12-07T06:05:00.000Z'))).toBe(Date.parse('2026-12-07T06:05:00.000Z'))
  })

  it('answers empty for an unreadable instant', () => {
    expect(toW3c('not a time')).toBe('')
  })
})
