/**
 * 联系电话 on a report (选填), as brand-new WeChat identities meet it: taken from the phone saved in 我的
 * or typed on the form, checked (mainland mobile or landline), never in clear in the SQLite file,
 * shown to staff on the case instead of 未留电话, never in the public view a neighbour follows, in
 * the reporter's own export, and gone from the report once the reporter deletes the account.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { reportInput } from '../support/fixtures'
import { setOwnPhone } from '../support/mediation'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

// Numbers no seed or other test uses, so finding them can only mean this test's data leaked.
const PROFILE_PHONE = '13955510017'
const TYPED_LANDLINE = '020-87651234'

let gridWorker: Client, centre: Client
const world = serverWithUsers(['demo-grid-worker', 'demo-dispatcher'], ([g, c]) => {
  ;[gridWorker, centre] = [g!, c!]
})

let n = 0
const stranger = () => asOpenid(world.srv.url, `dev-contact-${Date.now()}-${++n}`)

const reporterOf = async (staff: Client, id: string) => {
  const r = await staff.call('cases', 'get', { id })
  expect(r).toMatchObject({ ok: true })
  return r.case.reporter as { name: string; phone: string | null; proxy: boolean } | null
}

function inDatabase(text: string): string[] {
  const files = readdirSync(world.srv.dataDir).filter((f) => /\.(db|sqlite)(-wal|-shm)?$/.test(f))
  expect(files.length).toBeGreaterThan(0)
  return files.filter((f) => readFileSync(join(world.srv.dataDir, f)).includes(Buffer.from(text)))
}

it('takes 我的 phone for the report; staff see it in full, the public view and the database never; the export has it; 注销账号 removes it', async () => {
  const a = await stranger()
  await setOwnPhone(a, PROFILE_PHONE)
  const filed = await a.call('reports', 'submit', reportInput({ contactFromProfile: true }))
  expect(filed).toMatchObject({ ok: true })
  const id = filed.case.id as string
  expect(JSON.stringify(filed)).not.toContain(PROFILE_PHONE)

  expect(await reporterOf(gridWorker, id)).toMatchObject({ phone: PROFILE_PHONE, proxy: false })
  expect(await reporterOf(centre, id)).toMatchObject({ phone: PROFILE_PHONE })
  expect(inDatabase(PROFILE_PHONE)).toEqual([])

  // A neighbour following the same problem reads the public view: neither the number nor its mask.
  const neighbour = await stranger()
  expect(await neighbour.call('reports', 'follow', { id })).toMatchObject({ ok: true })
  const seen = await neighbour.call('reports', 'get', { id })
  expect(seen).toMatchObject({ ok: true, view: 'public' })
  expect(JSON.stringify(seen)).not.toMatch(/139\*{4}0017|13955510017/)

  const exported = await a.call('account', 'export', {})
  const own = exported.export.sections.find((s: { title: string }) => s.title === '我上报的事项')
  expect(own.records[0].fields).toContainEqual({ label: '联系电话', value: PROFILE_PHONE })

  expect(await a.call('account', 'delete', { confirm: '注销' })).toMatchObject({ ok: true })
  expect(await reporterOf(gridWorker, id)).toMatchObject({ phone: null })
  // Deleting again changes nothing and still succeeds.
  expect(await reporterOf(centre, id)).toMatchObject({ phone: null })
})

it('takes a typed landline; refuses a bad number, both at once, and 我的 without a phone, each under 联系电话; no phone keeps 未留电话', async () => {
  const b = await stranger()
  const typed = await b.call('reports', 'submit', reportInput({ contactPhone: TYPED_LANDLINE }))
  expect(typed).toMatchObject({ ok: true })
  expect(await reporterOf(gridWorker, typed.case.id)).toMatchObject({ phone: TYPED_LANDLINE })
  expect(inDatabase(TYPED_LANDLINE)).toEqual([])

  for (const bad of ['12345', '1395551001', '139555100177', 'abc13955510017']) {
    const r = await b.call('reports', 'submit', reportInput({ contactPhone: bad }))
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', details: { contactPhone: '请填写正确的手机号或固定电话' } })
  }
  expect(await b.call('reports', 'submit', reportInput({ contactPhone: TYPED_LANDLINE, contactFromProfile: true }))).toMatchObject({
    ok: false,
    code: 'VALIDATION',
    details: { contactPhone: '联系电话只能填写一个' },
  })
  expect(await b.call('reports', 'submit', reportInput({ contactFromProfile: true }))).toMatchObject({
    ok: false,
    code: 'VALIDATION',
    details: { contactPhone: expect.stringContaining('「我的」中还没有手机号') },
  })

  const none = await b.call('reports', 'submit', reportInput({ contactFromProfile: false }))
  expect(none).toMatchObject({ ok: true })
  expect(await reporterOf(gridWorker, none.case.id)).toMatchObject({ phone: null })

  // A grid worker's 代办 asks the resident's own phone, never a contact phone of the worker's.
  const proxied = await gridWorker.call('cases', 'proxySubmit', { ...reportInput({ contactPhone: TYPED_LANDLINE }), proxy: { name: '王阿姨', phone: '13700000000' } })
  expect(proxied).toMatchObject({ ok: false, code: 'VALIDATION' })
})
