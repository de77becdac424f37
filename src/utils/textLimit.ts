/**
 * Text boxes with a length limit: the box takes a paste whole, keeps the first `max` characters and
 * says so (「已超过 500 字，超出部分不会保存」), instead of the native limit cutting it silently.
 */

/** Characters as people count them (an emoji is one), as the counters show them. */
export function textLength(s: string): number {
  return Array.from(s).length
}

/** The first `max` characters, and never more than `max` UTF-16 units (how the server counts). */
export function cutText(s: string, max: number): string {
  let out = ''
  for (const ch of s) {
    if (out.length + ch.length > max) break
    out += ch
  }
  return out
}

export function overLimitMessage(max: number): string {
  return `已超过 ${max} 字，超出部分不会保存`
}

/** What a box keeps of a change, and whether it refused an excess (then the warning shows). */
export function limitText(next: string, max: number | undefined): { text: string; over: boolean } {
  if (max === undefined || max < 0 || next.length <= max) return { text: next, over: false }
  return { text: cutText(next, max), over: true }
}
