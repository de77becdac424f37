/**
 * What every adapter's Tx.nextSequence / raiseSequence must do: count 1, 2, 3 … per key, keep keys
 * apart, give a rolled-back number back, never go down, and never hand out the same number twice
 * when many creates take one at once (the case numbers 京溪-2026-00042 rest on it).
 */
import { storeForEachTest } from './openEach'
import type { OpenedStore } from './fixtures'

export function describeCountersContract(adapterName: string, open: () => Promise<OpenedStore>, parallel = 12): void {
  describe(`named sequences: ${adapterName}`, () => {
    const store = storeForEachTest(open)
    const next = (key: string) => store.transaction((tx) => tx.nextSequence(key))

    it('counts from 1 per key, keys apart', async () => {
      expect([await next('case:S1:2026'), await next('case:S1:2026'), await next('case:S1:2026')]).toEqual([1, 2, 3])
      expect(await next('case:S2:2026')).toBe(1)
      expect(await next('case:S1:2027')).toBe(1)
      expect(await next('case:S1:2026')).toBe(4)
    })

    it('gives a number back when its transaction rolls back', async () => {
      expect(await next('agreement:people:2026')).toBe(1)
      await expect(
        store.transaction(async (tx) => {
          expect(await tx.nextSequence('agreement:people:2026')).toBe(2)
          throw new Error('create failed')
        }),
      ).rejects.toThrow('create failed')
      expect(await next('agreement:people:2026')).toBe(2)
    })

    it('takes several numbers in one transaction in order', async () => {
      const got = await store.transaction(async (tx) => [await tx.nextSequence('k'), await tx.nextSequence('k'), await tx.nextSequence('other')])
      expect(got).toEqual([1, 2, 1])
    })

    it('raises a sequence to a stored number, never lowers it', async () => {
      await store.transaction((tx) => tx.raiseSequence('case:S1:2025', 41))
      expect(await next('case:S1:2025')).toBe(42)
      await store.transaction((tx) => tx.raiseSequence('case:S1:2025', 7))
      expect(await next('case:S1:2025')).toBe(43)
    })

    it('never gives the same number twice to creates running at once', async () => {
      const got = await Promise.all(Array.from({ length: parallel }, () => next('case:HOT:2026')))
      expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: parallel }, (_, i) => i + 1))
    })
  })
}
