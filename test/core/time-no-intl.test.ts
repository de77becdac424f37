/**
 * Shanghai time without Intl. WeChat on Android ships JavaScript engines whose Intl time zones are
 * missing or wrong, so every time the app, messages, exports and file names show comes from
 * src/core/time.ts with a fixed +08:00 offset. Here that module runs in child Node processes with
 * `Intl` deleted from the global object (and Date's locale methods with it), in several host time
 * zones, and must give the same Shanghai readings; and no source file may lean on Intl time zones.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { buildSync } from 'esbuild'
import * as time from '../../src/core/time'

const ROOT = path.join(__dirname, '../..')

// 23:59:30 on 31 Dec 2026 in UTC is already 07:59 on 1 Jan 2027 in Shanghai.
const NOW = '2026-12-31T23:59:30.000Z'
/** [function, arguments, expected] — each reading crosses a day, month or year between UTC and Shanghai. */
const CASES: Array<[keyof typeof time, unknown[], unknown]> = [
  ['formatInstant', ['2026-12-31T16:05:00.000Z', NOW], '今天 00:05'],
  ['formatInstant', ['2026-12-31T15:59:00.000Z', NOW], '2026年12月31日'],
  ['formatInstant', ['2026-12-31T23:57:00.000Z', NOW], '2 分钟前'],
  ['formatFull', ['2026-12-31T16:05:00.000Z'], '2027年1月1日 00:05'],
  ['shanghaiDay', ['2026-12-31T16:00:00.000Z'], '2027-01-01'],
  ['shanghaiDay', ['2026-12-31T15:59:59.999Z'], '2026-12-31'],
  ['shanghaiMonth', ['2026-11-30T16:30:00.000Z'], '2026-12'],
  ['shanghaiYear', ['2026-12-31T16:00:00.000Z'], 2027],
  ['shanghaiDateTime', ['2026-12-06T06:05:00.000Z'], '2026-12-06 14:05'],
  ['shanghaiDateTime', ['2026-12-31T16:00:00.000Z'], '2027-01-01 00:00'],
  ['fileStamp', ['2026-12-05T16:00:00.000Z'], '20261206'],
  ['formatDay', ['2026-12-05T16:00:00.000Z'], '2026年12月6日'],
  ['dayStart', ['2026-12-06'], '2026-12-05T16:00:00.000Z'],
  ['nextDayStart', ['2026-12-06'], '2026-12-06T16:00:00.000Z'],
  ['wallToInstant', ['2026-12-06', '09:30'], '2026-12-06T01:30:00.000Z'],
  ['wallToInstant', ['2027-01-01', '00:10'], '2026-12-31T16:10:00.000Z'],
  ['wallToInstant', ['2026-02-30', '09:30'], null],
  ['wallToInstant', ['2026-12-06', '24:30'], null],
]

/** Dates are passed as ISO strings; formatInstant's `now` is a Date. */
const run = (fns: Record<string, (...a: unknown[]) => unknown>, name: string, args: unknown[]) =>
  fns[name]!(...(name === 'formatInstant' ? [args[0], new Date(args[1] as string)] : args))

describe('Shanghai time from one module', () => {
  it.each(CASES)('%s(%j) → %j', (name, args, expected) => {
    expect(run(time as never, name, args)).toEqual(expected)
  })
})

describe('with Intl removed from the global object', () => {
  const bundle = buildSync({
    entryPoints: [path.join(ROOT, 'src/core/time.ts')],
    bundle: true,
    platform: 'neutral',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text

  const script = `
    delete globalThis.Intl;
    for (const k of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
      Date.prototype[k] = () => { throw new Error('Date.prototype.' + k + ' used') };
    }
    if (typeof Intl !== 'undefined') throw new Error('Intl still there');
    const m = { exports: {} };
    new Function('module', 'exports', process.env.BUNDLE)(m, m.exports);
    const run = ${run.toString()};
    const cases = JSON.parse(process.env.CASES);
    process.stdout.write(JSON.stringify({
      offset: new Date('2026-12-31T00:00:00Z').getTimezoneOffset(),
      got: cases.map(([name, args]) => run(m.exports, name, args)),
    }));
  `

  it.each([
    ['UTC', 0],
    ['Asia/Shanghai', -480],
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
  ])('host in %s gives the same Shanghai times', (zone, offset) => {
    const r = spawnSync(process.execPath, ['-e', script], {
      env: { ...process.env, TZ: zone, BUNDLE: bundle, CASES: JSON.stringify(CASES) },
      encoding: 'utf8',
    })
    expect(r.stderr).toBe('')
    const out = JSON.parse(r.stdout) as { offset: number; got: unknown[] }
    // The child really ran in that zone, so equal readings mean the zone did not matter.
    expect(out.offset).toBe(offset)
    expect(out.got).toEqual(CASES.map(([, , expected]) => expected))
  })
})

describe('nothing else reads time through Intl', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f)
      return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : []
    })
  // Code only: comments may name what is avoided.
  const code = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')
  const BANNED = [/\bIntl\s*\.\s*DateTimeFormat\b/, /\.toLocale(Date|Time)?String\s*\(/, /\btimeZone\s*:/, /dayjs\/plugin\/(timezone|utc)/, /from\s+['"]dayjs['"]/]

  it('src/ and backend/ use no Intl time zones, toLocale*String or dayjs', () => {
    const found = [...files(path.join(ROOT, 'src')), ...files(path.join(ROOT, 'backend'))].flatMap((f) => {
      const src = code(readFileSync(f, 'utf8'))
      return BANNED.filter((re) => re.test(src)).map((re) => `${path.relative(ROOT, f)}: ${re}`)
    })
    expect(found).toEqual([])
  })

  it('the scan sees what it bans', () => {
    const src = code(`const a = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai' }); d.toLocaleDateString()`)
    expect(BANNED.filter((re) => re.test(src))).toHaveLength(3)
  })
})
