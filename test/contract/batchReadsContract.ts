/**
 * The batched reads every adapter must keep (issue 21: a page's names, photos and timelines in one
 * round trip each on CloudBase): the records of those ids that exist, whatever their order or
 * repeats, and nothing for an empty list.
 */
import { at, caseId, makeCase, makeEvent, makeFile, makeUser, type OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

const sorted = <T extends { id: string }>(xs: readonly T[]): string[] => xs.map((x) => x.id).sort()

export function describeBatchReadsContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Batched reads contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)

    it('reads many users at once: those that exist, each once', async () => {
      await store.putUser(makeUser({ id: 'u1', name: '张三' }))
      await store.putUser(makeUser({ id: 'u2', name: '李四' }))
      await store.putUser(makeUser({ id: 'u3', name: '王五' }))
      const got = await store.getUsers(['u3', 'nobody', 'u1', 'u3'])
      expect(sorted(got)).toEqual(['u1', 'u3'])
      expect(got.find((u) => u.id === 'u3')).toEqual(await store.getUser('u3'))
      expect(await store.getUsers([])).toEqual([])
    })

    it('reads many file records at once: those that exist, each once', async () => {
      await store.putFileMeta(makeFile({ id: 'f1' }))
      await store.putFileMeta(makeFile({ id: 'f2', storageKey: 'cloud://env/f2.jpg' }))
      const got = await store.getFileMetas(['f2', 'f9', 'f2'])
      expect(got).toEqual([await store.getFileMeta('f2')])
      expect(sorted(await store.getFileMetas(['f1', 'f2']))).toEqual(['f1', 'f2'])
      expect(await store.getFileMetas([])).toEqual([])
    })

    it('reads the subscribe consents of many users at once, by user', async () => {
      await store.addSubscribeQuota('u1', 'tpl-b', 2)
      await store.addSubscribeQuota('u1', 'tpl-a', 1)
      await store.addSubscribeQuota('u2', 'tpl-a', 3)
      const got = await store.subscribeQuotasOf(['u2', 'u1', 'nobody', 'u1'])
      expect(got.get('u1')).toEqual(await store.subscribeQuotas('u1'))
      expect(got.get('u2')).toEqual([{ templateId: 'tpl-a', remaining: 3 }])
      expect(got.has('nobody')).toBe(false)
      expect((await store.subscribeQuotasOf([])).size).toBe(0)
    })

    it('reads the timelines of many cases at once, each in its own order', async () => {
      for (const n of [1, 2, 3]) await store.transaction((tx) => tx.insertCase(makeCase({ id: caseId(n), idempotencyKey: `k${n}` })))
      const e = (n: number, c: number, min: number) => makeEvent({ id: `ev-${n}`, caseId: caseId(c), at: at(min) })
      // Interleaved across cases, as they happen.
      for (const ev of [e(1, 1, 0), e(2, 2, 1), e(3, 1, 2), e(4, 2, 3), e(5, 1, 4)]) await store.transaction((tx) => tx.appendEvent(ev))
      const got = await store.timelines([caseId(2), caseId(1), caseId(3), caseId(1)])
      expect(got.get(caseId(1))).toEqual(await store.timeline(caseId(1)))
      expect(got.get(caseId(1))!.map((x) => x.id)).toEqual(['ev-1', 'ev-3', 'ev-5'])
      expect(got.get(caseId(2))!.map((x) => x.id)).toEqual(['ev-2', 'ev-4'])
      expect(got.has(caseId(3))).toBe(false)
      expect((await store.timelines([])).size).toBe(0)
    })
  })
}
