/**
 * The audit log every adapter must keep: appended and listed by unit, never changed.
 */
import { at, makeAudit, type OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

export function describeAuditContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Audit log contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)

    it('lists audit rows of the units newest first, a page at a time; the port has no way to change one', async () => {
      for (let n = 1; n <= 5; n++) await store.transaction((tx) => tx.appendAudit(makeAudit(n, { unitCode: n === 3 ? 'S2' : 'S1' })))
      const first = await store.listAudit(['S1'], { limit: 2 })
      expect(first.map((e) => e.at)).toEqual([at(5), at(4)])
      expect((await store.listAudit(['S1'], { before: first[1]!.id, limit: 10 })).map((e) => e.at)).toEqual([at(2), at(1)])
      expect((await store.listAudit(['S1', 'S2'], {})).length).toBe(5)
      expect(await store.listAudit([], {})).toEqual([])
      expect(first[0]).toEqual(makeAudit(5))
      const surface = [...Object.keys(store), ...Object.getOwnPropertyNames(Object.getPrototypeOf(store))].filter((k) => /audit/i.test(k))
      // Append (one insert alone, as writeAudit does) and list: nothing that updates or removes.
      expect(surface.sort()).toEqual(['appendAudit', 'listAudit'])
    })

    it('appends a row alone, outside any transaction, and never overwrites an existing one', async () => {
      await store.appendAudit(makeAudit(1, { unitCode: 'S1' }))
      await expect(store.appendAudit({ ...makeAudit(1, { unitCode: 'S1' }), reason: 'rewritten' })).rejects.toBeTruthy() // any rejection: a native driver's error may come from another suite's realm
      expect(await store.listAudit(['S1'], {})).toEqual([makeAudit(1, { unitCode: 'S1' })])
    })
  })
}
