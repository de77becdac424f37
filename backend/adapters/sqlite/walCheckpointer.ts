import fs from 'node:fs'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

/**
 * WAL checkpoints off the request thread. SQLite's automatic checkpoint runs inside the COMMIT
 * that crosses 1,000 WAL pages: it copies them into the database file and fsyncs it, on the one
 * thread that serves every request (most of COMMIT's share of the submit profile, and its p99).
 * Here a worker thread with its own connection runs `wal_checkpoint(PASSIVE)` every second, or
 * sooner when the writer sees the WAL grow; the writer's automatic checkpoint is switched off
 * only once that worker is running, and back on if it fails, so the WAL is never left to grow.
 *
 * Durability is unchanged: a commit is durable once its frames are in the WAL (synchronous as
 * the writer sets it); a checkpoint only copies committed frames and never holds the write lock.
 *
 * The worker is inline code (eval), so the function bundles need no second file; it loads
 * better-sqlite3 from the path this module resolves, like the writer does.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('synchronous = NORMAL')
db.pragma('wal_autocheckpoint = 0')
const checkpoint = () => {
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0]
    parentPort.postMessage({ type: 'checkpoint', busy: r.busy, log: r.log, checkpointed: r.checkpointed })
  } catch (e) {
    parentPort.postMessage({ type: 'failed', message: String(e && e.message) })
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', (m) => {
  if (m === 'now') return checkpoint()
  if (m === 'stop') {
    clearInterval(timer)
    db.close()
    parentPort.close()
  }
})
parentPort.postMessage({ type: 'ready' })
`

/** SQLite's default: what the writer checkpoints by itself at when no worker does it. */
const AUTO_PAGES = 1000
/** Writer's WAL size after which the worker is asked at once (about the automatic threshold). */
const HINT_BYTES = 4 * 1024 * 1024
/** Backstop: past this the writer checkpoints inline, as SQLite would have done anyway. */
export const INLINE_CHECKPOINT_BYTES = 64 * 1024 * 1024
/** The WAL's size is looked at once per this many commits (one stat each time). */
const STAT_EVERY = 32

export interface CheckpointReport {
  busy: number
  log: number
  checkpointed: number
}

export interface WalCheckpointerOptions {
  intervalMs?: number
  /** Told of every checkpoint the worker ran (tests, diagnostics). */
  onCheckpoint?: (r: CheckpointReport) => void
}

export class WalCheckpointer {
  private worker: Worker | undefined
  private running = false
  private commits = 0
  private hinted = false
  private stopping = false
  private exited: Promise<void> = Promise.resolve()

  constructor(
    private readonly writer: Database.Database,
    private readonly file: string,
    private readonly options: WalCheckpointerOptions = {},
  ) {}

  /** Starts the worker; until it says it is ready (or if it never does) SQLite checkpoints as before. */
  start(): void {
    let driver: string
    try {
      driver = require.resolve('better-sqlite3')
      this.worker = new Worker(WORKER_CODE, { eval: true, workerData: { file: this.file, driver, intervalMs: this.options.intervalMs ?? 1000 } })
    } catch {
      return
    }
    const worker = this.worker
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()))
    worker.on('message', (m: { type: string } & CheckpointReport) => {
      if (m.type === 'ready') this.handOver()
      else if (m.type === 'failed') this.takeBack()
      else if (m.type === 'checkpoint') {
        this.hinted = false
        this.options.onCheckpoint?.({ busy: m.busy, log: m.log, checkpointed: m.checkpointed })
      }
    })
    // A worker that cannot load the driver or open the file ends here: automatic checkpoints again.
    worker.on('error', () => this.takeBack())
    worker.on('exit', () => this.takeBack())
    // Last: adding a 'message' listener refs the worker again, and a process with nothing else to
    // do (a cloud function's one call in local mode) must still exit.
    worker.unref()
  }

  /** Called by the writer after each COMMIT: hints the worker, or checkpoints inline past the backstop. */
  afterCommit(): void {
    if (!this.running || ++this.commits % STAT_EVERY !== 0) return
    const size = walSize(this.file)
    try {
      if (size > INLINE_CHECKPOINT_BYTES) {
        this.writer.pragma('wal_checkpoint(PASSIVE)')
      } else if (size > HINT_BYTES && !this.hinted) {
        this.hinted = true
        this.worker?.postMessage('now')
      }
    } catch {
      // The commits are done whatever a checkpoint says; the next one tries again.
    }
  }

  /** Stops the worker and waits until its connection is closed; call before closing the writer. */
  async stop(): Promise<void> {
    const worker = this.worker
    if (!worker) return
    this.stopping = true
    this.takeBack()
    // Referenced while it closes: an awaited close() must not let a process with nothing else
    // to do exit before the worker's connection is closed (and the caller's next line runs).
    worker.ref()
    worker.postMessage('stop')
    const late = setTimeout(() => void worker.terminate(), 5000)
    late.unref()
    await this.exited
    clearTimeout(late)
    this.worker = undefined
  }

  private handOver(): void {
    if (this.stopping || !this.writer.open) return
    this.writer.pragma('wal_autocheckpoint = 0')
    this.running = true
  }

  private takeBack(): void {
    if (!this.running) return
    this.running = false
    if (this.writer.open) this.writer.pragma(`wal_autocheckpoint = ${AUTO_PAGES}`)
  }
}

function walSize(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size
  } catch {
    return 0
  }
}
