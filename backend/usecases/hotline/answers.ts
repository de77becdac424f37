import type { HttpResponse } from '../shared/httpWire'

/**
 * What the hotline endpoint answers, before it becomes HTTP: JSON either way. Codes are stable
 * for the platform's programs; messages are Chinese for its operators.
 */
export interface HotlineAnswer {
  status: number
  body: { ok: true; caseNumber: string | null; duplicate?: true } | HotlineErrorBody
}

export interface HotlineErrorBody {
  ok: false
  code: HotlineErrorCode
  message: string
  /** By our field name (`callerPhone`), naming where the platform put it. */
  details?: Record<string, string>
}

export type HotlineErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  /** The signature holds but its timestamp lies outside the window: a replay, or a clock far off. */
  | 'TIMESTAMP_EXPIRED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'OUT_OF_AREA'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAVAILABLE'
  | 'INTERNAL'

export function hotlineError(status: number, code: HotlineErrorCode, message: string, details?: Record<string, string>): HotlineAnswer {
  return { status, body: { ok: false, code, message, ...(details ? { details } : {}) } }
}

export function httpOf(a: HotlineAnswer, extra: Record<string, string> = {}): HttpResponse {
  return { status: a.status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra }, body: JSON.stringify(a.body) }
}
