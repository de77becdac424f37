/**
 * Rows from field tables (../fieldTable.ts): the row <-> domain mapping and the INSERT/UPSERT
 * statements of a table are derived from its field list, never written out per field. JSON
 * columns are parsed and serialised here only, so the store never hands a raw row out.
 */
import { defaultOf, hasDefault, omitted, outgoing, snakeCase, type Field, type FieldTable } from '../fieldTable'
import type { Statements } from './statements'

export { instant } from '../fieldTable'

export type Row = Record<string, unknown>

export interface RowMapper<T> {
  /** Column names in table order. */
  readonly columns: readonly string[]
  toRow(x: T): Row
  fromRow(r: Row): T
  /** The first row `sql` selects, mapped; null when none. */
  one(s: Statements, sql: string, ...params: unknown[]): T | null
  /** Every row `sql` selects, mapped. */
  all(s: Statements, sql: string, ...params: unknown[]): T[]
  /** `INSERT INTO <table> (...) VALUES (@...)`, named parameters as toRow names them. */
  insertSql(table: string, conflict?: string): string
  /** Insert, or on a conflict over `keys` overwrite `update` (every other column by default). */
  upsertSql(table: string, keys: readonly string[], update?: readonly string[]): string
}

const JSON_KINDS = new Set(['object', 'array', 'strings', 'jsonText'])

/** Per field, once: every row read and written asks for them (a regex each time showed in profiles). */
const COLUMNS = new WeakMap<object, string[]>()

function columnsOf<T>(f: Field<T>): string[] {
  let cols = COLUMNS.get(f)
  if (!cols) {
    cols = f.kind === 'point' ? ['lng', 'lat'] : [f.column ?? snakeCase(f.field)]
    COLUMNS.set(f, cols)
  }
  return cols
}

function encode<T>(f: Field<T>, x: T, row: Row): void {
  const v = outgoing(f, x)
  const [col] = columnsOf(f)
  if (f.kind === 'point') {
    const p = v as { lng: number; lat: number }
    row.lng = p.lng
    row.lat = p.lat
  } else if (v === null) row[col] = null
  else if (JSON_KINDS.has(f.kind)) row[col] = JSON.stringify(v)
  else if (f.kind === 'bool') row[col] = v ? 1 : 0
  else row[col] = v
}

function decode<T>(f: Field<T>, r: Row): unknown {
  if (f.kind === 'point') return { lng: r.lng, lat: r.lat }
  const raw = r[columnsOf(f)[0]]
  // A column added by a later migration, or a NULL where the field is not nullable: the default.
  if ((raw === undefined || (raw === null && !f.nullable && !f.optional)) && hasDefault(f)) return defaultOf(f)
  if (raw === null || raw === undefined) return null
  if (f.values && !f.values.includes(raw as string)) return defaultOf(f)
  if (JSON_KINDS.has(f.kind)) return JSON.parse(raw as string)
  if (f.kind === 'bool') return raw === 1 || raw === true
  return raw
}

export function rowMapper<T>(table: FieldTable<T>): RowMapper<T> {
  const columns = table.flatMap(columnsOf)
  const values = columns.map((c) => `@${c}`).join(', ')
  const mapper: RowMapper<T> = {
    columns,
    toRow(x) {
      const row: Row = {}
      for (const f of table) encode(f, x, row)
      return row
    },
    fromRow(r) {
      const out: Record<string, unknown> = {}
      for (const f of table) {
        const v = decode(f, r)
        if (!omitted(f, v)) out[f.field] = v
      }
      return out as T
    },
    one(s, sql, ...params) {
      const row = s.get(sql).get(...params) as Row | undefined
      return row ? mapper.fromRow(row) : null
    },
    all(s, sql, ...params) {
      return (s.get(sql).all(...params) as Row[]).map(mapper.fromRow)
    },
    insertSql(name, conflict) {
      return `INSERT INTO ${name} (${columns.join(', ')}) VALUES (${values})${conflict ? ` ${conflict}` : ''}`
    },
    upsertSql(name, keys, update = columns.filter((c) => !keys.includes(c))) {
      const set = update.map((c) => `${c} = excluded.${c}`).join(', ')
      return mapper.insertSql(name, `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set}`)
    },
  }
  return mapper
}
