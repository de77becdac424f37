/**
 * Open311 POST requests over HTTP against the built local server (Part O2, issue 20): a report posted
 * form-encoded, as FixMyStreet's client sends it, reaches the grid worker's queue; the worker accepts
 * it with a public note, and GET requests and servicerequestupdates show it; a retry with the same
 * client id is the same case; a bad service_code, a missing location and a bad key answer the
 * specification's <errors>; the reporter's phone, name and email are in no answer. The partner is
 * made through the store (the admin's issueKey is Part K's). XML read by a real parser (@xmldom/xmldom, strict).
 */
import { randomBytes } from 'node:crypto'
import { DOMParser, type Element } from '@xmldom/xmldom'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { defaultDistrictConfig } from '../../backend/config/district'
import { GRID1_POINT } from '../support/fixtures'
import { open311Partner } from '../support/partners'
import { fromReportInput } from '../support/intake'
import { serverWithUsers, type Client } from '../support/server'

const district = defaultDistrictConfig().district
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const newKey = () => `jf311_${Array.from(randomBytes(32), (b) => BASE62[b % 62]).join('')}`
const KEY = newKey()
const PHONE = '13987654321'
const EMAIL = 'wang.fang@example.org'
const NOTE = '已安排保洁员今天下午清理'

let gw: Client
const world = serverWithUsers(['demo-grid-worker'], (c) => ([gw] = c))
/** An element as plain data: text when it holds only text, else its children by name (a repeated name: a list). */
function data(e: Element): unknown {
  const children = Array.from(e.childNodes as unknown as ArrayLike<Element>).filter((c) => c.nodeType === 1)
  if (children.length === 0) return e.textContent ?? ''
  const out: Record<string, unknown> = {}
  for (const c of children) {
    const v = data(c)
    out[c.nodeName] = c.nodeName in out ? [out[c.nodeName]].flat().concat([v]) : v
  }
  return out
}

/** Parses an XML answer strictly (a parse error or warning fails the test) into `{ root: data }`. */
const xml = {
  parse(text: string): any {
    const problems: string[] = []
    const doc = new DOMParser({ onError: (level, msg) => void problems.push(`${level}: ${msg}`) }).parseFromString(text, 'text/xml')
    expect(problems).toEqual([])
    const root = doc.documentElement as unknown as Element
    return { [root.nodeName]: data(root) }
  },
}
/** Every answer body, to look for the reporter in afterwards. */
const answers: string[] = []

beforeAll(async () => {
  // The server holds the same SQLite file; WAL lets this process add the partner beside it.
  const store = openSqliteStore(world.srv.dataDir)
  await store.addPartner(open311Partner('p-fms-http', '街坊随手拍平台', KEY, district.code))
  await store.close()
})

/** What FixMyStreet's client posts (perllib/Open311.pm), form-encoded, with attribute[fixmystreet_id] as its own report id. */
function fmsForm(over: Record<string, string | string[]> = {}): URLSearchParams {
  const fields: Record<string, string | string[]> = {
    jurisdiction_id: district.code,
    api_key: KEY,
    service_code: 'HJ01',
    lat: String(GRID1_POINT.lat),
    long: String(GRID1_POINT.lng),
    email: EMAIL,
    description: '云景路 12 号门口的垃圾堆了三天，没人清理',
    first_name: '芳',
    last_name: '王',
    phone: PHONE,
    media_url: 'https://fms.example.org/photo/77.full.jpeg',
    'attribute[fixmystreet_id]': '77',
    ...over,
  }
  const form = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) if (one !== '') form.append(k, one)
  return form
}

async function post(form: URLSearchParams, format: 'xml' | 'json' = 'xml') {
  const res = await fetch(`${world.srv.url}/open311/v2/requests.${format}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() })
  const text = await res.text()
  answers.push(text)
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, doc: format === 'xml' ? xml.parse(text) : JSON.parse(text) }
}

async function get(path: string, query: Record<string, string> = {}) {
  const res = await fetch(`${world.srv.url}/open311/v2/${path}?${new URLSearchParams({ api_key: KEY, jurisdiction_id: district.code, ...query })}`)
  const text = await res.text()
  answers.push(text)
  return { status: res.status, text, doc: path.endsWith('.json') ? JSON.parse(text) : xml.parse(text) }
}

const oneOf = <T>(v: T | T[]): T => (Array.isArray(v) ? v[0]! : v)

describe('a report posted through Open311', () => {
  let number: string

  it('answers 201 with the case number, and reaches the grid worker as a report from the partner', async () => {
    const r = await post(fmsForm())
    expect(r.status).toBe(201)
    expect(r.type).toMatch(/text\/xml/)
    const request = oneOf(r.doc.service_requests.request)
    number = request.service_request_id
    expect(number).toMatch(/^.+-\d{4}-\d{5}$/)
    expect(request.token).toBeUndefined()
    expect(request.service_notice).toMatch(/小时内受理/)

    const q = await gw.call('cases', 'queue', { statuses: ['submitted'] })
    const row = q.cases.find((x: { number: string }) => x.number === number)
    expect(row).toBeTruthy()
    const view = await gw.call('cases', 'get', { id: row.id })
    expect(view.case.source).toEqual({ line: '来源：街坊随手拍平台（Open311）', mediaUrls: ['https://fms.example.org/photo/77.full.jpeg'] })
    expect(view.case.reporter).toEqual({ name: '王芳', phone: PHONE, proxy: false, email: EMAIL })
    expect(view.timeline[0]).toMatchObject({ action: 'submit', actorLabel: '对接系统 街坊随手拍平台' })
    expect(view.actions.map((a: { action: string }) => a.action)).toContain('accept')
  })

  it('a retry with the same attribute[fixmystreet_id] is the same case, in JSON too', async () => {
    const again = await post(fmsForm(), 'json')
    expect(again.status).toBe(201)
    expect(again.type).toMatch(/application\/json/)
    expect(again.doc).toEqual([expect.objectContaining({ service_request_id: number })])
    const q = await gw.call('cases', 'queue', { statuses: ['submitted'] })
    expect(q.cases.filter((x: { number: string }) => x.number === number)).toHaveLength(1)
  })

  it("shows the worker's acceptance and public note in GET requests and servicerequestupdates", async () => {
    const q = await gw.call('cases', 'queue', { statuses: ['submitted'] })
    const row = q.cases.find((x: { number: string }) => x.number === number)
    const before = await gw.call('cases', 'get', { id: row.id })
    const accepted = await gw.call('cases', 'act', { id: row.id, action: 'accept', version: before.case.version, note: NOTE, noteVisibility: 'public' })
    expect(accepted).toMatchObject({ ok: true, case: { status: 'accepted' } })

    const one = await get(`requests/${encodeURIComponent(number)}.xml`)
    expect(one.status).toBe(200)
    const req = oneOf(one.doc.service_requests.request)
    expect(req).toMatchObject({ service_request_id: number, status: 'open', service_code: 'HJ01' })
    expect(req.status_notes).toContain(NOTE)

    const today = new Date()
    const updates = await get('servicerequestupdates.xml', { start_date: new Date(today.getTime() - 3600_000).toISOString(), end_date: new Date(today.getTime() + 60_000).toISOString() })
    expect(updates.status).toBe(200)
    const mine = [updates.doc.service_request_updates?.request_update ?? []].flat().filter((u: { service_request_id: string }) => u.service_request_id === number)
    expect(mine.map((u: { description: string }) => u.description)).toContain(NOTE)
    expect(mine.find((u: { description: string }) => u.description === NOTE)).toMatchObject({ status: 'open' })
  })
})

it('turned into mediation, its reporter is invited by code like the other side: no account stands behind the partner', async () => {
  const r = await post(fmsForm({ service_code: 'ZY02', description: '隔壁每晚打麻将到凌晨两点，影响休息', 'attribute[fixmystreet_id]': '90' }))
  expect(r.status).toBe(201)
  const number = oneOf(r.doc.service_requests.request).service_request_id
  const row = (await gw.call('cases', 'queue', { statuses: ['submitted'] })).cases.find((x: { number: string }) => x.number === number)
  const before = await gw.call('cases', 'get', { id: row.id })
  const made = await gw.call('mediation', 'fromReport', fromReportInput(row.id, before.case.version))
  expect(made).toMatchObject({ ok: true, replayed: false })
  expect(made.invites.map((x: { name: string }) => x.name)).toHaveLength(2)
})

describe("the specification's errors", () => {
  const refused = async (form: URLSearchParams, status: number) => {
    const r = await post(form)
    expect(r.status).toBe(status)
    const error = oneOf(r.doc.errors.error)
    expect(error.code).toBe(String(status))
    expect(error.description).toMatch(/[\u4e00-\u9fa5]/)
    return error.description as string
  }

  it('an unknown or missing service_code', async () => {
    expect(await refused(fmsForm({ service_code: 'NOPE', 'attribute[fixmystreet_id]': '78' }), 404)).toMatch(/service_code/)
    expect(await refused(fmsForm({ service_code: '', 'attribute[fixmystreet_id]': '78' }), 400)).toMatch(/service_code/)
  })

  it('a missing location, an address alone, a point outside every grid', async () => {
    expect(await refused(fmsForm({ lat: '', long: '', 'attribute[fixmystreet_id]': '79' }), 400)).toMatch(/缺少位置/)
    expect(await refused(fmsForm({ lat: '', long: '', address_string: '云景路 12 号', 'attribute[fixmystreet_id]': '79' }), 400)).toMatch(/lat 和 long/)
    expect(await refused(fmsForm({ lat: '39.9042', long: '116.4074', 'attribute[fixmystreet_id]': '79' }), 400)).toMatch(/不在本区网格范围内/)
  })

  it('a bad or missing api_key', async () => {
    await refused(fmsForm({ api_key: newKey(), 'attribute[fixmystreet_id]': '80' }), 403)
    await refused(fmsForm({ api_key: 'not-a-key', 'attribute[fixmystreet_id]': '80' }), 403)
    await refused(fmsForm({ api_key: '', 'attribute[fixmystreet_id]': '80' }), 403)
  })

  it('none of them made a case', async () => {
    const q = await gw.call('cases', 'queue', {})
    expect(q.cases.filter((x: { title: string }) => x.title.includes('云景路 12 号门口'))).toHaveLength(1)
  })
})

it('the reporter as FixMyStreet named them is in no answer, nor their phone or its mask', () => {
  const all = answers.join('\n')
  expect(answers.length).toBeGreaterThan(10)
  for (const secret of [PHONE, '139****4321', EMAIL, 'w***@example.org', '王芳', '王*', 'fms.example.org']) expect(all).not.toContain(secret)
})
