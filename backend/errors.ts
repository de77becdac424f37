/**
 * A storage failure the caller may retry: the database is busy, full, read-only or
 * unreachable. Adapters throw it so use cases can answer UNAVAILABLE (retryable) instead of
 * a generic 500; every other storage error is a bug and propagates as it is.
 */
export class StoreUnavailableError extends Error {
  /** The driver's code (SQLITE_BUSY, SQLITE_IOERR_WRITE, a CloudBase error code, an HTTP status). */
  readonly code: string
  override readonly cause: unknown

  constructor(message: string, code: string, cause?: unknown) {
    super(message)
    this.name = 'StoreUnavailableError'
    this.code = code
    this.cause = cause
  }
}

export function isStoreUnavailable(e: unknown): e is StoreUnavailableError {
  return e instanceof StoreUnavailableError
}
