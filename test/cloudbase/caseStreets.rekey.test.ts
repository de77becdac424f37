/**
 * CloudBase re-keys stored cases when an org change moves units to another street (caseStreets.ts
 * rekeyCases): by condition updates outside a transaction, in pages of `_.in` codes, before the
 * units are written, so a retried import re-keys what a failed one left behind.
 */
import { PAGE } from '../../backend/adapters/cloudbase/db'
import type { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import type { OrgUnit } from '../../src/core/org'
import { caseId, insertCases, makeCase } from '../contract/fixtures'
import { parseEjsonText, type FakeCloudbase } from './fakeCloudbase'
import { cloudbaseForEachTest } from './sdkApp'

let fake: FakeCloudbase
let store: CloudbaseStore
cloudbaseForEachTest((f, s) => ([fake, store] = [f, s]))

const UNITS: OrgUnit[] = [
  { code: 'D', name: '白云区', level: 'district', parentCode: null },
  { code: 'S1', name: '京溪街道', level: 'street', parentCode: 'D' },
  { code: 'S2', name: '同和街道', level: 'street', parentCode: 'D' },
  { code: 'C1', name: '云景社区', level: 'community', parentCode: 'S1' },
]

const street = async (code: string) => (await store.listCases({ streetCodes: [code] })).map((c) => c.id).sort()
const caseUpdates = () => fake.calls('database.modifyDocument').filter((r) => r.body.collectionName === 'jf_cases')

describe('CloudBase street re-key on org changes', () => {
  it('re-keys the cases of more grids than one `in` page holds, outside a transaction', async () => {
    const grids: OrgUnit[] = Array.from({ length: PAGE + 5 }, (_, i) => ({ code: `G${i}`, name: `第${i}网格`, level: 'grid', parentCode: 'C1' }))
    await store.putUnits([...UNITS, ...grids])
    await insertCases(
      store,
      makeCase({ id: caseId(1), gridCode: 'G0', unitCode: 'G0' }),
      makeCase({ id: caseId(2), gridCode: `G${PAGE + 4}`, unitCode: 'S1' }),
      makeCase({ id: caseId(3), kind: 'mediation', gridCode: null, unitCode: 'C1' }),
    )
    const from = fake.requests.length
    await store.putUnits([{ ...UNITS[3]!, parentCode: 'S2' }])
    expect(await street('S1')).toEqual([])
    expect(await street('S2')).toEqual([caseId(1), caseId(2), caseId(3)])
    const updates = caseUpdates().filter((r) => fake.requests.indexOf(r) >= from)
    // Two pages of codes (C1 and its grids), by grid and by unit: four condition updates, no transaction.
    expect(updates).toHaveLength(4)
    for (const r of updates) {
      expect(r.body.transactionId ?? null).toBeNull()
      expect(r.body.multi).toBe(true)
    }
    const sizes = updates.map((r) => {
      const q = parseEjsonText(r.body.query) as Record<string, { $in?: unknown[] }>
      return (q.gridCode?.$in ?? q.unitCode?.$in ?? []).length
    })
    expect(Math.max(...sizes)).toBe(PAGE)
  })

  it('re-keys again when an import that failed writing its units is retried', async () => {
    await store.putUnits([...UNITS, { code: 'G1', name: '第1网格', level: 'grid', parentCode: 'C1' }])
    await insertCases(store, makeCase({ id: caseId(1), gridCode: 'G1', unitCode: 'G1' }))
    const moved = { ...UNITS[3]!, parentCode: 'S2' }
    fake.inject(
      (r) => r.action === 'database.modifyDocument' && r.body.collectionName === 'jf_units',
      { json: { code: 'SYS_ERR', message: 'boom' } },
      1,
    )
    await expect(store.putUnits([moved])).rejects.toThrow()
    // The cases moved; the unit did not: a case written now would be keyed S1 again.
    expect(await street('S2')).toEqual([caseId(1)])
    await store.transaction(async (tx) => {
      expect(await tx.updateCase(makeCase({ id: caseId(1), gridCode: 'G1', unitCode: 'G1', version: 2 }), 1)).toBe(true)
    })
    expect(await street('S1')).toEqual([caseId(1)])
    // The retry still sees C1 moving and re-keys; a second retry finds nothing to move.
    await store.putUnits([moved])
    expect(await street('S2')).toEqual([caseId(1)])
    const before = caseUpdates().length
    await store.putUnits([moved])
    expect(caseUpdates().length).toBe(before)
  })
})
