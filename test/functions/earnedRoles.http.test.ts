/**
 * Roles earned from relationships, as a stranger meets them: brand-new WeChat identities (the dev
 * login's OPENID only), never a demo resident. A confirmed check-in makes a tenant until check-out;
 * applying for mediation or joining by invitation makes a party, and a stranger without the
 * invitation gets nothing; an approved grid group membership makes a member until they leave.
 * `session.me` reports each on the very next call. Staff roles stay as granted.
 */
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { idNumberFor } from '../support/authzWorld'
import { GRID1_CODE, idemKey } from '../support/fixtures'
import { applyInput, joinInput, medAct, setOwnPhone } from '../support/mediation'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

const GRID2_CODE = '440111010001002'

let manager: Client, gridWorker: Client, centre: Client
const world = serverWithUsers(['demo-building-manager', 'demo-grid-worker', 'demo-dispatcher'], ([m, g, c]) => {
  ;[manager, gridWorker, centre] = [m!, g!, c!]
})

const me = async (c: Client) => (await c.call('session', 'me', {})).user
let strangers = 0
const stranger = () => asOpenid(world.srv.url, `dev-earned-${Date.now()}-${++strangers}`)
const roleNames = (u: { roles: { role: string }[] }) => u.roles.map((r) => r.role)

it('a confirmed check-in earns the tenancy until check-out; pending does not', async () => {
  const tenantToBe = await stranger()
  const fresh = await me(tenantToBe)
  expect(fresh.roles.map((r: { role: string }) => r.role)).toEqual(['resident'])
  expect(fresh.earned).toEqual([])

  const building = (await manager.call('rental', 'myBuildings', {})).buildings.find((b: { code: string }) => b.code === DEMO_BUILDING_CODE)
  const checkedIn = await tenantToBe.call('rental', 'checkIn', {
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
  expect((await me(tenantToBe)).earned).toEqual([])

  expect(await manager.call('rental', 'decide', { id, version: 1, approve: true })).toMatchObject({ ok: true, registration: { status: 'active' } })
  const tenant = await me(tenantToBe)
  expect(tenant.earned).toEqual([{ role: 'tenant', of: [building.id] }])
  // Earned, not granted: no staff role, and another building's work stays out of reach.
  expect(tenant.roles.map((r: { role: string }) => r.role)).toEqual(['resident'])
  expect(await tenantToBe.call('rental', 'registrations', { buildingId: building.id })).toMatchObject({ ok: false })

  expect(await tenantToBe.call('rental', 'checkOut', { id, version: 2 })).toMatchObject({ ok: true })
  expect((await me(tenantToBe)).earned).toEqual([])
})

describe('mediation party', () => {
  it('applying makes a party; joining by the invitation makes the other; a stranger without it gets nothing', async () => {
    const [applicant, respondent, outsider] = await Promise.all([stranger(), stranger(), stranger()])
    expect((await me(applicant)).earned).toEqual([])

    const applied = await applicant.call('mediation', 'apply', applyInput({ disputeType: 'neighbour', facts: '楼上每晚十一点后仍在装修，噪音严重影响休息', claims: '晚上十点后停止施工' }))
    expect(applied).toMatchObject({ ok: true, case: { status: 'applied' } })
    const id: string = applied.case.id
    const code: string = applied.case.invites[0].code
    expect((await me(applicant)).earned).toEqual([{ role: 'mediation_party', of: [id] }])
    expect(roleNames(await me(applicant))).toEqual(['resident'])

    // The invitee is nobody to the case until they join; then the next call sees the role.
    expect((await me(respondent)).earned).toEqual([])
    expect(await respondent.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    // The invitation opens only for the phone the applicant gave, set in the invitee's 我的.
    await setOwnPhone(respondent)
    expect(await respondent.call('mediation', 'join', joinInput(code))).toMatchObject({ ok: true, case: { myRole: 'respondent' } })
    expect((await me(respondent)).earned).toEqual([{ role: 'mediation_party', of: [id] }])
    expect(roleNames(await me(respondent))).toEqual(['resident'])

    // A stranger who guesses at the case earns nothing and reads nothing.
    expect(await outsider.call('mediation', 'join', joinInput(code))).toMatchObject({ ok: false })
    expect(await outsider.call('mediation', 'join', joinInput(`${id}-AAAAAAAA`))).toMatchObject({ ok: false })
    expect(await outsider.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect((await me(outsider)).earned).toEqual([])
    expect((await outsider.call('mediation', 'mine', {})).cases).toEqual([])
  })

  it('a closed case stays the party\'s record: refused by the centre, both still see it in 我的调解', async () => {
    const [applicant, respondent] = await Promise.all([stranger(), stranger()])
    const applied = await applicant.call('mediation', 'apply', applyInput({ disputeType: 'neighbour', facts: '邻居长期占用楼道堆放杂物，影响通行', claims: '清理楼道杂物' }))
    const id: string = applied.case.id
    await setOwnPhone(respondent)
    expect(await respondent.call('mediation', 'join', joinInput(applied.case.invites[0].code))).toMatchObject({ ok: true })
    expect(await medAct(centre, id, 'reject', { note: '该纠纷已由物业调处，不予受理' })).toMatchObject({ ok: true, case: { status: 'rejected' } })
    for (const party of [applicant, respondent]) {
      expect((await me(party)).earned).toEqual([{ role: 'mediation_party', of: [id] }])
      expect((await party.call('mediation', 'mine', {})).cases.map((c: { id: string }) => c.id)).toEqual([id])
    }
  })
})

describe('grid member', () => {
  it('a request earns nothing; approval makes a member the grid worker sees; leaving ends it', async () => {
    const resident = await stranger()
    const joined = await resident.call('grid', 'join', { code: GRID1_CODE, building: '云景花园 5 栋 301' })
    expect(joined).toMatchObject({ ok: true, board: { membership: { status: 'requested' } } })
    expect((await me(resident)).earned).toEqual([])
    // The grid's QR is for members only.
    expect((await resident.call('grid', 'board', { code: GRID1_CODE })).board.qr).toBeNull()

    const requests = await gridWorker.call('grid', 'members', { code: GRID1_CODE, status: 'requested' })
    const mine = requests.members.find((m: { building: string | null }) => m.building === '云景花园 5 栋 301')
    expect(mine).toBeDefined()
    expect(await gridWorker.call('grid', 'decide', { code: GRID1_CODE, userId: mine.userId, approve: true })).toMatchObject({ ok: true, member: { status: 'joined' } })
    const member = await me(resident)
    expect(member.earned).toEqual([{ role: 'grid_member', of: [GRID1_CODE] }])
    expect(roleNames(member)).toEqual(['resident'])
    // A member is not the grid's staff.
    expect(await resident.call('grid', 'members', { code: GRID1_CODE })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    expect(await resident.call('grid', 'leave', { code: GRID1_CODE })).toMatchObject({ ok: true, board: { membership: { status: 'left' } } })
    expect((await me(resident)).earned).toEqual([])
  })

  it('the member is known by the nickname set in 我的: the roster and the read receipts name them', async () => {
    const resident = await stranger()
    await resident.call('grid', 'join', { code: GRID1_CODE, building: '云景花园 7 栋 602' })
    const notice = (await resident.call('account', 'privacy', {})).privacy.notice
    expect(await resident.call('account', 'update', { nickname: '七栋阿姨' })).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' })
    expect(await resident.call('account', 'consent', { version: notice.version })).toMatchObject({ ok: true })
    expect(await resident.call('account', 'update', { nickname: '七栋阿姨' })).toMatchObject({ ok: true, profile: { displayName: '七栋阿姨' } })
    const userId: string = (await me(resident)).id
    expect(await gridWorker.call('grid', 'decide', { code: GRID1_CODE, userId, approve: true })).toMatchObject({ ok: true })
    const roster = await gridWorker.call('grid', 'members', { code: GRID1_CODE })
    expect(roster.members).toContainEqual(expect.objectContaining({ userId, name: '七栋阿姨', building: '云景花园 7 栋 602' }))
    const pub = await gridWorker.call('grid', 'publish', {
      idempotencyKey: idemKey(),
      type: 'notice',
      title: '停水通知',
      body: '明日 9:00–12:00 云景路片区停水检修，请提前储水。',
      target: { kind: 'grids', codes: [GRID1_CODE] },
    })
    const receipts = await gridWorker.call('grid', 'receipts', { id: pub.announcement.id })
    expect(receipts.receipts.unread).toContainEqual(expect.objectContaining({ userId, name: '七栋阿姨' }))
  })

  it('a refused request never earns it; an open grid admits at once', async () => {
    const [refused, open] = await Promise.all([stranger(), stranger()])
    await refused.call('grid', 'join', { code: GRID1_CODE, building: '云景花园 9 栋 101' })
    const requests = await gridWorker.call('grid', 'members', { code: GRID1_CODE, status: 'requested' })
    const req = requests.members.find((m: { building: string | null }) => m.building === '云景花园 9 栋 101')
    expect(await gridWorker.call('grid', 'decide', { code: GRID1_CODE, userId: req.userId, approve: false })).toMatchObject({ ok: true, member: { status: 'refused' } })
    expect((await me(refused)).earned).toEqual([])

    expect(await open.call('grid', 'join', { code: GRID2_CODE })).toMatchObject({ ok: true, board: { membership: { status: 'joined' } } })
    expect((await me(open)).earned).toEqual([{ role: 'grid_member', of: [GRID2_CODE] }])
  })
})
