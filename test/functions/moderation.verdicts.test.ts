/**
 * Image verdicts in process (the local stand-in only ever passes images): a scripted content
 * security answers risky or review, late or unknown pushes, and a platform outage; the report,
 * its timeline, the audit and the reporter's notice follow. SQLite store, real use cases.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monotonicFactory } from 'ulid'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { ContentSecurity, Suggest } from '../../backend/contentSecurityPort'
import type { Store } from '../../backend/ports'
import type { Deps } from '../../backend/runtime'
import { seedDemo } from '../../backend/seed/seed'
import { actorOf } from '../../backend/usecases/shared/actor'
import { receiveMediaCheck } from '../../backend/usecases/report/mediaCheck'
import { moderate } from '../../backend/usecases/report/moderate'
import { deliverDue } from '../../backend/usecases/notify'
import { submit } from '../../backend/usecases/report/submit'
import { fail } from '../../src/core/outcome'
import { moderationOf, type ReportPayload } from '../../src/core/kinds/report'
import { OrgTree } from '../../src/core/org'
import type { Actor } from '../../src/core/roles'
import { reportInput } from '../support/fixtures'

let nowMs = Date.parse('2026-03-02T01:00:00Z')
const ulid = monotonicFactory(() => 0.5)
const ULID = /[0-9A-HJKMNP-TV-Z]{26}/

/** Answers what the test sets; counts image checks and hands out trace-1, trace-2 … */
class Scripted implements ContentSecurity {
  text: Suggest = 'pass'
  down = false
  images = 0
  async checkText() {
    return this.down ? fail('UNAVAILABLE', '内容安全检测暂不可用，请稍后重试') : { ok: true as const, suggest: this.text, label: 100 }
  }
  async checkImage() {
    return this.down ? fail('UNAVAILABLE', '内容安全检测暂不可用，请稍后重试') : { ok: true as const, traceId: `trace-${++this.images}` }
  }
}

let store: Store
let d: Deps
let security: Scripted
let disp: Actor, reporter: Actor

beforeAll(async () => {
  store = openSqliteStore(mkdtempSync(join(tmpdir(), 'jf-moderation-')))
  await seedDemo(store)
  const resident = (await store.getUser('demo-resident'))!
  await store.putUser({ ...resident, openid: 'o-resident-1' })
  security = new Scripted()
  let tree: OrgTree | undefined
  d = {
    mode: 'local',
    store,
    files: { put: async () => '', get: async () => null, remove: async () => undefined },
    fileUrl: async (m) => `https://files.example/${m.id}`,
    identity: { resolve: async () => null },
    notifier: { sendSubscribe: async () => undefined },
    contentSecurity: security,
    clock: { now: () => new Date(nowMs) },
    newId: () => ulid(nowMs),
    config: { ...defaultDistrictConfig(), rateLimits: {} },
    orgTree: async () => (tree ??= new OrgTree(await store.listUnits())),
  }
  disp = actorOf((await store.getUser('demo-dispatcher'))!)
  reporter = actorOf((await store.getUser('demo-resident'))!)
})
afterAll(async () => {
  await store.close()
})

/** A report with one photo, its photo sent for an image check. */
async function sentForCheck() {
  const fileId = ulid(nowMs)
  await store.putFileMeta({ id: fileId, ownerId: reporter.userId, contentType: 'image/jpeg', size: 10, storageKey: `k/${fileId}`, createdAt: new Date(nowMs).toISOString() })
  const r = await submit(d, reporter, reportInput({ photos: [fileId] }))
  if (!r.ok) throw new Error(`submit: ${r.code}`)
  const sent = await moderate(d, disp, { id: r.case.id, version: r.case.version, target: 'photo', fileId, decision: 'publish' })
  if (!sent.ok) throw new Error(`publish: ${sent.code} ${sent.message}`)
  return { id: r.case.id, fileId, traceId: `trace-${security.images}` }
}

const push = (traceId: string, suggest: string, extra: Record<string, unknown> = {}) => ({ MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, errcode: 0, errmsg: 'ok', result: { suggest, label: 20002 }, ...extra })

async function photoState(id: string, fileId: string) {
  const m = moderationOf((await store.getCase(id))!.payload as unknown as ReportPayload)
  return { state: m.photos[fileId], checking: m.checking?.[fileId] ?? null }
}

it('a risky verdict hides the photo, as the system, audited, and tells the reporter without ids', async () => {
  const { id, fileId, traceId } = await sentForCheck()
  expect(await photoState(id, fileId)).toEqual({ state: 'pending', checking: traceId })
  expect(await receiveMediaCheck(d, push(traceId, 'risky'))).toEqual({ ok: true, applied: true })
  expect(await photoState(id, fileId)).toEqual({ state: 'hidden', checking: null })
  const row = (await store.timeline(id)).at(-1)!
  expect(row).toMatchObject({ action: 'photo_check_risky', actorRole: 'system', attachments: [fileId], visibility: 'internal' })
  const audit = (await store.listAudit([(await store.getCase(id))!.gridCode!], { limit: 50 })).filter((e) => e.target.includes(id))
  expect(audit.map((e) => [e.action, e.actorRole])).toEqual([
    ['moderate', 'system'],
    ['moderate', 'dispatcher'],
  ])
  while ((await deliverDue(d, 500)).delivered > 0); // one message per case per round
  const inbox = (await store.listInbox(reporter.userId, { limit: 50 })).filter((i) => i.caseId === id)
  expect(inbox.map((i) => i.title)).toContain('您上报的照片已隐藏')
  const body = inbox.find((i) => i.title === '您上报的照片已隐藏')!.body
  expect(body).toContain('未通过微信内容安全检测')
  expect(body).not.toMatch(ULID)
  expect(body).not.toContain('trace')
  // A second push of the same verdict (WeChat retries) changes nothing.
  expect(await receiveMediaCheck(d, push(traceId, 'risky'))).toEqual({ ok: true, applied: false })
})

it('review leaves the photo pending for staff; a failed check reads as review', async () => {
  const a = await sentForCheck()
  expect(await receiveMediaCheck(d, push(a.traceId, 'review'))).toMatchObject({ ok: true, applied: true })
  expect(await photoState(a.id, a.fileId)).toEqual({ state: 'pending', checking: null })
  const b = await sentForCheck()
  expect(await receiveMediaCheck(d, push(b.traceId, 'pass', { errcode: -1008, result: null }))).toMatchObject({ ok: true, applied: true })
  expect(await photoState(b.id, b.fileId)).toEqual({ state: 'pending', checking: null })
  expect((await store.timeline(b.id)).at(-1)!.action).toBe('photo_check_review')
})

it('a hide while the check runs wins over a late pass', async () => {
  const { id, fileId, traceId } = await sentForCheck()
  const c = (await store.getCase(id))!
  expect(await moderate(d, disp, { id, version: c.version, target: 'photo', fileId, decision: 'hide', reason: '车牌' })).toMatchObject({ ok: true })
  expect(await receiveMediaCheck(d, push(traceId, 'pass'))).toEqual({ ok: true, applied: false })
  expect(await photoState(id, fileId)).toEqual({ state: 'hidden', checking: null })
})

it('an unknown trace id or a non-push changes nothing', async () => {
  expect(await receiveMediaCheck(d, push('trace-unknown', 'pass'))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await receiveMediaCheck(d, { action: 'moderate' })).toMatchObject({ ok: false, code: 'VALIDATION' })
})

it('content security down: publishing is refused as retryable and nothing is written', async () => {
  const r = await submit(d, reporter, reportInput())
  if (!r.ok) throw new Error('submit')
  security.down = true
  try {
    expect(await moderate(d, disp, { id: r.case.id, version: r.case.version, target: 'description', decision: 'publish' })).toMatchObject({ ok: false, code: 'UNAVAILABLE', retryable: true })
  } finally {
    security.down = false
  }
  expect((await store.getCase(r.case.id))!.version).toBe(r.case.version)
  security.text = 'review'
  try {
    expect(await moderate(d, disp, { id: r.case.id, version: r.case.version, target: 'description', decision: 'publish' })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('人工复核') })
  } finally {
    security.text = 'pass'
  }
})
