import type Database from 'better-sqlite3'
import { guard, mapSqliteError } from './sqliteErrors'

/**
 * Group commit for the single SQLite writer. Transactions that queue up while one is running
 * run together inside one BEGIN … COMMIT, each in its own SAVEPOINT: a work that fails rolls
 * back alone, the others stay. Every caller is answered only after the COMMIT that holds its
 * writes, so durability is what one transaction per call gave.
 *
 * Why: a commit writes every page the transaction touched to the WAL. A report's submit
 * touches some twenty B-tree pages (case, timeline, outbox, idempotency and their indexes);
 * sixteen submits in one commit share most of them, which triples the writes per second the
 * disk and the CPU allow (bench figure 3). An idle store still commits each call at once.
 *
 * Works run one after another, never interleaved, so each sees the writes of the works before
 * it exactly as if those had committed first.
 */
export const MAX_GROUP = 32

interface Pending<T> {
  work: () => Promise<T>
  resolve(v: T): void
  reject(e: unknown): void
}

export class GroupCommit {
  private readonly queue: Pending<unknown>[] = []
  private draining = false
  private drained: Promise<void> = Promise.resolve()
  /** Prepared once: exec would parse them again for every work of every group. */
  private readonly savepoint: Database.Statement
  private readonly release: Database.Statement

  constructor(
    private readonly db: Database.Database,
    /** Holds the writer for a group; shared with the store's single writes. */
    private readonly exclusive: <R>(fn: () => Promise<R>) => Promise<R>,
    /** Runs after each successful COMMIT (the WAL checkpointer's size check). */
    private readonly afterCommit: () => void = () => {},
  ) {
    this.savepoint = db.prepare('SAVEPOINT jf_work')
    this.release = db.prepare('RELEASE jf_work')
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve, reject } as Pending<unknown>)
      if (!this.draining) this.drained = this.drain()
    })
  }

  /** Resolves once every transaction queued so far has committed or failed. */
  settled(): Promise<void> {
    return this.drained
  }

  private async drain(): Promise<void> {
    this.draining = true
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP)
        await this.exclusive(() => this.commitGroup(group))
      }
    } finally {
      this.draining = false
    }
  }

  private async commitGroup(group: Pending<unknown>[]): Promise<void> {
    try {
      guard(() => this.db.exec('BEGIN IMMEDIATE'))
    } catch (e) {
      for (const p of group) p.reject(e)
      return
    }
    const done: Array<{ p: Pending<unknown>; value: unknown }> = []
    for (let i = 0; i < group.length; i++) {
      const p = group[i]!
      try {
        guard(() => this.savepoint.run())
        const value = await p.work()
        guard(() => this.release.run())
        done.push({ p, value })
      } catch (e) {
        const error = mapSqliteError(e)
        if (this.db.inTransaction) {
          try {
            this.db.exec('ROLLBACK TO jf_work')
            this.db.exec('RELEASE jf_work')
          } catch {
            // Only if the connection broke; the COMMIT below then fails and says so.
          }
        }
        p.reject(error)
        if (!this.db.inTransaction) {
          // SQLite rolled the whole transaction back (IOERR, FULL): the earlier works' writes
          // are gone with it, and the later ones have not run — they go first into the next group.
          for (const d of done) d.p.reject(error)
          this.queue.unshift(...group.slice(i + 1))
          return
        }
      }
    }
    if (done.length === 0) {
      // Every work failed: end with ROLLBACK, not an empty COMMIT. Pages restored by ROLLBACK TO are
      // still dirty and a COMMIT would write them again, so a refused call would touch the file.
      try {
        this.db.exec('ROLLBACK')
      } catch {
        // SQLite may have ended the transaction already.
      }
      return
    }
    try {
      guard(() => this.db.exec('COMMIT'))
    } catch (e) {
      if (this.db.inTransaction) {
        try {
          this.db.exec('ROLLBACK')
        } catch {
          // The commit's error is the one to report.
        }
      }
      for (const d of done) d.p.reject(e)
      return
    }
    for (const d of done) d.p.resolve(d.value)
    this.afterCommit()
  }
}
