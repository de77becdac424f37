/**
 * Rows from field tables (../fieldTable.ts): the row <-> domain mapping and the INSERT/UPSERT
 * statements of a table are derived from its field list, never written out per field. JSON
 * columns are parsed and serialised here only, so the store never hands a raw row out.
 */
import { defaultOf, hasDefault, omitted, outgoing, snakeCase, type Field, type FieldTable } from '../fieldTable'
import type Database from 'better-sqlite3'
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

/** A row's value by column name: a row object's property, or a raw row's slot (rawRows). */
type ColumnValue = (column: string) => unknown

function decode<T>(f: Field<T>, value: ColumnValue): unknown {
  if (f.kind === 'point') return { lng: value('lng'), lat: value('lat') }
  const raw = value(columnsOf(f)[0]!)
  // A column added by a later migration, or a NULL where the field is not nullable: the default.
  if ((raw === undefined || (raw === null && !f.nullable && !f.optional)) && hasDefault(f)) return defaultOf(f)
  if (raw === null || raw === undefined) return null
  if (f.values && !f.values.includes(raw as string)) return defaultOf(f)
  if (JSON_KINDS.has(f.kind)) return JSON.parse(raw as string)
  if (f.kind === 'bool') return raw === 1 || raw === true
  return raw
}

/** Per statement, the slot of each column in its raw rows (SELECT * puts migration-added columns last). */
const SLOTS = new WeakMap<Database.Statement, Map<string, number>>()

function slotsOf(st: Database.Statement): Map<string, number> {
  let at = SLOTS.get(st)
  if (!at) {
    at = new Map(st.columns().map((c, i) => [c.name, i]))
    SLOTS.set(st, at)
  }
  return at
}

/**
 * A list's rows as arrays: better-sqlite3 then skips building an object with every column's name
 * per row, a third of reading a queue page's 20 rows (bench 2). The statement is shared through
 * the cache, so it goes back to objects at once.
 */
function rawRows(st: Database.Statement, params: unknown[]): unknown[][] {
  st.raw(true)
  try {
    return st.all(...params) as unknown[][]
  } finally {
    st.raw(false)
  }
}

export function rowMapper<T>(table: FieldTable<T>): RowMapper<T> {
  const columns = table.flatMap(columnsOf)
  const values = columns.map((c) => `@${c}`).join(', ')
  const fromValues = (value: ColumnValue): T => {
    const out: Record<string, unknown> = {}
    for (const f of table) {
      const v = decode(f, value)
      if (!omitted(f, v)) out[f.field] = v
    }
    return out as T
  }
  const mapper: RowMapper<T> = {
    columns,
    toRow(x) {
      const row: Row = {}
      for (const f of table) encode(f, x, row)
      return row
    },
    fromRow(r) {
      return fromValues((c) => r[c])
    },
    one(s, sql, ...params) {
      const row = s.get(sql).get(...params) as Row | undefined
      return row ? mapper.fromRow(row) : null
    },
    all(s, sql, ...params) {
      const st = s.get(sql)
      const at = slotsOf(st)
      return rawRows(st, params).map((v) => fromValues((c) => v[at.get(c)!]))
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
