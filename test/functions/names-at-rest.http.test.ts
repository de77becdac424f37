/**
 * Real names at rest, as strangers meet them: the names two brand-new WeChat identities type for a
 * mediation (and the one corrected on joining), the agreement that prints them, and the resident a
 * grid worker files a proxy report for, are never in clear in the SQLite file — only sealed, with
 * masks (张*明) where the case is not the reader's. The views of the case still read them in full:
 * the parties, the mediator and the centre (the agreement, the ledger), the staff on the report, the
 * tenant, the building manager and the police for a check-in (street staff read the masks).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { idNumberFor } from '../support/authzWorld'
import { idemKey, reportInput } from '../support/fixtures'
import { applyInput, joinInput, medAct, setOwnPhone } from '../support/mediation'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

// Names no seed or other test uses, so finding their bytes can only mean this test's data leaked.
const APPLICANT = '司徒静怡'
const TYPED = '楼上住户上官先生'
const CORRECTED = '上官明哲'
const PROXY_NAME = '慕容秋水'
const PROXY_PHONE = '13977770007'
const B_PHONE = '13966660006'

let centre: Client, mediator: Client, gw: Client, manager: Client, police: Client
const world = serverWithUsers(['demo-dispatcher', 'demo-mediator-people', 'demo-grid-worker', 'demo-building-manager', 'demo-police'], ([c, m, g, b, p]) => {
  ;[centre, mediator, gw, manager, police] = [c!, m!, g!, b!, p!]
})

let n = 0
const stranger = () => asOpenid(world.srv.url, `dev-names-${Date.now()}-${++n}`)

/** Every SQLite file of the server (the database, its WAL) holds none of `secrets` as UTF-8 bytes. */
function expectNotInDatabase(secrets: readonly string[]): void {
  const files = readdirSync(world.srv.dataDir).filter((f) => /\.(db|sqlite)(-wal|-shm)?$/.test(f))
  expect(files.length).toBeGreaterThan(0)
  for (const f of files) {
    const bytes = readFileSync(join(world.srv.dataDir, f))
    for (const s of secrets) expect({ file: f, found: bytes.includes(Buffer.from(s)), s }).toEqual({ file: f, found: false, s })
  }
}

it('seals mediation party names and the agreement at rest; the case still reads them in full, others masked', async () => {
  const a = await stranger()
  const b = await stranger()
  const applied = await a.call('mediation', 'apply', applyInput({ applicantName: APPLICANT, disputeType: 'neighbour', respondents: [{ name: TYPED, phone: B_PHONE }] }))
  expect(applied).toMatchObject({ ok: true, case: { parties: [{ name: APPLICANT }, { name: TYPED }] } })
  const id = applied.case.id as string
  const code = applied.case.invites[0].code as string
  expect(applied.case.invites[0].name).toBe(TYPED)

  // The invitation opens for the party's own phone: their own name in full, the applicant's masked.
  await setOwnPhone(b, B_PHONE)
  expect(await b.call('mediation', 'invitation', { invite: code })).toMatchObject({ ok: true, partyName: TYPED, summary: { applicantName: '司*怡' } })
  const joined = await b.call('mediation', 'join', joinInput(code, CORRECTED))
  expect(joined.case.parties.map((p: { name: string }) => p.name)).toEqual([APPLICANT, CORRECTED])

  // The timeline is kept for good and read by everyone on the case: the correction is noted masked.
  const seen = await a.call('mediation', 'get', { id })
  expect(seen.timeline.find((e: { action: string }) => e.action === 'join')).toMatchObject({ actorLabel: `被申请人 ${CORRECTED}`, note: '被申请人姓名由「楼*生」更正为「上*哲」' })

  expect(await medAct(centre, id, 'accept')).toMatchObject({ ok: true })
  expect(await medAct(mediator, id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
  expect(await b.call('mediation', 'send', { id, text: '同意调解', photos: [] })).toMatchObject({ ok: true, message: { authorName: CORRECTED } })
  const drafted = await medAct(mediator, id, 'draft_agreement', { terms: [`${CORRECTED}晚上十点后停止装修施工`] })
  expect(drafted.case.agreement.text).toContain(`申请人：${APPLICANT}`)
  expect(drafted.case.agreement.text).toContain(`被申请人：${CORRECTED}`)
  expect(drafted.case.agreement.text).toContain(`一、${CORRECTED}晚上十点后停止装修施工`)
  // A later move keeps the agreement readable (it is sealed once, not again over its mask).
  expect(await medAct(a, id, 'confirm_agreement', { agreementVersion: 1 })).toMatchObject({ ok: true })
  const forB = await b.call('mediation', 'get', { id })
  expect(forB.case.agreement.text).toContain(`申请人：${APPLICANT}`)
  expect(forB.case.agreement.confirmations.map((x: { name: string }) => x.name)).toEqual([APPLICANT])
  expect((await a.call('mediation', 'mine', {})).cases.find((c: { id: string }) => c.id === id).partyNames).toEqual([APPLICANT, CORRECTED])
  expect((await mediator.call('mediation', 'queue', {})).cases.find((c: { id: string }) => c.id === id).partyNames).toEqual([APPLICANT, CORRECTED])
  expect((await centre.call('mediation', 'ledgerCsv', {})).csv).toContain(`,${APPLICANT},${CORRECTED},`)

  // A stranger reaches nothing of the case; the applicant's own export names only the applicant.
  const s = await stranger()
  expect(await s.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await s.call('mediation', 'invitation', { invite: code })).toMatchObject({ ok: false })
  const exported = JSON.stringify(await a.call('account', 'export', {}))
  expect(exported).toContain(APPLICANT)
  expect(exported).not.toContain(CORRECTED)

  expectNotInDatabase([APPLICANT, TYPED, CORRECTED, '楼上住户'])

  // The applicant deletes the account: the drafted agreement stays, naming them 已注销用户 too.
  const deleted = await a.call('account', 'delete', { confirm: '注销' })
  expect(deleted).toMatchObject({ ok: true })
  expect(deleted.deletion.kept.join('')).toContain('其中您的姓名改为“已注销用户”')
  const after = await b.call('mediation', 'get', { id })
  expect(after.case.agreement.text).toContain('申请人：已注销用户')
  expect(after.case.agreement.text).toContain(`被申请人：${CORRECTED}`)
  expect(after.case.agreement.terms).toEqual([`${CORRECTED}晚上十点后停止装修施工`])
  expect(JSON.stringify(after)).not.toContain(APPLICANT)
  expect(JSON.stringify(await mediator.call('mediation', 'get', { id }))).not.toContain(APPLICANT)
  expectNotInDatabase([APPLICANT, CORRECTED])
})

it('keeps account deletion anonymising a party whose name is sealed', async () => {
  const a = await stranger()
  const b = await stranger()
  const applied = await a.call('mediation', 'apply', applyInput({ applicantName: '端木清扬', respondents: [{ name: '公孙若兰', phone: '13955550005' }] }))
  const id = applied.case.id as string
  await setOwnPhone(b, '13955550005')
  expect(await b.call('mediation', 'join', joinInput(applied.case.invites[0].code, '公孙若兰'))).toMatchObject({ ok: true })
  expect(await a.call('account', 'delete', { confirm: '注销' })).toMatchObject({ ok: true })
  const seen = await b.call('mediation', 'get', { id })
  expect(seen.case.parties.map((p: { name: string }) => p.name)).toEqual(['已注销用户', '公孙若兰'])
  expect(JSON.stringify(seen)).not.toContain('端木清扬')
  expectNotInDatabase(['端木清扬', '公孙若兰'])
})

it('seals a proxy report’s resident at rest; the staff on the report read name and phone in full', async () => {
  const r = await gw.call('cases', 'proxySubmit', { ...reportInput(), proxy: { name: PROXY_NAME, phone: PROXY_PHONE } })
  expect(r).toMatchObject({ ok: true })
  expect(JSON.stringify(r)).not.toContain(PROXY_NAME)
  expect((await centre.call('cases', 'get', { id: r.case.id })).case.reporter).toEqual({ name: PROXY_NAME, phone: PROXY_PHONE, proxy: true })
  expect((await gw.call('cases', 'get', { id: r.case.id })).case.reporter).toEqual({ name: PROXY_NAME, phone: PROXY_PHONE, proxy: true })
  // A neighbour who follows it reads the public view: no reporter at all.
  const s = await stranger()
  const followed = await s.call('reports', 'follow', { id: r.case.id })
  expect(JSON.stringify(followed)).not.toContain(PROXY_NAME)
  expect(JSON.stringify(await s.call('reports', 'get', { id: r.case.id }))).not.toMatch(new RegExp(`${PROXY_NAME}|${PROXY_PHONE}|慕\\*水`))
  expectNotInDatabase([PROXY_NAME, PROXY_PHONE])
})

it('seals a check-in’s tenant and cohabitant names at rest; the tenant, the manager and the police read them, the street masked', async () => {
  const TENANT = '东方未明'
  const COHABITANT = '东方未晓'
  const t = await stranger()
  const r = await t.call('rental', 'checkIn', {
    idempotencyKey: idemKey(),
    buildingCode: DEMO_BUILDING_CODE,
    room: '101',
    name: TENANT,
    docType: 'id_card',
    docNumber: idNumberFor(8123),
    phone: '13988880008',
    moveInDate: '2026-11-01',
    leaseEnd: '2027-10-31',
    cohabitants: [{ name: COHABITANT, relation: '兄弟' }],
    consent: { purpose: true, sensitive: true, version: '2026-12' },
  })
  expect(r).toMatchObject({ ok: true, registration: { name: TENANT, cohabitants: [{ name: COHABITANT, relation: '兄弟' }] } })
  const id = r.registration.id as string
  expect((await t.call('rental', 'mine', {})).registrations.find((x: { id: string }) => x.id === id)).toMatchObject({ name: TENANT })
  const listed = await manager.call('rental', 'registrations', { buildingId: r.registration.buildingId })
  expect(listed.registrations.find((x: { id: string }) => x.id === id)).toMatchObject({ name: TENANT, cohabitants: [{ name: COHABITANT }] })
  const byPolice = (await police.call('rental', 'area', {})).registrations.find((x: { id: string }) => x.id === id)
  expect(byPolice).toMatchObject({ name: TENANT })
  const byStreet = (await centre.call('rental', 'area', {})).registrations.find((x: { id: string }) => x.id === id)
  expect(byStreet).toMatchObject({ name: '东*明', cohabitants: [{ name: '东*晓', relation: '兄弟' }] })
  expect(JSON.stringify(byStreet)).not.toMatch(/东方未/)
  expect((await police.call('rental', 'exportCsv', { purpose: 'inspection', reason: '核查出租屋登记' })).csv).toContain(TENANT)
  const mine = JSON.stringify(await t.call('account', 'export', {}))
  expect(mine).toContain(TENANT)
  expect(mine).toContain(COHABITANT)
  expectNotInDatabase([TENANT, COHABITANT])
})
