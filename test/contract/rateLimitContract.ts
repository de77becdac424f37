/**
 * What every adapter's Tx.countRateHit (and the Store's countRateHitAlone, for probes) must do: count up to `max` per (subject, action, window),
 * refuse beyond without writing, restart in a new window, keep subjects and actions apart,
 * roll back with its transaction, and stay exact when many creates count at once.
 */
import { storeForEachTest } from './openEach'
import type { OpenedStore } from './fixtures'

const W1 = '2026-03-01T08:00:00.000Z'
const W2 = '2026-03-01T08:10:00.000Z'

export function describeRateLimitContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`rate limit counters: ${adapterName}`, () => {
    const store = storeForEachTest(open)
    const hit = (subject: string, action: string, window: string, max: number) => store.transaction((tx) => tx.countRateHit(subject, action, window, max))

    it('counts up to max in a window, then refuses; a new window starts again', async () => {
      const got: boolean[] = []
      for (let i = 0; i < 4; i++) got.push(await hit('u1', 'reports.submit', W1, 3))
      expect(got).toEqual([true, true, true, false])
      expect(await hit('u1', 'reports.submit', W2, 3)).toBe(true)
      expect(await hit('u1', 'reports.submit', W2, 3)).toBe(true)
      expect(await hit('u1', 'reports.submit', W2, 3)).toBe(true)
      expect(await hit('u1', 'reports.submit', W2, 3)).toBe(false)
    })

    it('counts a probe alone as it counts in a transaction, on the same counter', async () => {
      const alone = (subject: string, window: string, max: number) => store.countRateHitAlone(subject, 'reports.duplicates', window, max)
      const got: boolean[] = []
      for (let i = 0; i < 3; i++) got.push(await alone('u1', W1, 2))
      expect(got).toEqual([true, true, false])
      expect(await alone('u1', W2, 2)).toBe(true)
      // The same counter as the transaction's: one more hit reaches the limit of the new window.
      expect(await store.transaction((tx) => tx.countRateHit('u1', 'reports.duplicates', W2, 2))).toBe(true)
      expect(await alone('u1', W2, 2)).toBe(false)
      expect(await alone('u2', W2, 2)).toBe(true)
      expect(await alone('u3', W1, 0)).toBe(false)
    })

    it('keeps identities and actions apart, and a zero limit refuses everything', async () => {
      expect(await hit('u1', 'grid.ask', W1, 1)).toBe(true)
      expect(await hit('u1', 'grid.ask', W1, 1)).toBe(false)
      expect(await hit('u2', 'grid.ask', W1, 1)).toBe(true)
      expect(await hit('u1', 'mediation.apply', W1, 1)).toBe(true)
      expect(await hit('u3', 'grid.ask', W1, 0)).toBe(false)
    })

    it('rolls a hit back with its transaction', async () => {
      await expect(
        store.transaction(async (tx) => {
          expect(await tx.countRateHit('u1', 'reports.submit', W1, 1)).toBe(true)
          throw new Error('create failed')
        }),
      ).rejects.toThrow('create failed')
      expect(await hit('u1', 'reports.submit', W1, 1)).toBe(true)
    })

    it('admits exactly max of many concurrent hits', async () => {
      const answers = await Promise.all(Array.from({ length: 12 }, () => hit('u9', 'reports.submit', W1, 5)))
      expect(answers.filter(Boolean)).toHaveLength(5)
    })
  })
}
