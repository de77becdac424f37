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

/*
 * Calendar arithmetic in Shanghai for messages, exports, file names and day boundaries: the same
 * fixed offset, no Intl, no host time zone (both differ between WeChat on Android, iOS and servers).
 */

const ms = (at: Date | number | string): number => (at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at))

/** The Shanghai calendar day of an instant: 2026-12-06. */
export function shanghaiDay(at: Date | number | string): string {
  return new Date(ms(at) + SHANGHAI_MS).toISOString().slice(0, 10)
}

/** The Shanghai month of an instant: 2026-12. */
export function shanghaiMonth(at: Date | number | string): string {
  return shanghaiDay(at).slice(0, 7)
}

/** The Shanghai year of an instant, NaN for an unreadable one. */
export function shanghaiYear(at: Date | number | string): number {
  const t = ms(at)
  return Number.isNaN(t) ? Number.NaN : new Date(t + SHANGHAI_MS).getUTCFullYear()
}

/** 2026-12-06 14:05: CSV cells, and the `time` field of a subscribe message (WeChat accepts this form). */
export function shanghaiDateTime(at: Date | number | string): string {
  const t = ms(at)
  if (Number.isNaN(t)) return ''
  return new Date(t + SHANGHAI_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** 20261206: the Shanghai date in a file or folder name. */
export function fileStamp(at: Date | number | string): string {
  return shanghaiDay(at).replace(/-/g, '')
}

/** 2026年12月6日: the Shanghai date as people write it (协议书, notices). */
export function formatDay(at: Date | number | string): string {
  const t = ms(at)
  if (Number.isNaN(t)) return INVALID
  const w = wall(t)
  return `${year(w.y)}年${w.M}月${w.D}日`
}

/** The instant a Shanghai calendar day starts (ISO, UTC). */
export function dayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI_MS).toISOString()
}

/** The first instant after a Shanghai calendar day (ISO, UTC). */
export function nextDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000 - SHANGHAI_MS).toISOString()
}

/** A Shanghai wall-clock date (YYYY-MM-DD) and time (HH:mm) as an instant (ISO, UTC); null when unreadable. */
export function wallToInstant(day: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null
  const t = Date.parse(`${day}T${time}:00.000Z`)
  // Date.parse rolls 2 月 30 日 over into March; a day that does not exist is not read as another.
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 16) !== `${day}T${time}`) return null
  return new Date(t - SHANGHAI_MS).toISOString()
}

/**
 * 2026-12-07T14:05:00+08:00: an instant as W3C/ISO 8601 with Shanghai's offset, for bodies other
 * systems read (Open311, webhooks, 12345). Seconds only, as those specifications show; '' when unreadable.
 */
export function toW3c(at: Date | number | string): string {
  const t = ms(at)
  if (Number.isNaN(t)) return ''
  return `${new Date(Math.floor(t / 1000) * 1000 + SHANGHAI_MS).toISOString().slice(0, 19)}+08:00`
}
