/**
 * 一键求助 duty shifts in Shanghai time (fixed +08:00, no Intl): whether someone is on duty at an
 * instant, and a shift in words for the roster page. A shift whose `to` is not after its `from`
 * runs past midnight into the next day (22:00–08:00); 00:00–24:00 is the whole day.
 */

export interface Shift {
  /** 1 = 周一 … 7 = 周日. */
  days: readonly number[]
  /** HH:MM, Shanghai time; `to` may be 24:00. */
  from: string
  to: string
}

const OFFSET_MS = 8 * 3_600_000
const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** The Shanghai weekday (1 = 周一 … 7 = 周日) and minute of the day of an instant. */
export function shanghaiClock(at: Date): { day: number; minute: number } {
  const local = new Date(at.getTime() + OFFSET_MS)
  const day = ((local.getUTCDay() + 6) % 7) + 1
  return { day, minute: local.getUTCHours() * 60 + local.getUTCMinutes() }
}

/** Whether one shift covers the instant. */
export function shiftCovers(s: Shift, at: Date): boolean {
  const { day, minute } = shanghaiClock(at)
  const from = minutesOf(s.from)
  const to = minutesOf(s.to)
  if (from < to) return s.days.includes(day) && minute >= from && minute < to
  // Past midnight: the evening of a listed day, or the small hours after one.
  const yesterday = day === 1 ? 7 : day - 1
  return (s.days.includes(day) && minute >= from) || (s.days.includes(yesterday) && minute < to)
}

export function onDutyAt(shifts: readonly Shift[], at: Date): boolean {
  return shifts.some((s) => shiftCovers(s, at))
}

/** 周一至周五、周日 — consecutive days as a range. */
function daysText(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b)
  if (sorted.length === 7) return '每天'
  const runs: number[][] = []
  for (const d of sorted) {
    const last = runs[runs.length - 1]
    if (last && last[last.length - 1] === d - 1) last.push(d)
    else runs.push([d])
  }
  return runs.map((r) => (r.length >= 3 ? `${WEEKDAY_LABELS[r[0]!]}至${WEEKDAY_LABELS[r[r.length - 1]!]}` : r.map((d) => WEEKDAY_LABELS[d]).join('、'))).join('、')
}

/** 「每天 全天」, 「周一至周五 08:30–17:30」, 「周六、周日 22:00–次日08:00」. */
export function shiftText(s: Shift): string {
  const days = daysText(s.days)
  if (s.from === '00:00' && s.to === '24:00') return `${days} 全天`
  const overnight = minutesOf(s.to) <= minutesOf(s.from)
  return `${days} ${s.from}–${overnight ? '次日' : ''}${s.to}`
}
