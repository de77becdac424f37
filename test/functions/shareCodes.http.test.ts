/**
 * Printable codes and invitation codes over the local server, as strangers meet them: a mediation
 * invitation is 8 unambiguous characters (a 小程序码 scene holds 32), the long form sent before still
 * opens; locally every printable code is a QR of the H5 link at the host the request came to, or at
 * JIEFANG_PUBLIC_URL when set; only the people a code is for may print it.
 */
import { DEMO_BUILDING_CODE } from '../../backend/seed/demoBuildings'
import { gridCode } from '../../backend/seed/demoOrg'
import { applyInput, setOwnPhone } from '../support/mediation'
import { as, asOpenid, serverWithUsers, startServer, type Client } from '../support/server'

const B_PHONE = '13922220003'
let worker: Client, resident: Client, manager: Client
const world = serverWithUsers(['demo-grid-worker', 'demo-resident', 'demo-building-manager'], ([w, r, m]) => {
  ;[worker, resident, manager] = [w!, r!, m!]
})

let n = 0
const stranger = () => asOpenid(world.srv.url, `dev-share-${Date.now()}-${++n}`)

describe('mediation invitation codes', () => {
  let a: Client, b: Client, caseId: string, code: string
  beforeAll(async () => {
    ;[a, b] = [await stranger(), await stranger()]
    await setOwnPhone(b, B_PHONE)
    const r = await a.call('mediation', 'apply', applyInput({ applicantName: '林晓燕', respondents: [{ name: '王先生', phone: B_PHONE }] }))
    expect(r).toMatchObject({ ok: true })
    ;[caseId, code] = [r.case.id, r.case.invites[0].code]
  })

  it('are 8 characters without 0/O or 1/I, and the path carries the code alone', async () => {
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    const got = await a.call('mediation', 'get', { id: caseId })
    expect(got.case.invites[0]).toMatchObject({ code, path: `/pages/mediation/join/index?invite=${code}` })
  })

  it('open the invitation as typed (lower case, spaces) and in the long form', async () => {
    expect(await b.call('mediation', 'invitation', { invite: ` ${code.toLowerCase()} ` })).toMatchObject({ ok: true, partyName: '王先生' })
    expect(await b.call('mediation', 'invitation', { invite: `${caseId}-${code}` })).toMatchObject({ ok: true, partyName: '王先生' })
    expect(await b.call('mediation', 'invitation', { invite: code.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')) })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('print as a QR of the join link for the applicant only', async () => {
    const qr = await a.call('mediation', 'inviteQr', { invite: code })
    expect(qr).toMatchObject({ ok: true, qr: { kind: 'qr', link: `${world.srv.url}/#/pages/mediation/join/index?invite=${code}`, svg: expect.stringMatching(/^<svg/) } })
    // The invitee, a stranger and the demo resident learn nothing more than a wrong code would tell.
    for (const c of [b, await stranger(), resident]) expect(await c.call('mediation', 'inviteQr', { invite: code })).toEqual({ ok: false, code: 'NOT_FOUND', message: '邀请码无效，请向申请人核对' })
  })

  it('join by the short code', async () => {
    const joined = await b.call('mediation', 'join', { invite: code, name: '王先生', consent: true })
    expect(joined).toMatchObject({ ok: true, case: { id: caseId, myRole: 'respondent' } })
  })
})

describe('printable codes locally', () => {
  it('the grid board: a QR of the board link for the grid\'s worker, refused to a resident', async () => {
    const grid = gridCode(0, 1)
    expect(await worker.call('grid', 'boardQr', { code: grid })).toMatchObject({ ok: true, gridName: expect.stringContaining('网格'), qr: { kind: 'qr', link: `${world.srv.url}/#/pages/grid/board/index?code=${grid}` } })
    expect(await resident.call('grid', 'boardQr', { code: grid })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await (await stranger()).call('grid', 'boardQr', { code: grid })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('JIEFANG_PUBLIC_URL, when set, is the address printed codes point at (not the request host)', async () => {
    const srv = await startServer({ env: { JIEFANG_TIMER_MS: '0', JIEFANG_PUBLIC_URL: 'https://jiefang.example.gov.cn/' } })
    try {
      const m = await as(srv.url, 'demo-building-manager')
      const mine = await m.call('rental', 'myBuildings', {})
      const building = mine.buildings.find((x: { code: string }) => x.code === DEMO_BUILDING_CODE)
      const qr = await m.call('rental', 'buildingQr', { buildingId: building.id })
      expect(qr.qr.link).toBe(`https://jiefang.example.gov.cn/#/pages/rental/checkin/index?b=${DEMO_BUILDING_CODE}`)
    } finally {
      await srv.stop()
    }
    // The shared server has none: the host the manager reached.
    const mine = await manager.call('rental', 'myBuildings', {})
    const qr = await manager.call('rental', 'buildingQr', { buildingId: mine.buildings[0].id })
    expect(qr.qr.link.startsWith(`${world.srv.url}/#/pages/rental/checkin/index?b=`)).toBe(true)
  })
})
