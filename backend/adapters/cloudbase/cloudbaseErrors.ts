/**
 * Classifies what @cloudbase/node-sdk throws. The SDK raises a TcbError whose `code` is the
 * service's error code (a 200 answer carrying `code`), or the HTTP status as a number (any
 * non-200 answer), and lets Node socket errors (ECONNRESET, ETIMEDOUT, …) through as they are.
 */
import { StoreUnavailableError } from '../../errors'

/** Service codes that describe load or an outage rather than a bad request; a retry may pass. */
const RETRYABLE_CODES = new Set([
  'SYS_ERR',
  'SERVER_BUSY',
  'SYSTEM_BUSY',
  'DATABASE_REQUEST_FAILED',
  'DATABASE_TIMEOUT',
  'DATABASE_TRANSACTION_FAIL',
  'DATABASE_TRANSACTION_CONFLICT',
  'EXCEED_REQUEST_LIMIT',
  'EXCEED_CONCURRENT_REQUEST_LIMIT',
  'STORAGE_REQUEST_FAIL',
])

/** Socket-level failures from Node or the SDK's own timeout handler. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
])

const BUSY_MESSAGE = /system (is )?busy|系统繁忙|服务繁忙|请稍后重试/i

function codeOf(e: unknown): string | number | undefined {
  if (typeof e !== 'object' || e === null) return undefined
  const code = (e as { code?: unknown }).code
  return typeof code === 'string' || typeof code === 'number' ? code : undefined
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message
  }
  return String(e)
}

export function isRetryableCloudbaseError(e: unknown): boolean {
  const code = codeOf(e)
  if (typeof code === 'number') return code >= 500 || code === 429 || code === 408
  if (typeof code === 'string') {
    if (/^\d{3}$/.test(code)) return Number(code) >= 500 || code === '429' || code === '408'
    if (RETRYABLE_CODES.has(code) || NETWORK_CODES.has(code)) return true
  }
  // The request core rejects with a bare Error when the client aborts, and JSON.parse throws
  // a SyntaxError when a proxy answers 200 with a non-JSON page: both are transport trouble.
  if (e instanceof SyntaxError) return true
  const msg = messageOf(e)
  return /request aborted by client|socket hang up/i.test(msg) || BUSY_MESSAGE.test(msg)
}

/** A duplicate `_id` or unique-index violation. */
export function isDuplicateWrite(e: unknown): boolean {
  const code = codeOf(e)
  if (code === 'DATABASE_DUPLICATE_WRITE' || code === 11000 || code === '11000') return true
  return /DATABASE_DUPLICATE_WRITE|E11000 duplicate key/.test(messageOf(e))
}

/** The error to throw for `e`: StoreUnavailableError when retryable, `e` itself otherwise. */
export function mapCloudbaseError(e: unknown): unknown {
  if (e instanceof StoreUnavailableError) return e
  if (!isRetryableCloudbaseError(e)) return e
  const code = String(codeOf(e) ?? (e instanceof SyntaxError ? 'BAD_RESPONSE' : 'NETWORK'))
  return new StoreUnavailableError(`CloudBase unavailable (${code}): ${messageOf(e)}`, code, e)
}

/** Runs one SDK call, translating retryable failures. */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    throw mapCloudbaseError(e)
  }
}
