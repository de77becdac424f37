import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { fail, isFailure, type Failure } from '../../src/core/outcome'
import type { Actor } from '../../src/core/roles'
import { deps, type Deps } from '../runtime'
import { resolveCaller, UNBOUND_WEB_MESSAGE, type Caller } from '../usecases/shared/actor'
import { originFromContext, withRequestOrigin } from '../usecases/shared/requestOrigin'
import { parseInput } from './validate'

export interface ActionDef<S extends z.ZodTypeAny> {
  input: S
  run(d: Deps, actor: Actor, input: z.infer<S>): Promise<object>
  /** Set for the few actions that also serve a web sign-in not yet bound to staff (redeeming an invitation). */
  runForCaller?(d: Deps, caller: Caller, input: z.infer<S>): Promise<object>
}

/** With `runForCaller`, the action sees how the caller signed in, bound or not, and `run` is not used by the boundary. */
export function action<S extends z.ZodTypeAny>(input: S, run: ActionDef<S>['run'], runForCaller?: ActionDef<S>['runForCaller']): ActionDef<S> {
  return runForCaller ? { input, run, runForCaller } : { input, run }
}

/**
 * A use case required on its first call instead of at a cold start: code that it alone needs is
 * built into a file beside the bundle (scripts/build-functions.mjs, LAZY_PARTS). `load` names the
 * use case that runs (test/rules/actionFiles.test.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyRun<R extends (...args: any[]) => Promise<object>>(load: () => R): R & { load: () => R } {
  const run = ((...args: Parameters<R>) => load()(...args)) as R
  return Object.assign(run, { load })
}

const eventSchema = z.object({ action: z.string().min(1).max(64), data: z.unknown().optional() }).passthrough()

/**
 * A cloud function's `main`: validate the event, take the caller from the platform context
 * (never from the payload), run the action, and answer `{ ok: true, ... }` or
 * `{ ok: false, code, message }` — never throw to the platform.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineFunction(name: string, actions: Record<string, ActionDef<any>>) {
  return async function main(event: unknown, context: unknown): Promise<object> {
    const requestId = platformRequestId(context) ?? randomUUID()
    try {
      const ev = eventSchema.safeParse(event)
      if (!ev.success) return fail('VALIDATION', '请求格式错误：缺少操作名称')
      const def = Object.prototype.hasOwnProperty.call(actions, ev.data.action) ? actions[ev.data.action] : undefined
      if (!def) return fail('VALIDATION', '不支持的操作', { action: `${name}.${ev.data.action.slice(0, 64)}` })
      const d = deps()
      // A cold instance (or one whose caches ran out) reads the org tree, the configuration and the
      // caller at once rather than one after another (two CloudBase round trips less before the
      // action); warm, the tree and the configuration are in memory. A failed tree read is the
      // action's to meet, when it asks for the tree; a failed configuration read fails the call.
      d.orgTree().catch(() => undefined)
      const configReady = d.refreshConfig?.() ?? Promise.resolve()
      configReady.catch(() => undefined)
      const caller = await resolveCaller(d, context, configReady)
      await configReady
      if (!caller) return fail('UNAUTHENTICATED', '请先登录')
      if (isFailure(caller)) return caller
      const { actor } = caller
      // An unbound web sign-in reaches only the actions made for it, and is told to bind first.
      if (!actor && !def.runForCaller) return fail('UNAUTHENTICATED', UNBOUND_WEB_MESSAGE)
      const parsed = parseInput(def.input, ev.data.data ?? {})
      if (!parsed.ok) return parsed
      return await withRequestOrigin(originFromContext(context), () =>
        def.runForCaller ? def.runForCaller(d, caller, parsed.value) : def.run(d, actor as Actor, parsed.value),
      )
    } catch (e) {
      return failureFor(e, name, requestId)
    }
  }
}

/**
 * The id the platform gave this call (CloudBase's request_id, the local server's requestId), so a
 * function's log line can be matched to the platform's; only a plain token is taken.
 */
function platformRequestId(context: unknown): string | null {
  const c = context as { request_id?: unknown; requestId?: unknown } | null
  const id = c?.request_id ?? c?.requestId
  return typeof id === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(id) ? id : null
}

function failureFor(e: unknown, name: string, requestId: string): Failure {
  // By name, not instanceof: in the local server one shared store may come from another bundle.
  if (e instanceof Error && e.name === 'StoreUnavailableError') {
    log('warn', name, requestId, `store unavailable: ${(e as Error & { code?: string }).code ?? ''}`)
    return { ...fail('UNAVAILABLE', '系统繁忙，请稍后重试'), retryable: true }
  }
  // Log the error class and message only: payloads may carry personal data.
  log('error', name, requestId, e instanceof Error ? `${e.name}: ${e.message}` : 'non-error thrown')
  return fail('INTERNAL', `系统出错，请稍后重试（编号 ${requestId.slice(0, 8)}）`)
}

function log(level: 'warn' | 'error', fn: string, requestId: string, msg: string): void {
  console[level](JSON.stringify({ level, fn, requestId, msg }))
}
