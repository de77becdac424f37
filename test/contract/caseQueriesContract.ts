/**
 * Queries over the case aggregate every adapter must answer alike: filters, orders, paging,
 * limits and the statistics.
 */
import type { Case, CaseKind } from '../../src/core/case'
import type { CaseQuery, CaseStats } from '../../backend/ports'
import { at, byId, caseId, ids, insertCases, makeCase, type OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

export function describeCaseQueriesContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Case query contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)
    const insert = (...cases: Case[]) => insertCases(store, ...cases)

    describe('listCases and countCases', () => {
      // Six cases across two grids, one street, three creators; sla ties and nulls included.
      const c1 = makeCase({ id: caseId(1), creatorId: 'u1', gridCode: 'G1', unitCode: 'G1', status: 'submitted', category: 'road', slaDeadline: at(60), createdAt: at(1) })
      const dept = (department: string) => ({ ...makeCase().payload, department })
      const c2 = makeCase({ id: caseId(2), creatorId: 'u2', gridCode: 'G1', unitCode: 'S1', status: 'accepted', category: 'sanitation', assigneeId: 'w1', slaDeadline: at(30), createdAt: at(2), payload: dept('chengguan'), number: '京溪-2026-00002' })
      const c3 = makeCase({ id: caseId(3), creatorId: 'u1', gridCode: 'G2', unitCode: 'G2', status: 'in_progress', category: 'road', assigneeId: 'w1', slaDeadline: null, createdAt: at(3), payload: dept('zhujian'), number: '京溪-2026-00003' })
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
        // The desk's search by the number people say.
        ['number', { number: '京溪-2026-00002' }, [c2]],
        ['number within a scope', { number: '京溪-2026-00003', gridCodes: ['G1'] }, []],
        ['number unknown', { number: '京溪-2026-00009' }, []],
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
  })
}
