/**
 * Open311 POST requests on the CloudBase store over the strict fake (issue 20, Part O2): the case
 * created once per client id under the partner, counted against open311.post, the token claimed
 * beside it and found again by GET tokens/{token} for that partner only — each on a query shape
 * cloudbaserc.json declares (the fake refuses any other). The reporter stays sealed in the document.
 */
import { randomBytes } from 'node:crypto'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { defaultDistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/deps'
import type { IntegrationPartner } from '../../backend/ports'
import { demoUnits } from '../../backend/seed/demoOrg'
import { demoUsers } from '../../backend/seed/demoUsers'
import { postRequest } from '../../backend/usecases/open311/postRequest'
import { tokenLookup } from '../../backend/usecases/open311/tokens'
import type { ReportPayload } from '../../src/core/kinds/report'
import { GRID1_POINT } from '../support/fixtures'
import { localDeps } from '../support/localDeps'
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
const partner: IntegrationPartner = { id: 'P2', kind: 'open311', name: '街坊随手拍平台', jurisdictionId: '440111', keyHash: 'b'.repeat(64), keyHint: 'bbbb', secretSealed: null, webhookUrl: null, createdAt: now.toISOString(), createdBy: 'demo-admin', revokedAt: null }
const form = (over: Record<string, string> = {}) => ({
  service_code: 'HJ01',
  lat: String(GRID1_POINT.lat),
  long: String(GRID1_POINT.lng),
  description: '云景路垃圾桶旁堆了三天的垃圾',
  first_name: '晓',
  last_name: '林',
  phone: '13912345678',
  'attribute[client_request_id]': 'cb-1',
  ...over,
})

it('creates once per client id, and finds a token for its own partner only', async () => {
  fake = new FakeCloudbase()
  await fake.start()
  store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 1 })
  const d: Deps = { ...localDeps(store, { clock: { now: () => now }, newId: () => `01JK${String(++n).padStart(22, '0')}`, config: defaultDistrictConfig(), vault: new Vault(randomBytes(32)) }), mode: 'cloudbase' }
  await store.putUnits(demoUnits())
  for (const u of demoUsers()) await store.putUser(u)
  await store.addPartner(partner)

  const first = await postRequest(d, partner, form())
  const again = await postRequest(d, partner, form({ description: '同一条上报的重发内容' }))
  expect(first).toMatchObject({ ok: true, status: 201, requests: [{ service_request_id: expect.stringMatching(/-2026-\d{5}$/) }] })
  expect(again).toEqual(first)
  const c = (await store.findCaseByIdempotency('partner:P2', 'open311:cb-1'))!
  expect(c.creatorId).toBe('partner:P2')
  expect(JSON.stringify(c)).not.toContain('13912345678')
  expect(JSON.stringify(c)).not.toContain('林晓')

  const sensitive = await postRequest(d, partner, form({ service_code: 'ZA03', 'attribute[client_request_id]': 'cb-2' }))
  if (!sensitive.ok) throw new Error(sensitive.description)
  const token = sensitive.requests[0]!.token!
  expect(((await store.findCaseByIdempotency('partner:P2', 'open311:cb-2'))!.payload as ReportPayload).source?.token).toBe(token)
  expect(await tokenLookup(d, partner, token)).toEqual({ ok: true, request: { token } })
  expect(await tokenLookup(d, { ...partner, id: 'P3' }, token)).toMatchObject({ ok: false, status: 404 })
})
