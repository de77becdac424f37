/**
 * Timer functions at their handler: a call whose context names a caller — a mini-program OPENID, a
 * web uid (anonymous too), a local session — is refused before anything runs, whatever its event
 * says; a CloudBase timer trigger's context names nobody and runs.
 */
import { main as rentalTimer } from '../../backend/functions/rental-timer'
import { main as slaTimer } from '../../backend/functions/sla-timer'
import { carriesCaller } from '../../backend/functions/timerMain'
import { useDeps, type Deps } from '../../backend/runtime'
import { clearedEnvForEachTest } from '../support/env'

/** An SCF invocation context as the runtime passes it to `main(event, context)`. */
function scfContext(environment: Record<string, string>) {
  return { request_id: 'req-timer-1', function_name: 'sla-timer', namespace: 'test-env', memory_limit_in_mb: 256, time_limit_in_ms: 60000, environment: JSON.stringify(environment) }
}

const TRIGGER_EVENT = { Type: 'Timer', TriggerName: 'every-minute', Time: '2026-12-06T03:00:00Z' }
let touched: number

clearedEnvForEachTest(['WX_OPENID', 'TCB_UUID', 'WX_CONTEXT_KEYS', 'TCB_CONTEXT_KEYS'])
beforeEach(() => {
  touched = 0
  // Any use of the dependencies counts: a refused call must not reach them.
  useDeps(new Proxy({}, { get: () => void touched++ }) as unknown as Deps)
})
afterEach(() => {
  useDeps(undefined)
})

describe.each([
  ['sla-timer', slaTimer],
  ['rental-timer', rentalTimer],
])('%s', (_name, main) => {
  it.each([
    ['a mini-program OPENID', scfContext({ WX_OPENID: 'oCaller123456', WX_APPID: 'wx123', TCB_ENV: 'test-env' })],
    ['a signed-in web uid', scfContext({ TCB_UUID: 'uid-web-0001', TCB_ISANONYMOUS_USER: 'false', TCB_ENV: 'test-env' })],
    ['an anonymous web uid', scfContext({ TCB_UUID: 'uid-anon-0001', TCB_ISANONYMOUS_USER: 'true', TCB_ENV: 'test-env' })],
    ['a local session', { jiefangLocal: { authorization: 'Bearer abc' } }],
    ['a local call with no session', { jiefangLocal: { authorization: null } }],
  ])('refuses a call carrying %s, even with a timer event', async (_what, context) => {
    expect(await main(TRIGGER_EVENT, context)).toEqual({ ok: false, code: 'FORBIDDEN', message: '定时任务只能由系统触发' })
    expect(touched).toBe(0)
  })
})

it('takes a CloudBase timer trigger\'s context and the local scheduler\'s for the system', () => {
  expect(carriesCaller(scfContext({ TCB_ENV: 'test-env', SCF_NAMESPACE: 'test-env', TRIGGER_SRC: 'timer' }))).toBe(false)
  expect(carriesCaller({})).toBe(false)
  expect(carriesCaller(undefined)).toBe(false)
})

it('reads the old runtime\'s `environ` text, and not the process environment a warm instance may keep', () => {
  expect(carriesCaller({ environ: 'WX_APPID=wx123;WX_OPENID=oOLD12345;TCB_ENV=test-env' })).toBe(true)
  expect(carriesCaller({ environ: 'TCB_ENV=test-env;TRIGGER_SRC=timer' })).toBe(false)
  expect(carriesCaller({ environment: 'not json' })).toBe(true)
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_OPENID = 'oEarlierCaller1'
  expect(carriesCaller(scfContext({ TCB_ENV: 'test-env' }))).toBe(false)
})
