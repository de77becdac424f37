/**
 * Store methods the shared contract does not cover yet (newer CaseQuery filters, stats,
 * inbox, follows, subscribe quota), run through the real SDK against the loopback fake.
 */
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import type { InboxItem } from '../../backend/ports'
import { at, caseId, makeCase } from '../contract/fixtures'
import { FakeCloudbase, parseEjsonText } from './fakeCloudbase'
import { cloudbaseForEachTest } from './sdkApp'

let fake: FakeCloudbase
let store: CloudbaseStore
cloudbaseForEachTest((f, s) => ([fake, store] = [f, s]))

const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id)

describe('newer case filters', () => {
  const c1 = makeCase({ id: caseId(1), createdAt: at(1), slaDeadline: at(30), payload: { department: '城管' } })
  const c2 = makeCase({ id: caseId(2), createdAt: at(2), slaDeadline: null, payload: { department: '住建' } })
  const c3 = makeCase({ id: caseId(3), createdAt: at(3), slaDeadline: at(10), status: 'closed', payload: { department: '城管', resolvedAt: at(63) } })

  beforeEach(async () => {
    await store.transaction(async (tx) => {
      for (const c of [c1, c2, c3]) await tx.insertCase(c)
    })
  })

  it('filters by createdBefore, department, slaBefore and ids', async () => {
    expect(ids(await store.listCases({ createdBefore: at(3) }))).toEqual([c2.id, c1.id])
    expect(ids(await store.listCases({ createdAfter: at(1), createdBefore: at(3) }))).toEqual([c2.id])
    expect(ids(await store.listCases({ department: '城管' }))).toEqual([c3.id, c1.id])
    expect(ids(await store.listCases({ slaBefore: at(20) }))).toEqual([c3.id])
    expect(await store.countCases({ slaBefore: at(100) })).toBe(2)
    expect(ids(await store.listCases({ ids: [c1.id, c2.id, 'nope'] }))).toEqual([c2.id, c1.id])
    expect(await store.listCases({ ids: [] })).toEqual([])
    // A cursor on top of an ids filter keeps both conditions.
    expect(ids(await store.listCases({ ids: [c1.id, c3.id], before: c3.id }))).toEqual([c1.id])
    expect(ids(await store.listCases({ order: 'sla', slaBefore: at(100) }))).toEqual([c3.id, c1.id])
  })

  it('computes stats over the matching cases', async () => {
    const stats = await store.caseStats({}, at(40), ['closed'])
    expect(stats).toEqual({
      total: 3,
      overdue: 1,
      byStatus: { submitted: 2, closed: 1 },
      byCategory: { road: 3 },
      byGrid: { G1: 3 },
      byDay: { '2026-03-01': 3 },
      avgHoursToResolve: 1,
    })
    expect((await store.caseStats({ department: '住建' }, at(40), ['closed'])).total).toBe(1)
    expect((await store.caseStats({ statuses: [] }, at(40), [])).total).toBe(0)
  })
})

describe('inbox', () => {
  const item = (n: number, userId = 'u1'): InboxItem => ({
    id: `m${n}:${userId}`,
    userId,
    caseId: caseId(1),
    title: `标题${n}`,
    body: '您的上报已受理',
    createdAt: at(n),
    readAt: null,
  })

  it('adds idempotently, lists newest first with a cursor, counts and marks read', async () => {
    await store.addInbox([item(1), item(2), item(3), item(1, 'u2')])
    await store.addInbox([item(2)])
    expect(ids(await store.listInbox('u1', {}))).toEqual(['m3:u1', 'm2:u1', 'm1:u1'])
    expect(ids(await store.listInbox('u1', { limit: 2 }))).toEqual(['m3:u1', 'm2:u1'])
    expect(ids(await store.listInbox('u1', { before: 'm2:u1' }))).toEqual(['m1:u1'])
    expect(await store.listInbox('u1', { before: 'm1:u2' })).toEqual([])
    expect(await store.countUnread('u1')).toBe(3)

    expect(await store.markInboxRead('u1', ['m1:u1', 'm1:u2'], at(10))).toBe(1)
    expect(await store.markInboxRead('u1', ['m1:u1'], at(11))).toBe(0)
    expect(await store.countUnread('u1')).toBe(2)
    expect(await store.markInboxRead('u1', 'all', at(12))).toBe(2)
    expect(await store.countUnread('u1')).toBe(0)
    expect(await store.countUnread('u2')).toBe(1)
    expect((await store.listInbox('u1', {})).map((i) => i.readAt)).toEqual([at(12), at(12), at(10)])
  })
})

describe('follows', () => {
  it('lists followers once each, in follow order', async () => {
    await store.follow(caseId(1), 'u2', at(2))
    await store.follow(caseId(1), 'u1', at(1))
    await store.follow(caseId(1), 'u2', at(5))
    await store.follow(caseId(2), 'u3', at(1))
    expect(await store.followers(caseId(1))).toEqual(['u1', 'u2'])
    expect(await store.followers(caseId(9))).toEqual([])
  })
})

describe('subscribe quota', () => {
  it('adds consents and takes them one at a time, with a conditional decrement', async () => {
    expect(await store.takeSubscribeQuota('u1', 'tpl')).toBe(false)
    await store.addSubscribeQuota('u1', 'tpl', 1)
    await store.addSubscribeQuota('u1', 'tpl', 1)
    const takes = fake.requests.length
    expect(await store.takeSubscribeQuota('u1', 'tpl')).toBe(true)
    const [take] = fake.calls('database.modifyDocument').slice(-1)
    expect(fake.requests.length).toBe(takes + 1)
    expect(parseEjsonText(take.body.query)).toMatchObject({ remaining: { $gt: 0 } })
    expect(await store.takeSubscribeQuota('u1', 'tpl')).toBe(true)
    expect(await store.takeSubscribeQuota('u1', 'tpl')).toBe(false)
    expect(await store.takeSubscribeQuota('u2', 'tpl')).toBe(false)
  })

  it('never hands the last consent to two concurrent callers', async () => {
    await store.addSubscribeQuota('u1', 'tpl', 1)
    const results = await Promise.all(Array.from({ length: 6 }, () => store.takeSubscribeQuota('u1', 'tpl')))
    expect(results.filter(Boolean)).toHaveLength(1)
  })
})
