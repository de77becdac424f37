/**
 * The phone queue's 编号 search box: what a grid worker types while a resident reads a number out
 * (京溪-2026-00042) becomes the exact number `cases.queue` looks up (the console's `number` filter).
 * Pure, so jest tests it directly (test/app/staff-number-search.test.ts).
 */
import { formatCaseNumber, isCaseNumber } from '../../../core/caseNumber'

export type NumberQuery = { kind: 'empty' } | { kind: 'number'; number: string } | { kind: 'bad'; message: string }

export const NUMBER_HINT = '请输入完整的事项编号，如 京溪-2026-00042'

/** Full-width digits (０-９) to ASCII; every kind of dash to '-'; spaces of every width removed as separators. */
function fold(raw: string): string {
  return raw
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uff0d\u2010-\u2015\u2212\ufe58\ufe63_]/g, '-')
    .toLowerCase()
    .trim()
}

/**
 * 京溪-2026-00042, 京溪 2026 42, 京溪－２０２６－００４２, 京溪202600042 → 京溪-2026-00042;
 * 2026-42 → the worker's street; a bare 42 or 00042 → the worker's street and this year.
 * `short` is the worker's street as numbers print it (unknown: a bare number asks for the whole one).
 */
export function parseNumberQuery(raw: string, ctx: { short?: string; year: number }): NumberQuery {
  const s = fold(raw)
  if (!s) return { kind: 'empty' }
  const parts = s.split(/[\s\u3000-]+/).filter(Boolean)
  const digits = (x: string | undefined) => x !== undefined && /^\d+$/.test(x)
  let short: string | undefined
  let year: number | undefined
  let seq: string | undefined
  if (parts.length === 1 && digits(parts[0])) {
    // 42, 00042: this year's sequence of the worker's street.
    if (parts[0]!.length <= 5) {
      short = ctx.short
      year = ctx.year
      seq = parts[0]
    }
  } else if (parts.length === 2 && digits(parts[0]) && digits(parts[1]) && parts[0]!.length === 4) {
    short = ctx.short
    year = Number(parts[0])
    seq = parts[1]
  } else if (parts.length === 3 && digits(parts[1]) && digits(parts[2]) && parts[1]!.length === 4) {
    short = parts[0]
    year = Number(parts[1])
    seq = parts[2]
  } else if (parts.length === 2 && digits(parts[1]) && parts[1]!.length >= 5) {
    // 京溪 202600042: year and sequence run together.
    short = parts[0]
    year = Number(parts[1]!.slice(0, 4))
    seq = parts[1]!.slice(4)
  } else if (parts.length === 1) {
    // 京溪202600042
    const m = /^([^\d]+)(\d{4})(\d+)$/.exec(parts[0]!)
    if (m) [short, year, seq] = [m[1], Number(m[2]), m[3]]
  }
  if (!short || year === undefined || !seq || Number(seq) < 1) return { kind: 'bad', message: NUMBER_HINT }
  const number = formatCaseNumber(short, year, Number(seq))
  return isCaseNumber(number) ? { kind: 'number', number } : { kind: 'bad', message: NUMBER_HINT }
}

/** The street prefix the worker's cases print (京溪), when all of them print the same one. */
export function streetShortOf(numbers: ReadonlyArray<string | null | undefined>): string | undefined {
  const shorts = new Set<string>()
  for (const n of numbers) {
    const m = n ? /^(.+)-\d{4}-\d+$/.exec(n) : null
    if (m) shorts.add(m[1]!)
  }
  return shorts.size === 1 ? [...shorts][0] : undefined
}
