/**
 * The grid aggregate every adapter must show: boards, memberships, announcements and reads.
 */
import type { Announcement, Store } from '../../backend/ports'
import { announcementId, at, makeAnnouncement, makeBoard, makeMembership, type OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

/** An announcement as a list returns it (AnnouncementHead): all but its target grids. */
const headOf = ({ gridCodes: _grids, ...head }: Announcement) => head

export function describeGridContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Grid store contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)

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
        expect(await store.listAnnouncements(['G1', 'G2', 'G3'], {})).toEqual([headOf(winner)])
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
        // Announcements as stored, without their target grids (AnnouncementHead).
        expect(await store.listAnnouncements(['G3'], { limit: 1 })).toEqual([headOf(ann(4, ['G3']))])
        expect(await store.listAnnouncements(['G1'], { limit: 1 })).toEqual([headOf(ann(5, ['G2', 'G1']))])
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

      describe('read receipts by counts and pages', () => {
        const scope = { id: announcementId(1), gridCodes: ['G2', 'G1', 'G2'] }
        /** G1: u1 u2 u6 joined, u3 left, u4 requested; G2: u1 u5 joined, u6 left; G3: u7 joined. */
        const roster = async () => {
          for (const [g, u, st, min] of [
            ['G1', 'u1', 'joined', 5],
            ['G1', 'u2', 'joined', 1],
            ['G1', 'u3', 'left', 0],
            ['G1', 'u4', 'requested', 2],
            ['G1', 'u6', 'joined', 1],
            ['G2', 'u5', 'joined', 3],
            ['G2', 'u1', 'joined', 4],
            ['G2', 'u6', 'left', 0],
            ['G3', 'u7', 'joined', 0],
          ] as const) {
            await store.putMembership(makeMembership({ gridCode: g, userId: u, status: st, requestedAt: at(min), building: `${u} 栋` }))
          }
        }

        it('counts readers still joined in one of the grids, once each, and those who read by a time', async () => {
          await roster()
          await store.markAnnouncementRead(scope.id, 'u1', at(1))
          await store.markAnnouncementRead(scope.id, 'u2', at(20))
          // u3 read, then left: no longer counted. u6 left G2 but is still in G1: counted.
          await store.markAnnouncementRead(scope.id, 'u3', at(2))
          await store.markAnnouncementRead(scope.id, 'u6', at(3))
          await store.markAnnouncementRead(announcementId(2), 'u5', at(1))
          expect(await store.countAnnouncementReads(scope, at(10))).toEqual({ read: 3, readBy: 2 })
          expect(await store.countAnnouncementReads(scope, at(3))).toEqual({ read: 3, readBy: 2 })
          expect(await store.countAnnouncementReads(scope, at(0))).toEqual({ read: 3, readBy: 0 })
          expect(await store.countAnnouncementReads({ id: announcementId(2), gridCodes: ['G2'] }, at(10))).toEqual({ read: 1, readBy: 1 })
          expect(await store.countAnnouncementReads({ id: announcementId(3), gridCodes: ['G1'] }, at(10))).toEqual({ read: 0, readBy: 0 })
          // Leaving the last of the grids takes the read out of the count; joining again puts it back.
          await store.putMembership(makeMembership({ gridCode: 'G1', userId: 'u6', status: 'left', requestedAt: at(1) }))
          expect(await store.countAnnouncementReads(scope, at(10))).toEqual({ read: 2, readBy: 1 })
          await store.putMembership(makeMembership({ gridCode: 'G1', userId: 'u3', status: 'joined', requestedAt: at(0) }))
          expect(await store.countAnnouncementReads(scope, at(10))).toEqual({ read: 3, readBy: 2 })
        })

        it('pages the unread joined memberships by grid, request time and user, after a cursor', async () => {
          await roster()
          await store.markAnnouncementRead(scope.id, 'u2', at(1))
          const key = (m: { gridCode: string; userId: string }) => `${m.gridCode}/${m.userId}`
          const all = await store.unreadMembers(scope, { limit: 50 })
          expect(all.map(key)).toEqual(['G1/u6', 'G1/u1', 'G2/u5', 'G2/u1'])
          expect(all[0]).toEqual(makeMembership({ gridCode: 'G1', userId: 'u6', status: 'joined', requestedAt: at(1), building: 'u6 栋' }))
          const first = await store.unreadMembers(scope, { limit: 2 })
          expect(first.map(key)).toEqual(['G1/u6', 'G1/u1'])
          expect((await store.unreadMembers(scope, { after: first[1], limit: 2 })).map(key)).toEqual(['G2/u5', 'G2/u1'])
          expect((await store.unreadMembers(scope, { after: first[0], limit: 2 })).map(key)).toEqual(['G1/u1', 'G2/u5'])
          expect(await store.unreadMembers(scope, { after: all[3], limit: 2 })).toEqual([])
          for (const u of ['u1', 'u5', 'u6']) await store.markAnnouncementRead(scope.id, u, at(2))
          expect(await store.unreadMembers(scope, { limit: 50 })).toEqual([])
          expect(await store.unreadMembers({ id: scope.id, gridCodes: ['G3'] }, { limit: 50 })).toHaveLength(1)
        })

        it('lists the first readers still joined in one of the grids, in the order they read', async () => {
          await roster()
          await store.markAnnouncementRead(scope.id, 'u5', at(4))
          await store.markAnnouncementRead(scope.id, 'u3', at(1))
          await store.markAnnouncementRead(scope.id, 'u2', at(2))
          await store.markAnnouncementRead(scope.id, 'u1', at(2))
          await store.markAnnouncementRead(announcementId(2), 'u6', at(0))
          expect(await store.announcementReaders(scope, { limit: 50 })).toEqual([
            { userId: 'u1', readAt: at(2) },
            { userId: 'u2', readAt: at(2) },
            { userId: 'u5', readAt: at(4) },
          ])
          expect(await store.announcementReaders(scope, { limit: 2 })).toEqual([
            { userId: 'u1', readAt: at(2) },
            { userId: 'u2', readAt: at(2) },
          ])
          expect(await store.announcementReaders({ id: announcementId(3), gridCodes: ['G1'] }, { limit: 50 })).toEqual([])
        })
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
  })
}
