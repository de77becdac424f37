/**
 * A stored type declared once as a list of fields; each adapter builds its mapper from the list
 * (sqlite/rows.ts for rows, cloudbase/docs.ts for documents), so a new field is one line here
 * plus, for SQLite, a migration adding its column. A field missing from an old row or document
 * reads as its declared default.
 */

/**
 * How a field is stored:
 * - text, int, num, bool: as they are (bool as 0/1 in SQLite);
 * - instant: canonical ISO text, so text order is time order;
 * - object, array, strings: JSON text in SQLite, native in CloudBase (strings read as string[]);
 * - jsonText: JSON text in both;
 * - point: `{ lng, lat }`, two columns `lng` and `lat` in SQLite.
 */
export type Kind = 'text' | 'int' | 'num' | 'bool' | 'instant' | 'object' | 'array' | 'strings' | 'jsonText' | 'point'

export interface Field<T> {
  field: keyof T & string
  kind: Kind
  /** May be null (stored as NULL / null). */
  nullable?: boolean
  /** Left out of the domain object when stored as null ('null') or as null or '' ('empty'). */
  optional?: 'null' | 'empty'
  /** The SQLite column when it is not the field in snake_case. */
  column?: string
  /** What a row or document without the field reads as (a function for a fresh object each time). */
  default?: unknown
  /**
   * The only values of a text field: anything else is stored as the default; read back, it is
   * the default in SQLite (whose CHECK keeps it out anyway) and a corrupt document in CloudBase.
   */
  values?: readonly string[]
  /** Normalises the value before it is stored (both adapters), e.g. keeps only known keys. */
  encode?: (value: never) => unknown
}

export type FieldTable<T> = ReadonlyArray<Field<T>>

export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}

/** Canonical `toISOString()` form; throws RangeError on text that is not a date, so a bad instant is never stored. */
export function instant(iso: string): string {
  return new Date(iso).toISOString()
}

export function hasDefault<T>(f: Field<T>): boolean {
  return Object.prototype.hasOwnProperty.call(f, 'default')
}

export function defaultOf<T>(f: Field<T>): unknown {
  return typeof f.default === 'function' ? (f.default as () => unknown)() : f.default
}

/** The value of `f` as it goes to storage, before the adapter's own encoding. */
export function outgoing<T>(f: Field<T>, x: T): unknown {
  const v = (x as Record<string, unknown>)[f.field]
  if (f.values && !f.values.includes(v as string)) return defaultOf(f)
  if (v === undefined || v === null) {
    if (v === undefined && hasDefault(f)) return defaultOf(f)
    return null
  }
  const normal = f.encode ? (f.encode as (v: unknown) => unknown)(v) : v
  return f.kind === 'instant' ? instant(normal as string) : normal
}

/** Whether a read value leaves the field out of the domain object. */
export function omitted<T>(f: Field<T>, v: unknown): boolean {
  if (!f.optional) return false
  return v === null || v === undefined || (f.optional === 'empty' && v === '')
}
