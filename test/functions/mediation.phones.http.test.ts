/**
 * Mediation parties' phones at rest (real local server over SQLite): sealed in the case, found by
 * a keyed hash, shown whole only to the case's staff and the party themselves, and never in clear in
 * any file of the data directory or the server's output.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { secretsLeft } from '../support/leaks'
import { DEMO_RESIDENT_PHONES } from '../../backend/seed/demoUsers'
import { applyInput, joinInput, medAct } from '../support/mediation'
import { serverWithUsers, type Client } from '../support/server'

const APPLICANT = '13712340001'
/** 黄伟明's phone in 我的: the invitation opens only for it. */
const RESPONDENT = DEMO_RESIDENT_PHONES['demo-resident-2']!
const LANDLINE = '020-87654321'

let applicant: Client, respondent: Client, centre: Client
let caseId: string

const world = serverWithUsers(['demo-resident', 'demo-resident-2', 'demo-dispatcher'], (c) => ([applicant, respondent, centre] = c))
beforeAll(async () => {
  const r = await applicant.call('mediation', 'apply', applyInput({ applicantPhone: APPLICANT, respondents: [{ name: '黄伟明', phone: RESPONDENT }, { name: '李娟', phone: LANDLINE }] }))
  expect(r).toMatchObject({ ok: true })
  caseId = r.case.id
  expect(await medAct(centre, caseId, 'accept')).toMatchObject({ ok: true })
  expect(await respondent.call('mediation', 'join', joinInput(r.case.invites[0].code))).toMatchObject({ ok: true })
})

const phonesOf = (r: { case: { parties: Array<{ name: string; phone: string }> } }) => Object.fromEntries(r.case.parties.map((p) => [p.name, p.phone]))

it('shows the numbers whole to the case\'s staff and each party\'s own, masked to the other side', async () => {
  expect(phonesOf(await centre.call('mediation', 'get', { id: caseId }))).toEqual({ 陈小梅: APPLICANT, 黄伟明: RESPONDENT, 李娟: LANDLINE })
  expect(phonesOf(await applicant.call('mediation', 'get', { id: caseId }))).toEqual({ 陈小梅: APPLICANT, 黄伟明: '139****5678', 李娟: '020****4321' })
  const mine = phonesOf(await respondent.call('mediation', 'get', { id: caseId }))
  expect(mine['黄伟明']).toBe(RESPONDENT)
  expect(mine['陈小梅']).toBe('137****0001')
})

it('finds the case by a party\'s number, however it is written, and only in scope', async () => {
  const ids = async (c: Client, phone: string) => ((await c.call('mediation', 'queue', { phone })).cases ?? []).map((x: { id: string }) => x.id)
  expect(await ids(centre, RESPONDENT)).toEqual([caseId])
  expect(await ids(centre, '02087654321')).toEqual([caseId])
  expect(await ids(centre, '13700000009')).toEqual([])
  expect(await applicant.call('mediation', 'queue', { phone: RESPONDENT })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await centre.call('mediation', 'queue', { phone: '12345' })).toMatchObject({ ok: false, code: 'VALIDATION' })
})

it('stores the numbers sealed, bound to their case', () => {
  const db = new Database(join(world.srv.dataDir, 'jiefang.sqlite'), { readonly: true })
  try {
    const { payload } = db.prepare('SELECT payload FROM cases WHERE id = ?').get(caseId) as { payload: string }
    for (const p of JSON.parse(payload).parties) {
      expect(p.phone).toBeUndefined()
      expect(p.phoneSealed).toMatch(/^[A-Za-z0-9+/]+=*$/)
      expect(p.phoneHash).toMatch(/^[0-9a-f]{64}$/)
    }
  } finally {
    db.close()
  }
})

it('leaves no number in clear in any file of the data directory or in the server output', async () => {
  await fetch(`${world.srv.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceHours: 1 }) })
  const { files, found } = secretsLeft(world.srv, [APPLICANT, RESPONDENT, LANDLINE], ['87654321'])
  expect(files.some((f) => f.endsWith('jiefang.sqlite-wal'))).toBe(true)
  expect(found).toEqual([])
})
