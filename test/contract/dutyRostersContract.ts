/**
 * The 一键求助 duty rosters every adapter must show: one roster per community, replaced whole.
 */
import type { DutyRoster } from '../../backend/ports'
import type { OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

const roster = (over: Partial<DutyRoster> = {}): DutyRoster => ({
  communityCode: '440111010001',
  entries: [
    { userId: 'u-grid', shifts: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' }] },
    { userId: 'u-night', shifts: [{ days: [6, 7], from: '22:00', to: '08:00' }, { days: [1], from: '00:00', to: '24:00' }] },
  ],
  updatedAt: '2026-12-01T02:00:00.000Z',
  updatedBy: 'admin-1',
  ...over,
})

export function describeDutyRostersContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Duty roster store contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)

    it('stores one roster per community and replaces it whole on put', async () => {
      expect(await store.getDutyRoster('440111010001')).toBeNull()
      await store.putDutyRoster(roster())
      await store.putDutyRoster(roster({ communityCode: '440111010002', entries: [] }))
      expect(await store.getDutyRoster('440111010001')).toEqual(roster())
      expect((await store.getDutyRoster('440111010002'))?.entries).toEqual([])
      const next = roster({ entries: [{ userId: 'u-other', shifts: [{ days: [3], from: '09:00', to: '12:00' }] }], updatedAt: '2026-12-02T02:00:00Z', updatedBy: 'admin-2' })
      await store.putDutyRoster(next)
      expect(await store.getDutyRoster('440111010001')).toEqual({ ...next, updatedAt: '2026-12-02T02:00:00.000Z' })
    })

    it('keeps only the known keys of an entry', async () => {
      const sneaky = roster({ entries: [{ userId: 'u-1', shifts: [{ days: [1], from: '08:00', to: '09:00', extra: 'x' } as never], admin: true } as never] })
      await store.putDutyRoster(sneaky)
      expect((await store.getDutyRoster('440111010001'))?.entries).toEqual([{ userId: 'u-1', shifts: [{ days: [1], from: '08:00', to: '09:00' }] }])
    })
  })
}
