import { StoreUnavailableError } from '../../errors'

/**
 * SQLite result codes that describe the environment (lock held elsewhere, disk full or
 * failing, file not writable) rather than a bug in the statement, so a retry may succeed.
 * Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED …) share
 * the prefix of their primary code.
 */
const RETRYABLE_PREFIXES = ['SQLITE_BUSY', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']
const RETRYABLE_EXACT = ['SQLITE_FULL']

function sqliteCode(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null
  const code = (e as { code?: unknown }).code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null
}

export function isRetryableSqliteError(e: unknown): boolean {
  const code = sqliteCode(e)
  if (code === null) return false
  return RETRYABLE_EXACT.includes(code) || RETRYABLE_PREFIXES.some((p) => code === p || code.startsWith(p + '_'))
}

/** The error to throw for `e`: StoreUnavailableError when retryable, `e` itself otherwise. */
export function mapSqliteError(e: unknown): unknown {
  if (e instanceof StoreUnavailableError) return e
  if (!isRetryableSqliteError(e)) return e
  const code = sqliteCode(e) as string
  const message = e instanceof Error ? e.message : String(e)
  return new StoreUnavailableError(`storage unavailable (${code}): ${message}`, code, e)
}

/** Runs a synchronous driver call, translating retryable failures. */
export function guard<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    throw mapSqliteError(e)
  }
}
