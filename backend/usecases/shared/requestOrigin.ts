import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The scheme and host the local server was reached at, for the length of one function call: a QR
 * of an H5 link must point where the person who prints it reached the app, not at 127.0.0.1.
 * CloudBase calls carry none (codes there are 小程序码).
 */
const current = new AsyncLocalStorage<string | null>()

export function withRequestOrigin<T>(origin: string | null, run: () => Promise<T>): Promise<T> {
  return current.run(origin, run)
}

export function requestOrigin(): string | null {
  return current.getStore() ?? null
}

/** Only a plain `http(s)://host[:port]` the local server put into the context is taken. */
export function originFromContext(context: unknown): string | null {
  const o = (context as { jiefangLocal?: { origin?: unknown } } | null)?.jiefangLocal?.origin
  return typeof o === 'string' && /^https?:\/\/[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/.test(o) ? o : null
}
