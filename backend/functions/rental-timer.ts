import { randomUUID } from 'node:crypto'
import { deps } from '../runtime'
import { rentalTick } from '../usecases/rental/timer'

/**
 * The daily rental job (CloudBase timer trigger, see cloudfunctions/rental-timer/config.json;
 * the local server runs it with the other timers). It takes no input and acts only as the
 * system through guarded transitions, so an extra invocation changes nothing not yet due.
 */
export async function main(_event: unknown, _context: unknown): Promise<object> {
  const requestId = randomUUID()
  try {
    return { ok: true, ...(await rentalTick(deps())) }
  } catch (e) {
    const retry = e instanceof Error && e.name === 'StoreUnavailableError'
    console.error(JSON.stringify({ level: 'error', fn: 'rental-timer', requestId, msg: e instanceof Error ? `${e.name}: ${e.message}` : 'unknown' }))
    return { ok: false, code: retry ? 'UNAVAILABLE' : 'INTERNAL', message: '定时任务执行失败，下次触发时会重试' }
  }
}
