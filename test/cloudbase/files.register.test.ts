/**
 * Direct uploads on CloudBase (real SDK, loopback fake): files.ticket hands a caller one random
 * `photos/` path for ten minutes; files.register takes only a file of this environment at the path
 * of an unexpired, unused ticket of the same caller — never another environment's object, `..`,
 * another folder or someone else's upload.
 */
import { CloudbaseFileStore } from '../../backend/adapters/cloudbase/files'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Deps } from '../../backend/runtime'
import { register } from '../../backend/usecases/files/register'
import { ticket, TICKETS_PER_WINDOW } from '../../backend/usecases/files/ticket'
import { ROLES, type Actor } from '../../src/core/roles'
import { TINY_JPEG } from '../support/fixtures'
import { FakeCloudbase } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()

let fake: FakeCloudbase
let app: ReturnType<typeof sdkApp>
let d: Deps
let now = new Date('2026-12-06T03:00:00.000Z')
let n = 0
const alice: Actor = { userId: 'user-alice', name: '微信用户', grants: [{ role: 'resident', unitCode: '440106' }] }
const bob: Actor = { userId: 'user-bob', name: '微信用户', grants: [{ role: 'resident', unitCode: '440106' }] }

beforeAll(async () => {
  fake = new FakeCloudbase()
  await fake.start()
  app = sdkApp(fake)
  d = {
    mode: 'cloudbase',
    store: new CloudbaseStore(app.database(), { retryDelayMs: 5 }),
    files: new CloudbaseFileStore(app, 'jiefang/files', 'test-env'),
    fileUrl: async () => '',
    clock: { now: () => now },
    newId: () => `01JNCF0000000000000000${String(++n).padStart(4, '0')}`,
    config: defaultDistrictConfig(),
  } as unknown as Deps
})
afterAll(async () => {
  await fake.stop()
})

/** What the mini-program does: ask for a ticket, upload there with the SDK, answer the file id. */
async function upload(actor: Actor, bytes: Buffer = TINY_JPEG): Promise<string> {
  const t = await ticket(d, actor, { contentType: 'image/jpeg' })
  if (!t.ok) throw new Error(t.message)
  expect(t.cloudPath).toMatch(/^photos\/\d{8}\/[0-9a-f]{32}\.jpg$/)
  return (await app.uploadFile({ cloudPath: t.cloudPath, fileContent: bytes })).fileID
}

const reg = (actor: Actor, cloudFileId: string) => register(d, actor, { cloudFileId, contentType: 'image/jpeg', size: TINY_JPEG.length })
const REFUSED = { ok: false, code: 'VALIDATION', message: '上传凭证无效或已过期，请重新选择照片上传' }

it('registers the caller\'s own upload at its ticket\'s path, once', async () => {
  const id = await upload(alice)
  expect(id).toMatch(/^cloud:\/\/test-env\.bucket\/photos\//)
  const r = await reg(alice, id)
  expect(r).toMatchObject({ ok: true })
  const meta = await d.store.getFileMeta((r as { fileId: string }).fileId)
  expect(meta).toMatchObject({ ownerId: alice.userId, storageKey: id })
  // Reused: the same ticket never registers again, whoever asks.
  expect(await reg(alice, id)).toMatchObject(REFUSED)
  expect(await reg(bob, id)).toMatchObject(REFUSED)
})

it('refuses another caller\'s ticket, and that caller can still use it', async () => {
  const id = await upload(alice)
  expect(await reg(bob, id)).toMatchObject(REFUSED)
  expect(await reg(alice, id)).toMatchObject({ ok: true })
})

it('binds a ticket to its caller whatever the roles: every role × every role', async () => {
  const people = ROLES.map((role): Actor => ({ userId: `user-${role}`, name: role, grants: [{ role, unitCode: '440106' }] }))
  for (const owner of people) {
    const id = await upload(owner)
    for (const other of people) if (other !== owner) expect([other.userId, await reg(other, id)]).toMatchObject([other.userId, REFUSED])
    expect([owner.userId, await reg(owner, id)]).toMatchObject([owner.userId, { ok: true }])
  }
})

it('refuses an expired ticket', async () => {
  const id = await upload(alice)
  now = new Date(now.getTime() + 11 * 60_000)
  expect(await reg(alice, id)).toMatchObject(REFUSED)
})

it('refuses another environment, `..`, other folders and paths no ticket gave, touching nothing', async () => {
  const id = await upload(alice)
  const path = id.replace(/^cloud:\/\/test-env\.bucket\//, '')
  const victim = 'jiefang/files/01/01JNCVICTIM00000000000000.jpg'
  fake.files.set(victim, TINY_JPEG)
  const deletes = fake.calls('storage.batchDeleteFile').length
  const downloads = fake.calls('storage.batchGetDownloadUrl').length
  for (const bad of [
    `cloud://other-env.bucket/${path}`,
    `cloud://test-env-2.bucket/${path}`,
    `cloud://test-env.bucket/photos/../${victim}`,
    `cloud://test-env.bucket/photos/20261206/../../${victim}`,
    `cloud://test-env.bucket/${victim}`,
    `cloud://test-env.bucket/avatars/${path.split('/').pop()}`,
    `cloud://test-env.bucket/photos/20261206/${'0'.repeat(32)}.jpg`,
    `cloud://test-env.bucket//${path}`,
    `cloud://test-env/${path}`,
  ]) {
    expect(await reg(alice, bad)).toMatchObject(REFUSED)
  }
  expect(fake.calls('storage.batchDeleteFile').length).toBe(deletes)
  expect(fake.calls('storage.batchGetDownloadUrl').length).toBe(downloads)
  expect(fake.files.has(victim)).toBe(true)
  // None of that used the ticket up.
  expect(await reg(alice, id)).toMatchObject({ ok: true })
})

it('deletes an upload that is not a photo, and its ticket stays used', async () => {
  const id = await upload(alice, Buffer.from('not an image at all'))
  expect(await reg(alice, id)).toMatchObject({ ok: false, code: 'VALIDATION', message: '只支持 JPG、PNG、WebP 格式的照片' })
  expect(fake.files.has(id.replace(/^cloud:\/\/test-env\.bucket\//, ''))).toBe(false)
  expect(await reg(alice, id)).toMatchObject(REFUSED)
})

it('limits how many tickets one account takes', async () => {
  now = new Date('2026-12-07T03:00:00.000Z')
  const carol: Actor = { ...alice, userId: 'user-carol' }
  for (let i = 0; i < TICKETS_PER_WINDOW; i++) expect(await ticket(d, carol, { contentType: 'image/png' })).toMatchObject({ ok: true })
  expect(await ticket(d, carol, { contentType: 'image/png' })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  expect(await ticket(d, alice, { contentType: 'image/png' })).toMatchObject({ ok: true })
})

it('is refused in local mode, where photos go through files.upload', async () => {
  expect(await ticket({ ...d, mode: 'local' } as Deps, alice, { contentType: 'image/jpeg' })).toMatchObject({ ok: false, code: 'VALIDATION' })
})
