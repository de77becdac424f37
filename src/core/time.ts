/**
 * Display of stored instants in Asia/Shanghai. China keeps UTC+8 all year (no DST since 1991),
 * so a fixed offset gives what dayjs' timezone plugin gave, without dayjs, its utc/timezone
 * plugins and locale in the mini-program's main package (~13 KB) or a need for Intl time zones.
 */
export const DISPLAY_TZ = 'Asia/Shanghai'

const SHANGHAI_MS = 8 * 3600 * 1000
const INVALID = 'Invalid Date'

/** dayjs' string parsing: an ISO string without `Z` and without an offset is local time of the host. */
const LOCAL_ISO = /^(\d{4})[-/]?(\d{1,2})?[-/]?(\d{0,2})[Tt\s]*(\d{1,2})?:?(\d{1,2})?:?(\d{1,2})?[.:]?(\d+)?$/

function parse(iso: string): number {
  const d = /Z$/i.test(iso) ? null : LOCAL_ISO.exec(iso)
  if (!d) return new Date(iso).getTime()
  const n = (i: number) => Number(d[i] || 0)
  const ms = Number((d[7] || '0').substring(0, 3))
  return new Date(n(1), (Number(d[2]) || 1) - 1, Number(d[3]) || 1, n(4), n(5), n(6), ms).getTime()
}

interface Wall {
  y: number
  M: number
  D: number
  hm: string
}

const year = (y: number) => String(y).padStart(4, '0')

/** The Shanghai wall-clock reading of an instant. */
function wall(ms: number): Wall {
  const d = new Date(ms + SHANGHAI_MS)
  const pad = (x: number) => String(x).padStart(2, '0')
  return { y: d.getUTCFullYear(), M: d.getUTCMonth() + 1, D: d.getUTCDate(), hm: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` }
}

/**
 * Relative Chinese display of a stored UTC instant, as the domain page fixes it:
 * 刚刚, 3 分钟前, 今天 14:05, 11月23日, 2026年11月23日.
 */
export function formatInstant(iso: string, now: Date = new Date()): string {
  const at = parse(iso)
  if (Number.isNaN(at)) return INVALID
  const diffMin = Math.trunc((now.getTime() - at) / 60_000)
  if (diffMin >= 0 && diffMin < 1) return '刚刚'
  if (diffMin >= 1 && diffMin < 60) return `${diffMin} 分钟前`
  const t = wall(at)
  const n = wall(now.getTime())
  if (t.y === n.y && t.M === n.M && t.D === n.D) return `今天 ${t.hm}`
  if (t.y === n.y) return `${t.M}月${t.D}日`
  return `${year(t.y)}年${t.M}月${t.D}日`
}

export function formatFull(iso: string): string {
  const at = parse(iso)
  if (Number.isNaN(at)) return INVALID
  const t = wall(at)
  return `${year(t.y)}年${t.M}月${t.D}日 ${t.hm}`
}
