/**
 * The case aggregate every adapter must show: cases, transactions, idempotency claims, the
 * timeline, follows and thread messages.
 */
import type { Case } from '../../src/core/case'
import { at, caseId, insertCases, makeCase, makeEvent, makeMessage, type OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

export function describeCasesContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Case store contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)
    const insert = (...cases: Case[]) => insertCases(store, ...cases)

    describe('cases', () => {
      it('round-trips a case, keeping payload JSON and nulls', async () => {
        const c = makeCase({
          gridCode: null,
          assigneeId: null,
          slaDeadline: null,
          payload: {
            description: '小区门口井盖缺失，夜间很危险',
            photos: ['f1', 'f2'],
            location: { lng: 113.26, lat: 23.13, address: '广州市白云区京溪街道' },
            anonymous: true,
            rating: null,
            nested: { deep: [1, 2.5, { x: false }] },
          },
        })
        await insert(c)
        expect(await store.getCase(c.id)).toEqual(c)
        const filled = makeCase({ id: caseId(2), assigneeId: 'w1', slaDeadline: at(90), version: 7 })
        await insert(filled)
        expect(await store.getCase(filled.id)).toEqual(filled)
      })

      it('returns null for an unknown case', async () => {
        expect(await store.getCase(caseId(999))).toBeNull()
        await store.transaction(async (tx) => {
          expect(await tx.getCase(caseId(999))).toBeNull()
        })
      })

      it('lets a transaction read its own insert and returns the work result', async () => {
        const c = makeCase()
        const result = await store.transaction(async (tx) => {
          await tx.insertCase(c)
          return tx.getCase(c.id)
        })
        expect(result).toEqual(c)
      })

      it('updates only at the expected version', async () => {
        const c = makeCase()
        await insert(c)
        const next: Case = { ...c, status: 'accepted', assigneeId: 'w1', slaDeadline: at(120), updatedAt: at(5), version: 2 }
        expect(await store.transaction((tx) => tx.updateCase(next, 1))).toBe(true)
        expect(await store.getCase(c.id)).toEqual(next)

        const stale: Case = { ...c, status: 'rejected', updatedAt: at(6), version: 2 }
        expect(await store.transaction((tx) => tx.updateCase(stale, 1))).toBe(false)
        expect(await store.getCase(c.id)).toEqual(next)
      })

      it('reports false when updating a case that does not exist', async () => {
        expect(await store.transaction((tx) => tx.updateCase(makeCase({ id: caseId(404) }), 1))).toBe(false)
        expect(await store.getCase(caseId(404))).toBeNull()
      })

      it('lets exactly one of several concurrent updates at the same version win', async () => {
        const c = makeCase()
        await insert(c)
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.transaction(async (tx) => {
              const cur = await tx.getCase(c.id)
              if (!cur) throw new Error('missing')
              return tx.updateCase({ ...cur, category: `cat-${i}`, version: cur.version + 1 }, 1)
            }),
          ),
        )
        expect(results.filter(Boolean)).toHaveLength(1)
        const stored = await store.getCase(c.id)
        expect(stored?.version).toBe(2)
        expect(stored?.category).toBe(`cat-${results.indexOf(true)}`)
      })
    })

    describe('transactions', () => {
      it('rolls back every write when the work throws, and rethrows the same error', async () => {
        const c = makeCase()
        const boom = new Error('boom')
        await expect(
          store.transaction(async (tx) => {
            expect(await tx.claimIdempotency(c.creatorId, c.idempotencyKey, c.id)).toBeNull()
            await tx.insertCase(c)
            await tx.appendEvent(makeEvent({ caseId: c.id }))
            await tx.enqueue(makeMessage({ key: c.id }))
            throw boom
          }),
        ).rejects.toBe(boom)

        expect(await store.getCase(c.id)).toBeNull()
        expect(await store.timeline(c.id)).toEqual([])
        expect(await store.findCaseByIdempotency(c.creatorId, c.idempotencyKey)).toBeNull()
        expect(await store.dueMessages(at(100), 10)).toEqual([])
        expect(await store.countCases({})).toBe(0)
        // The claim went with the rollback, so the retry can take the key.
        expect(await store.transaction((tx) => tx.claimIdempotency(c.creatorId, c.idempotencyKey, c.id))).toBeNull()
      })

      it('keeps uncommitted writes invisible to reads outside the transaction', async () => {
        const c = makeCase()
        let seenOutside: Case | null | undefined
        await store.transaction(async (tx) => {
          await tx.insertCase(c)
          seenOutside = await store.getCase(c.id)
        })
        expect(seenOutside).toBeNull()
        expect(await store.getCase(c.id)).toEqual(c)
      })

      it('leaves earlier committed data alone when a later transaction fails', async () => {
        const c = makeCase()
        await insert(c)
        await expect(
          store.transaction(async (tx) => {
            await tx.updateCase({ ...c, status: 'accepted', version: 2 }, 1)
            throw new Error('after update')
          }),
        ).rejects.toThrow('after update')
        expect(await store.getCase(c.id)).toEqual(c)
      })
    })

    describe('idempotency', () => {
      it('claims a key once per creator and returns the holder to a retry', async () => {
        const claim = (creator: string, key: string, id: string) =>
          store.transaction((tx) => tx.claimIdempotency(creator, key, id))
        expect(await claim('u1', 'k1', caseId(1))).toBeNull()
        expect(await claim('u1', 'k1', caseId(2))).toBe(caseId(1))
        expect(await claim('u1', 'k1', caseId(3))).toBe(caseId(1))
        expect(await claim('u2', 'k1', caseId(4))).toBeNull()
        expect(await claim('u1', 'k2', caseId(5))).toBeNull()
        expect(await claim('u2', 'k1', caseId(6))).toBe(caseId(4))
      })

      it('finds a case by creator and idempotency key', async () => {
        const c = makeCase({ creatorId: 'u1', idempotencyKey: 'k-abc' })
        await store.transaction(async (tx) => {
          expect(await tx.claimIdempotency('u1', 'k-abc', c.id)).toBeNull()
          await tx.insertCase(c)
        })
        expect(await store.findCaseByIdempotency('u1', 'k-abc')).toEqual(c)
        expect(await store.findCaseByIdempotency('u2', 'k-abc')).toBeNull()
        expect(await store.findCaseByIdempotency('u1', 'k-other')).toBeNull()
      })

      it('answers which case holds a claimed key (the trace id of an image check), none before the claim commits', async () => {
        const trace = '60f96f1d-3845297a-1976a3ae'
        expect(await store.claimedCase('wx-media-check', trace)).toBeNull()
        await expect(
          store.transaction(async (tx) => {
            await tx.claimIdempotency('wx-media-check', trace, caseId(7))
            throw new Error('rolled back')
          }),
        ).rejects.toThrow('rolled back')
        expect(await store.claimedCase('wx-media-check', trace)).toBeNull()
        await store.transaction((tx) => tx.claimIdempotency('wx-media-check', trace, caseId(8)))
        expect(await store.claimedCase('wx-media-check', trace)).toBe(caseId(8))
        expect(await store.claimedCase('someone-else', trace)).toBeNull()
      })
    })

    describe('timeline', () => {
      it('returns the events of one case in append order, fields preserved', async () => {
        const a = makeCase({ id: caseId(1) })
        const b = makeCase({ id: caseId(2) })
        await insert(a, b)
        const a1 = makeEvent({ id: 'ev-a1', caseId: a.id, at: at(0) })
        const b1 = makeEvent({ id: 'ev-b1', caseId: b.id, at: at(1) })
        const a2 = makeEvent({
          id: 'ev-a2',
          caseId: a.id,
          actorId: 'w1',
          actorRole: 'grid_worker',
          action: 'accept',
          fromStatus: 'submitted',
          toStatus: 'accepted',
          note: '已到现场查看',
          at: at(2),
        })
        const a3 = makeEvent({
          id: 'ev-a3',
          caseId: a.id,
          actorId: 'system',
          actorRole: 'system',
          action: 'resolve',
          fromStatus: 'accepted',
          toStatus: 'resolved',
          attachments: ['f-after-1', 'f-after-2'],
          at: at(3),
        })
        await store.transaction(async (tx) => {
          await tx.appendEvent(a1)
          await tx.appendEvent(b1)
        })
        await store.transaction(async (tx) => {
          await tx.appendEvent(a2)
          await tx.appendEvent(a3)
        })
        expect(await store.timeline(a.id)).toEqual([a1, a2, a3])
        expect(await store.timeline(b.id)).toEqual([b1])
        expect(await store.timeline(caseId(3))).toEqual([])
      })

      it('keeps whether each note is a public update or an internal note', async () => {
        const a = makeCase({ id: caseId(1) })
        await insert(a)
        const internal = makeEvent({ id: 'ev-int', caseId: a.id, actorId: 'w1', actorRole: 'grid_worker', action: 'accept', toStatus: 'accepted', note: '已联系陈女士 13800138000', at: at(1) })
        const published = makeEvent({ id: 'ev-pub', caseId: a.id, actorId: 'w1', actorRole: 'grid_worker', action: 'start', fromStatus: 'accepted', toStatus: 'in_progress', note: '已安排清运', at: at(2), visibility: 'public' })
        await store.transaction(async (tx) => {
          await tx.appendEvent(internal)
          await tx.appendEvent(published)
        })
        const got = await store.timeline(a.id)
        expect(got.map((e) => [e.id, e.visibility])).toEqual([
          ['ev-int', 'internal'],
          ['ev-pub', 'public'],
        ])
        expect(got).toEqual([internal, published])
      })
    })


    describe('follows', () => {
      it('lists followers in follow order, and following again changes nothing', async () => {
        const c = caseId(1)
        await store.follow(c, 'u3', at(1))
        await store.follow(c, 'u1', at(2))
        await store.follow(caseId(2), 'u9', at(3))
        await store.follow(c, 'u2', at(4))
        await store.follow(c, 'u3', at(10))
        await store.follow(c, 'u1', at(0))
        expect(await store.followers(c)).toEqual(['u3', 'u1', 'u2'])
        expect(await store.followers(caseId(2))).toEqual(['u9'])
        expect(await store.followers(caseId(3))).toEqual([])
        expect(await store.followedBy('u1')).toEqual([c])
        await store.follow(caseId(2), 'u1', at(20))
        expect(await store.followedBy('u1')).toEqual([caseId(2), c])
        expect(await store.followedBy('nobody')).toEqual([])
      })

      it('takes concurrent follows of one user once', async () => {
        await Promise.all(Array.from({ length: 5 }, () => store.follow(caseId(1), 'u1', at(1))))
        expect(await store.followers(caseId(1))).toEqual(['u1'])
      })

      it('removes every follow of one user and no one else\'s; again removes nothing', async () => {
        await store.follow(caseId(1), 'u1', at(1))
        await store.follow(caseId(2), 'u1', at(2))
        await store.follow(caseId(1), 'u2', at(3))
        expect(await store.unfollowAll('u1')).toBe(2)
        expect(await store.followedBy('u1')).toEqual([])
        expect(await store.followers(caseId(1))).toEqual(['u2'])
        expect(await store.unfollowAll('u1')).toBe(0)
        expect(await store.followedBy('u2')).toEqual([caseId(1)])
      })
    })

    describe('messages', () => {
      const msg = (n: number, c = caseId(1)) => ({ id: `01JNM00000000000000000${String(n).padStart(4, '0')}`, caseId: c, authorId: `u${n}`, authorRole: 'mediator', text: `第 ${n} 条`, photos: n % 2 ? ['f1'] : [], at: at(n) })

      it('keeps a thread per case, oldest first, and reads on after a cursor', async () => {
        await store.transaction(async (tx) => {
          await tx.insertCase(makeCase({ id: caseId(1), idempotencyKey: 'm1' }))
          await tx.insertCase(makeCase({ id: caseId(2), idempotencyKey: 'm2' }))
        })
        for (const n of [1, 2, 3]) await store.addMessage(msg(n))
        await store.addMessage(msg(4, caseId(2)))
        const all = await store.listMessages(caseId(1), {})
        expect(all).toEqual([msg(1), msg(2), msg(3)])
        expect(await store.listMessages(caseId(1), { after: msg(1).id })).toEqual([msg(2), msg(3)])
        expect(await store.listMessages(caseId(1), { after: msg(3).id })).toEqual([])
        expect(await store.listMessages(caseId(2), {})).toEqual([msg(4, caseId(2))])
        expect(await store.listMessages(caseId(3), {})).toEqual([])
      })
    })
  })
}
