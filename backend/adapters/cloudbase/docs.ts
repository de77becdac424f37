/**
 * Documents from field tables (../fieldTable.ts). Every document keys on `_id`; instants are
 * canonical ISO text so string order is time order and range queries need no server dates.
 * Reading picks the declared fields only, so CloudBase's own fields (`_openid`, …) never reach
 * the core, and fails loudly on a document this adapter did not write (a missing field without
 * a default, or one of the wrong type).
 */
import { defaultOf, hasDefault, omitted, outgoing, type Field, type FieldTable } from '../fieldTable'

export { instant } from '../fieldTable'

export type Doc = Record<string, unknown>

export class CorruptDocumentError extends Error {
  constructor(collection: string, id: unknown, field: string) {
    super(`${collection} document ${String(id)}: field "${field}" is missing or has the wrong type`)
    this.name = 'CorruptDocumentError'
  }
}

/**
 * Undoes the SDK's read-side conversion: its formatField turns any object shaped like
 * GeoJSON (`{ type: 'Polygon', coordinates }`, a grid boundary, or a Point in a payload) into
 * its own Geo classes. Their `toJSON()` gives back the same GeoJSON, so documents read here
 * are plain JSON again, equal to what was written.
 */
export function plainJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainJson)
  if (v === null || typeof v !== 'object') return v
  const proto = Object.getPrototypeOf(v) as unknown
  if (proto !== Object.prototype && proto !== null) {
    const toJSON = (v as { toJSON?: unknown }).toJSON
    if (typeof toJSON === 'function') return plainJson(toJSON.call(v))
  }
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) out[k] = plainJson(x)
  return out
}

/** A document without its `_id`: what `doc(id).set()` and `update()` accept. */
export function withoutId(d: Doc): Doc {
  const { _id: _ignored, ...rest } = d
  return rest
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The stored value in domain form, or undefined when it has the wrong type. */
function read<T>(f: Field<T>, v: unknown): unknown {
  switch (f.kind) {
    case 'text':
      return typeof v === 'string' && (!f.values || f.values.includes(v)) ? v : undefined
    case 'instant':
      return typeof v === 'string' ? v : undefined
    case 'int':
    case 'num':
      return typeof v === 'number' && Number.isFinite(v) ? v : undefined
    case 'bool':
      return typeof v === 'boolean' ? v : undefined
    case 'object':
      return isObject(v) ? v : undefined
    case 'array':
      return Array.isArray(v) ? v : undefined
    case 'strings':
      return Array.isArray(v) ? v.map(String) : undefined
    case 'jsonText':
      return typeof v === 'string' ? JSON.parse(v) : undefined
    case 'point':
      return isObject(v) ? { lng: Number(v.lng), lat: Number(v.lat) } : undefined
  }
}

export interface DocMapper<T> {
  /** `extra` adds adapter-only fields (an append sequence, an index key). */
  toDoc(x: T, extra?: Doc): Doc
  fromDoc(raw: Doc): T
}

/**
 * `id` names the field stored as `_id` (and not again), or derives `_id` from the value (a hash
 * of a compound key), in which case every field is stored as well.
 */
export function docMapper<T>(collection: string, table: FieldTable<T>, id: (keyof T & string) | ((x: T) => string)): DocMapper<T> {
  const idField = typeof id === 'string' ? id : null
  return {
    toDoc(x, extra) {
      const doc: Doc = { _id: typeof id === 'string' ? (x as Record<string, unknown>)[id] : id(x) }
      for (const f of table) {
        if (f.field === idField) continue
        const v = outgoing(f, x)
        doc[f.field] = f.kind === 'jsonText' && v !== null ? JSON.stringify(v) : v
      }
      return extra ? { ...doc, ...extra } : doc
    },
    fromDoc(raw) {
      const d = plainJson(raw) as Doc
      const out: Record<string, unknown> = {}
      for (const f of table) {
        const stored = f.field === idField ? d._id : d[f.field]
        let v: unknown
        if (stored === undefined && hasDefault(f)) v = defaultOf(f)
        else if ((stored === null || stored === undefined) && (f.nullable || f.optional)) v = null
        else if (stored === null && hasDefault(f)) v = defaultOf(f)
        else v = read(f, stored)
        if (v === undefined) throw new CorruptDocumentError(collection, d._id, f.field === idField ? '_id' : f.field)
        if (!omitted(f, v)) out[f.field] = v
      }
      return out as T
    },
  }
}
