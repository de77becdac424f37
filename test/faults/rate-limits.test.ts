/**
 * Rate limits on creates per identity, over HTTP with a district configuration of small limits:
 * beyond the limit the answer is RATE_LIMITED, retryable, 请求过于频繁，请稍后再试, and nothing is
 * written; a retry of an accepted create is never refused; other identities are unaffected; the
 * next window admits again.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError, parseDistrictConfig } from '../../backend/config/district'
import { RATE_LIMITED_MESSAGE } from '../../backend/usecases/shared/rateLimit'
import { proxyLimitKey } from '../../backend/usecases/shared/proxyAgent'
import type { Deps } from '../../backend/deps'
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { checkInPayload } from '../support/authzWorld'
import { countRows, gridAskInput, mediationApplyInput, proxySubmitInput, serialPerKey } from '../support/creates'
import { districtConfigFile } from '../support/districtConfig'
import { recordFaults } from '../support/faultReport'
import { GRID1_POINT, idemKey, reportInput } from '../support/fixtures'
import { advance } from '../support/cases'
import { as, ROOT, startServer, type Client, type RunningServer } from '../support/server'

let srv: RunningServer
let resident: Client, resident2: Client, gw: Client, tenant: Client
/** One document number per idempotency key, so a replay sends the same registration. */
const serialOf = serialPerKey()

const LIMITS = {
  'reports.submit': { max: 3, windowMinutes: 10 },
  'proxy.report': { max: 2, windowMinutes: 10 },
  'proxy.checkIn': { max: 2, windowMinutes: 60 },
  'proxy.help': { max: 2, windowMinutes: 60 },
  'mediation.apply': { max: 2, windowMinutes: 60 },
  'grid.ask': { max: 2, windowMinutes: 10 },
  'rental.checkIn': { max: 2, windowMinutes: 60 },
}

beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0', JIEFANG_DISTRICT_CONFIG: districtConfigFile({ rateLimits: LIMITS }) } })
  ;[resident, resident2, gw, tenant] = await Promise.all(['demo-resident', 'demo-resident-2', 'demo-grid-worker', 'demo-tenant'].map((u) => as(srv.url, u)))
})
afterAll(async () => {
  await srv?.stop()
})

const cases = () => countRows(srv.dataDir, 'SELECT count(*) FROM cases')

const CREATES = [
  { action: 'reports.submit', who: () => resident, fn: 'reports', name: 'submit', data: (k: string) => reportInput({ idempotencyKey: k }) },
  // 代办: counted per agent, one limit per flow.
  { action: 'proxy.report', who: () => gw, fn: 'cases', name: 'proxySubmit', data: proxySubmitInput },
  { action: 'proxy.checkIn', who: () => gw, fn: 'rental', name: 'proxyCheckIn', data: (k: string) => ({ ...checkInPayload(DEMO_BUILDING_CODE, serialOf(k), k), declaration: true }) },
  { action: 'proxy.help', who: () => gw, fn: 'help', name: 'proxyRaise', data: (k: string) => ({ idempotencyKey: k, kind: 'other', text: '老人家摔倒了需要帮忙', location: GRID1_POINT, proxy: { name: '王秀英', phone: '13700001234' }, declaration: true }) },
  { action: 'mediation.apply', who: () => resident, fn: 'mediation', name: 'apply', data: mediationApplyInput },
  { action: 'grid.ask', who: () => resident, fn: 'grid', name: 'ask', data: gridAskInput },
  { action: 'rental.checkIn', who: () => tenant, fn: 'rental', name: 'checkIn', data: (k: string) => checkInPayload(DEMO_BUILDING_CODE, serialOf(k), k) },
] as const

it.each(CREATES.map((c) => [c.action, c] as const))('%s: refuses beyond the limit, keeps replays, writes nothing when refused', async (action, c) => {
  const max = LIMITS[action].max
  const keys = Array.from({ length: max }, idemKey)
  for (const k of keys) expect(await c.who().call(c.fn, c.name, c.data(k))).toMatchObject({ ok: true })
  const before = cases()
  const refused = await c.who().call(c.fn, c.name, c.data(idemKey()))
  // A refused request for help also offers the emergency numbers.
  expect(refused).toEqual({ ok: false, code: 'RATE_LIMITED', message: RATE_LIMITED_MESSAGE, retryable: true, ...(c.fn === 'help' ? { emergency: true } : {}) })
  expect(cases()).toBe(before)
  // A retry of an accepted create is answered from its claim, never refused.
  for (const k of keys) expect(await c.who().call(c.fn, c.name, c.data(k))).toMatchObject({ ok: true })
  expect(cases()).toBe(before)
  recordFaults({ name: `rate limit ${action} (max ${max})`, injected: 1, survived: 1, note: 'over-limit create refused, replays kept' })
})

it('limits each identity on its own, and the next window admits again', async () => {
  expect(await resident.call('reports', 'submit', reportInput())).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  expect(await resident2.call('reports', 'submit', reportInput())).toMatchObject({ ok: true })
  expect((await advance(srv.url, 0.2)).ok).toBe(true)
  expect(await resident.call('reports', 'submit', reportInput())).toMatchObject({ ok: true })
})

it('many concurrent creates from one identity admit exactly the limit', async () => {
  expect((await advance(srv.url, 0.2)).ok).toBe(true)
  const answers = await Promise.all(Array.from({ length: 20 }, () => resident2.call('reports', 'submit', reportInput())))
  expect(answers.filter((a) => a.ok)).toHaveLength(LIMITS['reports.submit'].max)
  expect(answers.filter((a) => !a.ok).every((a) => a.code === 'RATE_LIMITED')).toBe(true)
})

describe('rate limits as district data', () => {
  const base = () => JSON.parse(readFileSync(join(ROOT, 'settings/district.json'), 'utf8')) as Record<string, unknown>

  it('the default district limits every create of the product, and the probing reads', () => {
    expect(Object.keys(parseDistrictConfig(base(), 'default').rateLimits).sort()).toEqual(['account.setPhone', 'grid.ask', 'help.raise', 'hotline.order', 'mediation.apply', 'mediation.intake', 'open311.post', 'open311.read', 'proxy.checkIn', 'proxy.help', 'proxy.mediation', 'proxy.report', 'rental.checkIn', 'rental.reportMisuse', 'reports.duplicates', 'reports.submit'])
  })

  it('a configuration saved before the 代办 keys still limits 代办上报, under its old key cases.proxySubmit', () => {
    const limit = { max: 5, windowMinutes: 10 }
    const saved = (rateLimits: Record<string, typeof limit>) => ({ config: { rateLimits } }) as unknown as Deps
    expect(proxyLimitKey(saved({ 'cases.proxySubmit': limit }), 'report')).toBe('cases.proxySubmit')
    expect(proxyLimitKey(saved({ 'cases.proxySubmit': limit, 'proxy.report': limit }), 'report')).toBe('proxy.report')
    expect(proxyLimitKey(saved({ 'cases.proxySubmit': limit }), 'help')).toBe('proxy.help')
  })

  it('names every bad entry', () => {
    const bad = { ...base(), rateLimits: { 'reports.submit': { max: 0, windowMinutes: 10 }, submit: { max: 3, windowMinutes: 10 }, 'grid.ask': { max: 3, windowMinutes: 10_081 }, 'mediation.apply': { max: 1, windowMinutes: 1, burst: 2 } } }
    let message = ''
    try {
      parseDistrictConfig(bad, 'test.json')
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError)
      message = (e as Error).message
    }
    for (const path of ['rateLimits.reports.submit.max', 'rateLimits.submit', 'rateLimits.grid.ask.windowMinutes', 'rateLimits.mediation.apply']) expect(message).toContain(path)
  })
})
