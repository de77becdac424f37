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

/**
 * A delivery the receiver answered for good (WeChat refused the push or its data): retrying
 * cannot change it, so the outbox sets it aside at once with `reason`, in Chinese for the
 * administrator's list of failed notices.
 */
export class DeliveryRefusedError extends Error {
  constructor(
    readonly reason: string,
    readonly code: string,
  ) {
    super(`delivery refused: ${code}`)
    this.name = 'DeliveryRefusedError'
  }
}

/** A delivery that failed this time (network, a platform error); `reason` is in Chinese. */
export class DeliveryFailedError extends Error {
  constructor(
    readonly reason: string,
    readonly code: string,
  ) {
    super(`delivery failed: ${code}`)
    this.name = 'DeliveryFailedError'
  }
}

/** A signed webhook that did not acknowledge (an error status, no answer, a timeout): the try, for the delivery log. */
export class WebhookAttemptError extends Error {
  constructor(
    message: string,
    readonly attempt: { ok: false; httpStatus: number | null; durationMs: number; error: string | null },
  ) {
    super(message)
    this.name = 'WebhookAttemptError'
  }
}
