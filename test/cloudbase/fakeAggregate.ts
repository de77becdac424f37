/**
 * The aggregation stages the fake CloudBase serves (`database.aggregateDocuments`), no more:
 * `$match` first (fakeCloudbase polices it against the declared indexes, as any query), then
 * `$group` with `$sum` / `$avg`, `$sort`, `$skip`, `$limit`. Expressions: field paths, literals,
 * `$dateFromString` (with onError / onNull), `$dateToString` ('%Y-%m-%d' at a fixed UTC offset)
 * and `$subtract`. Anything else is refused, as a stage or operator the service does not know
 * would fail there. Like the service, an aggregation answers 20 rows unless it has a `$limit`.
 */
import { compareValues, getPath, type Json } from './fakeCloudbase'

type Obj = { [k: string]: Json }

export class AggregateRefusal extends Error {}

/** Rows an aggregation answers without a `$limit` stage. */
export const AGGREGATE_DEFAULT_ROWS = 20
/** The largest `$limit` the fake takes (the ceiling reported for the service). */
export const AGGREGATE_MAX_LIMIT = 10_000

export interface Stage {
  key: string
  value: Json
}

/** A date inside an expression; documents hold ISO text, never one of these. */
class DateVal {
  constructor(readonly ms: number) {}
}
type Val = Json | undefined | DateVal

function offsetMs(tz: Val): number {
  const m = typeof tz === 'string' ? /^([+-])(\d\d):(\d\d)$/.exec(tz) : null
  if (!m) throw new AggregateRefusal(`$dateToString: the fake takes a timezone as ±hh:mm, got ${JSON.stringify(tz)}`)
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000
}

function expr(doc: Obj, e: Json): Val {
  if (typeof e === 'string') return e.startsWith('$') ? getPath(doc, e.slice(1)) : e
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return e
  const [op, ...more] = Object.keys(e)
  const arg = e[op]
  if (more.length > 0 || !op.startsWith('$')) throw new AggregateRefusal(`expression ${JSON.stringify(e)}: one operator expected`)
  switch (op) {
    case '$dateFromString': {
      const a = arg as Obj
      const s = expr(doc, a.dateString)
      if (s === null || s === undefined) return 'onNull' in a ? expr(doc, a.onNull) : null
      const ms = typeof s === 'string' ? Date.parse(s) : NaN
      if (Number.isFinite(ms)) return new DateVal(ms)
      if ('onError' in a) return expr(doc, a.onError)
      throw new AggregateRefusal(`$dateFromString cannot read ${JSON.stringify(s)}`)
    }
    case '$dateToString': {
      const a = arg as Obj
      if (a.format !== '%Y-%m-%d') throw new AggregateRefusal(`$dateToString: the fake knows only the format %Y-%m-%d`)
      const d = expr(doc, a.date)
      if (d === null || d === undefined) return null
      if (!(d instanceof DateVal)) throw new AggregateRefusal('$dateToString takes a date, not text')
      return new Date(d.ms + offsetMs(expr(doc, a.timezone ?? '+00:00'))).toISOString().slice(0, 10)
    }
    case '$subtract': {
      const [x, y] = (arg as Json[]).map((one) => expr(doc, one))
      if (x === null || x === undefined || y === null || y === undefined) return null
      if (x instanceof DateVal && y instanceof DateVal) return x.ms - y.ms
      if (typeof x === 'number' && typeof y === 'number') return x - y
      throw new AggregateRefusal('$subtract takes two dates or two numbers')
    }
    default:
      throw new AggregateRefusal(`the fake does not know the aggregation operator ${op}`)
  }
}

function group(docs: Obj[], spec: Obj): Obj[] {
  const { _id: key, ...fields } = spec
  const accs = Object.entries(fields).map(([name, acc]) => {
    const [op, ...more] = acc !== null && typeof acc === 'object' && !Array.isArray(acc) ? Object.keys(acc) : []
    if (more.length > 0 || (op !== '$sum' && op !== '$avg')) throw new AggregateRefusal(`$group field ${name}: the fake knows $sum and $avg, got ${JSON.stringify(acc)}`)
    return { name, op, arg: (acc as Obj)[op] }
  })
  const out = new Map<string, { id: Json; docs: Obj[] }>()
  for (const d of docs) {
    const v = expr(d, key ?? null)
    if (v instanceof DateVal) throw new AggregateRefusal('the fake groups by no date')
    const id = v === undefined ? null : v
    const k = JSON.stringify(id)
    const g = out.get(k) ?? out.set(k, { id, docs: [] }).get(k)!
    g.docs.push(d)
  }
  return [...out.values()].map(({ id, docs: members }) => {
    const row: Obj = { _id: id }
    for (const a of accs) {
      // Both accumulators skip what is not a number, as the service does.
      const nums = members.map((m) => expr(m, a.arg)).filter((x): x is number => typeof x === 'number')
      const sum = nums.reduce((s, x) => s + x, 0)
      row[a.name] = a.op === '$sum' ? sum : nums.length === 0 ? null : sum / nums.length
    }
    return row
  })
}

/** The stages after the first `$match`, over the documents it matched. */
export function runStages(docs: Obj[], stages: readonly Stage[]): Obj[] {
  let rows = docs
  let limited = false
  for (const { key, value } of stages) {
    switch (key) {
      case '$group':
        rows = group(rows, value as Obj)
        break
      case '$sort': {
        const keys = Object.entries(value as Obj)
        rows = [...rows].sort((a, b) => {
          for (const [f, dir] of keys) {
            const c = compareValues(getPath(a, f), getPath(b, f))
            if (c !== 0) return dir === -1 ? -c : c
          }
          return 0
        })
        break
      }
      case '$skip':
        rows = rows.slice(Number(value))
        break
      case '$limit': {
        const n = Number(value)
        if (!Number.isInteger(n) || n < 1 || n > AGGREGATE_MAX_LIMIT) throw new AggregateRefusal(`$limit must be 1..${AGGREGATE_MAX_LIMIT}, got ${JSON.stringify(value)}`)
        rows = rows.slice(0, n)
        limited = true
        break
      }
      case '$match':
        throw new AggregateRefusal('a $match after the first stage reads no index; the fake serves $match only first')
      default:
        throw new AggregateRefusal(`the fake does not know the aggregation stage ${key}`)
    }
  }
  return limited ? rows : rows.slice(0, AGGREGATE_DEFAULT_ROWS)
}
