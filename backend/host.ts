import { systemClock, type Clock } from '../src/core/clock'
import type { SqliteStore } from './adapters/sqlite/sqliteStore'

/**
 * What the cloud functions of one process share. The local server loads every function's bundle
 * into one process, each bundle with its own copy of every module, and hands them all the one host
 * it made (backend/server/functions.ts calls each bundle's `bind`), so they see one clock, one data
 * epoch and one SQLite handle per file. A CloudBase instance runs one function and makes its own
 * host at cold start (backend/runtime.ts).
 */
export interface Host {
  /** The wall clock, moved forward by whatever `advanceClock` added (local mode only). */
  readonly clock: Clock
  /** Local time travel (POST /api/dev/clock, the SLA timer's end-to-end tests). */
  advanceClock(ms: number): void
  /** Bumped when the org tree or district configuration changes, so cached copies reload at once. */
  dataEpoch(): number
  markDataChanged(): void
  /**
   * Open SQLite stores by database file: two writers in one process would only meet at SQLite's
   * lock and fail with SQLITE_BUSY under load, so every function uses one connection and one
   * transaction mutex per file (backend/adapters/sqlite/openSqliteStore.ts).
   */
  readonly sqliteStores: Map<string, SqliteStore>
}

export function createHost(base: Clock = systemClock): Host {
  let offsetMs = 0
  let epoch = 0
  return {
    clock: { now: () => new Date(base.now().getTime() + offsetMs) },
    advanceClock(ms) {
      offsetMs += ms
    },
    dataEpoch: () => epoch,
    markDataChanged() {
      epoch++
    },
    sqliteStores: new Map(),
  }
}
