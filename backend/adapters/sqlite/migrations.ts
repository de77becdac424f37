import type Database from 'better-sqlite3'
import { dirname } from 'node:path'
import { MIGRATIONS_1_TO_4, type Migration } from './migrations1to4'
import { MIGRATIONS_5_ON } from './migrations5on'
import { registerPiiFunctions } from './piiFunctions'

export type { Migration } from './migrations1to4'

/**
 * Schema history (migrations1to4.ts, migrations5on.ts). Append new entries to the last file;
 * never edit an applied one (its name is checked on open so an edited history fails loudly
 * instead of silently diverging).
 *
 * Instants are stored as canonical `Date#toISOString()` text (the mappers normalise), so
 * text comparison and ordering equal time order and indexes serve range queries.
 */
export const MIGRATIONS: readonly Migration[] = [...MIGRATIONS_1_TO_4, ...MIGRATIONS_5_ON]

interface AppliedRow {
  version: number
  name: string
}

/**
 * Applies the migrations not yet recorded, in order, in one IMMEDIATE transaction (so two
 * processes opening the same file at once cannot both apply them). Returns the versions
 * applied now; an up-to-date database returns [].
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version <= migrations[i - 1].version) {
      throw new Error(`migration versions must increase: ${migrations[i - 1].version} then ${migrations[i].version}`)
    }
  }
  // Migrations that seal data kept in clear call the vault (the key of the database's data directory).
  registerPiiFunctions(db, dirname(db.name))
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`)

  const run = db.transaction((): number[] => {
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[]
    const known = new Map(migrations.map((m) => [m.version, m]))
    for (const row of applied) {
      const m = known.get(row.version)
      if (!m) throw new Error(`database has migration ${row.version} (${row.name}) unknown to this code; refusing to open`)
      if (m.name !== row.name) throw new Error(`migration ${row.version} was applied as "${row.name}" but is now "${m.name}"`)
    }
    const done = new Set(applied.map((r) => r.version))
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
    const now: number[] = []
    for (const m of migrations) {
      if (done.has(m.version)) continue
      db.exec(m.sql)
      m.run?.(db)
      record.run(m.version, m.name, new Date().toISOString())
      now.push(m.version)
    }
    return now
  })
  return run.immediate()
}
