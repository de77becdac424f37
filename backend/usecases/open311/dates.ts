import { dayStart, nextDayStart } from '../../../src/core/time'

/**
 * A W3C datetime from a query (`2026-12-07T14:05:00+08:00`, `…Z`, with or without seconds and
 * fractions), or a bare date read as the Shanghai day. An offset's `+` left unencoded in a URL
 * arrives as a space and is read as `+`. Null when it is neither.
 */
const W3C = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+ -]\d{2}:\d{2})$/i
const DATE = /^\d{4}-\d{2}-\d{2}$/

export function parseW3c(text: string, end: boolean): number | null {
  const s = text.trim()
  if (DATE.test(s)) {
    const at = Date.parse(end ? nextDayStart(s) : dayStart(s))
    return Number.isNaN(at) || new Date(Date.parse(`${s}T00:00:00Z`)).toISOString().slice(0, 10) !== s ? null : end ? at - 1 : at
  }
  const m = W3C.exec(s)
  if (!m) return null
  const zone = m[5]!.startsWith(' ') ? `+${m[5]!.slice(1)}` : m[5]!
  const at = Date.parse(`${m[1]}T${m[2]}${m[3] ?? ':00'}${zone.toUpperCase()}`)
  return Number.isNaN(at) ? null : at
}
