/**
 * The rental aggregate every adapter must show: buildings, inspections, the registration vault
 * and live-document claims.
 */
import type { Building, FireInspection } from '../../backend/ports'
import { at, caseId, makeAudit, makeCase, type OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

function buildingId(n: number): string {
  return `01JNB0000000000000000${String(n).padStart(5, '0')}`
}

export function makeBuilding(o: Partial<Building> = {}): Building {
  return {
    id: buildingId(1),
    code: 'CODE000001',
    name: '云景路 18 号',
    address: '云景路 18 号',
    location: { lng: 113.32, lat: 23.18 },
    gridCode: 'G1',
    floors: 6,
    rooms: ['101', '102'],
    managerId: 'm1',
    creatorId: 'm1',
    idempotencyKey: 'bk-1',
    createdAt: at(0),
    lastInspectionAt: null,
    ...o,
  }
}


export function describeRentalContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Rental store contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)
    const get = () => store
    it('stores a building once per (creator, key) and finds it by id, code, manager and grid', async () => {
      const store = get()
      const b = makeBuilding()
      expect(await store.transaction((tx) => tx.insertBuilding(b))).toEqual(b)
      // The retry with a new id and code gets the first building back.
      expect(await store.transaction((tx) => tx.insertBuilding({ ...b, id: buildingId(9), code: 'CODE000009' }))).toEqual(b)
      await store.transaction((tx) => tx.insertBuilding(makeBuilding({ id: buildingId(2), code: 'CODE000002', idempotencyKey: 'bk-2', gridCode: 'G2', managerId: 'm2', creatorId: 'm2' })))
      expect(await store.getBuilding(b.id)).toEqual(b)
      expect(await store.getBuilding(buildingId(9))).toBeNull()
      expect(await store.getBuildingByCode('CODE000001')).toEqual(b)
      expect(await store.getBuildingByCode('CODE000009')).toBeNull()
      expect((await store.buildingsOf('m1')).map((x) => x.id)).toEqual([b.id])
      expect((await store.buildingsInGrids(['G1', 'G2'])).map((x) => x.id)).toEqual([b.id, buildingId(2)])
      expect(await store.buildingsInGrids([])).toEqual([])
    })

    it('moves the last inspection time forward only', async () => {
      const store = get()
      await store.transaction((tx) => tx.insertBuilding(makeBuilding()))
      await store.transaction((tx) => tx.setBuildingInspected(buildingId(1), at(10)))
      await store.transaction((tx) => tx.setBuildingInspected(buildingId(1), at(5)))
      expect((await store.getBuilding(buildingId(1)))?.lastInspectionAt).toBe(at(10))
    })

    it('stores an inspection once per (inspector, key), newest first per building', async () => {
      const store = get()
      await store.transaction((tx) => tx.insertBuilding(makeBuilding()))
      const i: FireInspection = { id: '01JNI0000000000000000000001', buildingId: buildingId(1), inspectorId: 'm1', idempotencyKey: 'ik-1', at: at(1), items: [{ code: 'wiring', passed: false, note: '私拉电线' }, { code: 'smoke', passed: true, note: null }], photos: ['f1'], caseIds: [caseId(3)] }
      expect(await store.transaction((tx) => tx.insertInspection(i))).toEqual(i)
      expect(await store.transaction((tx) => tx.insertInspection({ ...i, id: '01JNI0000000000000000000009' }))).toEqual(i)
      const j = { ...i, id: '01JNI0000000000000000000002', idempotencyKey: 'ik-2', at: at(2) }
      await store.transaction((tx) => tx.insertInspection(j))
      expect((await store.listInspections(buildingId(1))).map((x) => x.id)).toEqual([j.id, i.id])
    })

    it('keeps vault rows by case, finds them by keyed hash until purged', async () => {
      const store = get()
      await store.transaction(async (tx) => {
        await tx.insertCase(makeCase({ id: caseId(1), kind: 'checkin' }))
        await tx.insertCase(makeCase({ id: caseId(2), kind: 'checkin' }))
        await tx.putSecret({ caseId: caseId(1), buildingId: buildingId(1), docCipher: 'c1', phoneCipher: 'p1', docHmac: 'h-same', purgedAt: null })
        await tx.putSecret({ caseId: caseId(2), buildingId: buildingId(1), docCipher: 'c2', phoneCipher: 'p2', docHmac: 'h-same', purgedAt: null })
      })
      expect(await store.getSecret(caseId(1))).toEqual({ caseId: caseId(1), buildingId: buildingId(1), docCipher: 'c1', phoneCipher: 'p1', docHmac: 'h-same', purgedAt: null })
      expect(await store.caseIdsByDocHmac('h-same')).toEqual([caseId(1), caseId(2)])
      await store.transaction(async (tx) => {
        const s = await tx.getSecret(caseId(1))
        await tx.putSecret({ ...s!, docCipher: null, phoneCipher: null, docHmac: null, purgedAt: at(5) })
      })
      expect(await store.getSecret(caseId(1))).toMatchObject({ docCipher: null, phoneCipher: null, docHmac: null, purgedAt: at(5) })
      expect(await store.caseIdsByDocHmac('h-same')).toEqual([caseId(2)])
      expect(await store.getSecret(caseId(7))).toBeNull()
    })

    it('keeps one live-document claim per hash, moved by a later claim, released only by its holder', async () => {
      const store = get()
      expect(await store.transaction((tx) => tx.liveDocumentHolder('h1'))).toBeNull()
      await store.transaction((tx) => tx.setLiveDocumentHolder('h1', caseId(1)))
      expect(await store.transaction((tx) => tx.liveDocumentHolder('h1'))).toBe(caseId(1))
      await store.transaction((tx) => tx.setLiveDocumentHolder('h1', caseId(2)))
      await store.transaction((tx) => tx.releaseLiveDocument('h1', caseId(1)))
      expect(await store.transaction((tx) => tx.liveDocumentHolder('h1'))).toBe(caseId(2))
      await store.transaction((tx) => tx.releaseLiveDocument('h1', caseId(2)))
      expect(await store.transaction((tx) => tx.liveDocumentHolder('h1'))).toBeNull()
      // Kept apart from idempotency claims of a case creator with the same key.
      await store.transaction((tx) => tx.claimIdempotency('u1', 'h2', caseId(3)))
      expect(await store.transaction((tx) => tx.liveDocumentHolder('h2'))).toBeNull()
    })

    it('a rolled-back transaction leaves no vault or audit row', async () => {
      const store = get()
      await expect(
        store.transaction(async (tx) => {
          await tx.insertCase(makeCase({ id: caseId(1), kind: 'checkin' }))
          await tx.putSecret({ caseId: caseId(1), buildingId: buildingId(1), docCipher: 'c', phoneCipher: 'p', docHmac: 'h', purgedAt: null })
          await tx.appendAudit(makeAudit(1))
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await store.getSecret(caseId(1))).toBeNull()
      expect(await store.listAudit(['S1'], {})).toEqual([])
    })
  })
}
