/**
 * 注销账号 in process over SQLite, for what HTTP cannot reach: a failure at any step leaves a person
 * who can still sign in and ask again, and the retry finishes the deletion without doing anything
 * twice (one erasure row per case, no second deletion of the other party's follow); the subscribe
 * consents show in the export and go with the account.
 */
import { randomBytes } from 'node:crypto'
import { monotonicFactory } from 'ulid'
import { defaultDistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/deps'
import type { Store, User } from '../../backend/ports'
import { delete as deleteAccount } from '../../backend/usecases/account/delete'
import { export as exportData } from '../../backend/usecases/account/export'
import { deliverDue } from '../../backend/usecases/inbox/deliver'
import { CASE_MESSAGE } from '../../backend/usecases/mediation/notices'
import { actorOf } from '../../backend/usecases/shared/actor'
import { caseEventMessage } from '../../backend/usecases/shared/persist'
import type { Case } from '../../src/core/case'
import { fixedClock } from '../../src/core/clock'
import { OrgTree } from '../../src/core/org'
import { makeCase } from '../contract/fixtures'
import { localDeps } from '../support/localDeps'
import { openTempSqliteStore } from '../store/tempSqlite'

const ulid = monotonicFactory()
const TEMPLATE = 'tpl-case-status'
const caseProgress = { id: TEMPLATE, long: false, fields: { title: 'thing1', status: 'phrase2', time: 'time3' } }
const config = { ...defaultDistrictConfig(), subscribeTemplates: { caseProgress, mediation: null, checkinDecision: null, gridEmergency: null } }
const vault = new Vault(randomBytes(32))

let store: Store
let cleanup: () => Promise<void>
let removed: string[]

beforeEach(async () => {
  ;({ store, cleanup } = await openTempSqliteStore('jf-erase-'))
  removed = []
})
afterEach(async () => cleanup())

const person = (id: string, openid: string, extra: Partial<User> = {}): User => ({
  id,
  name: '晓林',
  phone: null,
  openid,
  grants: [{ role: 'resident', unitCode: config.district.code }],
  createdAt: '2026-12-01T02:00:00.000Z',
  profile: { nicknameSet: true, avatarFileId: 'avatar-1', phoneSealed: null, phoneSource: null, consents: [{ key: 'privacy', version: 1, at: '2026-12-01T02:00:00.000Z' }] },
  ...extra,
})

function mediation(id: string, creatorId: string, respondentId: string): Case {
  const party = (side: 'applicant' | 'respondent', userId: string, name: string) => ({ side, name, userId, phoneSealed: vault.seal(`1391234${name.length}000`, id), phoneHash: `hash-${name}`, consent: 'consented' as const })
  return makeCase({
    id,
    kind: 'mediation',
    status: 'mediating',
    category: 'neighbour',
    creatorId,
    idempotencyKey: `k-${id}`,
    payload: {
      disputeType: 'neighbour',
      facts: '楼上装修噪音',
      claims: '停止夜间施工',
      evidence: [],
      preferredWay: 'online',
      parties: [party('applicant', creatorId, creatorId === 'u-a' ? '林晓' : '黄伟明'), party('respondent', respondentId, respondentId === 'u-a' ? '林晓' : '黄伟明')],
      respondentIds: [respondentId],
      committee: null,
      sessions: [],
      agreement: null,
      referral: null,
      judicialConfirmation: false,
      ratings: {},
      remindedDays: [],
    },
  })
}

/** A, who applied for one case and joined another as respondent, against B; with the rest of A's data. */
async function world(): Promise<void> {
  await store.putUser(person('u-a', 'wx-a'))
  await store.putUser(person('u-b', 'wx-b', { name: '老黄' }))
  await store.putFileMeta({ id: 'avatar-1', ownerId: 'u-a', contentType: 'image/jpeg', size: 100, storageKey: 'avatars/a.jpg', createdAt: '2026-12-01T02:00:00.000Z' })
  await store.transaction(async (tx) => {
    await tx.insertCase(mediation('01JA0000000000000000000001', 'u-a', 'u-b'))
    await tx.insertCase(mediation('01JA0000000000000000000002', 'u-b', 'u-a'))
  })
  await store.follow('01JA0000000000000000000001', 'u-b', '2026-12-01T03:00:00.000Z')
  await store.follow('01JA0000000000000000000002', 'u-a', '2026-12-01T03:00:00.000Z')
  await store.putMembership({ gridCode: '440111010001001', userId: 'u-a', status: 'joined', building: '云景花园 7 栋 502', requestedAt: '2026-12-01T03:00:00.000Z', decidedAt: null, decidedBy: null })
  await store.addInbox([{ id: 'in-1', userId: 'u-a', caseId: null, title: '调解已受理', body: '您的调解案件已受理', createdAt: '2026-12-01T04:00:00.000Z', readAt: null }])
  await store.addSubscribeQuota('u-a', TEMPLATE, 2)
}

/** Deps over `s`, whose files port records removals. */
function depsOver(s: Store): Deps {
  return localDeps(s, {
    clock: fixedClock('2026-12-06T06:00:00.000Z'),
    newId: () => ulid(),
    config,
    vault,
    files: { put: async () => '', get: async () => null, remove: async (key) => void removed.push(key) },
    orgTree: async () => new OrgTree([]),
  })
}

/** The store, with `method` failing once as an outage would. */
function failingOnce(method: keyof Store): Store {
  let failed = false
  return new Proxy(store, {
    get(target, key, receiver) {
      const real = Reflect.get(target, key, receiver)
      if (key !== method || failed) return typeof real === 'function' ? real.bind(target) : real
      return async () => {
        failed = true
        throw Object.assign(new Error('database is locked'), { name: 'StoreUnavailableError' })
      }
    },
  })
}

const erasedRows = async (caseId: string) => (await store.timeline(caseId)).filter((e) => e.action === 'party_erased')
const partyNames = async (caseId: string) => ((await store.getCase(caseId))!.payload as { parties: { name: string; phoneSealed?: string }[] }).parties

it('lists the subscribe consents in the export', async () => {
  await world()
  const r = await exportData(depsOver(store), actorOf((await store.getUser('u-a'))!))
  if (!r.ok) throw new Error(r.message)
  const subs = r.export.sections.find((s) => s.title === '微信订阅消息授权')!
  expect(subs.records).toEqual([{ title: '事项办理进度', fields: [{ label: '剩余可发送次数', value: '2' }] }])
  expect(r.export.json).not.toContain(TEMPLATE)
})

describe.each(['transaction', 'putMembership', 'unfollowAll', 'removeInboxAndQuotas', 'replaceUser'] as const)('a failure at %s', (method) => {
  it('leaves a person who can ask again, and the retry finishes without doing anything twice', async () => {
    await world()
    const actor = actorOf((await store.getUser('u-a'))!)
    await expect(deleteAccount(depsOver(failingOnce(method)), actor, { confirm: '注销' })).rejects.toThrow('database is locked')

    // Not deleted: the same WeChat identity still finds the same record, which may ask again.
    const midway = (await store.findUserByOpenid('wx-a'))!
    expect(midway.id).toBe('u-a')
    expect(midway.deletedAt ?? null).toBeNull()

    expect(await deleteAccount(depsOver(store), actor, { confirm: '注销' })).toMatchObject({ ok: true })
    expect(await store.findUserByOpenid('wx-a')).toBeNull()
    const gone = (await store.getUser('u-a'))!
    expect(gone).toMatchObject({ name: '已注销用户', phone: null, openid: null, deletedAt: '2026-12-06T06:00:00.000Z' })
    expect(gone.profile).toBeUndefined()
    for (const id of ['01JA0000000000000000000001', '01JA0000000000000000000002']) {
      expect(await erasedRows(id)).toHaveLength(1)
      const parties = await partyNames(id)
      // Erasing opens the case and seals it again, so the other party's name is at rest sealed (its mask shown).
      expect(parties.map((p) => p.name).sort()).toEqual(['已注销用户', '黄*明'])
      expect(parties.find((p) => p.name === '已注销用户')!.phoneSealed).toBeUndefined()
      expect(parties.find((p) => p.name === '黄*明')!.phoneSealed).toEqual(expect.any(String))
    }
    expect(await store.followedBy('u-a')).toEqual([])
    expect(await store.followedBy('u-b')).toEqual(['01JA0000000000000000000001'])
    expect(await store.membershipsOf('u-a')).toEqual([expect.objectContaining({ status: 'left', building: null })])
    expect(await store.listInbox('u-a', {})).toEqual([])
    expect(await store.subscribeQuotas('u-a')).toEqual([])
    expect(removed).toContain('avatars/a.jpg')
    expect((await store.getUser('u-b'))!).toEqual(person('u-b', 'wx-b', { name: '老黄' }))
  })
})

it('refuses a staff member before anything is touched; a tenant grant is not staff', async () => {
  await world()
  const staff = person('u-s', 'wx-s', { grants: [{ role: 'resident', unitCode: config.district.code }, { role: 'grid_worker', unitCode: '440111010001001' }] })
  await store.putUser(staff)
  await store.follow('01JA0000000000000000000001', 'u-s', '2026-12-01T03:00:00.000Z')
  expect(await deleteAccount(depsOver(store), actorOf(staff), { confirm: '注销' })).toEqual({
    ok: false,
    code: 'STAFF_ACCOUNT',
    message: '您目前担任网格员，请先联系管理员撤销工作人员身份，再注销账号',
  })
  expect(await store.getUser('u-s')).toEqual(staff)
  expect(await store.followedBy('u-s')).toEqual(['01JA0000000000000000000001'])

  const tenant = person('u-t', 'wx-t', { grants: [{ role: 'tenant', unitCode: config.district.code }] })
  await store.putUser(tenant)
  expect(await deleteAccount(depsOver(store), actorOf(tenant), { confirm: '注销' })).toMatchObject({ ok: true })
})

it('tells a deleted record nothing more: case events and thread messages reach only the living', async () => {
  await world()
  const d = depsOver(store)
  expect(await deleteAccount(d, actorOf((await store.getUser('u-a'))!), { confirm: '注销' })).toMatchObject({ ok: true })
  // A's application still names A as its creator; the mediator moves it and B writes in the thread.
  const c = (await store.getCase('01JA0000000000000000000001'))!
  const event = { id: ulid(), caseId: c.id, actorId: 'u-m', actorRole: 'mediator' as const, action: 'schedule', fromStatus: c.status, toStatus: c.status, note: null, attachments: [], at: '2026-12-06T06:00:00.000Z', visibility: 'internal' as const }
  await store.transaction(async (tx) => {
    await tx.appendEvent(event)
    await tx.enqueue(caseEventMessage(d, c, event))
    await tx.enqueue({ ...caseEventMessage(d, c, event), id: ulid(), topic: CASE_MESSAGE, payload: { caseId: c.id, authorId: 'u-m' } })
  })
  // One message per key per round: two rounds deliver both.
  expect(await deliverDue(d)).toEqual({ delivered: 1, failed: 0 })
  expect(await deliverDue(d)).toEqual({ delivered: 1, failed: 0 })
  expect(await store.listInbox('u-a', {})).toEqual([])
  const told = (await store.listInbox('u-b', {})).map((i) => i.title)
  expect(told).toHaveLength(2)
  expect(told).toContain('调解新消息')
})

it('does not finish over a staff role granted while the deletion ran', async () => {
  await world()
  const granting = new Proxy(store, {
    get(target, key, receiver) {
      const real = Reflect.get(target, key, receiver)
      if (key !== 'removeInboxAndQuotas') return typeof real === 'function' ? real.bind(target) : real
      return async (userId: string) => {
        const u = (await target.getUser(userId))!
        await target.putUser({ ...u, grants: [...u.grants, { role: 'grid_worker', unitCode: '440111010001001' }] })
        return target.removeInboxAndQuotas(userId)
      }
    },
  })
  expect(await deleteAccount(depsOver(granting), actorOf((await store.getUser('u-a'))!), { confirm: '注销' })).toMatchObject({ ok: false, code: 'STAFF_ACCOUNT' })
  const u = (await store.getUser('u-a'))!
  expect(u).toMatchObject({ name: '晓林', openid: 'wx-a' })
  expect(u.deletedAt ?? null).toBeNull()
})

it('says until when a registration keeps its encrypted document, and leaves it as it is', async () => {
  await world()
  const checkin = makeCase({
    id: '01JA0000000000000000000003',
    kind: 'checkin',
    status: 'checked_out',
    category: 'checkin',
    creatorId: 'u-a',
    idempotencyKey: 'k-checkin',
    payload: { buildingId: 'no-such-building', room: '502', name: '林晓', docType: 'id_card', docNumberMasked: '4401**********3218', cohabitants: [], moveInDate: '2026-01-01', leaseEnd: '2026-12-31', consent: { version: '2026-12', at: '2026-01-01T02:00:00.000Z' }, leftAt: '2026-12-01T02:00:00.000Z', checkedOutAt: '2026-12-01T02:00:00.000Z' },
  })
  await store.transaction((tx) => tx.insertCase(checkin))
  const r = await deleteAccount(depsOver(store), actorOf((await store.getUser('u-a'))!), { confirm: '注销' })
  if (!r.ok) throw new Error(r.message)
  // 180 days after leaving on 1 December 2026 (Beijing).
  expect(r.deletion.kept).toContain('租住登记（出租屋 502）按规定保留到 2027年5月30日，证件号码、姓名和手机号加密保存，期满自动清除。')
  expect(await store.getCase(checkin.id)).toEqual(checkin)
})

it('says that a 一键求助 the person raised stays as the record of what was answered', async () => {
  await world()
  const help = makeCase({
    id: '01JA0000000000000000000004',
    kind: 'help',
    status: 'closed',
    category: 'neighbour',
    creatorId: 'u-a',
    idempotencyKey: 'k-help',
    payload: { helpKind: 'neighbour', text: '楼上漏水', voiceFileId: null, location: { lat: 23.181, lng: 113.32 }, communityCode: config.district.code, notified: [], takenBy: null, takenAt: null, escalation: null, escalatedAt: null, districtAt: null, closedAt: '2026-12-01T03:00:00.000Z', closeNote: null, convertedTo: null },
  })
  await store.transaction((tx) => tx.insertCase(help))
  const r = await deleteAccount(depsOver(store), actorOf((await store.getUser('u-a'))!), { confirm: '注销' })
  if (!r.ok) throw new Error(r.message)
  expect(r.deletion.kept).toContain('您发起的 1 次一键求助保留处置记录（文字、语音和位置），求助人显示为「已注销用户」。')
  expect(await store.getCase(help.id)).toEqual(help)
})
