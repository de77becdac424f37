import type { Failure } from '../core/outcome'

/** What pages show for any network or server trouble; the same request may be sent again. */
export function unavailable(): Failure {
  return { ok: false, code: 'UNAVAILABLE', message: '网络不可用，请稍后重试', retryable: true }
}

export function unauthenticated(): Failure {
  return { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' }
}

/** A function answer must be `{ ok: boolean, ... }`; anything else means something in between broke. */
export function isAnswer(x: unknown): x is { ok: boolean } {
  return typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean'
}

/** Thrown by transports for HTTP statuses that mean "server trouble, try again". */
export class TransportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TransportError'
  }
}
