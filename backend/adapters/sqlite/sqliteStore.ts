/**
 * The SQLite store: the plumbing of two connections and one transaction at a time, and the
 * composition of the aggregate repositories (cases.ts, users.ts, grid.ts, notifications.ts,
 * rental.ts, audit.ts, onboarding.ts, fileMeta.ts, rateLimits.ts, integrations.ts) over it.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import Database from 'better-sqlite3'
import type { Repos, Store, Tx } from '../../ports'
import { sqliteAudit, sqliteAuditTx } from './audit'
import { sqliteCases, sqliteCaseTx } from './cases'
import { sqliteCounterTx } from './counters'
import { sqliteDutyRosters } from './dutyRosters'
import { sqliteFileMeta } from './fileMeta'
import { sqliteGrid } from './grid'
import { GroupCommit } from './groupCommit'
import { sqliteIntegrations } from './integrations'
import { applyMigrations } from './migrations'
import { AsyncMutex } from './mutex'
import { sqliteNotifications, sqliteNotificationTx } from './notifications'
import { sqliteOnboarding } from './onboarding'
import { sqliteRateLimits, sqliteRateLimitTx } from './rateLimits'
import { sqliteRental, sqliteRentalTx } from './rental'
import { guard } from './sqliteErrors'
import { WalCheckpointer } from './walCheckpointer'
import { StatementCache, type SqliteAccess, type Statements, type TxUse } from './statements'
import { sqliteUsers } from './users'

export interface SqliteStoreOptions {
  /** How long a write waits for a lock held by another connection before failing as unavailable. */
  busyTimeoutMs?: number
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000

type Db = Database.Database

/** Writes of one transaction, from every aggregate; refuses use once the transaction has finished. */
function openTx(statements: Statements): { tx: Tx; finish(): void } {
  let active = true
  const use: TxUse = (fn) => {
    if (!active) return Promise.reject(new Error('transaction already finished; the tx object escaped its work'))
    try {
      return Promise.resolve(guard(() => fn(statements)))
    } catch (e) {
      return Promise.reject(e)
    }
  }
  // One object per transaction: Object.assign keeps one hidden class where spreads made one each
  // (src/core/withFields.ts); two calls, as TypeScript types at most three sources a call.
  const parts = Object.assign({}, sqliteCaseTx(use), sqliteNotificationTx(use), sqliteRentalTx(use))
  const tx: Tx = Object.assign(parts, sqliteAuditTx(use), sqliteRateLimitTx(use), sqliteCounterTx(use))
  return { tx, finish: () => void (active = false) }
}

function repos(db: SqliteAccess): Repos {
  return {
    ...sqliteCases(db),
    ...sqliteUsers(db),
    ...sqliteGrid(db),
    ...sqliteNotifications(db),
    ...sqliteRental(db),
    ...sqliteOnboarding(db),
    ...sqliteAudit(db),
    ...sqliteFileMeta(db),
    ...sqliteDutyRosters(db),
    ...sqliteIntegrations(db),
    ...sqliteRateLimits(db),
  }
}

/**
 * Page cache and memory map per connection. SQLite's default 2 MB cache makes a queue page over a
 * district-sized table (a million cases, ~1 GB) read most pages with a syscall each; the map lets
 * reads come straight from the OS page cache. Both are limits, not allocations.
 */
export const CACHE_PRAGMAS = ['cache_size = -65536', 'mmap_size = 1073741824'] as const

function tuneCache(db: Db): void {
  for (const p of CACHE_PRAGMAS) db.pragma(p)
}

/** The repositories' methods are own properties, set from `repos()` in the constructor. */
export interface SqliteStore extends Repos {}

/**
 * Store on one SQLite file with two connections:
 * - the writer runs every write, one transaction at a time (async mutex + BEGIN IMMEDIATE);
 * - the reader serves reads outside transactions. With WAL it sees the last committed state
 *   only, so a read that happens while a transaction is awaiting never observes its
 *   uncommitted (possibly rolled-back) rows, and reads never queue behind a slow transaction.
 */
export class SqliteStore implements Store {
  readonly name = 'sqlite'
  private readonly mutex = new AsyncMutex()
  /** Marks async work running inside one of this store's transactions. */
  private readonly txScope = new AsyncLocalStorage<true>()
  private readonly writes: StatementCache
  private readonly reads: StatementCache
  private readonly group: GroupCommit
  private readonly checkpoints: WalCheckpointer
  private closed = false

  private constructor(
    readonly file: string,
    private readonly writer: Db,
    private readonly reader: Db,
    private readonly onClose: () => void,
  ) {
    this.writes = new StatementCache(writer)
    this.reads = new StatementCache(reader)
    this.checkpoints = new WalCheckpointer(writer, file)
    this.group = new GroupCommit(writer, (fn) => this.mutex.run(fn), () => this.checkpoints.afterCommit())
    Object.assign(this, repos({ read: (m, fn) => this.read(m, fn), write: (m, fn) => this.write(m, fn) }))
  }

  /** Opens (creating and migrating when needed) the database file. Prefer openSqliteStore. */
  static open(file: string, options: SqliteStoreOptions = {}, onClose: () => void = () => {}): SqliteStore {
    const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
    const writer = guard(() => new Database(file))
    let reader: Db | undefined
    try {
      guard(() => {
        writer.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`)
        const mode = writer.pragma('journal_mode = WAL', { simple: true })
        if (String(mode).toLowerCase() !== 'wal') throw new Error(`could not switch ${file} to WAL (got ${String(mode)})`)
        // NORMAL with WAL: a committed transaction survives a crash or kill -9 of the process
        // (the WAL is in the OS page cache) but may be lost on power failure or OS crash.
        // Process death is the fault we design for; FULL would fsync on every commit.
        writer.pragma('synchronous = NORMAL')
        writer.pragma('foreign_keys = ON')
        // Deleted and overwritten rows are zeroed, not left in free pages: a phone sealed by a
        // migration (or a purged identity number) must not stay readable in the file.
        writer.pragma('secure_delete = ON')
        // The WAL then holds no frame of what the migrations replaced.
        if (applyMigrations(writer).length > 0) writer.pragma('wal_checkpoint(TRUNCATE)')
        reader = new Database(file, { readonly: true, fileMustExist: true })
        reader.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`)
        for (const db of [writer, reader]) tuneCache(db)
      })
    } catch (e) {
      reader?.close()
      writer.close()
      throw e
    }
    const store = new SqliteStore(file, writer, reader as Db, onClose)
    store.checkpoints.start()
    return store
  }

  // ---- plumbing ----

  private assertUsable(method: string): void {
    if (this.closed) throw new Error(`store.${method} called after close()`)
    if (this.txScope.getStore()) {
      // The mutex is held by the enclosing transaction: waiting for it would never return.
      throw new Error(`store.${method} called inside a transaction; use the tx argument instead`)
    }
  }

  private async read<T>(method: string, fn: (s: Statements) => T): Promise<T> {
    if (this.closed) throw new Error(`store.${method} called after close()`)
    return guard(() => fn(this.reads))
  }

  /** A write outside `transaction`: still serialised, and atomic on its own. */
  private async write<T>(method: string, fn: (s: Statements) => T): Promise<T> {
    this.assertUsable(method)
    return this.mutex.run(async () => {
      const result = guard(() => this.writer.transaction(() => fn(this.writes)).immediate())
      this.checkpoints.afterCommit()
      return result
    })
  }

  /** Committed together with the transactions queued behind it (groupCommit.ts). */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    this.assertUsable('transaction')
    return this.group.run(async () => {
      const { tx, finish } = openTx(this.writes)
      try {
        return await this.txScope.run(true, () => work(tx))
      } finally {
        finish()
      }
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.onClose()
    // Transactions queued before close still run; then the connections go.
    await this.group.settled()
    // The worker's connection goes first, so the writer's close is the last and removes the WAL.
    await this.checkpoints.stop()
    await this.mutex.run(async () => {
      this.reader.close()
      this.writer.close()
    })
  }
}
