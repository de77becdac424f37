/**
 * What the trigger-kept counts tables beside `cases` share (departmentCounts.ts, committeeCounts.ts):
 * the three triggers that move a table in the same statement as the case, and the check whether a
 * migration has made it yet.
 */
import type Database from 'better-sqlite3'

export interface KeptCounts {
  /** Whether a row's payload may hold the key at all: cheap, so most case writes skip the trigger. */
  mentions(row: 'NEW' | 'OLD'): string
  /** True when an update changes anything the table counts (OLD and NEW). */
  changed: string
  /** Statements adding the row, and taking it off again. */
  add(row: 'NEW'): string
  subtract(row: 'OLD'): string
}

/** A counts table a later migration made beside `cases`: its triggers, and a recount from scratch. */
export interface KeptCountTable {
  table: string
  triggersSql(): string
  rebuild(db: Database.Database): void
}

/** The names of a counts table's triggers, as keptCountTriggersSql makes them. */
export function keptCountTriggers(table: string): readonly [string, string, string] {
  return [`${table}_insert`, `${table}_update`, `${table}_delete`]
}

export function keptCountTriggersSql(table: string, k: KeptCounts): string {
  const [insert, update, remove] = keptCountTriggers(table)
  return `
CREATE TRIGGER ${insert} AFTER INSERT ON cases WHEN ${k.mentions('NEW')} BEGIN${k.add('NEW')}
END;
CREATE TRIGGER ${update} AFTER UPDATE ON cases
  WHEN (${k.mentions('OLD')} OR ${k.mentions('NEW')}) AND (${k.changed})
BEGIN${k.subtract('OLD')}${k.add('NEW')}
END;
CREATE TRIGGER ${remove} AFTER DELETE ON cases WHEN ${k.mentions('OLD')} BEGIN${k.subtract('OLD')}
END;
`
}

export function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
}
