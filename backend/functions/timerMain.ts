import { randomUUID } from 'node:crypto'
import { fail } from '../../src/core/outcome'
import { deps, type Deps } from '../runtime'

/** Context fields that name a caller: a mini-program user, a web user (anonymous ones too), a custom sign-in. */
export const CALLER_KEYS = ['WX_OPENID', 'WX_UNIONID', 'TCB_UUID', 'TCB_CUSTOM_USER_ID'] as const

/**
 * Whether the invocation names a caller. A CloudBase timer trigger carries nobody; a client's
 * callFunction always carries its OPENID or uid, and a call through the local server carries its
 * Authorization header (even an empty one) — the server's own scheduler passes a bare `{}`.
 * The event is not consulted: `{ Type: 'Timer' }` is whatever a caller chooses to send.
 * `keys` narrows which fields count, for an entry point that admits some callers.
 */
export function carriesCaller(context: unknown, keys: readonly string[] = CALLER_KEYS): boolean {
  if (typeof context !== 'object' || context === null) return false
  const c = context as { jiefangLocal?: unknown; environment?: unknown; environ?: unknown }
  if (c.jiefangLocal !== undefined) return true
  const env = invocationEnv(c.environment, c.environ)
  // A context the runtime would not have written is not a trigger's.
  if (env === 'unreadable') return true
  return keys.some((k) => typeof env[k] === 'string' && env[k] !== '')
}

/**
 * The invocation's own variables, as the SDK's parseContext reads them (`environment` JSON, or the
 * old runtime's `environ` "K=V;K=V"). The process environment is not consulted: a warm instance
 * may still hold an earlier caller's, and a real trigger must not be refused for it.
 */
function invocationEnv(environment: unknown, environ: unknown): Record<string, unknown> | 'unreadable' {
  if (environment !== undefined && environment !== null && environment !== '') {
    if (typeof environment !== 'string') return 'unreadable'
    try {
      const parsed: unknown = JSON.parse(environment)
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : 'unreadable'
    } catch {
      return 'unreadable'
    }
  }
  if (environ === undefined || environ === null) return {}
  if (typeof environ !== 'string') return 'unreadable'
  const out: Record<string, string> = {}
  for (const pair of environ.split(';')) {
    const i = pair.indexOf('=')
    if (i > 0) out[pair.slice(0, i)] = pair.slice(i + 1)
  }
  return out
}

/**
 * A timer function's `main` (CloudBase timer trigger; an interval in the local server). It takes no
 * input and acts only as the system through guarded transitions, so an extra invocation changes
 * nothing that was not already due; still, a call from any caller is refused before it runs.
 * A failure is logged and answered, never thrown.
 */
export function defineTimer(name: string, tick: (d: Deps) => Promise<object>) {
  return async function main(_event: unknown, context: unknown): Promise<object> {
    const requestId = randomUUID()
    if (carriesCaller(context)) {
      console.warn(JSON.stringify({ level: 'warn', fn: name, requestId, msg: 'refused a timer call that carries a caller' }))
      return fail('FORBIDDEN', '定时任务只能由系统触发')
    }
    try {
      return { ok: true, ...(await tick(deps())) }
    } catch (e) {
      const retry = e instanceof Error && e.name === 'StoreUnavailableError'
      console.error(JSON.stringify({ level: 'error', fn: name, requestId, msg: e instanceof Error ? `${e.name}: ${e.message}` : 'unknown' }))
      return { ok: false, code: retry ? 'UNAVAILABLE' : 'INTERNAL', message: '定时任务执行失败，下次触发时会重试' }
    }
  }
}
