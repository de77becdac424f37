/**
 * What a stranger can collect: a brand-new WeChat identity scans `reports.duplicates` over the
 * whole demo street after reports exist (anonymous ones, ones with photos, ones with staff
 * notes that name a resident and a phone, sensitive ones, a 找网格员 question). It gets at most
 * five public cards per call, each within 100 m of the point it claimed, is limited after 20
 * calls, and no answer — cards, follows, reads — carries an internal note, a phone, a reporter,
 * an address, an exact point or an unpublished photo.
 */
import { demoUnits, gridCentre } from '../../backend/seed/demoOrg'
import { countProbe, RATE_LIMITED_MESSAGE } from '../../backend/usecases/shared/rateLimit'
import { roundLocation } from '../../backend/usecases/report/publicView'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { User } from '../../backend/ports'
import type { Deps } from '../../backend/runtime'
import { openTempSqliteStore } from '../store/tempSqlite'
import { distanceMetres, type GeoPoint } from '../../src/core/geo'
import { move, photo, submitReport } from '../support/cases'
import { asOpenid, leaked, PUBLIC_VIEW_KEYS, setModeration } from '../support/publicView'
import { as, startServer, type Client, type RunningServer } from '../support/server'

let srv: RunningServer
let residents: Client[]
let disp: Client

const NOTE = '已联系302房陈女士 13800138000，明早上门'
const PHONE = '13800138000'
const SPACING_M = 140
const LIMIT = 20

interface Filed {
  id: string
  at: GeoPoint
  category: string
  photos: string[]
  address: string
}
const filed: Filed[] = []

/** The street's bounding box from its grids' polygons. */
function streetBox(): { w: number; e: number; s: number; n: number } {
  const ring = demoUnits()
    .filter((u) => u.level === 'grid')
    .flatMap((u) => u.polygon!.coordinates[0]!)
  const lngs = ring.map((p) => p[0]!)
  const lats = ring.map((p) => p[1]!)
  return { w: Math.min(...lngs), e: Math.max(...lngs), s: Math.min(...lats), n: Math.max(...lats) }
}

/** Points every SPACING_M metres over the box: what a scanner would ask for. */
function scanPoints(): GeoPoint[] {
  const box = streetBox()
  const dLat = SPACING_M / 111_320
  const dLng = dLat / Math.cos((((box.s + box.n) / 2) * Math.PI) / 180)
  const out: GeoPoint[] = []
  for (let lat = box.s; lat <= box.n + 1e-9; lat += dLat) for (let lng = box.w; lng <= box.e + 1e-9; lng += dLng) out.push({ lng, lat })
  return out
}

/** Near a grid's centre but on no round number, like a real pick on the map. */
function offCentre(community: number, n: number): GeoPoint {
  const c = gridCentre(community, n)
  return { lng: Number((c.lng + 0.000137 * n).toFixed(6)), lat: Number((c.lat + 0.000171 * (community + 1)).toFixed(6)) }
}

beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
  residents = await Promise.all(['demo-resident', 'demo-resident-2', 'demo-tenant'].map((u) => as(srv.url, u)))
  disp = await as(srv.url, 'demo-dispatcher')
  // One report in every grid of the street (HJ01), spread over three reporters; every other one
  // anonymous, every third with a photo, every second with the dispatcher's internal note.
  for (let community = 0; community < 3; community++) {
    for (let n = 1; n <= 4; n++) {
      const i = community * 4 + n
      const who = residents[i % 3]!
      const at = offCentre(community, n)
      const photos = i % 3 === 0 ? [await photo(who)] : []
      const address = `京溪路 ${i} 号 ${100 + i} 房`
      const c = await submitReport(who, { category: 'HJ01', anonymous: i % 2 === 0, photos, location: { ...at, address }, description: `第 ${i} 号楼下垃圾堆积无人清理` })
      if (i % 2 === 0) expect(await move(disp, c.id, 'accept', { note: NOTE })).toMatchObject({ ok: true })
      filed.push({ id: c.id, at, category: 'HJ01', photos, address })
    }
  }
  // A family dispute, and a question to the grid worker: never public.
  const at = offCentre(1, 2)
  const dispute = await submitReport(residents[0]!, { category: 'ZA02', location: { ...at, address: '京溪路 99 号' }, description: '楼上夫妻天天吵架，孩子哭' })
  filed.push({ id: dispute.id, at, category: 'ZA02', photos: [], address: '京溪路 99 号' })
  const ask = await residents[1]!.call('grid', 'ask', { code: '440111010002002', idempotencyKey: 'harvest-ask-1', question: '请问我家老人的低保怎么续办？' })
  expect(ask).toMatchObject({ ok: true })
  filed.push({ id: ask.caseId, at, category: 'ZX01', photos: [], address: '' })
  // One photo staff published: the only photo link a stranger may ever see.
  const withPhoto = filed.find((f) => f.photos.length > 0)!
  setModeration(srv.dataDir, withPhoto.id, { description: 'pending', photos: { [withPhoto.photos[0]!]: 'published' }, hidden: false })
}, 120_000)

afterAll(async () => {
  await srv?.stop()
})

const published = () => filed.find((f) => f.photos.length > 0)!.photos[0]!

/** Everything no answer to a stranger may contain. */
function secrets(): string[] {
  const unpublished = filed.flatMap((f) => f.photos).filter((p) => p !== published())
  return [
    NOTE,
    PHONE,
    '陈女士',
    '陈小梅',
    '黄伟明',
    '刘洋',
    'demo-resident',
    'demo-tenant',
    '京溪路',
    '吵架',
    '低保',
    ...unpublished,
    ...filed.flatMap((f) => [f.at.lng.toFixed(5), f.at.lat.toFixed(5)]),
  ]
}

describe('harvesting reports.duplicates as a brand-new WeChat identity', () => {
  it('collects only the cards near the points it claims, five at most per call, and is limited after 20 calls', async () => {
    const openid = `dev-harvest${Date.now()}`
    const stranger = await asOpenid(srv.url, openid)
    // Spiralling out from where it stands, so its first answers are the richest it can get.
    const start = gridCentre(0, 1)
    const points = scanPoints().sort((a, b) => distanceMetres(a, start) - distanceMetres(b, start))
    expect(points.length).toBeGreaterThan(100)
    const answers: Array<{ point: GeoPoint; category: string; r: any }> = []
    // The sensitive categories first, right on top of the cases.
    for (const category of ['ZA02', 'ZX01']) answers.push({ point: gridCentre(1, 2), category, r: await stranger.call('reports', 'duplicates', { category, ...gridCentre(1, 2) }) })
    for (const point of points) answers.push({ point, category: 'HJ01', r: await stranger.call('reports', 'duplicates', { category: 'HJ01', ...point }) })

    const ok = answers.filter((a) => a.r.ok)
    expect(ok).toHaveLength(LIMIT)
    expect(answers.slice(0, LIMIT).every((a) => a.r.ok)).toBe(true)
    for (const a of answers.slice(LIMIT)) expect(a.r).toEqual({ ok: false, code: 'RATE_LIMITED', message: RATE_LIMITED_MESSAGE, retryable: true })
    expect(ok[0]!.r.cases).toEqual([])
    expect(ok[1]!.r.cases).toEqual([])

    const byId = new Map(filed.map((f) => [f.id, f]))
    const collected = new Set<string>()
    const expected = new Set<string>()
    for (const a of ok) {
      expect(a.r.cases.length).toBeLessThanOrEqual(5)
      for (const f of filed) if (f.category === a.category && f.category === 'HJ01' && distanceMetres(roundLocation(f.at), a.point) <= 100) expected.add(f.id)
      for (const card of a.r.cases) {
        expect(Object.keys(card).sort()).toEqual(PUBLIC_VIEW_KEYS)
        const f = byId.get(card.id)!
        expect(f.category).toBe('HJ01')
        // Within 100 m of the point it claimed, measured from the rounded place the card shows.
        expect(card.location).toEqual(roundLocation(f.at))
        expect(distanceMetres(card.location, a.point)).toBeLessThanOrEqual(100)
        collected.add(card.id)
      }
    }
    expect(collected).toEqual(expected)
    expect(collected.size).toBeGreaterThan(0)
    const open = filed.filter((f) => f.category === 'HJ01').length
    expect(collected.size).toBeLessThan(open)
    console.log(`harvest: ${answers.length} calls, ${ok.length} answered, ${collected.size} of ${open} public reports seen`)
    expect(leaked(answers.map((a) => a.r), secrets())).toEqual([])

    // A new session on the same WeChat identity starts no new window.
    const again = await asOpenid(srv.url, openid)
    expect(await again.call('reports', 'duplicates', { category: 'HJ01', ...gridCentre(0, 1) })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    // Someone else is not limited by it.
    const other = await asOpenid(srv.url, `dev-neighbour${Date.now()}`)
    expect(await other.call('reports', 'duplicates', { category: 'HJ01', ...gridCentre(0, 1) })).toMatchObject({ ok: true })
  })

  it('gets only the public view by following, and nothing for sensitive or 找网格员 cases', async () => {
    const stranger = await asOpenid(srv.url, `dev-follow${Date.now()}`)
    const got: unknown[] = []
    for (const f of filed) {
      const followed = await stranger.call('reports', 'follow', { id: f.id })
      const read = await stranger.call('reports', 'get', { id: f.id })
      got.push(followed, read)
      if (f.category !== 'HJ01') {
        expect(followed).toMatchObject({ ok: false, code: 'NOT_FOUND' })
        expect(read).toMatchObject({ ok: false, code: 'NOT_FOUND' })
        continue
      }
      expect(followed).toMatchObject({ ok: true, following: true })
      expect(read).toMatchObject({ ok: true, view: 'public', case: { id: f.id, description: null } })
      expect(Object.keys(read.case).sort()).toEqual(PUBLIC_VIEW_KEYS)
      expect(read.case.photos.map((p: { fileId: string }) => p.fileId)).toEqual(f.photos.filter((p) => p === published()))
      // Staff reads stay closed to a follower.
      expect(await stranger.call('cases', 'get', { id: f.id })).toMatchObject({ ok: false })
    }
    expect(leaked(got, secrets())).toEqual([])
  })

  it('answers five cards at most, the nearest first, where many reports crowd one spot', async () => {
    const spot = offCentre(2, 3)
    const crowd = new Map<string, number>()
    for (let i = 0; i < 7; i++) {
      const at = { lng: spot.lng + 0.00011 * i, lat: spot.lat }
      const id = (await submitReport(residents[2]!, { category: 'ZY02', location: { ...at, address: `京溪路 ${200 + i} 号` }, description: `第 ${i} 家楼上装修噪音` })).id
      crowd.set(id, distanceMetres(roundLocation(at), spot))
    }
    const r = await (await asOpenid(srv.url, `dev-crowd${Date.now()}`)).call('reports', 'duplicates', { category: 'ZY02', ...spot })
    const ids: string[] = r.cases.map((c: { id: string }) => c.id)
    expect(ids).toHaveLength(5)
    expect(ids.every((id) => crowd.has(id))).toBe(true)
    const shown = ids.map((id) => crowd.get(id)!)
    const left = [...crowd].filter(([id]) => !ids.includes(id)).map(([, m]) => m)
    expect(shown).toEqual([...shown].sort((a, b) => a - b))
    expect(Math.max(...shown)).toBeLessThanOrEqual(Math.min(...left))
  })
})

describe('the probing limit and the WeChat identity', () => {
  it('counts by OPENID, so an account made anew on the same identity inherits the count', async () => {
    const { store, cleanup } = await openTempSqliteStore()
    try {
      const config = { ...defaultDistrictConfig(), rateLimits: { 'reports.duplicates': { max: 3, windowMinutes: 10 } } }
      const d = { store, config, clock: { now: () => new Date('2026-12-06T03:00:00.000Z') } } as unknown as Deps
      const at = '2026-12-06T03:00:00.000Z'
      const first: User = { id: 'u-first', name: '微信用户', phone: null, openid: 'dev-same', grants: [{ role: 'resident', unitCode: '440111' }], createdAt: at }
      await store.putUser(first)
      const actor = (u: User) => ({ userId: u.id, name: u.name, grants: u.grants })
      for (let i = 0; i < 3; i++) expect(await countProbe(d, actor(first), 'reports.duplicates')).toBeNull()
      expect(await countProbe(d, actor(first), 'reports.duplicates')).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
      // The first account gives up the OPENID; a new account is made on it.
      await store.putUser({ ...first, openid: null })
      const second: User = { ...first, id: 'u-second' }
      await store.putUser(second)
      expect(await countProbe(d, actor(second), 'reports.duplicates')).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
      // Another identity has its own count.
      const other: User = { ...first, id: 'u-other', openid: 'dev-other' }
      await store.putUser(other)
      expect(await countProbe(d, actor(other), 'reports.duplicates')).toBeNull()
    } finally {
      await cleanup()
    }
  })
})
