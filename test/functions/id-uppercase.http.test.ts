/**
 * ID numbers upper-cased, never refused for a lower-case x: a brand-new tenant checks in with
 * …x and the registration holds the X spelling (masked …X for the tenant and the building manager);
 * a misuse report with the lower-case x is taken too.
 */
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { idNumberFor } from '../support/authzWorld'
import { idemKey } from '../support/fixtures'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let manager: Client
const world = serverWithUsers(['demo-building-manager'], ([m]) => {
  manager = m!
})

/** A valid number ending in X, none of the seeds' or other tests'. */
function endingInX(): string {
  for (let n = 7301; ; n++) if (idNumberFor(n).endsWith('X')) return idNumberFor(n)
}

it('takes a lower-case x as X on check-in and on a misuse report', async () => {
  const upper = endingInX()
  const lower = upper.slice(0, 17) + 'x'
  const tenant = await asOpenid(world.srv.url, `dev-upper-${Date.now()}`)
  const r = await tenant.call('rental', 'checkIn', {
    idempotencyKey: idemKey(),
    buildingCode: DEMO_BUILDING_CODE,
    room: '402',
    name: '欧阳晓',
    docType: 'id_card',
    docNumber: lower,
    phone: '13955510091',
    moveInDate: '2026-11-01',
    leaseEnd: '2027-10-31',
    cohabitants: [],
    consent: { purpose: true, sensitive: true, version: '2026-12' },
  })
  expect(r).toMatchObject({ ok: true, registration: { docNumberMasked: `${upper.slice(0, 4)}**********${upper.slice(14)}` } })
  expect(r.registration.docNumberMasked.endsWith('X')).toBe(true)

  // The building manager's list shows the same X spelling.
  const listed = await manager.call('rental', 'registrations', { buildingId: r.registration.buildingId })
  expect(listed.registrations?.find((x: { id: string }) => x.id === r.registration.id)).toMatchObject({ docNumberMasked: r.registration.docNumberMasked })

  const misuse = await asOpenid(world.srv.url, `dev-upper-misuse-${Date.now()}`)
  const m = await misuse.call('rental', 'reportMisuse', { idempotencyKey: idemKey(), buildingCode: DEMO_BUILDING_CODE, docType: 'id_card', docNumber: lower, note: '有人冒用我的证件登记' })
  expect(m).toMatchObject({ ok: true, dispute: { docNumberMasked: expect.stringMatching(/X$/) } })
})
