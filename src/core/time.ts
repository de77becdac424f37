import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export const DISPLAY_TZ = 'Asia/Shanghai'

/**
 * Relative Chinese display of a stored UTC instant, as the domain page fixes it:
 * 刚刚, 3 分钟前, 今天 14:05, 11月23日, 2026年11月23日.
 */
export function formatInstant(iso: string, now: Date = new Date()): string {
  const t = dayjs(iso).tz(DISPLAY_TZ).locale('zh-cn')
  const n = dayjs(now).tz(DISPLAY_TZ)
  const diffMin = n.diff(t, 'minute')
  if (diffMin >= 0 && diffMin < 1) return '刚刚'
  if (diffMin >= 1 && diffMin < 60) return `${diffMin} 分钟前`
  if (t.format('YYYY-MM-DD') === n.format('YYYY-MM-DD')) return `今天 ${t.format('HH:mm')}`
  if (t.year() === n.year()) return t.format('M月D日')
  return t.format('YYYY年M月D日')
}

export function formatFull(iso: string): string {
  return dayjs(iso).tz(DISPLAY_TZ).format('YYYY年M月D日 HH:mm')
}
