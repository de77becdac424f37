/**
 * Open311 GeoReport v2 over HTTP (issue 20, Part O1): every GET endpoint in XML (parsed by a real
 * XML parser, @xmldom/xmldom, which refuses a malformed document) and JSON, the specification's
 * errors with their HTTP status, and the public view's rules: no reporter, no internal note, no
 * voice, no sensitive category, no photo moderation has not published.
 */
import { DOMParser, type Element } from '@xmldom/xmldom'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { move, photo, submitReport } from '../support/cases'
import { GRID1_POINT, TINY_AAC } from '../support/fixtures'
import { asOpenid, setModeration } from '../support/publicView'
import { serverWithUsers, startServer, type Client } from '../support/server'

let admin: Client, gw: Client, disp: Client
const world = serverWithUsers(['demo-admin', 'demo-grid-worker', 'demo-dispatcher'], (c) => ([admin, gw, disp] = c))
const url = (path: string) => `${world.srv.url}/open311/v2/${path}`
let n = 0
const fresh = () => asOpenid(world.srv.url, `dev-o311-${Date.now()}-${++n}`)

const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/
const PUBLIC_NOTE = '已安排保洁员今天下午清运 <垃圾> & "杂物"'
const INTERNAL_NOTE = '内部备注：房东姓王，电话在册'
const DESCRIPTION = `楼下垃圾堆了三天没人清理，'302' 房门口 <最严重> & 有异味`

/** Parses an XML answer strictly: a parse error or warning fails the test. */
function xml(text: string): Element {
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
  const problems: string[] = []
  const doc = new DOMParser({ onError: (level, msg) => void problems.push(`${level}: ${msg}`) }).parseFromString(text, 'text/xml')
  expect(problems).toEqual([])
  return doc.documentElement as unknown as Element
}

const kids = (e: Element, name: string): Element[] => Array.from(e.childNodes as unknown as ArrayLike<Element>).filter((c) => c.nodeType === 1 && c.nodeName === name)
/** An element's children as { name: text }, for elements holding text only. */
function fields(e: Element): Record<string, string> {
  const out: Record<string, string> = {}
  for (const c of Array.from(e.childNodes as unknown as ArrayLike<Element>)) if (c.nodeType === 1) out[c.nodeName] = c.textContent ?? ''
  return out
}

async function get(path: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url(path))
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() }
}

async function getXml(path: string, status = 200): Promise<Element> {
  const r = await get(path)
  expect({ path, status: r.status }).toEqual({ path, status })
  expect(r.type).toBe('text/xml; charset=utf-8')
  return xml(r.text)
}

async function getJson(path: string, status = 200): Promise<any> {
  const r = await get(path)
  expect({ path, status: r.status }).toEqual({ path, status })
  expect(r.type).toBe('application/json; charset=utf-8')
  return JSON.parse(r.text)
}

/** The specification's error document, in both formats, with the HTTP status in <code>. */
async function expectError(path: string, status: number, words?: RegExp): Promise<void> {
  const root = await getXml(path.replace(/(\?|$)/, '.xml$1'), status)
  expect(root.nodeName).toBe('errors')
  const [error] = kids(root, 'error')
  expect(fields(error!).code).toBe(String(status))
  if (words) expect(fields(error!).description).toMatch(words)
  const json = await getJson(path.replace(/(\?|$)/, '.json$1'), status)
  expect(json).toEqual([{ code: status, description: expect.any(String) }])
}

interface World {
  key: string
  partnerId: string
  /** A public report: published description and first photo, a public and an internal note, a voice note. */
  open: { id: string; number: string; photos: string[]; voice: string }
  /** A report in a sensitive category (治安线索举报). */
  sensitive: { id: string; number: string }
  /** A second public report in another category, closed (rejected). */
  other: { number: string }
}
let w: World

async function issueKey(name: string): Promise<{ key: string; id: string }> {
  const r = await admin.call('integrations', 'issueKey', { name })
  expect(r).toMatchObject({ ok: true, key: expect.stringMatching(/^jf311_[0-9A-Za-z]{32}$/) })
  return { key: r.key, id: r.partner.id }
}

beforeAll(async () => {
  const { key, id: partnerId } = await issueKey('市网格化平台')
  const reporter = await fresh()
  const photos = [await photo(reporter), await photo(reporter)]
  const voice = (await reporter.call('files', 'uploadVoice', { contentBase64: TINY_AAC.toString('base64') })).fileId
  expect(voice).toEqual(expect.any(String))
  const c = await submitReport(reporter, { description: DESCRIPTION, photos, voiceFileId: voice, anonymous: false, contactPhone: '13800138000' })
  setModeration(world.srv.dataDir, c.id, { description: 'published', photos: { [photos[0]!]: 'published', [photos[1]!]: 'pending' }, hidden: false })
  expect(await move(gw, c.id, 'accept', { note: PUBLIC_NOTE, noteVisibility: 'public' })).toMatchObject({ ok: true })
  expect(await move(gw, c.id, 'note', { note: INTERNAL_NOTE })).toMatchObject({ ok: true })
  const s = await submitReport(await fresh(), { category: 'ZA03', description: '夜里有人在楼道里反复撬门锁' })
  const o = await submitReport(await fresh(), { category: 'XF01', description: '消防通道被电动车堵住了' })
  expect(await move(disp, o.id, 'reject', { note: '重复上报' })).toMatchObject({ ok: true })
  w = { key, partnerId, open: { id: c.id, number: c.number, photos, voice }, sensitive: { id: s.id, number: s.number }, other: { number: o.number } }
})

describe('discovery and services (no key needed)', () => {
  it('discovery names this endpoint, the specification and both formats', async () => {
    for (const path of ['discovery', 'discovery.xml']) {
      const root = await getXml(path)
      expect(root.nodeName).toBe('discovery')
      expect(fields(root).changeset).toMatch(W3C)
      const [endpoint] = kids(kids(root, 'endpoints')[0]!, 'endpoint')
      expect(fields(endpoint!)).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${world.srv.url}/open311/v2`, type: 'production' })
      expect(kids(kids(endpoint!, 'formats')[0]!, 'format').map((f) => f.textContent)).toEqual(['text/xml', 'application/json'])
    }
    const json = await getJson('discovery.json')
    expect(json.endpoints).toEqual([expect.objectContaining({ url: `${world.srv.url}/open311/v2`, formats: ['text/xml', 'application/json'] })])
  })

  it('services are the leaf categories, grouped by their parent; sensitive ones answer a token (batch)', async () => {
    const root = await getXml('services.xml')
    expect(root.nodeName).toBe('services')
    const services = kids(root, 'service').map(fields)
    expect(services.find((s) => s.service_code === 'XF01')).toEqual({
      service_code: 'XF01',
      service_name: '消防通道堵塞',
      description: expect.stringContaining('消防安全：消防通道堵塞'),
      metadata: 'false',
      type: 'realtime',
      keywords: '消防安全,消防通道堵塞',
      group: '消防安全',
    })
    expect(services.find((s) => s.service_code === 'ZA03')).toMatchObject({ type: 'batch', group: '治安隐患' })
    // Parent categories are groups, not services.
    expect(services.map((s) => s.service_code)).not.toContain('XF')
    const json = await getJson('services.json')
    expect(json.find((s: { service_code: string }) => s.service_code === 'XF01')).toMatchObject({ metadata: false, type: 'realtime', group: '消防安全' })
    expect(json).toHaveLength(services.length)
  })

  it('services/{code} is its definition (no extra attributes); an unknown code is 404', async () => {
    const root = await getXml('services/XF01.xml')
    expect(root.nodeName).toBe('service_definition')
    expect(fields(root).service_code).toBe('XF01')
    expect(kids(kids(root, 'attributes')[0]!, 'attribute')).toEqual([])
    expect(await getJson('services/XF01.json')).toEqual({ service_code: 'XF01', attributes: [] })
    await expectError('services/NOPE', 404, /service_code NOPE/)
    await expectError('services/XF', 404)
  })
})

describe('GET requests', () => {
  const k = () => `api_key=${w.key}`

  it('lists a public report with its public view in XML, times in W3C with +08:00', async () => {
    const root = await getXml(`requests.xml?${k()}`)
    expect(root.nodeName).toBe('service_requests')
    const all = kids(root, 'request').map(fields)
    const r = all.find((x) => x.service_request_id === w.open.number)!
    expect(r).toMatchObject({
      status: 'open',
      status_notes: PUBLIC_NOTE,
      service_name: '垃圾堆积',
      service_code: 'HJ01',
      description: DESCRIPTION,
      agency_responsible: '云景社区第1网格',
      address: expect.stringContaining('云景社区第1网格'),
      media_url: `${world.srv.url}/open311/v2/media/${w.open.photos[0]}.jpg?request=${encodeURIComponent(w.open.number)}`,
    })
    for (const t of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(r[t]).toMatch(W3C)
    // Rounded to ~50 m: never the reporter's own point.
    expect(Math.abs(Number(r.lat) - GRID1_POINT.lat)).toBeLessThan(0.001)
    expect(`${r.lat},${r.long}`).not.toBe(`${GRID1_POINT.lat},${GRID1_POINT.lng}`)
  })

  it('answers the same in JSON, with numbers as numbers and absent values as null', async () => {
    const json = await getJson(`requests.json?${k()}`)
    const r = json.find((x: { service_request_id: string }) => x.service_request_id === w.open.number)
    expect(r).toMatchObject({ status: 'open', status_notes: PUBLIC_NOTE, description: DESCRIPTION, service_notice: null, lat: expect.any(Number), long: expect.any(Number) })
    expect(r.requested_datetime).toMatch(W3C)
    // Newest first.
    const numbers = json.map((x: { service_request_id: string }) => x.service_request_id)
    expect(numbers.indexOf(w.other.number)).toBeLessThan(numbers.indexOf(w.open.number))
  })

  it('keeps the public view: no sensitive category, reporter, internal note, voice, unpublished photo or address', async () => {
    for (const path of [`requests.xml?${k()}`, `requests.json?${k()}`, `servicerequestupdates.json?${k()}`, `servicerequestupdates.xml?${k()}`]) {
      const text = (await get(path)).text
      for (const secret of [w.sensitive.number, '夜里有人在楼道里', INTERNAL_NOTE, '房东', w.open.voice, w.open.photos[1]!, '云景路 12 号', '13800138000', w.open.id, 'dev-o311']) {
        expect({ path, leaked: text.includes(secret) ? secret : null }).toEqual({ path, leaked: null })
      }
    }
    await expectError(`requests/${encodeURIComponent(w.sensitive.number)}?${k()}`, 404)
  })

  it('filters by ids (overriding the rest), service_code and status, and pages', async () => {
    const ids = `service_request_id=${encodeURIComponent(`${w.open.number},${w.sensitive.number},${w.other.number}`)}&status=closed`
    const byIds = await getJson(`requests.json?${k()}&${ids}`)
    expect(byIds.map((x: { service_request_id: string }) => x.service_request_id)).toEqual([w.open.number, w.other.number])

    const fire = await getJson(`requests.json?${k()}&service_code=XF01`)
    expect(fire.map((x: { service_code: string }) => x.service_code)).toEqual(fire.map(() => 'XF01'))
    expect(fire.map((x: { service_request_id: string }) => x.service_request_id)).toContain(w.other.number)
    const closed = await getJson(`requests.json?${k()}&status=closed`)
    expect(closed.map((x: { service_request_id: string }) => x.service_request_id)).toEqual([w.other.number])
    expect(closed[0]).toMatchObject({ status: 'closed' })
    const open = await getJson(`requests.json?${k()}&status=open`)
    expect(open.map((x: { status: string }) => x.status)).toEqual(open.map(() => 'open'))

    const all = (await getJson(`requests.json?${k()}`)).map((x: { service_request_id: string }) => x.service_request_id)
    expect(all.length).toBeGreaterThanOrEqual(2)
    const second = await getJson(`requests.json?${k()}&page_size=1&page=2`)
    expect(second.map((x: { service_request_id: string }) => x.service_request_id)).toEqual([all[1]])
  })

  it('takes a range of at most 90 days; a longer or unreadable one is 400', async () => {
    const range = (s: string, e: string) => `requests?${k()}&start_date=${encodeURIComponent(s)}&end_date=${encodeURIComponent(e)}`
    const now = Date.now()
    const within = await getJson(range(new Date(now - 86_400_000).toISOString(), new Date(now + 86_400_000).toISOString()).replace('requests', 'requests.json'))
    expect(within.map((x: { service_request_id: string }) => x.service_request_id)).toContain(w.open.number)
    // An offset's + left unencoded arrives as a space and still reads as +08:00.
    const raw = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00'
    const unencoded = await getJson(`requests.json?${k()}&start_date=${raw(now - 86_400_000)}&end_date=${raw(now + 86_400_000)}`)
    expect(unencoded.map((x: { service_request_id: string }) => x.service_request_id)).toContain(w.open.number)
    const before = await getJson(range('2020-01-01T00:00:00+08:00', '2020-02-01T00:00:00+08:00').replace('requests', 'requests.json'))
    expect(before).toEqual([])
    await expectError(range('2026-01-01T00:00:00+08:00', '2026-04-02T00:00:00+08:00'), 400, /90 天/)
    await expectError(`requests?${k()}&start_date=yesterday`, 400, /start_date/)
    await expectError(`requests?${k()}&status=pending`, 400, /status/)
    await expectError(`requests?${k()}&service_code=NOPE`, 400, /NOPE/)
  })

  it('requests/{id} is one report by its case number; an unknown one is 404', async () => {
    const id = encodeURIComponent(w.open.number)
    const root = await getXml(`requests/${id}.xml?${k()}`)
    expect(kids(root, 'request').map(fields)).toEqual([expect.objectContaining({ service_request_id: w.open.number, status_notes: PUBLIC_NOTE })])
    expect(await getJson(`requests/${id}.json?${k()}`)).toEqual([expect.objectContaining({ service_request_id: w.open.number, service_code: 'HJ01' })])
    // Without a suffix the answer is XML.
    expect((await getXml(`requests/${id}?${k()}`)).nodeName).toBe('service_requests')
    await expectError(`requests/${encodeURIComponent('京溪-2026-99999')}?${k()}`, 404)
  })
})

describe('GET servicerequestupdates (FixMyStreet)', () => {
  it('lists the public update and the status moves, oldest first, without internal words', async () => {
    const root = await getXml(`servicerequestupdates.xml?api_key=${w.key}`)
    expect(root.nodeName).toBe('service_request_updates')
    const mine = kids(root, 'request_update')
      .map(fields)
      .filter((u) => u.service_request_id === w.open.number)
    expect(mine).toEqual([{ update_id: expect.any(String), service_request_id: w.open.number, status: 'open', updated_datetime: expect.stringMatching(W3C), description: PUBLIC_NOTE, media_url: '' }])
    const json = await getJson(`servicerequestupdates.json?api_key=${w.key}`)
    const rejected = json.find((u: { service_request_id: string }) => u.service_request_id === w.other.number)
    // A move whose note is internal shows the status's name, not the note.
    expect(rejected).toMatchObject({ status: 'no_further_action', description: '状态更新为「不予受理」', media_url: null })
    const past = await getJson(`servicerequestupdates.json?api_key=${w.key}&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z`)
    expect(past).toEqual([])
    await expectError(`servicerequestupdates?api_key=${w.key}&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`, 400, /90 天/)
  })
})

describe('media', () => {
  it('serves a published photo at its stable link, nothing else', async () => {
    const listed = (await getJson(`requests/${encodeURIComponent(w.open.number)}.json?api_key=${w.key}`))[0].media_url
    // The link as requests gives it, and the bare file name (found through its uploader).
    for (const link of [listed, url(`media/${w.open.photos[0]}.jpg`)]) {
      const res = await fetch(link)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/jpeg')
      const bytes = Buffer.from(await res.arrayBuffer())
      expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
    }
    // Named with another report, the photo is not found.
    expect((await fetch(url(`media/${w.open.photos[0]}.jpg?request=${encodeURIComponent(w.other.number)}`))).status).toBe(404)
    for (const path of [`media/${w.open.photos[1]}.jpg`, `media/${w.open.voice}.aac`, `media/${w.open.photos[0]}.png`, `media/${w.open.photos[0]}`, `media/${w.open.photos[0]}.jpg%2F..%2Fx`, 'media/nothing.jpg']) {
      expect({ path, status: (await fetch(url(path))).status }).toEqual({ path, status: 404 })
    }
  })
})

describe('tokens', () => {
  it('a sensitive report posted by the partner answers a token; GET tokens/{token} holds no case number', async () => {
    const body = new URLSearchParams({ api_key: w.key, service_code: 'ZA03', lat: String(GRID1_POINT.lat), long: String(GRID1_POINT.lng), description: '楼道里有人反复撬门锁，已经三次了' })
    const posted = await fetch(url('requests.json'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
    expect(posted.status).toBeLessThan(300)
    const [answer] = (await posted.json()) as Array<{ token?: string; service_request_id?: string }>
    expect(answer!.token).toEqual(expect.any(String))
    expect(answer!.service_request_id).toBeUndefined()
    const root = await getXml(`tokens/${answer!.token}.xml?api_key=${w.key}`)
    expect(kids(root, 'request').map(fields)).toEqual([{ token: answer!.token! }])
    expect(await getJson(`tokens/${answer!.token}.json?api_key=${w.key}`)).toEqual([{ token: answer!.token }])
    await expectError(`tokens/AAAAAAAAAAAAAAAAAAAAAAAA?api_key=${w.key}`, 404)
  })
})

describe('errors', () => {
  it('refuses a missing, unknown or revoked key with 403, in both formats', async () => {
    await expectError('requests', 403, /api_key/)
    await expectError('requests?api_key=jf311_0000000000000000000000000000000', 403, /api_key/)
    await expectError('servicerequestupdates?api_key=nonsense', 403)
    const spare = await issueKey('将停用的平台')
    expect((await get(`requests.json?api_key=${spare.key}`)).status).toBe(200)
    expect(await admin.call('integrations', 'revokePartner', { id: spare.id })).toMatchObject({ ok: true })
    await expectError(`requests?api_key=${spare.key}`, 403, /停用/)
    await expectError(`tokens/AAAAAAAAAAAAAAAAAAAAAAAA?api_key=${spare.key}`, 403)
  })

  it('answers 404 for another jurisdiction or an unknown resource, 405 for a method the resource lacks', async () => {
    await expectError(`requests?api_key=${w.key}&jurisdiction_id=110105`, 404, /jurisdiction_id/)
    await expectError('services?jurisdiction_id=110105', 404)
    expect((await get(`services.json?jurisdiction_id=440111`)).status).toBe(200)
    await expectError('nothing', 404)
    const put = await fetch(url('services.xml'), { method: 'PUT' })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET')
    expect(fields(kids(xml(await put.text()), 'error')[0]!).code).toBe('405')
  })

  it('answers 429 once a key has spent its open311.read allowance', async () => {
    const file = join(world.srv.dataDir, 'district-low-limit.json')
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const district = JSON.parse(JSON.stringify(require('../../settings/district.json')))
    district.rateLimits['open311.read'] = { max: 2, windowMinutes: 10 }
    writeFileSync(file, JSON.stringify(district))
    const own = await startServer({ env: { JIEFANG_TIMER_MS: '0', JIEFANG_DISTRICT_CONFIG: file } })
    try {
      const admin2 = await (await import('../support/server')).as(own.url, 'demo-admin')
      const r = await admin2.call('integrations', 'issueKey', { name: '限流测试' })
      const at = (p: string) => fetch(`${own.url}/open311/v2/${p}?api_key=${r.key}`)
      expect((await at('requests.json')).status).toBe(200)
      expect((await at('servicerequestupdates.json')).status).toBe(200)
      const third = await at('requests.json')
      expect(third.status).toBe(429)
      expect(await third.json()).toEqual([{ code: 429, description: expect.stringContaining('频繁') }])
      // Services need no key and count nothing.
      expect((await fetch(`${own.url}/open311/v2/services.json`)).status).toBe(200)
    } finally {
      await own.stop()
    }
  })
})
