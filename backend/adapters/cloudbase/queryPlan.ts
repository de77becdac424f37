/**
 * Our policy for CloudBase queries: none ships without an index that serves it. CloudBase would
 * run an unindexed query as a collection scan — fine with ten test documents, a timeout with a
 * district's cases every minute — so the test fake refuses it and deploy:check fails on it.
 *
 * "Served", kept simple and checkable without data: an index serves a query when the query's
 * condition bounds the index's first key (equality, null, `in` or a range; under an `or`, in
 * every branch), since only then can the service seek into the index instead of walking it.
 * A query with no condition at all is a deliberate walk of the whole collection and is served
 * by an index whose first key is the query's first sort key; a count with no condition reads
 * the collection's size and needs none. Every collection has the `_id` index. Pure: used by the
 * adapter's query list (queries.ts), the fake and deploy:check.
 */
import type { IndexSpec } from './indexes'

/** The index CloudBase creates on every collection. */
export const ID_INDEX: IndexSpec = { name: '_id_', unique: true, keys: [{ name: '_id', direction: '1' }] }

const BOUNDING = new Set(['$eq', '$in', '$gt', '$gte', '$lt', '$lte'])

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/** Whether a field's condition lets an index seek: a value, or an operator that bounds it. */
function bounds(cond: unknown): boolean {
  if (!isPlainObject(cond) || !Object.keys(cond).some((k) => k.startsWith('$'))) return true
  return Object.entries(cond).some(([op, arg]) => {
    if (BOUNDING.has(op)) return true
    if (op === '$and' && Array.isArray(arg)) return arg.some(bounds)
    if (op === '$or' && Array.isArray(arg)) return arg.length > 0 && arg.every(bounds)
    return false
  })
}

/**
 * The fields a query condition (as sent on the wire, EJSON decoded) bounds: the fields of an
 * `and` add up; of an `or`, only those bounded in every branch count.
 */
export function boundFields(filter: unknown): Set<string> {
  const out = new Set<string>()
  if (!isPlainObject(filter)) return out
  for (const [key, cond] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const part of cond) for (const f of boundFields(part)) out.add(f)
    } else if (key === '$or' && Array.isArray(cond)) {
      const branches = cond.map(boundFields)
      if (branches.length === 0) continue
      for (const f of branches[0]!) if (branches.every((b) => b.has(f))) out.add(f)
    } else if (!key.startsWith('$') && bounds(cond)) {
      out.add(key)
    }
  }
  return out
}

/** What an index check needs to know of a query. */
export interface QueryShape {
  /** Fields the condition bounds (see boundFields). */
  where: readonly string[]
  /** Sort keys in order, without direction. */
  orderBy: readonly string[]
}

/** The index that serves `q` among `declared` (plus `_id`), or null. */
export function servingIndex(q: QueryShape, declared: readonly IndexSpec[]): IndexSpec | null {
  const indexes = [ID_INDEX, ...declared]
  if (q.where.length > 0) return indexes.find((i) => q.where.includes(i.keys[0]!.name)) ?? null
  if (q.orderBy.length > 0) return indexes.find((i) => i.keys[0]!.name === q.orderBy[0]) ?? null
  return null
}

/** One line naming a query for an error message: collection, bounded fields, order. */
export function describeQuery(collection: string, q: QueryShape): string {
  const where = q.where.length > 0 ? `fields ${q.where.join(', ')}` : 'no condition'
  const order = q.orderBy.length > 0 ? `, ordered by ${q.orderBy.join(', ')}` : ''
  return `${collection} (${where}${order})`
}
