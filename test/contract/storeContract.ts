/**
 * The behaviour every Store adapter must show. An adapter's test file calls
 * describeStoreContract with a factory that opens a fresh, empty store.
 */
import type { Case, CaseKind, TimelineEvent } from '../../src/core/case'
import type { OrgUnit } from '../../src/core/org'
import { describeRentalContract } from './rentalContract'
import type { Announcement, CaseQuery, CaseStats, FileMeta, GridBoard, InboxItem, Membership, OutboxMessage, Store, User } from '../../backend/ports'

export interface OpenedStore {
  store: Store
  cleanup: () => Promise<void>
}

const T0 = Date.parse('2026-03-01T08:00:00.000Z')

/** Fixed instant `minutes` after the suite's origin, in canonical ISO form. */
export function at(minutes: number): string {
  return new Date(T0 + minutes * 60_000).toISOString()
}

/** ULID-shaped ids that sort in `n` order, as real ULIDs sort by creation time. */
export function caseId(n: number): string {
  return `01JNC0000000000000000${String(n).padStart(5, '0')}`
}

export function makeCase(overrides: Partial<Case> = {}): Case {
  return {
    id: caseId(1),
    kind: 'report',
    status: 'submitted',
    unitCode: 'G1',
    gridCode: 'G1',
    assigneeId: null,
    category: 'road',
    payload: { description: '路灯不亮', photos: [], anonymous: false },
    creatorId: 'u1',
    idempotencyKey: `key-${overrides.id ?? caseId(1)}`,
    createdAt: at(0),
    updatedAt: at(0),
    slaDeadline: null,
    version: 1,
    ...overrides,
  }
}

export function makeEvent(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: 'ev-1',
    caseId: caseId(1),
    actorId: 'u1',
    actorRole: 'resident',
    action: 'submit',
    fromStatus: null,
    toStatus: 'submitted',
    note: null,
    attachments: [],
    at: at(0),
    visibility: 'internal',
    ...overrides,
  }
}

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u1',
    name: '张三',
    phone: null,
    openid: null,
    grants: [],
    createdAt: at(0),
    ...overrides,
  }
}

export function makeMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: 'm1',
    topic: 'case.changed',
    key: caseId(1),
    payload: { caseId: caseId(1) },
    createdAt: at(0),
    attempts: 0,
    nextAttemptAt: at(0),
    deliveredAt: null,
    lastError: null,
    ...overrides,
  }
}

function makeFile(overrides: Partial<FileMeta> = {}): FileMeta {
  return {
    id: 'f1',
    ownerId: 'u1',
    contentType: 'image/jpeg',
    size: 123_456,
    storageKey: 'uploads/f1.jpg',
    createdAt: at(0),
    ...overrides,
  }
}

/** Inbox ids are '<ULID>-<userId>': time order within a user. */
export function inboxId(n: number, userId: string): string {
  return `${caseId(n)}-${userId}`
}

export function makeInbox(overrides: Partial<InboxItem> = {}): InboxItem {
  const userId = overrides.userId ?? 'u1'
  return {
    id: inboxId(1, userId),
    userId,
    caseId: caseId(1),
    title: '您的上报已受理',
    body: '网格员李网格已受理您上报的“路灯不亮”。',
    createdAt: at(0),
    readAt: null,
    ...overrides,
  }
}

export function makeBoard(overrides: Partial<GridBoard> = {}): GridBoard {
  return {
    gridCode: 'G1',
    scope: '幸福里 1-6 栋',
    households: 420,
    team: [
      { role: '网格长', name: '王网格', phone: '13800000001' },
      { role: '楼栋长', name: '赵楼长', phone: null },
    ],
    services: ['代办证明', '矛盾调解'],
    officeHours: '工作日 9:00-17:00',
    joinPolicy: 'approval',
    qr: null,
    updatedAt: at(0),
    ...overrides,
  }
}

export function makeMembership(overrides: Partial<Membership> = {}): Membership {
  return {
    gridCode: 'G1',
    userId: 'u1',
    status: 'requested',
    building: null,
    requestedAt: at(0),
    decidedAt: null,
    decidedBy: null,
    ...overrides,
  }
}

/** Announcement ids are ULIDs: they sort in `n` order. */
export function announcementId(n: number): string {
  return `01JNA0000000000000000${String(n).padStart(5, '0')}`
}

export function makeAnnouncement(overrides: Partial<Announcement> = {}): Announcement {
  const id = overrides.id ?? announcementId(1)
  return {
    id,
    authorId: 'w1',
    idempotencyKey: `key-${id}`,
    type: 'notice',
    title: '停水通知',
    body: '周六 9:00-12:00 管道检修停水。',
    gridCodes: ['G1'],
    scopeLabel: '幸福里网格',
    publishedAt: at(0),
    ...overrides,
  }
}

const ids = (cases: Case[]): string[] => cases.map((c) => c.id)
const byId = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

export function describeStoreContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Store contract: ${adapterName}`, () => {
    let store: Store
    let cleanup: () => Promise<void>

    beforeEach(async () => {
      ;({ store, cleanup } = await open())
    })
    afterEach(async () => {
      await cleanup()
    })

    describeRentalContract(() => store)

    async function insert(...cases: Case[]): Promise<void> {
      await store.transaction(async (tx) => {
        for (const c of cases) await tx.insertCase(c)
      })
    }

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

    describe('listCases and countCases', () => {
      // Six cases across two grids, one street, three creators; sla ties and nulls included.
      const c1 = makeCase({ id: caseId(1), creatorId: 'u1', gridCode: 'G1', unitCode: 'G1', status: 'submitted', category: 'road', slaDeadline: at(60), createdAt: at(1) })
      const dept = (department: string) => ({ ...makeCase().payload, department })
      const c2 = makeCase({ id: caseId(2), creatorId: 'u2', gridCode: 'G1', unitCode: 'S1', status: 'accepted', category: 'sanitation', assigneeId: 'w1', slaDeadline: at(30), createdAt: at(2), payload: dept('chengguan') })
      const c3 = makeCase({ id: caseId(3), creatorId: 'u1', gridCode: 'G2', unitCode: 'G2', status: 'in_progress', category: 'road', assigneeId: 'w1', slaDeadline: null, createdAt: at(3), payload: dept('zhujian') })
      const c4 = makeCase({ id: caseId(4), creatorId: 'u3', gridCode: null, unitCode: 'S1', status: 'submitted', category: 'noise', slaDeadline: at(30), createdAt: at(4), payload: dept('chengguan') })
      const c5 = makeCase({ id: caseId(5), kind: 'mediation' as CaseKind, creatorId: 'u1', gridCode: 'G2', unitCode: 'G2', status: 'closed', category: 'road', assigneeId: 'w2', slaDeadline: at(10), createdAt: at(5) })
      const c6 = makeCase({ id: caseId(6), creatorId: 'u2', gridCode: 'G1', unitCode: 'G1', status: 'submitted', category: 'sanitation', slaDeadline: null, createdAt: at(6) })
      const all = [c1, c2, c3, c4, c5, c6]

      beforeEach(async () => {
        // Inserted out of order so the order comes from the query, not insertion.
        await insert(c4, c1, c6, c3, c5, c2)
      })

      const cases: Array<[string, CaseQuery, Case[]]> = [
        ['no filter', {}, [c6, c5, c4, c3, c2, c1]],
        ['kind', { kind: 'report' }, [c6, c4, c3, c2, c1]],
        ['creatorId', { creatorId: 'u1' }, [c5, c3, c1]],
        ['assigneeId', { assigneeId: 'w1' }, [c3, c2]],
        ['statuses', { statuses: ['submitted', 'closed'] }, [c6, c5, c4, c1]],
        ['category', { category: 'road' }, [c5, c3, c1]],
        ['gridCodes', { gridCodes: ['G2'] }, [c5, c3]],
        ['gridCodes (several)', { gridCodes: ['G1', 'G2'] }, [c6, c5, c3, c2, c1]],
        ['unitCodes', { unitCodes: ['S1'] }, [c4, c2]],
        ['createdAfter (strictly after)', { createdAfter: at(3) }, [c6, c5, c4]],
        ['createdBefore (strictly before)', { createdBefore: at(3) }, [c2, c1]],
        ['createdAfter and createdBefore (a range)', { createdAfter: at(1), createdBefore: at(5) }, [c4, c3, c2]],
        ['department (payload.department)', { department: 'chengguan' }, [c4, c2]],
        ['department with other filters', { department: 'chengguan', gridCodes: ['G1'], kind: 'report' }, [c2]],
        ['department nobody has', { department: 'minzheng' }, []],
        // Deadlines at(10), at(30), at(30), at(60); c3 and c6 have none.
        ['slaBefore (strictly before)', { slaBefore: at(30) }, [c5]],
        ['slaBefore just after a deadline', { slaBefore: at(31) }, [c5, c4, c2]],
        ['slaBefore far ahead never matches cases without a deadline', { slaBefore: at(100_000) }, [c5, c4, c2, c1]],
        ['slaBefore with statuses (open overdue)', { slaBefore: at(100_000), statuses: ['submitted', 'accepted', 'in_progress'] }, [c4, c2, c1]],
        ['ids', { ids: [caseId(2), caseId(5), caseId(999)] }, [c5, c2]],
        ['ids with duplicates and other filters', { ids: [caseId(1), caseId(1), caseId(3), caseId(6)], creatorId: 'u1' }, [c3, c1]],
        ['combined filters', { gridCodes: ['G1', 'G2'], statuses: ['submitted', 'in_progress'], creatorId: 'u1' }, [c3, c1]],
        ['no match', { creatorId: 'nobody' }, []],
      ]

      it.each(cases)('filters by %s, newest first, and counts the same', async (_label, q, expected) => {
        expect(ids(await store.listCases(q))).toEqual(ids(expected))
        expect(await store.countCases(q)).toBe(expected.length)
      })

      it('treats an empty list filter as matching nothing', async () => {
        for (const q of [{ statuses: [] }, { gridCodes: [] }, { unitCodes: [] }, { ids: [] }] as CaseQuery[]) {
          expect(await store.listCases(q)).toEqual([])
          expect(await store.countCases(q)).toBe(0)
        }
      })

      it('orders by SLA deadline, missing deadlines last, ties by id', async () => {
        expect(ids(await store.listCases({ order: 'sla' }))).toEqual(ids([c5, c2, c4, c1, c3, c6]))
        expect(ids(await store.listCases({ order: 'sla', gridCodes: ['G1'] }))).toEqual(ids([c2, c1, c6]))
      })

      it('combines the new filters with SLA order and paging', async () => {
        const q: CaseQuery = { order: 'sla', slaBefore: at(100_000), statuses: ['submitted', 'accepted'] }
        expect(ids(await store.listCases(q))).toEqual(ids([c2, c4, c1]))
        const page1 = await store.listCases({ ...q, limit: 2 })
        expect(ids(page1)).toEqual(ids([c2, c4]))
        expect(ids(await store.listCases({ ...q, limit: 2, before: page1[1].id }))).toEqual(ids([c1]))
        expect(ids(await store.listCases({ department: 'chengguan', order: 'sla' }))).toEqual(ids([c2, c4]))
        expect(ids(await store.listCases({ ids: all.map((c) => c.id), limit: 2, before: c4.id }))).toEqual(ids([c3, c2]))
        expect(await store.countCases({ ids: all.map((c) => c.id), limit: 2, before: c4.id })).toBe(6)
      })

      it('does not read department from anywhere but payload.department', async () => {
        const nested = makeCase({
          id: caseId(7),
          idempotencyKey: 'k-nested',
          category: 'chengguan',
          payload: { description: 'x', photos: [], anonymous: false, meta: { department: 'chengguan' } },
        })
        await insert(nested)
        expect(ids(await store.listCases({ department: 'chengguan' }))).toEqual(ids([c4, c2]))
      })

      it('returns whole cases, not partial rows', async () => {
        expect(byId(await store.listCases({}))).toEqual(byId(all))
      })

      it('pages newest first with the before cursor', async () => {
        const page1 = await store.listCases({ limit: 2 })
        expect(ids(page1)).toEqual(ids([c6, c5]))
        const page2 = await store.listCases({ limit: 2, before: page1[1].id })
        expect(ids(page2)).toEqual(ids([c4, c3]))
        const page3 = await store.listCases({ limit: 2, before: page2[1].id })
        expect(ids(page3)).toEqual(ids([c2, c1]))
        expect(await store.listCases({ limit: 2, before: page3[1].id })).toEqual([])
        // Cursor together with a filter; the count ignores paging.
        expect(ids(await store.listCases({ creatorId: 'u1', limit: 1, before: c5.id }))).toEqual([c3.id])
        expect(await store.countCases({ creatorId: 'u1', limit: 1, before: c5.id })).toBe(3)
      })

      it('pages in SLA order with the before cursor, across the no-deadline boundary', async () => {
        const seen: string[] = []
        let before: string | undefined
        for (let page = 0; page < 5; page++) {
          const rows = await store.listCases({ order: 'sla', limit: 2, before })
          if (rows.length === 0) break
          expect(rows.length).toBeLessThanOrEqual(2)
          seen.push(...ids(rows))
          before = rows[rows.length - 1].id
        }
        expect(seen).toEqual(ids([c5, c2, c4, c1, c3, c6]))
      })
    })

    describe('listCases limits', () => {
      it('defaults to 50 and caps at 200', async () => {
        const many = Array.from({ length: 205 }, (_, i) => makeCase({ id: caseId(i + 1), createdAt: at(i) }))
        await insert(...many)
        expect(await store.listCases({})).toHaveLength(50)
        expect(await store.listCases({ limit: 1000 })).toHaveLength(200)
        expect(await store.listCases({ limit: 3 })).toHaveLength(3)
        expect(await store.countCases({})).toBe(205)
        expect((await store.listCases({}))[0].id).toBe(caseId(205))
      })
    })

    describe('users', () => {
      it('stores, finds and updates users with their grants', async () => {
        const worker = makeUser({
          id: 'w1',
          name: '李网格',
          phone: '020-12345678',
          openid: 'o-worker',
          grants: [
            { role: 'grid_worker', unitCode: 'G1' },
            { role: 'grid_worker', unitCode: 'G2' },
            { role: 'department', unitCode: 'S1', department: '城管' },
          ],
        })
        const resident = makeUser({ id: 'u1', openid: null, phone: null, grants: [{ role: 'resident', unitCode: 'G1' }] })
        const other = makeUser({ id: 'u2', name: '王五', openid: null })
        await store.putUser(worker)
        await store.putUser(resident)
        await store.putUser(other)

        expect(await store.getUser('w1')).toEqual(worker)
        expect(await store.getUser('u1')).toEqual(resident)
        expect(await store.getUser('nobody')).toBeNull()
        expect(await store.findUserByOpenid('o-worker')).toEqual(worker)
        expect(await store.findUserByOpenid('o-unknown')).toBeNull()
        expect(byId(await store.listUsers())).toEqual(byId([worker, resident, other]))

        const updated: User = { ...resident, name: '张三丰', openid: 'o-res', grants: [...resident.grants, { role: 'building_manager', unitCode: 'G1' }] }
        await store.putUser(updated)
        expect(await store.getUser('u1')).toEqual(updated)
        expect(await store.findUserByOpenid('o-res')).toEqual(updated)
        expect(await store.listUsers()).toHaveLength(3)
      })
    })

    describe('units', () => {
      it('stores units with polygons and phones, and updates on a second put', async () => {
        const polygon = {
          type: 'Polygon' as const,
          coordinates: [[[113.26, 23.13], [113.27, 23.13], [113.27, 23.14], [113.26, 23.13]]],
        }
        const units: OrgUnit[] = [
          { code: 'C', name: '广州市', level: 'city', parentCode: null },
          { code: 'S1', name: '京溪街道', level: 'street', parentCode: 'C', phone: '020-87654321' },
          { code: 'G1', name: '第一网格', level: 'grid', parentCode: 'S1', polygon, phone: '020-11112222' },
        ]
        await store.putUnits(units)
        const sortByCode = (xs: OrgUnit[]) => [...xs].sort((a, b) => a.code.localeCompare(b.code))
        expect(sortByCode(await store.listUnits())).toEqual(sortByCode(units))

        const renamed: OrgUnit = { ...units[2], name: '京溪第一网格' }
        await store.putUnits([renamed])
        const after = await store.listUnits()
        expect(after).toHaveLength(3)
        expect(after.find((u) => u.code === 'G1')).toEqual(renamed)
        expect(after.find((u) => u.code === 'C')).toEqual(units[0])
      })
    })

    describe('files', () => {
      it('stores and reads file metadata', async () => {
        const f = makeFile()
        const g = makeFile({ id: 'f2', contentType: 'image/webp', size: 1, storageKey: 'cloud://env/f2.webp', ownerId: 'u2' })
        await store.putFileMeta(f)
        await store.putFileMeta(g)
        expect(await store.getFileMeta('f1')).toEqual(f)
        expect(await store.getFileMeta('f2')).toEqual(g)
        expect(await store.getFileMeta('f3')).toBeNull()
      })
    })

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
    })

    describe('listStaff', () => {
      const worker = makeUser({ id: 'w1', grants: [{ role: 'grid_worker', unitCode: 'G1' }, { role: 'grid_worker', unitCode: 'G2' }] })
      const dispatcher = makeUser({ id: 'd1', grants: [{ role: 'dispatcher', unitCode: 'S1' }] })
      const dept = makeUser({ id: 'p1', grants: [{ role: 'department', unitCode: 'S1', department: 'chengguan' }] })
      const resident = makeUser({ id: 'u1', grants: [{ role: 'resident', unitCode: 'G1' }] })
      const both = makeUser({ id: 'a1', grants: [{ role: 'grid_worker', unitCode: 'G1' }, { role: 'dispatcher', unitCode: 'S1' }] })

      beforeEach(async () => {
        for (const u of [worker, dispatcher, dept, resident, both]) await store.putUser(u)
      })

      it('finds users holding one of the roles on exactly one of the units, each once, by id', async () => {
        expect(await store.listStaff(['G1'], ['grid_worker'])).toEqual([both, worker])
        expect(await store.listStaff(['G1', 'S1', 'C'], ['grid_worker', 'dispatcher'])).toEqual([both, dispatcher, worker])
        expect(await store.listStaff(['G2'], ['grid_worker', 'resident'])).toEqual([worker])
        // A grant on the street does not reach its grids, nor the other way round.
        expect(await store.listStaff(['S1'], ['grid_worker'])).toEqual([])
        expect(await store.listStaff(['G1'], ['dispatcher'])).toEqual([])
        expect(await store.listStaff([], ['grid_worker'])).toEqual([])
        expect(await store.listStaff(['G1'], [])).toEqual([])
      })

      it('follows grant changes made by putUser', async () => {
        await store.putUser({ ...worker, grants: [{ role: 'grid_worker', unitCode: 'G2' }] })
        expect((await store.listStaff(['G1'], ['grid_worker'])).map((u) => u.id)).toEqual(['a1'])
        await store.putUser({ ...resident, grants: [...resident.grants, { role: 'grid_worker', unitCode: 'G1' }] })
        expect((await store.listStaff(['G1'], ['grid_worker'])).map((u) => u.id)).toEqual(['a1', 'u1'])
        await store.putUser({ ...both, grants: [] })
        expect((await store.listStaff(['G1', 'S1'], ['grid_worker', 'dispatcher'])).map((u) => u.id)).toEqual(['d1', 'u1'])
      })
    })

    describe('caseStats', () => {
      const TERMINAL = ['closed', 'rejected', 'merged'] as const
      const NOW = at(100)
      // Shanghai is UTC+8: 15:59:59.999Z is still 23:59 of the 1st there, 16:00Z is the 2nd.
      const LATE_ON_1ST = '2026-03-01T15:59:59.999Z'
      const START_OF_2ND = '2026-03-01T16:00:00.000Z'
      const hoursAfter = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString()
      const withPayload = (extra: Record<string, unknown>) => ({ ...makeCase().payload, ...extra })

      // at(0) is 2026-03-01 16:00 in Shanghai: still the 1st, like LATE_ON_1ST.
      const s1 = makeCase({ id: caseId(1), status: 'submitted', category: 'road', gridCode: 'G1', createdAt: at(0), slaDeadline: at(50) }) // overdue
      const s2 = makeCase({ id: caseId(2), status: 'closed', category: 'road', gridCode: 'G1', createdAt: at(0), slaDeadline: at(50), payload: withPayload({ resolvedAt: hoursAfter(at(0), 1.5) }) }) // terminal: not overdue
      const s3 = makeCase({ id: caseId(3), status: 'accepted', category: 'noise', gridCode: 'G2', createdAt: LATE_ON_1ST, slaDeadline: NOW }) // deadline == now: not overdue
      const s4 = makeCase({ id: caseId(4), status: 'resolved', category: 'noise', gridCode: null, createdAt: START_OF_2ND, slaDeadline: at(150), payload: withPayload({ resolvedAt: hoursAfter(START_OF_2ND, 3) }) })
      const s5 = makeCase({ id: caseId(5), status: 'in_progress', category: 'road', gridCode: null, createdAt: START_OF_2ND, slaDeadline: null, payload: withPayload({ resolvedAt: null, department: 'chengguan' }) }) // no deadline: never overdue
      const s6 = makeCase({ id: caseId(6), status: 'assigned', category: 'sanitation', gridCode: 'G2', createdAt: at(-1), slaDeadline: at(99), payload: withPayload({ department: 'chengguan' }) }) // overdue
      const s7 = makeCase({ id: caseId(7), kind: 'mediation' as CaseKind, status: 'mediating', category: 'family', gridCode: 'G1', createdAt: at(1), slaDeadline: at(1) }) // overdue, other kind

      beforeEach(async () => {
        await insert(...[s1, s2, s3, s4, s5, s6, s7].map((c) => ({ ...c, idempotencyKey: `k-${c.id}` })))
      })

      it('counts, breaks down and averages over all matching cases', async () => {
        const stats = await store.caseStats({}, NOW, TERMINAL)
        expect(stats).toEqual<CaseStats>({
          total: 7,
          overdue: 3,
          byStatus: { submitted: 1, closed: 1, accepted: 1, resolved: 1, in_progress: 1, assigned: 1, mediating: 1 },
          byCategory: { road: 3, noise: 2, sanitation: 1, family: 1 },
          byGrid: { G1: 3, G2: 2, '': 2 },
          byDay: { '2026-03-01': 5, '2026-03-02': 2 },
          avgHoursToResolve: expect.any(Number) as unknown as number,
        })
        // (1.5 + 3) / 2: only cases whose payload has a resolvedAt time count.
        expect(stats.avgHoursToResolve).toBeCloseTo(2.25, 6)
      })

      it('applies the same filters as listCases and agrees with countCases', async () => {
        const queries: CaseQuery[] = [
          { kind: 'report' },
          { gridCodes: ['G1'] },
          { department: 'chengguan' },
          { createdBefore: START_OF_2ND },
          { slaBefore: NOW, statuses: ['submitted', 'accepted', 'assigned', 'in_progress'] },
          { ids: [caseId(2), caseId(4), caseId(404)] },
        ]
        for (const q of queries) {
          const stats = await store.caseStats(q, NOW, TERMINAL)
          const listed = await store.listCases(q)
          expect(stats.total).toBe(await store.countCases(q))
          expect(stats.total).toBe(listed.length)
          const byStatus: Record<string, number> = {}
          for (const c of listed) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1
          expect(stats.byStatus).toEqual(byStatus)
        }

        const g1 = await store.caseStats({ gridCodes: ['G1'], kind: 'report' }, NOW, TERMINAL)
        expect(g1).toEqual<CaseStats>({
          total: 2,
          overdue: 1,
          byStatus: { submitted: 1, closed: 1 },
          byCategory: { road: 2 },
          byGrid: { G1: 2 },
          byDay: { '2026-03-01': 2 },
          avgHoursToResolve: expect.any(Number) as unknown as number,
        })
        expect(g1.avgHoursToResolve).toBeCloseTo(1.5, 6)

        const dept = await store.caseStats({ department: 'chengguan' }, NOW, TERMINAL)
        expect(dept).toMatchObject({ total: 2, overdue: 1, byGrid: { '': 1, G2: 1 }, avgHoursToResolve: null })
      })

      it('ignores limit, cursor and order', async () => {
        const plain = await store.caseStats({ kind: 'report' }, NOW, TERMINAL)
        expect(await store.caseStats({ kind: 'report', limit: 1, before: caseId(3), order: 'sla' }, NOW, TERMINAL)).toEqual(plain)
      })

      it('measures overdue against now and the given terminal statuses', async () => {
        expect((await store.caseStats({}, at(0), TERMINAL)).overdue).toBe(0)
        expect((await store.caseStats({}, at(2), TERMINAL)).overdue).toBe(1) // s7 only
        // Nothing terminal: s2 counts too. Cases without a deadline never do.
        expect((await store.caseStats({}, at(100_000), [])).overdue).toBe(6)
        expect((await store.caseStats({}, at(100_000), ['closed', 'resolved', 'mediating'])).overdue).toBe(3)
      })

      it('returns zeroes and a null average when nothing matches', async () => {
        const empty: CaseStats = { total: 0, overdue: 0, byStatus: {}, byCategory: {}, byGrid: {}, byDay: {}, avgHoursToResolve: null }
        expect(await store.caseStats({ creatorId: 'nobody' }, NOW, TERMINAL)).toEqual(empty)
        expect(await store.caseStats({ gridCodes: [] }, NOW, TERMINAL)).toEqual(empty)
        expect(await store.caseStats({ ids: [] }, NOW, TERMINAL)).toEqual(empty)
        expect((await store.caseStats({ ids: [caseId(1), caseId(3)] }, NOW, TERMINAL)).avgHoursToResolve).toBeNull()
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

    describe('grid boards', () => {
      it('stores a board per grid and replaces it whole on put', async () => {
        expect(await store.getBoard('G1')).toBeNull()
        const b = makeBoard()
        await store.putBoard(b)
        expect(await store.getBoard('G1')).toEqual(b)
        expect(await store.getBoard('G2')).toBeNull()
        const qr = { fileId: 'cloud://env/qr/G1.png', uploadedAt: at(10), expiresAt: at(10 + 7 * 24 * 60) }
        const b2 = makeBoard({ team: [{ role: '网格员', name: '李网格', phone: null }], services: [], joinPolicy: 'open', qr, households: 0, updatedAt: at(10) })
        await store.putBoard(b2)
        await store.putBoard(makeBoard({ gridCode: 'G2', scope: '另一片' }))
        expect(await store.getBoard('G1')).toEqual(b2)
        expect((await store.getBoard('G2'))?.scope).toBe('另一片')
        // Back to no QR: the old one does not linger.
        await store.putBoard(makeBoard({ updatedAt: at(20) }))
        expect((await store.getBoard('G1'))?.qr).toBeNull()
      })

      it('normalises instants to canonical ISO form', async () => {
        await store.putBoard(makeBoard({ updatedAt: '2026-03-01T08:00:00Z', qr: { fileId: 'f', uploadedAt: '2026-03-01T08:00:00Z', expiresAt: '2026-03-08T08:00:00+00:00' } }))
        const got = await store.getBoard('G1')
        expect(got?.updatedAt).toBe('2026-03-01T08:00:00.000Z')
        expect(got?.qr).toEqual({ fileId: 'f', uploadedAt: '2026-03-01T08:00:00.000Z', expiresAt: '2026-03-08T08:00:00.000Z' })
      })
    })

    describe('memberships', () => {
      it('upserts one membership per (grid, user)', async () => {
        expect(await store.getMembership('G1', 'u1')).toBeNull()
        const m = makeMembership({ building: '3 栋' })
        await store.putMembership(m)
        expect(await store.getMembership('G1', 'u1')).toEqual(m)
        expect(await store.getMembership('G1', 'u2')).toBeNull()
        expect(await store.getMembership('G2', 'u1')).toBeNull()
        const joined = { ...m, status: 'joined' as const, decidedAt: at(5), decidedBy: 'w1' }
        await store.putMembership(joined)
        expect(await store.getMembership('G1', 'u1')).toEqual(joined)
        expect(await store.listMemberships('G1', 'requested')).toEqual([])
        expect(await store.listMemberships('G1', 'joined')).toEqual([joined])
      })

      it("lists a grid's memberships in one status, oldest request first, up to the limit", async () => {
        await store.putMembership(makeMembership({ userId: 'u3', requestedAt: at(3) }))
        await store.putMembership(makeMembership({ userId: 'u1', requestedAt: at(1) }))
        await store.putMembership(makeMembership({ userId: 'u2', requestedAt: at(2) }))
        await store.putMembership(makeMembership({ userId: 'u4', requestedAt: at(0), status: 'joined' }))
        await store.putMembership(makeMembership({ userId: 'u5', requestedAt: at(0), gridCode: 'G2' }))
        const list = await store.listMemberships('G1', 'requested')
        expect(list.map((m) => m.userId)).toEqual(['u1', 'u2', 'u3'])
        expect((await store.listMemberships('G1', 'requested', 2)).map((m) => m.userId)).toEqual(['u1', 'u2'])
        expect((await store.listMemberships('G1', 'joined')).map((m) => m.userId)).toEqual(['u4'])
        expect(await store.listMemberships('G1', 'left')).toEqual([])
        expect(await store.listMemberships('G9', 'requested')).toEqual([])
      })

      it('counts memberships in a status summed over grids', async () => {
        for (const [g, u, st] of [
          ['G1', 'u1', 'joined'],
          ['G1', 'u2', 'joined'],
          ['G1', 'u3', 'requested'],
          ['G2', 'u1', 'joined'],
          ['G2', 'u4', 'left'],
          ['G3', 'u5', 'joined'],
        ] as const) {
          await store.putMembership(makeMembership({ gridCode: g, userId: u, status: st }))
        }
        expect(await store.countMemberships(['G1'], 'joined')).toBe(2)
        // u1 is in both grids: the sum counts each membership.
        expect(await store.countMemberships(['G1', 'G2'], 'joined')).toBe(3)
        expect(await store.countMemberships(['G1', 'G2', 'G3', 'G9'], 'joined')).toBe(4)
        // A grid named twice counts once.
        expect(await store.countMemberships(['G1', 'G1'], 'joined')).toBe(2)
        expect(await store.countMemberships(['G1', 'G2'], 'requested')).toBe(1)
        expect(await store.countMemberships(['G2'], 'left')).toBe(1)
        expect(await store.countMemberships([], 'joined')).toBe(0)
      })

      it("lists a user's memberships in every status and grid, oldest request first", async () => {
        await store.putMembership(makeMembership({ gridCode: 'G2', userId: 'u1', requestedAt: at(5), status: 'joined' }))
        await store.putMembership(makeMembership({ gridCode: 'G1', userId: 'u1', requestedAt: at(1), status: 'left' }))
        await store.putMembership(makeMembership({ gridCode: 'G3', userId: 'u1', requestedAt: at(9) }))
        await store.putMembership(makeMembership({ gridCode: 'G1', userId: 'u2' }))
        const mine = await store.membershipsOf('u1')
        expect(mine.map((m) => [m.gridCode, m.status])).toEqual([
          ['G1', 'left'],
          ['G2', 'joined'],
          ['G3', 'requested'],
        ])
        expect(await store.membershipsOf('nobody')).toEqual([])
      })
    })

    describe('announcements', () => {
      const ann = (n: number, gridCodes: string[], overrides: Partial<Announcement> = {}) =>
        makeAnnouncement({ id: announcementId(n), gridCodes, publishedAt: at(n), ...overrides })

      it('stores an announcement once and returns it', async () => {
        const a = ann(1, ['G1', 'G2'], { publishedAt: '2026-03-01T08:01:00Z' })
        const stored = await store.addAnnouncement(a)
        const canonical = { ...a, publishedAt: '2026-03-01T08:01:00.000Z' }
        expect(stored).toEqual(canonical)
        expect(await store.getAnnouncement(a.id)).toEqual(canonical)
        expect(await store.getAnnouncement(announcementId(99))).toBeNull()
      })

      it('is idempotent on (author, key): a second add stores nothing and returns the first', async () => {
        const first = ann(1, ['G1'], { idempotencyKey: 'k1' })
        expect(await store.addAnnouncement(first)).toEqual(first)
        const retry = ann(2, ['G1', 'G2'], { idempotencyKey: 'k1', title: '重发' })
        expect(await store.addAnnouncement(retry)).toEqual(first)
        expect(await store.getAnnouncement(retry.id)).toBeNull()
        expect((await store.listAnnouncements(['G1', 'G2'], {})).map((a) => a.id)).toEqual([first.id])
        expect((await store.listAnnouncementsBy('w1', {})).map((a) => a.id)).toEqual([first.id])
        // The key is per author, and another key is another announcement.
        const other = ann(3, ['G1'], { idempotencyKey: 'k1', authorId: 'w2' })
        expect(await store.addAnnouncement(other)).toEqual(other)
        const next = ann(4, ['G1'], { idempotencyKey: 'k2' })
        expect(await store.addAnnouncement(next)).toEqual(next)
        expect((await store.listAnnouncements(['G1'], {})).map((a) => a.id)).toEqual([next.id, other.id, first.id])
      })

      it('stores one announcement for concurrent adds with the same key, and all get it', async () => {
        const tries = Array.from({ length: 5 }, (_, i) => ann(10 + i, ['G1', 'G2', 'G3'], { idempotencyKey: 'same', title: `第 ${i} 次` }))
        const results = await Promise.all(tries.map((a) => store.addAnnouncement(a)))
        const winner = results[0]
        expect(tries.map((a) => a.id)).toContain(winner.id)
        for (const r of results) expect(r).toEqual(winner)
        const stored = await Promise.all(tries.map((a) => store.getAnnouncement(a.id)))
        expect(stored.filter((x) => x !== null)).toEqual([winner])
        expect(await store.listAnnouncements(['G1', 'G2', 'G3'], {})).toEqual([winner])
        expect(await store.listAnnouncementsBy('w1', {})).toEqual([winner])
      })

      it('lists announcements reaching any of the grids, newest first, each once', async () => {
        await store.addAnnouncement(ann(1, ['G1']))
        await store.addAnnouncement(ann(2, ['G2']))
        await store.addAnnouncement(ann(3, ['G1', 'G2', 'G3']))
        await store.addAnnouncement(ann(4, ['G3']))
        await store.addAnnouncement(ann(5, ['G2', 'G1']))
        const list = async (grids: string[], opts: Parameters<Store['listAnnouncements']>[1] = {}) =>
          (await store.listAnnouncements(grids, opts)).map((a) => a.id)
        expect(await list(['G1'])).toEqual([5, 3, 1].map(announcementId))
        expect(await list(['G1', 'G2'])).toEqual([5, 3, 2, 1].map(announcementId))
        expect(await list(['G3'])).toEqual([4, 3].map(announcementId))
        expect(await list(['G1', 'G2', 'G3', 'G9'])).toEqual([5, 4, 3, 2, 1].map(announcementId))
        expect(await list(['G9'])).toEqual([])
        expect(await list([])).toEqual([])
        // Whole announcements, as stored.
        expect(await store.listAnnouncements(['G3'], { limit: 1 })).toEqual([ann(4, ['G3'])])
      })

      it('pages with before and limit', async () => {
        for (let n = 1; n <= 7; n++) await store.addAnnouncement(ann(n, n % 2 ? ['G1', 'G2'] : ['G2']))
        const page1 = await store.listAnnouncements(['G1', 'G2'], { limit: 3 })
        expect(page1.map((a) => a.id)).toEqual([7, 6, 5].map(announcementId))
        const page2 = await store.listAnnouncements(['G1', 'G2'], { limit: 3, before: page1[2].id })
        expect(page2.map((a) => a.id)).toEqual([4, 3, 2].map(announcementId))
        const page3 = await store.listAnnouncements(['G1', 'G2'], { limit: 3, before: page2[2].id })
        expect(page3.map((a) => a.id)).toEqual([announcementId(1)])
        expect(await store.listAnnouncements(['G1', 'G2'], { limit: 3, before: announcementId(1) })).toEqual([])
        expect((await store.listAnnouncements(['G1'], { before: announcementId(5) })).map((a) => a.id)).toEqual(
          [3, 1].map(announcementId),
        )
      })

      it('defaults to 20 and caps at 100', async () => {
        for (let n = 1; n <= 105; n++) await store.addAnnouncement(ann(n, ['G1']))
        expect(await store.listAnnouncements(['G1'], {})).toHaveLength(20)
        const all = await store.listAnnouncements(['G1'], { limit: 1000 })
        expect(all).toHaveLength(100)
        expect(all[0].id).toBe(announcementId(105))
        expect(await store.listAnnouncementsBy('w1', {})).toHaveLength(20)
        expect(await store.listAnnouncementsBy('w1', { limit: 500 })).toHaveLength(100)
      })

      it('filters by type', async () => {
        await store.addAnnouncement(ann(1, ['G1'], { type: 'notice' }))
        await store.addAnnouncement(ann(2, ['G1', 'G2'], { type: 'emergency' }))
        await store.addAnnouncement(ann(3, ['G2'], { type: 'activity' }))
        await store.addAnnouncement(ann(4, ['G1'], { type: 'emergency' }))
        await store.addAnnouncement(ann(5, ['G3'], { type: 'emergency' }))
        const list = async (grids: string[], opts: Parameters<Store['listAnnouncements']>[1]) =>
          (await store.listAnnouncements(grids, opts)).map((a) => a.id)
        expect(await list(['G1', 'G2'], { type: 'emergency' })).toEqual([4, 2].map(announcementId))
        expect(await list(['G1', 'G2'], { type: 'emergency', limit: 1 })).toEqual([announcementId(4)])
        expect(await list(['G1', 'G2'], { type: 'emergency', before: announcementId(4) })).toEqual([announcementId(2)])
        expect(await list(['G1', 'G2'], { type: 'activity' })).toEqual([announcementId(3)])
        expect(await list(['G1'], { type: 'reminder' })).toEqual([])
      })

      it("lists an author's announcements newest first, with paging", async () => {
        await store.addAnnouncement(ann(1, ['G1']))
        await store.addAnnouncement(ann(2, ['G2'], { authorId: 'w2' }))
        await store.addAnnouncement(ann(3, ['G1', 'G2']))
        await store.addAnnouncement(ann(4, ['G9']))
        const mine = await store.listAnnouncementsBy('w1', {})
        expect(mine.map((a) => a.id)).toEqual([4, 3, 1].map(announcementId))
        expect(mine[1]).toEqual(ann(3, ['G1', 'G2']))
        expect((await store.listAnnouncementsBy('w1', { limit: 2 })).map((a) => a.id)).toEqual([4, 3].map(announcementId))
        expect((await store.listAnnouncementsBy('w1', { before: announcementId(3) })).map((a) => a.id)).toEqual([announcementId(1)])
        expect((await store.listAnnouncementsBy('w2', {})).map((a) => a.id)).toEqual([announcementId(2)])
        expect(await store.listAnnouncementsBy('nobody', {})).toEqual([])
      })

      it('keeps the first read per (announcement, user)', async () => {
        const a1 = announcementId(1)
        const a2 = announcementId(2)
        await store.markAnnouncementRead(a1, 'u2', at(5))
        await store.markAnnouncementRead(a1, 'u1', at(3))
        await store.markAnnouncementRead(a1, 'u2', at(1))
        await store.markAnnouncementRead(a1, 'u1', at(9))
        await store.markAnnouncementRead(a2, 'u3', at(2))
        expect(await store.announcementReads(a1)).toEqual([
          { userId: 'u1', readAt: at(3) },
          { userId: 'u2', readAt: at(5) },
        ])
        expect(await store.announcementReads(a2)).toEqual([{ userId: 'u3', readAt: at(2) }])
        expect(await store.announcementReads(announcementId(3))).toEqual([])
        await Promise.all(Array.from({ length: 5 }, (_, i) => store.markAnnouncementRead(a2, 'u4', at(10 + i))))
        expect(await store.announcementReads(a2)).toEqual([
          { userId: 'u3', readAt: at(2) },
          { userId: 'u4', readAt: expect.stringMatching(/^2026-03-01T08:1\d:00\.000Z$/) },
        ])
        await store.markAnnouncementRead(a2, 'u5', '2026-03-01T09:00:00Z')
        expect((await store.announcementReads(a2))[2]).toEqual({ userId: 'u5', readAt: '2026-03-01T09:00:00.000Z' })
      })

      it("answers which of the given announcements a user has read, in the given order", async () => {
        const [a1, a2, a3, a4] = [1, 2, 3, 4].map(announcementId)
        await store.markAnnouncementRead(a3, 'u1', at(1))
        await store.markAnnouncementRead(a1, 'u1', at(2))
        await store.markAnnouncementRead(a2, 'u2', at(3))
        expect(await store.readAnnouncements('u1', [a4, a3, a2, a1])).toEqual([a3, a1])
        expect(await store.readAnnouncements('u1', [a1, a3])).toEqual([a1, a3])
        expect(await store.readAnnouncements('u1', [a2, a4])).toEqual([])
        expect(await store.readAnnouncements('u1', [a1, a1])).toEqual([a1])
        expect(await store.readAnnouncements('u2', [a1, a2, a3])).toEqual([a2])
        expect(await store.readAnnouncements('u1', [])).toEqual([])
        expect(await store.readAnnouncements('nobody', [a1])).toEqual([])
      })
    })

    describe('subscribe quota', () => {
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
    })
  })
}
