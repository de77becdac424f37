/**
 * Roles earned from relationships, as a stranger meets them: a brand-new WeChat identity checks in
 * at the demo building, the building manager confirms, and `session.me` reports the tenancy (home
 * offers 我的租住登记); after check-out the very next call no longer does. Staff roles stay as granted.
 */
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { idNumberFor } from '../support/authzWorld'
import { idemKey } from '../support/fixtures'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let manager: Client
const world = serverWithUsers(['demo-building-manager'], ([m]) => {
  manager = m!
})

const me = async (c: Client) => (await c.call('session', 'me', {})).user

it('a confirmed check-in earns the tenancy until check-out; pending does not', async () => {
  const stranger = await asOpenid(world.srv.url, `dev-earned-${Date.now()}`)
  const fresh = await me(stranger)
  expect(fresh.roles.map((r: { role: string }) => r.role)).toEqual(['resident'])
  expect(fresh.earned).toEqual([])

  const building = (await manager.call('rental', 'myBuildings', {})).buildings.find((b: { code: string }) => b.code === DEMO_BUILDING_CODE)
  const checkedIn = await stranger.call('rental', 'checkIn', {
    idempotencyKey: idemKey(),
    buildingCode: DEMO_BUILDING_CODE,
    room: '302',
    name: '赵新',
    docType: 'id_card',
    docNumber: idNumberFor(8123),
    phone: '13912348123',
    moveInDate: '2026-11-01',
    leaseEnd: '2027-10-31',
    cohabitants: [],
    consent: { purpose: true, sensitive: true, version: '2026-12' },
  })
  expect(checkedIn).toMatchObject({ ok: true, registration: { status: 'pending' } })
  const id = checkedIn.registration.id
  expect((await me(stranger)).earned).toEqual([])

  expect(await manager.call('rental', 'decide', { id, version: 1, approve: true })).toMatchObject({ ok: true, registration: { status: 'active' } })
  const tenant = await me(stranger)
  expect(tenant.earned).toEqual([{ role: 'tenant', of: [building.id] }])
  // Earned, not granted: no staff role, and another building's work stays out of reach.
  expect(tenant.roles.map((r: { role: string }) => r.role)).toEqual(['resident'])
  expect(await stranger.call('rental', 'registrations', { buildingId: building.id })).toMatchObject({ ok: false })

  expect(await stranger.call('rental', 'checkOut', { id, version: 2 })).toMatchObject({ ok: true })
  expect((await me(stranger)).earned).toEqual([])
})
