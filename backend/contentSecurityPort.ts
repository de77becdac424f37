import type { Failure } from '../src/core/outcome'

/** WeChat's verdict on a piece of content: publishable, needs a person's review, or not publishable. */
export type Suggest = 'pass' | 'review' | 'risky'

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
