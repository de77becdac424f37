import type { Case } from '../../../src/core/case'

/**
 * How a notice names its case: by the number people read and say on the phone (事项 京溪-2026-00042，
 * with what it is about), else by what it is about alone (「占道经营」事项) — never by an internal id.
 */
export function caseRef(c: Pick<Case, 'number'>, noun: string, about: string): string {
  return c.number ? `${noun} ${c.number}（${about}）` : `「${about}」${noun}`
}

/** A title or body cut to `max` characters (an inbox row's limits), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
