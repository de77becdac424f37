/**
 * Small helpers over the CloudBase SDK's answers, shared by CloudbaseStore and the rental and
 * onboarding stores (kept apart from store.ts so that those stores do not import it back).
 */
import { createHash } from 'node:crypto'
import { StoreUnavailableError } from '../../errors'
import type { Doc } from './mappers'

/** A fixed-length `_id` for a document keyed by several strings, with no separator games. */
export function compoundId(...parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

/** A service answer carrying an error code that the SDK handed back instead of throwing. */
export function checked<T>(res: T): T {
  const code = (res as { code?: unknown } | null)?.code
  if (code) throw Object.assign(new Error(String((res as { message?: unknown }).message ?? code)), { code })
  return res
}

/** Documents of a `get()` answer; in a transaction the SDK returns one document or null. */
export function docsOf(res: { data?: unknown }): Doc[] {
  const data = checked(res).data
  if (Array.isArray(data)) return data as Doc[]
  return data ? [data as Doc] : []
}

export function conflict(message: string, cause?: unknown): StoreUnavailableError {
  return new StoreUnavailableError(message, 'DATABASE_TRANSACTION_CONFLICT', cause)
}
