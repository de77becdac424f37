/**
 * Outbox faults: the receiver of subscribe messages (the Notifier port — WeChat in production)
 * first fails, then hangs past the delivery timeout, then recovers after the store is closed and
 * reopened (a server restart), all within a push's tries (PUSH_ATTEMPTS; past them a push is set
 * aside, test/cloudbase/subscribePush.test.ts). Every event reaches the inbox at once whatever the
 * receiver does, and the receiver at least once, in order per case, none lost; every outbox
 * message ends delivered and every inbox row exists once.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monotonicFactory } from 'ulid'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Notifier, Store, SubscribeMessage } from '../../backend/ports'
import type { Deps } from '../../backend/runtime'
import { seedDemo } from '../../backend/seed/seed'
import { actorOf } from '../../backend/usecases/shared/actor'
import { act } from '../../backend/usecases/report/act'
import { submit } from '../../backend/usecases/report/submit'
import { recordFaults } from '../support/faultReport'
import { reportInput } from '../support/fixtures'
import { drainOutbox, localDeps } from '../support/localDeps'

const TEMPLATE = 'tpl-case-status'
const CASES = 12

type Phase = 'fail' | 'hang' | 'ok'

/** A receiver whose behaviour the test switches: throws, never answers, or records. */
class Receiver implements Notifier {
  phase: Phase = 'fail'
  received: Array<{ caseId: string; title: string; openid: string }> = []
  attempts = 0
  async sendSubscribe(msg: SubscribeMessage): Promise<void> {
    this.attempts++
    if (this.phase === 'fail') throw new Error('receiver answered 502')
    if (this.phase === 'hang') return new Promise<void>(() => undefined)
    this.received.push({ caseId: /id=([0-9A-Z]+)/.exec(msg.page)![1]!, title: msg.data.thing1!.value, openid: msg.openid })
  }
}

let nowMs = Date.parse('2026-03-02T01:00:00Z')
const clock = { now: () => new Date(nowMs) }
const ulid = monotonicFactory(() => 0.5)

function depsFor(store: Store, notifier: Notifier): Deps {
  // Long-term: every event the resident is told of goes out (a one-time consent buys only the outcome).
  const caseProgress = { id: TEMPLATE, long: true, fields: { title: 'thing1', status: 'phrase2', time: 'time3' } }
  const config = { ...defaultDistrictConfig(), subscribeTemplates: { caseProgress, mediation: null, checkinDecision: null, gridEmergency: null }, rateLimits: {} }
  return localDeps(store, { notifier, clock, newId: () => ulid(nowMs), config })
}

const drain = (d: Deps, rounds: number, timeoutMs: number) => drainOutbox(d, rounds, timeoutMs, () => (nowMs += 2 * 3600 * 1000)) // past the longest back-off

it('delivers every event at least once, in order per case, through failures, hangs and a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jf-outbox-'))
  let store: Store = openSqliteStore(dir)
  await seedDemo(store)
  const resident = (await store.getUser('demo-resident'))!
  await store.putUser({ ...resident, openid: 'o-resident' })
  await store.addSubscribeQuota('demo-resident', TEMPLATE, 10_000)
  const receiver = new Receiver()
  let d = depsFor(store, receiver)
  const citizen = actorOf((await store.getUser('demo-resident'))!)
  const worker = actorOf((await store.getUser('demo-grid-worker'))!)

  const ids: string[] = []
  for (let i = 0; i < CASES; i++) {
    const r = await submit(d, citizen, reportInput())
    if (!r.ok) throw new Error(`submit: ${r.code} ${r.message}`)
    ids.push(r.case.id)
  }
  const move = async (action: string, extra: Record<string, unknown> = {}) => {
    for (const id of ids) {
      const c = (await d.store.getCase(id))!
      const r = await act(d, worker, { id, action, version: c.version, ...extra })
      if (!r.ok) throw new Error(`${action}: ${r.code} ${r.message}`)
    }
  }

  // Phase 1: the receiver fails; its pushes wait, the inbox does not.
  await move('accept')
  const failing = await drain(d, 3, 1000)
  expect(receiver.received).toHaveLength(0)
  expect((await store.listInbox('demo-resident', { limit: 100 })).filter((i) => ids.includes(i.caseId ?? ''))).toHaveLength(CASES)

  // Phase 2: the receiver hangs; each delivery is cut off at the timeout and retried later.
  receiver.phase = 'hang'
  await move('start')
  const hanging = await drain(d, 2, 50)
  expect(receiver.received).toHaveLength(0)

  // Restart: the store is closed and opened again; the receiver has recovered.
  await store.close()
  store = openSqliteStore(dir)
  d = depsFor(store, receiver)
  receiver.phase = 'ok'
  await move('escalate', { note: '需要街道协调处理' })
  const recovered = await drain(d, 8, 1000)

  const undelivered = (await store.dueMessages(new Date(nowMs + 365 * 24 * 3600 * 1000).toISOString(), 10_000)).length
  const expected = ['事项已受理', '事项处置中', '事项已上报上级']
  let outOfOrder = 0
  let lost = 0
  let duplicates = 0
  for (const id of ids) {
    // The message's title leads with the case number when it fits (京溪-2026-00042 事项已受理).
    const got = receiver.received.filter((r) => r.caseId === id && r.openid === 'o-resident').map((r) => r.title.replace(/^\S+-\d{4}-\d{5} /, ''))
    const collapsed = got.filter((t, i) => t !== got[i - 1])
    duplicates += got.length - collapsed.length
    lost += expected.filter((t) => !collapsed.includes(t)).length
    if (JSON.stringify(collapsed) !== JSON.stringify(expected)) outOfOrder++
  }
  // Inbox rows are keyed by message and user: redelivery wrote none twice.
  const inbox = await store.listInbox('demo-resident', { limit: 100 })
  const inboxIds = inbox.map((i) => i.id)
  expect(new Set(inboxIds).size).toBe(inboxIds.length)
  expect(inbox.filter((i) => ids.includes(i.caseId ?? ''))).toHaveLength(ids.length * expected.length)

  recordFaults({
    name: `outbox: receiver fails, hangs, store restarts (${CASES} cases × ${expected.length} events)`,
    injected: failing.failed + hanging.failed + 1,
    survived: lost === 0 && outOfOrder === 0 ? failing.failed + hanging.failed + 1 : 0,
    acknowledged: ids.length * expected.length,
    stored: receiver.received.length - duplicates,
    lost,
    duplicated: 0,
    note: `${receiver.attempts} attempts, ${duplicates} redeliveries (at least once)`,
  })
  expect({ undelivered, lost, outOfOrder }).toEqual({ undelivered: 0, lost: 0, outOfOrder: 0 })
  expect(failing.failed).toBeGreaterThanOrEqual(CASES)
  expect(hanging.failed).toBeGreaterThanOrEqual(CASES)
  expect(recovered.delivered).toBeGreaterThanOrEqual(CASES * 2)
  await store.close()
}, 60_000)
