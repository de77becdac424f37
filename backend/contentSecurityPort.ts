import type { Failure } from '../src/core/outcome'

/** WeChat's verdict on a piece of content: publishable, needs a person's review, or not publishable. */
export type Suggest = 'pass' | 'review' | 'risky'

export const SUGGESTS: readonly Suggest[] = ['pass', 'review', 'risky']

/** The result of an asynchronous image check, as the `wxa_media_check` message push delivers it. */
export interface MediaCheckResult {
  traceId: string
  suggest: Suggest
  /** WeChat's category of what it found (100 normal, 20001 politics, 20002 porn …). */
  label: number
}

/**
 * WeChat content security (内容安全) for what the public may see. Text answers at once; an image
 * answers a trace id and its verdict arrives later through the `wxa_media_check` push. Failures
 * (the platform down, an OPENID WeChat does not accept) come back as values, never as throws.
 */
export interface ContentSecurity {
  /** `openid`: a WeChat user who used the mini-program within the last two hours (WeChat's rule). */
  checkText(text: string, openid?: string): Promise<{ ok: true; suggest: Suggest; label: number } | Failure>
  /** `url`: where WeChat can fetch the image. */
  checkImage(url: string, openid?: string): Promise<{ ok: true; traceId: string } | Failure>
}

/**
 * The `wxa_media_check` message push (version 2), or null for anything else:
 * `{ MsgType: 'event', Event: 'wxa_media_check', trace_id, version: 2, errcode, result: { suggest, label } }`.
 * A push whose check itself failed (errcode ≠ 0) carries no verdict and reads as 'review'.
 */
export function parseMediaCheckPush(event: unknown): MediaCheckResult | null {
  if (typeof event !== 'object' || event === null) return null
  const e = event as { MsgType?: unknown; Event?: unknown; trace_id?: unknown; errcode?: unknown; result?: { suggest?: unknown; label?: unknown } | null }
  if (e.MsgType !== 'event' || e.Event !== 'wxa_media_check') return null
  if (typeof e.trace_id !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(e.trace_id)) return null
  const failed = typeof e.errcode === 'number' && e.errcode !== 0
  const suggest = e.result && typeof e.result === 'object' ? e.result.suggest : undefined
  if (!failed && !SUGGESTS.includes(suggest as Suggest)) return null
  const label = e.result && typeof e.result.label === 'number' ? e.result.label : 0
  return { traceId: e.trace_id, suggest: failed ? 'review' : (suggest as Suggest), label }
}

export function isMediaCheckPush(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Event?: unknown }).Event === 'wxa_media_check'
}
