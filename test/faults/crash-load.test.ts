/**
 * Crash during load: concurrent clients submit reports to the real local server, which is
 * killed (kill -9) at a random moment and restarted on the same data. Each client keeps a ledger
 * of the submits the server acknowledged (an ok answer) by idempotency key. Afterwards every
 * acknowledged report exists exactly once, every client retry with the same key gets the same
 * case, and the unacknowledged ones (lost in flight) land exactly once when retried.
 *
 * CRASH_REPORTS reports (default 300 for `npm test`; `npm run test:faults` runs 10,000).
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DB_FILE_NAME } from '../../backend/adapters/sqlite'
import { districtConfigFile } from '../support/districtConfig'
import { recordFaults } from '../support/faultReport'
import { idemKey, reportInput } from '../support/fixtures'
import { login, startServer, type RunningServer } from '../support/server'

const TOTAL = Math.max(50, Number(process.env.CRASH_REPORTS ?? 300) || 300)
const CLIENTS = 16
const USERS = ['demo-resident', 'demo-resident-2', 'demo-tenant', 'demo-building-manager']
const SEED = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : Math.floor(Math.random() * 2 ** 31)

/** A small deterministic PRNG so CRASH_SEED replays the kill moment. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

interface Sent {
  user: string
  key: string
}

async function submit(url: string, token: string, key: string): Promise<{ ok: true; caseId: string } | { ok: false; why: string }> {
  try {
    const res = await fetch(`${url}/api/fn/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'submit', data: reportInput({ idempotencyKey: key }) }),
    })
    const body = (await res.json()) as { ok: boolean; case?: { id: string }; code?: string }
    return body.ok && body.case ? { ok: true, caseId: body.case.id } : { ok: false, why: String(body.code) }
  } catch (e) {
    return { ok: false, why: (e as Error).message }
  }
}

let srv: RunningServer | undefined
afterAll(async () => {
  await srv?.stop()
})

it(
  `keeps every acknowledged report exactly once across a kill -9 under load (${TOTAL} reports, ${CLIENTS} clients)`,
  async () => {
    const random = rng(SEED)
    // Rate limits would refuse a load test by design; they have their own test.
    const env = { JIEFANG_TIMER_MS: '0', JIEFANG_DISTRICT_CONFIG: districtConfigFile({ rateLimits: {} }) }
    srv = await startServer({ env })
    const tokens = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await login(srv!.url, u)] as const)))
    const plan: Sent[] = Array.from({ length: TOTAL }, (_, i) => ({ user: USERS[i % USERS.length]!, key: idemKey() }))
    const killAfter = Math.floor(TOTAL * (0.2 + 0.6 * random()))
    const acked = new Map<string, string>() // user:key -> case id
    let crashed = false
    let next = 0
    let crashing: Promise<void> | undefined
    const url = srv.url
    const started = Date.now()

    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (!crashed && next < plan.length) {
          const s = plan[next++]!
          const r = await submit(url, tokens[s.user]!, s.key)
          if (r.ok) acked.set(`${s.user}:${s.key}`, r.caseId)
          if (!crashed && acked.size >= killAfter) {
            crashed = true
            crashing = srv!.crash()
          }
        }
      }),
    )
    await crashing
    const loadMs = Date.now() - started
    const sentBeforeCrash = next

    srv = await startServer({ dataDir: srv.dataDir, env })
    const db = new Database(join(srv.dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true })
    const storedAfterRestart = db.prepare("SELECT count(*) FROM cases WHERE kind = 'report'").pluck().get() as number

    // Every acknowledged key is already stored, once, as the case the client was told.
    const byKey = db.prepare("SELECT id FROM cases WHERE creator_id = ? AND idempotency_key = ? AND kind = 'report'").pluck()
    let lost = 0
    let wrong = 0
    for (const s of plan) {
      const caseId = acked.get(`${s.user}:${s.key}`)
      if (!caseId) continue
      const ids = byKey.all(s.user, s.key) as string[]
      if (ids.length === 0) lost++
      else if (ids.length > 1 || ids[0] !== caseId) wrong++
    }

    // Each client retries every key of its plan: acknowledged ones get their case back, the rest land now.
    let retryMismatch = 0
    let retryFailed = 0
    let cursor = 0
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (cursor < plan.length) {
          const s = plan[cursor++]!
          const r = await submit(srv!.url, tokens[s.user]!, s.key)
          if (!r.ok) retryFailed++
          else {
            const first = acked.get(`${s.user}:${s.key}`)
            if (first && first !== r.caseId) retryMismatch++
          }
        }
      }),
    )
    const groups = db.prepare("SELECT count(*) AS n FROM cases WHERE kind = 'report' GROUP BY creator_id, idempotency_key").pluck().all() as number[]
    const duplicated = groups.filter((n) => n > 1).reduce((a, n) => a + n - 1, 0)
    const storedFinal = groups.length
    db.close()

    const summary = `seed ${SEED}: sent ${sentBeforeCrash}, acknowledged ${acked.size}, killed after ${killAfter} acks (${loadMs} ms), stored at restart ${storedAfterRestart}, lost ${lost}, wrong case ${wrong}, duplicated ${duplicated}, after retries ${storedFinal}/${TOTAL}`
    console.log(`crash under load — ${summary}`)
    recordFaults({ name: `kill -9 under load (${TOTAL} reports, ${CLIENTS} clients)`, injected: 1, survived: lost + wrong + duplicated === 0 ? 1 : 0, acknowledged: acked.size, stored: storedAfterRestart, lost, duplicated, note: `seed ${SEED}` })

    expect({ lost, wrong, duplicated, retryMismatch, retryFailed }).toEqual({ lost: 0, wrong: 0, duplicated: 0, retryMismatch: 0, retryFailed: 0 })
    expect(storedAfterRestart).toBeGreaterThanOrEqual(acked.size)
    expect(storedFinal).toBe(TOTAL)
  },
  Math.max(120_000, TOTAL * 60),
)
