/**
 * The rental use cases on the CloudBase store, through the real SDK against the loopback fake:
 * building and check-in creates stay idempotent with their claim documents, the vault and the
 * purge work inside CloudBase transactions, and no stored document holds a plain number.
 */
import { randomBytes } from 'node:crypto'
import { monotonicFactory } from 'ulid'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { defaultDistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { AccessEvent } from '../../backend/ports'
import type { Deps } from '../../backend/runtime'
import { demoBuildings } from '../../backend/seed/demoBuildings'
import { demoUnits } from '../../backend/seed/demoOrg'
import { demoUsers } from '../../backend/seed/demoUsers'
import { actorOf } from '../../backend/usecases/shared/actor'
import { checkIn } from '../../backend/usecases/rental/checkIn'
import { checkOut } from '../../backend/usecases/rental/checkOut'
import { proxyBuildings } from '../../backend/usecases/rental/proxyBuildings'
import { proxyCheckIn } from '../../backend/usecases/rental/proxyCheckIn'
import { proxiedCreatorFor } from '../../backend/usecases/shared/proxied'
import { decide } from '../../backend/usecases/rental/decide'
import { rentalTick } from '../../backend/usecases/rental/leaseAndRetention'
import { registerBuilding } from '../../backend/usecases/rental/registerBuilding'
import { reveal } from '../../backend/usecases/rental/reveal'
import { fixedClock } from '../../src/core/clock'
import { OrgTree } from '../../src/core/org'
import { GRID1_POINT } from '../support/fixtures'
import { FakeCloudbase } from './fakeCloudbase'
import { cloudbaseForEachTest } from './sdkApp'


const DOC = '440106199001011235'
const PHONE = '13912340009'

let fake: FakeCloudbase
let store: CloudbaseStore
let d: Deps
const sent: AccessEvent[] = []

cloudbaseForEachTest((f, s) => ([fake, store] = [f, s]))
beforeEach(async () => {
  await store.putUnits(demoUnits())
  for (const u of demoUsers()) await store.putUser(u)
  for (const b of demoBuildings('2026-11-01T00:00:00.000Z')) await store.transaction((tx) => tx.insertBuilding(b))
  const tree = new OrgTree(demoUnits())
  const ulid = monotonicFactory()
  const config = defaultDistrictConfig()
  d = {
    mode: 'cloudbase',
    store,
    clock: fixedClock('2026-12-01T02:00:00.000Z'),
    newId: () => ulid(),
    config: { ...config, rental: { ...config.rental, retentionDays: 0 } },
    orgTree: async () => tree,
    vault: new Vault(randomBytes(32)),
    access: { send: async (e: AccessEvent) => void sent.push(e) },
  } as unknown as Deps
  sent.length = 0
})

/** Every document the fake service holds, as text. */
function dump(): string {
  return JSON.stringify([...fake.db.collections.entries()].map(([name, docs]) => [name, [...docs.values()]]))
}

async function actor(id: string) {
  return actorOf((await store.getUser(id))!)
}

const input = (key: string) => ({ idempotencyKey: key, buildingCode: 'YUNJING001', room: '101', name: '刘洋', docType: 'id_card' as const, docNumber: DOC, phone: PHONE, moveInDate: '2026-11-01', leaseEnd: '2027-10-31', cohabitants: [], consent: { purpose: true as const, sensitive: true as const, version: '2026-12' } })

describe('rental on CloudBase', () => {
  it('registers a building once per key', async () => {
    const manager = await actor('demo-building-manager')
    const b = { idempotencyKey: 'bkey-0001', name: '云景路 20 号', address: '广州市白云区云景路 20 号', location: GRID1_POINT, floors: 2, rooms: ['101'] }
    const first = await registerBuilding(d, manager, b)
    const again = await registerBuilding(d, manager, b)
    expect(first).toMatchObject({ ok: true, replayed: false })
    expect(again).toMatchObject({ ok: true, replayed: true, building: { id: first.ok ? first.building.id : '' } })
    expect((await store.buildingsOf('demo-building-manager')).length).toBe(2)
  })

  it('runs check-in → confirm → check-out → purge, with the door events, and stores no plain number', async () => {
    const tenant = await actor('demo-tenant')
    const manager = await actor('demo-building-manager')
    const made = await checkIn(d, tenant, input('ckey-0001'))
    expect(made).toMatchObject({ ok: true, replayed: false, registration: { docNumberMasked: '4401**********1235', phone: PHONE } })
    if (!made.ok) return
    expect(await checkIn(d, tenant, input('ckey-0001'))).toMatchObject({ ok: true, replayed: true, registration: { id: made.registration.id } })
    const id = made.registration.id
    const stored = dump()
    expect(stored).toContain(id)
    expect(stored).not.toContain(DOC)
    expect(stored).not.toContain(PHONE)
    expect(await decide(d, manager, { id, version: 1, approve: true })).toMatchObject({ ok: true, registration: { status: 'active' } })
    const cop = await actor('demo-police')
    expect(await reveal(d, cop, { id, reason: '核查' })).toEqual({ ok: true, docNumber: DOC, phone: PHONE })
    expect((await store.listAudit(['440111010001001'], {})).map((e) => e.target)).toEqual([id])
    expect(await checkOut(d, tenant, { id, version: 2 })).toMatchObject({ ok: true, registration: { status: 'checked_out' } })
    const tick = await rentalTick(d)
    expect(tick).toMatchObject({ purged: 1, failed: 0 })
    expect(sent.map((e) => [e.type, e.name])).toEqual([['grant', '刘洋'], ['revoke', '刘洋']])
    expect(await store.getSecret(id)).toMatchObject({ docCipher: null, phoneCipher: null, docHmac: null })
    expect((await store.getCase(id))?.status).toBe('purged')
    const after = dump()
    expect(after).toContain('YUNJING001')
    expect(after).not.toContain(DOC)
    expect(after).not.toContain(PHONE)
    // The tenant's name is gone from the registration and was never in the outbox.
    expect(JSON.stringify([...fake.db.collections.get('jf_cases')!.values(), ...fake.db.collections.get('jf_outbox')!.values()])).not.toContain('刘洋')
  })

  it("代办登记: the agent lists the area's buildings and registers a tenant once per key, the creator the phone's marker", async () => {
    const agent = await actor('demo-proxy-agent')
    expect(await proxyBuildings(d, agent)).toMatchObject({ ok: true, buildings: [{ code: 'YUNJING001' }] })
    const made = await proxyCheckIn(d, agent, { ...input('pkey-0001'), declaration: true })
    expect(made).toMatchObject({ ok: true, replayed: false, registration: { status: 'pending', proxyNote: '代办：代办员 郭秀兰 代 刘* 办理' } })
    if (!made.ok) return
    // The retry is answered from the agent's claim, though the registration's creator is not the agent.
    expect(await proxyCheckIn(d, agent, { ...input('pkey-0001'), declaration: true })).toMatchObject({ ok: true, replayed: true, registration: { id: made.registration.id } })
    expect((await store.getCase(made.registration.id))?.creatorId).toBe(proxiedCreatorFor(d.vault!, PHONE))
    // The tenant's phone and name in clear nowhere.
    expect(dump()).not.toContain(PHONE)
    expect(JSON.stringify([...fake.db.collections.get('jf_cases')!.values()])).not.toContain('刘洋')
  })

})
