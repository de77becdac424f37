/**
 * The street key of cases (CaseQuery.streetCodes) and deadline-ordered keyset paging, as every
 * adapter must answer them: a whole street's queue by its key, and a queue paged by the last
 * case's id returns every case once, in (deadline, id) order with undated cases last.
 */
import type { Case, CaseKind } from '../../src/core/case'
import type { OrgUnit } from '../../src/core/org'
import type { CaseQuery } from '../../backend/ports'
import { at, caseId, insertCases, makeCase, type OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

const UNITS: OrgUnit[] = [
  { code: 'D', name: '白云区', level: 'district', parentCode: null },
  { code: 'S1', name: '京溪街道', level: 'street', parentCode: 'D' },
  { code: 'S2', name: '同和街道', level: 'street', parentCode: 'D' },
  { code: 'C1', name: '云景社区', level: 'community', parentCode: 'S1' },
  { code: 'G1', name: '第1网格', level: 'grid', parentCode: 'C1' },
  { code: 'G2', name: '第2网格', level: 'grid', parentCode: 'C1' },
  // A grid straight under its street, no community between.
  { code: 'G3', name: '第3网格', level: 'grid', parentCode: 'S2' },
]

const ids = (cs: readonly Case[]) => cs.map((c) => c.id)

/** The queue's order: deadline first, cases without one last, id breaking ties. */
function slaSorted(cs: readonly Case[]): Case[] {
  return [...cs].sort((a, b) => {
    if (a.slaDeadline !== b.slaDeadline) {
      if (a.slaDeadline === null) return 1
      if (b.slaDeadline === null) return -1
      return a.slaDeadline < b.slaDeadline ? -1 : 1
    }
    return a.id < b.id ? -1 : 1
  })
}

export function describeCaseStreetsContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Case street key and keyset paging contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)

    describe('streetCodes', () => {
      const g1 = makeCase({ id: caseId(1), gridCode: 'G1', unitCode: 'G1', slaDeadline: at(10) })
      // Escalated to the street: still its grid's street.
      const g2 = makeCase({ id: caseId(2), gridCode: 'G2', unitCode: 'S1', slaDeadline: at(5) })
      const g3 = makeCase({ id: caseId(3), gridCode: 'G3', unitCode: 'G3', slaDeadline: at(7) })
      // Mediation cases have no grid: the street of their unit.
      const m1 = makeCase({ id: caseId(4), kind: 'mediation' as CaseKind, gridCode: null, unitCode: 'C1', slaDeadline: at(1) })
      const m2 = makeCase({ id: caseId(5), kind: 'mediation' as CaseKind, gridCode: null, unitCode: 'S2', slaDeadline: null })
      // Above streets: no street key, in no street's queue.
      const top = makeCase({ id: caseId(6), kind: 'mediation' as CaseKind, gridCode: null, unitCode: 'D', slaDeadline: at(2) })

      beforeEach(async () => {
        await store.putUnits(UNITS)
        await insertCases(store, g1, g2, g3, m1, m2, top)
      })

      it('finds a street’s cases by the street of their grid, or of their unit when they have none', async () => {
        expect(ids(await store.listCases({ streetCodes: ['S1'], order: 'sla' }))).toEqual(ids([m1, g2, g1]))
        expect(ids(await store.listCases({ streetCodes: ['S2'], order: 'sla' }))).toEqual(ids([g3, m2]))
        expect(ids(await store.listCases({ streetCodes: ['S1', 'S2'], kind: 'report', order: 'sla' }))).toEqual(ids([g2, g3, g1]))
        expect(await store.listCases({ streetCodes: ['D'] })).toEqual([])
        expect(await store.listCases({ streetCodes: [] })).toEqual([])
        expect(await store.countCases({ streetCodes: ['S1'] })).toBe(3)
        expect(await store.countCases({ streetCodes: ['S1'], kind: 'report', statuses: ['submitted'] })).toBe(2)
      })

      it('a street’s key equals the list of its grids for reports', async () => {
        const byGrids = await store.listCases({ kind: 'report', gridCodes: ['G1', 'G2'], order: 'sla' })
        const byStreet = await store.listCases({ kind: 'report', streetCodes: ['S1'], order: 'sla' })
        expect(ids(byStreet)).toEqual(ids(byGrids))
      })

      it('follows a case moved to a grid of another street', async () => {
        await store.transaction(async (tx) => {
          expect(await tx.updateCase({ ...g1, gridCode: 'G3', unitCode: 'G3', version: 2 }, 1)).toBe(true)
        })
        expect(ids(await store.listCases({ streetCodes: ['S2'], kind: 'report', order: 'sla' }))).toEqual(ids([g3, g1]))
        expect(ids(await store.listCases({ streetCodes: ['S1'], kind: 'report', order: 'sla' }))).toEqual(ids([g2]))
      })

      it('re-keys the cases of a community an org import moves to another street', async () => {
        const moved = { ...UNITS[3]!, parentCode: 'S2' }
        await store.putUnits([moved])
        // Its grids' reports (one escalated to S1 itself) and its own mediation case follow it.
        expect(ids(await store.listCases({ streetCodes: ['S1'], order: 'sla' }))).toEqual([])
        expect(ids(await store.listCases({ streetCodes: ['S2'], order: 'sla' }))).toEqual(ids([m1, g2, g3, g1, m2]))
        // A retried import changes nothing more.
        await store.putUnits([moved])
        expect(ids(await store.listCases({ streetCodes: ['S2'], order: 'sla' }))).toEqual(ids([m1, g2, g3, g1, m2]))
        // Moved back, then a unit removed from the org: its cases leave every street.
        await store.putUnits([UNITS[3]!])
        expect(ids(await store.listCases({ streetCodes: ['S1'], order: 'sla' }))).toEqual(ids([m1, g2, g1]))
        await store.deleteUnits(['G1'])
        expect(ids(await store.listCases({ streetCodes: ['S1'], order: 'sla' }))).toEqual(ids([m1, g2]))
        expect(ids(await store.listCases({ streetCodes: ['S2'], order: 'sla' }))).toEqual(ids([g3, m2]))
      })

      it('counts at most the cap when one is given', async () => {
        expect(await store.countCases({ streetCodes: ['S1', 'S2'] }, 2)).toBe(2)
        expect(await store.countCases({ streetCodes: ['S1', 'S2'] }, 100)).toBe(5)
        expect(await store.countCases({ streetCodes: ['S1', 'S2'] })).toBe(5)
      })
    })

    describe('deadline order paged by the last case’s id', () => {
      const STATUSES = ['submitted', 'accepted', 'in_progress', 'closed']
      // 45 cases over both streets: tied deadlines, cases without one, every status.
      const all: Case[] = Array.from({ length: 45 }, (_, i) =>
        makeCase({
          id: caseId(100 + ((i * 17) % 45)),
          gridCode: ['G1', 'G2', 'G3'][i % 3]!,
          unitCode: ['G1', 'G2', 'G3'][i % 3]!,
          status: STATUSES[i % 4]!,
          category: i % 5 === 0 ? 'noise' : 'road',
          slaDeadline: i % 7 === 0 ? null : at(100 + (i % 6) * 10),
          createdAt: at(i),
        }),
      )

      beforeEach(async () => {
        await store.putUnits(UNITS)
        await insertCases(store, ...all)
      })

      const inS1 = (c: Case) => c.gridCode === 'G1' || c.gridCode === 'G2'
      const shapes: Array<[string, CaseQuery, (c: Case) => boolean]> = [
        ['a street and some statuses', { streetCodes: ['S1'], statuses: ['submitted', 'in_progress'] }, (c) => inS1(c) && ['submitted', 'in_progress'].includes(c.status)],
        ['two streets and every status', { streetCodes: ['S1', 'S2'], statuses: STATUSES }, () => true],
        ['grids and a status', { gridCodes: ['G1', 'G3'], statuses: ['accepted'] }, (c) => c.gridCode !== 'G2' && c.status === 'accepted'],
        ['a street with a category', { streetCodes: ['S1'], statuses: STATUSES, category: 'noise' }, (c) => inS1(c) && c.category === 'noise'],
        ['overdue (before a deadline)', { streetCodes: ['S2'], statuses: STATUSES, slaBefore: at(125) }, (c) => c.gridCode === 'G3' && c.slaDeadline !== null && c.slaDeadline < at(125)],
        ['a street, no status list', { streetCodes: ['S1'] }, inS1],
        ['no place at all', { kind: 'report' }, () => true],
      ]

      it.each(shapes)('%s: every case once, in order', async (_name, q, matches) => {
        const want = slaSorted(all.filter(matches))
        expect(want.length).toBeGreaterThan(0)
        for (const limit of [1, 4, 50]) {
          const got: Case[] = []
          let before: string | undefined
          for (let page = 0; page < 100; page++) {
            const rows = await store.listCases({ ...q, order: 'sla', limit, before })
            got.push(...rows)
            if (rows.length < limit) break
            before = rows[rows.length - 1]!.id
          }
          expect(ids(got)).toEqual(ids(want))
        }
      })

      it('a cursor naming no stored case gives an empty page', async () => {
        expect(await store.listCases({ streetCodes: ['S1'], statuses: STATUSES, order: 'sla', before: caseId(99_999) })).toEqual([])
      })
    })
  })
}
