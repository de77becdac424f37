import type { Failure } from '../core/outcome'

/** The phone has no network (or the request never left it): the person can do something about it. */
export const NETWORK_LOST = '网络不可用，请检查网络后重试'
/** The service failed or answered nonsense: nothing on the phone to fix, only to wait and try again. */
export const SERVER_DOWN = '服务暂时不可用，请稍后再试'

/** Server trouble (a 5xx, an unreadable answer): the same request may be sent again later. */
export function unavailable(): Failure {
  return { ok: false, code: 'UNAVAILABLE', message: SERVER_DOWN, retryable: true }
}

/** No network: the same request may be sent again once the phone is back online. */
export function networkLost(): Failure {
  return { ok: false, code: 'UNAVAILABLE', message: NETWORK_LOST, retryable: true }
}

/** What wx.request, wx.cloud and fetch say when the request never reached the service. */
const NEVER_ARRIVED = /request:fail|network ?error|failed to fetch|load failed|internet|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION|ENOTFOUND|EAI_AGAIN|ENETUNREACH|offline/i

/**
 * A transport that threw: lost network when the phone says it is offline or the error says the
 * request never left, else server trouble (an HTTP 5xx, a function that failed, a timeout on the way back).
 */
export function thrownFailure(err: unknown, offline: boolean): Failure {
  if (err instanceof TransportError) return offline ? networkLost() : unavailable()
  const o = err as { message?: unknown; errMsg?: unknown } | null
  const text = typeof err === 'string' ? err : `${String(o?.message ?? '')} ${String(o?.errMsg ?? '')}`
  return offline || NEVER_ARRIVED.test(text) ? networkLost() : unavailable()
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
