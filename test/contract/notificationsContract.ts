/**
 * The inbox/outbox aggregate every adapter must show: outbox order and retries, the in-app
 * inbox and subscribe-message consents.
 */
import type { InboxItem, OutboxMessage } from '../../backend/ports'
import { at, inboxId, makeInbox, makeMessage, type OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

export function describeNotificationsContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Inbox/outbox contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)

    describe('outbox', () => {
      const m1 = makeMessage({ id: 'm1', key: 'case-A', createdAt: at(0), nextAttemptAt: at(0), payload: { caseId: 'case-A', status: 'accepted', n: 1 } })
      const m2 = makeMessage({ id: 'm2', key: 'case-A', createdAt: at(1), nextAttemptAt: at(1), payload: { caseId: 'case-A', n: 2 } })
      const m3 = makeMessage({ id: 'm3', key: 'case-B', topic: 'sla.warning', createdAt: at(2), nextAttemptAt: at(5) })
      const m4 = makeMessage({ id: 'm4', key: 'case-C', createdAt: at(3), nextAttemptAt: at(3) })

      beforeEach(async () => {
        await store.transaction(async (tx) => {
          await tx.enqueue(m3)
          await tx.enqueue(m1)
        })
        await store.transaction(async (tx) => {
          await tx.enqueue(m2)
          await tx.enqueue(m4)
        })
      })

      const msgIds = (ms: OutboxMessage[]) => ms.map((m) => m.id)

      it('hands out due messages oldest first, one per key, with their fields', async () => {
        expect(await store.dueMessages(at(0), 10)).toEqual([m1])
        // m2 is due too but waits behind m1 of the same key; m3 is not due yet.
        expect(msgIds(await store.dueMessages(at(3), 10))).toEqual(['m1', 'm4'])
        expect(await store.dueMessages(at(10), 10)).toEqual([m1, m3, m4])
        expect(msgIds(await store.dueMessages(at(10), 2))).toEqual(['m1', 'm3'])
        expect(await store.dueMessages('2026-01-01T00:00:00.000Z', 10)).toEqual([])
      })

      it('records failures, retries later, and keeps later messages of the key waiting', async () => {
        await store.markFailed('m1', 'timeout', at(20))
        // m1 is not due until 20, and m2 (due since 1) must not overtake it.
        expect(msgIds(await store.dueMessages(at(10), 10))).toEqual(['m3', 'm4'])
        const [retry] = await store.dueMessages(at(20), 1)
        expect(retry).toEqual({ ...m1, attempts: 1, lastError: 'timeout', nextAttemptAt: at(20) })

        await store.markFailed('m1', 'HTTP 503', at(30))
        const [again] = await store.dueMessages(at(30), 1)
        expect(again).toMatchObject({ id: 'm1', attempts: 2, lastError: 'HTTP 503', nextAttemptAt: at(30) })
      })

      it('postpones a message without counting a try, and keeps later messages of the key waiting', async () => {
        await store.postpone('m1', at(20))
        expect(msgIds(await store.dueMessages(at(10), 10))).toEqual(['m3', 'm4'])
        const [later] = await store.dueMessages(at(20), 1)
        expect(later).toEqual({ ...m1, nextAttemptAt: at(20) })
      })

      it('stops handing out delivered messages and releases the next of the key', async () => {
        await store.markDelivered('m1', at(4))
        expect(msgIds(await store.dueMessages(at(10), 10))).toEqual(['m2', 'm3', 'm4'])
        await store.markDelivered('m2', at(11))
        await store.markDelivered('m3', at(11))
        await store.markDelivered('m4', at(11))
        expect(await store.dueMessages(at(100), 10)).toEqual([])
      })

      it('does not release the next message of a key while an earlier one is failing', async () => {
        await store.markFailed('m1', 'down', at(1000))
        const due = await store.dueMessages(at(999), 10)
        expect(msgIds(due)).not.toContain('m2')
        await store.markDelivered('m1', at(1000))
        expect(msgIds(await store.dueMessages(at(1000), 10))).toContain('m2')
      })

      it('sets a message aside with its reason: settled, listed newest first, never handed out again', async () => {
        expect(await store.deadLetters(10)).toEqual([])
        await store.markDead('m1', '用户拒绝接收（43101）', at(6))
        await store.markDead('m3', '已尝试 5 次仍未成功', at(7))
        expect(msgIds(await store.dueMessages(at(100), 10))).toEqual(['m2', 'm4'])
        const dead = await store.deadLetters(10)
        expect(msgIds(dead)).toEqual(['m3', 'm1'])
        expect(dead[1]).toEqual({ ...m1, attempts: 1, lastError: '用户拒绝接收（43101）', deadAt: at(6), deliveredAt: at(6) })
        expect(msgIds(await store.deadLetters(1))).toEqual(['m3'])
      })

      it('never turns a delivered message into a dead letter', async () => {
        await store.markDelivered('m4', at(4))
        await store.markDead('m4', 'late failure', at(9))
        expect(await store.deadLetters(10)).toEqual([])
      })

      it('enqueues a message once: the same id again writes nothing and answers false', async () => {
        const push = makeMessage({ id: 'm1-push-u1', key: 'm1-push-u1', topic: 'subscribe.push', createdAt: at(4), nextAttemptAt: at(4) })
        expect(await store.enqueueOnce(push)).toBe(true)
        expect(await store.enqueueOnce({ ...push, payload: { other: true } })).toBe(false)
        expect((await store.dueMessages(at(100), 10)).filter((m) => m.id === push.id)).toEqual([push])
      })

      it('enqueues many at once, keeping a message already queued as it was, and tells which ids are queued', async () => {
        const push = (u: string) => makeMessage({ id: `m1-push-${u}`, key: `m1-push-${u}`, topic: 'subscribe.push', createdAt: at(4), nextAttemptAt: at(4), payload: { userId: u } })
        await store.enqueueMany([])
        const first = { ...push('u2'), payload: { userId: 'u2', first: true } }
        expect(await store.enqueueOnce(first)).toBe(true)
        const many = ['u1', 'u2', 'u3'].map(push)
        await store.enqueueMany(many)
        await store.enqueueMany(many)
        expect((await store.queuedIds(['m1-push-u3', 'm1-push-u9', 'm1', 'm1-push-u1'])).sort()).toEqual(['m1', 'm1-push-u1', 'm1-push-u3'])
        expect(await store.queuedIds([])).toEqual([])
        const due = await store.dueMessages(at(100), 10)
        expect(many.map((m) => due.filter((x) => x.id === m.id))).toEqual([[many[0]], [first], [many[2]]])
      })
    })


    describe('inbox', () => {
      /** n-th item of a user, created at(n): id order and time order agree, as with real ULIDs. */
      const item = (n: number, userId: string, overrides: Partial<InboxItem> = {}) =>
        makeInbox({ id: inboxId(n, userId), userId, createdAt: at(n), title: `消息 ${n}`, ...overrides })
      const itemIds = (xs: InboxItem[]) => xs.map((x) => x.id)

      it('stores items and lists a user\'s own, newest first, fields preserved', async () => {
        const a1 = item(1, 'u1')
        const a2 = item(2, 'u1', { caseId: null, body: '系统通知：明日停水' })
        const b1 = item(3, 'u2')
        const a3 = item(4, 'u1', { readAt: at(5) })
        await store.addInbox([a2, b1])
        await store.addInbox([a3, a1])
        expect(await store.listInbox('u1', {})).toEqual([a3, a2, a1])
        expect(await store.listInbox('u2', {})).toEqual([b1])
        expect(await store.listInbox('nobody', {})).toEqual([])
        await store.addInbox([])
        expect(await store.listInbox('u1', {})).toHaveLength(3)
      })

      it('ignores items whose id exists already (a redelivered message)', async () => {
        const first = item(1, 'u1')
        await store.addInbox([first])
        await store.markInboxRead('u1', [first.id], at(9))
        await store.addInbox([{ ...first, title: '重复', readAt: null }, item(2, 'u1')])
        const listed = await store.listInbox('u1', {})
        expect(itemIds(listed)).toEqual([inboxId(2, 'u1'), first.id])
        expect(listed[1]).toEqual({ ...first, readAt: at(9) })
        // Within one call too.
        await store.addInbox([item(3, 'u1'), item(3, 'u1', { title: 'again' })])
        expect((await store.listInbox('u1', {}))[0].title).toBe('消息 3')
      })

      it('pages with before, 20 by default and at most 100', async () => {
        const mine = Array.from({ length: 105 }, (_, i) => item(i + 1, 'u1'))
        await store.addInbox(mine)
        await store.addInbox([item(200, 'u2'), item(50, 'u2')])
        const newestFirst = itemIds([...mine].reverse())

        const page1 = await store.listInbox('u1', {})
        expect(itemIds(page1)).toEqual(newestFirst.slice(0, 20))
        const page2 = await store.listInbox('u1', { before: page1[19].id, limit: 30 })
        expect(itemIds(page2)).toEqual(newestFirst.slice(20, 50))
        expect(itemIds(await store.listInbox('u1', { limit: 1000 }))).toEqual(newestFirst.slice(0, 100))
        expect(itemIds(await store.listInbox('u1', { before: mine[2].id }))).toEqual([mine[1].id, mine[0].id])
        expect(await store.listInbox('u1', { before: mine[0].id })).toEqual([])

        const seen: string[] = []
        let before: string | undefined
        for (let i = 0; i < 10; i++) {
          const page = await store.listInbox('u1', { before, limit: 40 })
          if (page.length === 0) break
          seen.push(...itemIds(page))
          before = page[page.length - 1].id
        }
        expect(seen).toEqual(newestFirst)
      })

      it('counts and marks unread items of one user only', async () => {
        await store.addInbox([item(1, 'u1'), item(2, 'u1'), item(3, 'u1'), item(4, 'u1', { readAt: at(4) }), item(5, 'u2'), item(6, 'u2')])
        expect(await store.countUnread('u1')).toBe(3)
        expect(await store.countUnread('u2')).toBe(2)
        expect(await store.countUnread('nobody')).toBe(0)

        // u2's item, an unknown id and an already-read one change nothing and are not counted.
        const changed = await store.markInboxRead('u1', [inboxId(1, 'u1'), inboxId(4, 'u1'), inboxId(5, 'u2'), 'no-such-item'], at(10))
        expect(changed).toBe(1)
        expect(await store.countUnread('u1')).toBe(2)
        expect(await store.countUnread('u2')).toBe(2)
        const read = await store.listInbox('u1', {})
        expect(read.find((x) => x.id === inboxId(1, 'u1'))?.readAt).toBe(at(10))
        expect(read.find((x) => x.id === inboxId(4, 'u1'))?.readAt).toBe(at(4))

        // Marking again keeps the first read time.
        expect(await store.markInboxRead('u1', [inboxId(1, 'u1')], at(20))).toBe(0)
        expect(await store.markInboxRead('u1', [], at(20))).toBe(0)
        expect(await store.markInboxRead('u1', 'all', at(30))).toBe(2)
        expect(await store.markInboxRead('u1', 'all', at(40))).toBe(0)
        expect(await store.countUnread('u1')).toBe(0)
        const after = await store.listInbox('u1', {})
        expect(after.map((x) => x.readAt)).toEqual([at(4), at(30), at(30), at(10)])
        // 'all' is one user's all.
        expect(await store.countUnread('u2')).toBe(2)
        expect((await store.listInbox('u2', {})).every((x) => x.readAt === null)).toBe(true)
      })
    })


    describe('subscribe quota', () => {
      it('takes one consent of each of many users who has one left, in one call', async () => {
        await store.addSubscribeQuota('u1', 't', 2)
        await store.addSubscribeQuota('u2', 't', 1)
        await store.addSubscribeQuota('u3', 'other', 1)
        expect(await store.takeSubscribeQuotas([], 't')).toEqual([])
        const took = await store.takeSubscribeQuotas(['u1', 'u2', 'u1'], 't')
        expect([...took].sort()).toEqual(['u1', 'u2'])
        const left = await store.subscribeQuotasOf(['u1', 'u2', 'u3'])
        expect([left.get('u1'), left.get('u2'), left.get('u3')]).toEqual([[{ templateId: 't', remaining: 1 }], [{ templateId: 't', remaining: 0 }], [{ templateId: 'other', remaining: 1 }]])
        // None below zero.
        await store.takeSubscribeQuotas(['u2'], 't')
        expect((await store.subscribeQuotasOf(['u2'])).get('u2')).toEqual([{ templateId: 't', remaining: 0 }])
      })

      it('adds consents per user and template and takes them one by one', async () => {
        expect(await store.takeSubscribeQuota('u1', 'tpl-status')).toBe(false)
        await store.addSubscribeQuota('u1', 'tpl-status', 1)
        await store.addSubscribeQuota('u1', 'tpl-status', 2)
        await store.addSubscribeQuota('u1', 'tpl-other', 1)
        await store.addSubscribeQuota('u2', 'tpl-status', 1)
        const took: boolean[] = []
        for (let i = 0; i < 4; i++) took.push(await store.takeSubscribeQuota('u1', 'tpl-status'))
        expect(took).toEqual([true, true, true, false])
        expect(await store.takeSubscribeQuota('u1', 'tpl-other')).toBe(true)
        expect(await store.takeSubscribeQuota('u1', 'tpl-other')).toBe(false)
        expect(await store.takeSubscribeQuota('u2', 'tpl-status')).toBe(true)
        // Used up, then granted again.
        await store.addSubscribeQuota('u1', 'tpl-status', 1)
        expect(await store.takeSubscribeQuota('u1', 'tpl-status')).toBe(true)
        expect(await store.takeSubscribeQuota('u1', 'tpl-status')).toBe(false)
      })

      it('adds nothing for n that is not a positive integer', async () => {
        await store.addSubscribeQuota('u1', 't', 0)
        await store.addSubscribeQuota('u1', 't', -2)
        expect(await store.takeSubscribeQuota('u1', 't')).toBe(false)
        await store.addSubscribeQuota('u1', 't', 1)
        await store.addSubscribeQuota('u1', 't', -5)
        expect(await store.takeSubscribeQuota('u1', 't')).toBe(true)
        expect(await store.takeSubscribeQuota('u1', 't')).toBe(false)
      })

      it('never hands out more consents than there are, under concurrency', async () => {
        await store.addSubscribeQuota('u1', 't', 3)
        const results = await Promise.all(Array.from({ length: 10 }, () => store.takeSubscribeQuota('u1', 't')))
        expect(results.filter(Boolean)).toHaveLength(3)
        expect(await store.takeSubscribeQuota('u1', 't')).toBe(false)
      })

      it('lists one user\'s consents per template, used-up ones included', async () => {
        await store.addSubscribeQuota('u1', 'tpl-status', 2)
        await store.addSubscribeQuota('u1', 'tpl-other', 1)
        await store.addSubscribeQuota('u2', 'tpl-status', 5)
        await store.takeSubscribeQuota('u1', 'tpl-other')
        expect(await store.subscribeQuotas('u1')).toEqual([
          { templateId: 'tpl-other', remaining: 0 },
          { templateId: 'tpl-status', remaining: 2 },
        ])
        expect(await store.subscribeQuotas('nobody')).toEqual([])
      })
    })

    describe('account deletion', () => {
      it('removes the user\'s inbox and consents, and nobody else\'s; again removes nothing', async () => {
        await store.addInbox([makeInbox({ id: inboxId(1, 'u1'), userId: 'u1', createdAt: at(1) }), makeInbox({ id: inboxId(2, 'u1'), userId: 'u1', createdAt: at(2) })])
        await store.addInbox([makeInbox({ id: inboxId(3, 'u2'), userId: 'u2', createdAt: at(3) })])
        await store.addSubscribeQuota('u1', 'tpl-status', 3)
        await store.addSubscribeQuota('u2', 'tpl-status', 1)
        expect(await store.removeInboxAndQuotas('u1')).toBe(2)
        expect(await store.listInbox('u1', {})).toEqual([])
        expect(await store.countUnread('u1')).toBe(0)
        expect(await store.subscribeQuotas('u1')).toEqual([])
        expect(await store.takeSubscribeQuota('u1', 'tpl-status')).toBe(false)
        expect(await store.removeInboxAndQuotas('u1')).toBe(0)
        expect((await store.listInbox('u2', {})).map((x) => x.id)).toEqual([inboxId(3, 'u2')])
        expect(await store.subscribeQuotas('u2')).toEqual([{ templateId: 'tpl-status', remaining: 1 }])
      })
    })
  })
}
