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

/** Characters a WeChat `thing` keyword takes: the subscribe message's title. */
const THING_MAX = 20

/**
 * A subscribe message's title: the case's number before what happened when both fit a `thing`
 * (京溪-2026-00042 事项已办结), so a person with several cases knows which one; else the title alone.
 */
export function pushTitle(c: Pick<Case, 'number'>, title: string): string {
  const both = c.number ? `${c.number} ${title}` : title
  return Array.from(both).length <= THING_MAX ? both : title
}
