import { randomUUID } from 'node:crypto'
import { deps, type Deps } from '../runtime'

/**
 * A timer function's `main` (CloudBase timer trigger; an interval in the local server). It takes no
 * input and acts only as the system through guarded transitions, so an extra invocation by anyone
 * changes nothing that was not already due; a failure is logged and answered, never thrown.
 */
export function defineTimer(name: string, tick: (d: Deps) => Promise<object>) {
  return async function main(_event: unknown, _context: unknown): Promise<object> {
    const requestId = randomUUID()
    try {
      return { ok: true, ...(await tick(deps())) }
    } catch (e) {
      const retry = e instanceof Error && e.name === 'StoreUnavailableError'
      console.error(JSON.stringify({ level: 'error', fn: name, requestId, msg: e instanceof Error ? `${e.name}: ${e.message}` : 'unknown' }))
      return { ok: false, code: retry ? 'UNAVAILABLE' : 'INTERNAL', message: '定时任务执行失败，下次触发时会重试' }
    }
  }
}
