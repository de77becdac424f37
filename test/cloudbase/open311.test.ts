/**
 * Open311 reads on the CloudBase store over the strict fake (issue 20, Part O1): the key looked up
 * by hash, the read counted, the reports of a range, a case by its number, the updates and a
 * photo's report found through its uploader — each on a query shape cloudbaserc.json declares
 * (the fake refuses any other).
 */
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Deps } from '../../backend/deps'
import { demoUnits } from '../../backend/seed/demoOrg'
import { demoUsers } from '../../backend/seed/demoUsers'
import { upload } from '../../backend/usecases/files/upload'
import { routeOpen311 } from '../../backend/usecases/open311/router'
import { submit } from '../../backend/usecases/report/submit'
import type { ReportPayload } from '../../src/core/kinds/report'
import type { Actor } from '../../src/core/roles'
import { GRID1_POINT, TINY_JPEG } from '../support/fixtures'
import { localDeps } from '../support/localDeps'
import { open311Partner } from '../support/partners'
import { FakeCloudbase } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()

let fake: FakeCloudbase
let store: CloudbaseStore
afterAll(async () => {
  await store?.close()
  await fake?.stop()
})

const now = new Date('2026-12-01T04:00:00.000Z')
let n = 0
const KEY = `jf311_${'A1b2C3d4'.repeat(4)}`
const demo = demoUsers().find((u) => u.id === 'demo-resident')!
const resident: Actor = { userId: demo.id, name: demo.name, grants: demo.grants }

function get(d: Deps, path: string, query: Record<string, string> = {}) {
  return routeOpen311(d, { method: 'GET', path, query: { api_key: KEY, ...query }, headers: { host: 'example.org', 'x-forwarded-proto': 'https' }, body: '', base: '/open311/v2' })
}

it('answers requests, one request, updates and a published photo on CloudBase query shapes', async () => {
  fake = new FakeCloudbase()
  await fake.start()
  store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 1 })
  const bytes = new Map<string, Uint8Array>()
  const d: Deps = {
    ...localDeps(store, { clock: { now: () => now }, newId: () => `01JH${String(++n).padStart(22, '0')}`, config: defaultDistrictConfig() }),
    files: { put: async (id, b) => (bytes.set(id, b), id), get: async (k) => bytes.get(k) ?? null, remove: async () => undefined },
    mode: 'cloudbase',
  }
  await store.putUnits(demoUnits())
  for (const u of demoUsers()) await store.putUser(u)
  await store.addPartner(open311Partner('P1', '市网格化平台', KEY, '440111', now.toISOString()))

  const up = await upload(d, resident, { contentBase64: TINY_JPEG.toString('base64'), contentType: 'image/jpeg' })
  if (!('fileId' in up)) throw new Error(JSON.stringify(up))
  const made = await submit(d, resident, { idempotencyKey: 'o311-cb-1', category: 'HJ01', description: '楼下垃圾堆了三天没人清理', photos: [up.fileId], location: { ...GRID1_POINT, address: '云景路 12 号' }, anonymous: false })
  if (!('case' in made) || !made.case) throw new Error(JSON.stringify(made))
  const c = (await store.getCase(made.case.id))!
  const p = c.payload as unknown as ReportPayload
  const published = { ...c, payload: { ...p, moderation: { description: 'published', photos: { [up.fileId]: 'published' }, hidden: false } }, version: c.version + 1 }
  expect(await store.transaction((tx) => tx.updateCase(published as typeof c, c.version))).toBe(true)

  const list = await get(d, '/requests.json')
  expect(list.status).toBe(200)
  const [r] = JSON.parse(String(list.body))
  expect(r).toMatchObject({ service_request_id: c.number, status: 'open', description: '楼下垃圾堆了三天没人清理', media_url: `https://example.org/open311/v2/media/${up.fileId}.jpg?request=${encodeURIComponent(c.number!)}` })

  const one = await get(d, `/requests/${encodeURIComponent(c.number!)}.xml`)
  expect(one.status).toBe(200)
  expect(String(one.body)).toContain(`<service_request_id>${c.number}</service_request_id>`)

  expect((await get(d, '/servicerequestupdates.json', { start_date: '2026-11-30T00:00:00Z', end_date: '2026-12-02T00:00:00Z' })).status).toBe(200)

  for (const query of [{}, { request: c.number! }] as Array<Record<string, string>>) {
    const photo = await get(d, `/media/${up.fileId}.jpg`, query)
    expect(photo).toMatchObject({ status: 200, headers: { 'content-type': 'image/jpeg' } })
    expect(photo.body).toBeInstanceOf(Uint8Array)
  }

  expect((await get(d, '/requests.json', { api_key: `jf311_${'Z'.repeat(32)}` })).status).toBe(403)
})
