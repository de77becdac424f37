/**
 * Retries and races at the function level, over HTTP to the real local server: the same create
 * sent 20 times (one after another and all at once) makes one case; 100 concurrent claims of one
 * case have exactly one winner and 99 clear conflicts; two staff editing one case never lose an
 * update (optimistic version).
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DB_FILE_NAME } from '../../backend/adapters/sqlite'
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { checkInPayload } from '../support/authzWorld'
import { countRows as countIn, gridAskInput, mediationApplyInput, proxySubmitInput, serialPerKey } from '../support/creates'
import { GRID1_CODE, idemKey, reportInput } from '../support/fixtures'
import { recordFaults } from '../support/faultReport'
import { submitReport } from '../support/cases'
import { as, startServer, type Client, type RunningServer } from '../support/server'

let srv: RunningServer
let resident: Client, gw: Client, disp: Client, tenant: Client
/** One document number per idempotency key: the 20 sends of a key are one registration. */
const serialOf = serialPerKey()

beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
  ;[resident, gw, disp, tenant] = await Promise.all(['demo-resident', 'demo-grid-worker', 'demo-dispatcher', 'demo-tenant'].map((u) => as(srv.url, u)))
})
afterAll(async () => {
  await srv?.stop()
})

const countRows = (sql: string, ...params: unknown[]) => countIn(srv.dataDir, sql, ...params)

/** Each create: who sends it, how to build its payload from a key, and how to read the created id. */
const CREATES: Array<{ name: string; who: () => Client; fn: string; action: string; data: (key: string) => unknown; id: (r: any) => string; count: (id: string) => number }> = [
  { name: 'reports.submit', who: () => resident, fn: 'reports', action: 'submit', data: (k) => reportInput({ idempotencyKey: k }), id: (r) => r.case.id, count: (id) => countRows('SELECT count(*) FROM cases WHERE id = ?', id) },
  { name: 'cases.proxySubmit', who: () => gw, fn: 'cases', action: 'proxySubmit', data: proxySubmitInput, id: (r) => r.case.id, count: (id) => countRows('SELECT count(*) FROM cases WHERE id = ?', id) },
  { name: 'mediation.apply', who: () => resident, fn: 'mediation', action: 'apply', data: mediationApplyInput, id: (r) => r.case.id, count: (id) => countRows('SELECT count(*) FROM cases WHERE id = ?', id) },
  { name: 'grid.ask', who: () => resident, fn: 'grid', action: 'ask', data: gridAskInput, id: (r) => r.caseId, count: (id) => countRows('SELECT count(*) FROM cases WHERE id = ?', id) },
  {
    name: 'rental.checkIn',
    who: () => tenant,
    fn: 'rental',
    action: 'checkIn',
    data: (k) => checkInPayload(DEMO_BUILDING_CODE, serialOf(k), k),
    id: (r) => r.registration.id,
    count: (id) => countRows('SELECT count(*) FROM cases WHERE id = ?', id) + countRows('SELECT count(*) FROM registration_secrets WHERE case_id = ?', id) - 1,
  },
  {
    name: 'grid.publish',
    who: () => gw,
    fn: 'grid',
    action: 'publish',
    data: (k) => ({ idempotencyKey: k, type: 'notice', title: '停水通知', body: '明天上午九点至十二点停水，请提前储水。', target: { kind: 'grids', codes: [GRID1_CODE] } }),
    id: (r) => r.announcement.id,
    count: (id) => countRows('SELECT count(*) FROM announcements WHERE id = ?', id),
  },
]

describe('the same create sent 20 times yields exactly one', () => {
  it.each(CREATES.map((c) => [c.name, c] as const))('%s, sequentially and concurrently', async (_name, c) => {
    for (const mode of ['sequential', 'concurrent'] as const) {
      const key = idemKey()
      const send = () => c.who().call(c.fn, c.action, c.data(key))
      const answers: any[] = []
      if (mode === 'sequential') for (let i = 0; i < 20; i++) answers.push(await send())
      else answers.push(...(await Promise.all(Array.from({ length: 20 }, send))))
      for (const a of answers) expect(a).toMatchObject({ ok: true })
      const ids = new Set(answers.map(c.id))
      expect(ids.size).toBe(1)
      expect(c.count([...ids][0]!)).toBe(1)
      recordFaults({ name: `retry ×20 ${mode}: ${c.name}`, injected: 20, survived: ids.size === 1 ? 20 : 0, stored: 1, duplicated: ids.size - 1 })
    }
  })
})

describe('100 concurrent moves of one case', () => {
  async function race(n: number, send: () => Promise<any>) {
    const answers = await Promise.all(Array.from({ length: n }, send))
    const won = answers.filter((a) => a.ok)
    const lost = answers.filter((a) => !a.ok)
    return { won, lost }
  }

  it('accept: exactly one grid worker or dispatcher wins, the others get CONFLICT with a Chinese message', async () => {
    const c = await submitReport(resident)
    const staff = [gw, disp]
    let i = 0
    const { won, lost } = await race(100, () => staff[i++ % 2]!.call('cases', 'act', { id: c.id, action: 'accept', version: c.version }))
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(99)
    for (const a of lost) expect(a).toMatchObject({ ok: false, code: 'CONFLICT', retryable: true, message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
    expect(countRows("SELECT count(*) FROM timeline WHERE case_id = ? AND action = 'accept'", c.id)).toBe(1)
    expect(countRows('SELECT version FROM cases WHERE id = ?', c.id)).toBe(c.version + 1)
    recordFaults({ name: 'race: 100 concurrent accepts of one case', injected: 100, survived: 100, note: `1 won, ${lost.length} CONFLICT` })
  })

  it('assign: 100 concurrent assignments to different workers leave one assignee, one timeline row', async () => {
    const c = await submitReport(resident)
    const accepted = await disp.call('cases', 'act', { id: c.id, action: 'accept', version: c.version })
    expect(accepted).toMatchObject({ ok: true })
    const workers = ['demo-grid-worker', 'demo-grid-worker-2']
    let i = 0
    const { won, lost } = await race(100, () => disp.call('cases', 'act', { id: c.id, action: 'assign', version: accepted.case.version, assigneeId: workers[i++ % 2] }))
    expect(won).toHaveLength(1)
    for (const a of lost) expect(a).toMatchObject({ ok: false, code: 'CONFLICT', retryable: true })
    const stored = countRows("SELECT count(*) FROM timeline WHERE case_id = ? AND action = 'assign'", c.id)
    expect(stored).toBe(1)
    const db = new Database(join(srv.dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true })
    const row = db.prepare('SELECT assignee_id, status FROM cases WHERE id = ?').get(c.id) as { assignee_id: string; status: string }
    db.close()
    expect(row.status).toBe('assigned')
    expect(workers).toContain(row.assignee_id)
    recordFaults({ name: 'race: 100 concurrent assignments of one case', injected: 100, survived: 100, note: `1 won, ${lost.length} CONFLICT` })
  })

  it('two staff editing one case: the slower one is told to refresh, and both updates land after it does', async () => {
    const c = await submitReport(resident)
    const a = await gw.call('cases', 'get', { id: c.id })
    const b = await disp.call('cases', 'get', { id: c.id })
    expect(await gw.call('cases', 'act', { id: c.id, action: 'accept', version: a.case.version })).toMatchObject({ ok: true })
    // The dispatcher acted on the page it read before the accept: refused, nothing overwritten.
    const stale = await disp.call('cases', 'act', { id: c.id, action: 'escalate', version: b.case.version, note: '需要街道协调' })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', retryable: true })
    const fresh = await disp.call('cases', 'get', { id: c.id })
    expect(fresh.case.status).toBe('accepted')
    const assigned = await disp.call('cases', 'act', { id: c.id, action: 'assign', version: fresh.case.version, assigneeId: 'demo-grid-worker-2' })
    expect(assigned).toMatchObject({ ok: true, case: { status: 'assigned' } })
    const timeline = (await disp.call('cases', 'get', { id: c.id })).timeline.map((e: { action: string }) => e.action)
    expect(timeline).toEqual(['submit', 'accept', 'assign'])
  })
})
