/**
 * FIFO async lock. better-sqlite3 has one connection with one transaction at a time, but the
 * Store port is async: without this, two awaiting transactions would interleave statements
 * inside the same BEGIN … COMMIT.
 */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve()

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const prev = this.tail
    let release!: () => void
    this.tail = new Promise<void>((resolve) => {
      release = resolve
    })
    await prev
    try {
      return await fn()
    } finally {
      release()
    }
  }
}
