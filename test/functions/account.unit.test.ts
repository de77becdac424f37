/**
 * The account use cases in process, where the HTTP tests cannot reach: the WeChat phone button's
 * path (a stand-in port that answers like the adapter), its limit per WeChat identity, a new notice
 * version asking again, the sealed phone bound to its owner, and a deleted record that never acts
 * again while its WeChat identity signs in as a new person.
 */
import { randomBytes } from 'node:crypto'
import { monotonicFactory } from 'ulid'
import { defaultDistrictConfig, type DistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/deps'
import { phoneCodeUnavailable, type PhoneNumbers } from '../../backend/phoneNumberPort'
import type { User } from '../../backend/ports'
import { consent } from '../../backend/usecases/account/consent'
import { ownPhone } from '../../backend/usecases/account/ownPhone'
import { profile } from '../../backend/usecases/account/profile'
import { setPhone } from '../../backend/usecases/account/setPhone'
import { update } from '../../backend/usecases/account/update'
import { actorOf, resolveCaller } from '../../backend/usecases/shared/actor'
import { fixedClock } from '../../src/core/clock'
import type { OpenedStore } from '../contract/fixtures'
import { localDeps } from '../support/localDeps'
import { openTempSqliteStore } from '../store/tempSqlite'

const ulid = monotonicFactory()
let opened: OpenedStore
beforeEach(async () => {
  opened = await openTempSqliteStore('jf-account-')
})
afterEach(async () => {
  await opened.cleanup()
})

/** The district's data with its privacy notice at version 1, whatever version the shipped notice has reached. */
function configV1(): DistrictConfig {
  const base = defaultDistrictConfig()
  return { ...base, privacyNotice: { ...base.privacyNotice, version: 1 } }
}

function deps(parts: Partial<Deps> & { config?: DistrictConfig } = {}): Deps {
  return localDeps(opened.store, {
    clock: fixedClock('2026-12-06T08:00:00.000Z'),
    newId: () => ulid(),
    config: configV1(),
    vault: new Vault(randomBytes(32)),
    identity: { resolve: async (ctx) => ctx as { openid: string } },
    contentSecurity: { checkText: async () => ({ ok: true, suggest: 'pass', label: 100 }), checkImage: async () => ({ ok: true, traceId: 'unused' }) },
    ...parts,
  })
}

async function person(d: Deps, openid = `o-${ulid()}`): Promise<User> {
  const c = await resolveCaller(d, { openid })
  if (!c || 'ok' in c || !c.actor) throw new Error('no caller')
  return (await d.store.getUser(c.actor.userId))!
}

/** Answers like WechatPhoneNumbers, counting the (billed) exchanges. */
function phoneButton(answer: PhoneNumbers['exchange']): PhoneNumbers & { calls: number } {
  const port = { calls: 0, exchange: async (code: string) => (port.calls++, answer(code)) }
  return port
}

it('exchanges a phone-button code for the number, sealed to its owner and shown masked', async () => {
  const button = phoneButton(async () => ({ ok: true, phone: '13912345678' }))
  const d = deps({ phoneNumbers: button })
  const u = await person(d)
  await consent(d, actorOf(u), { version: 1 })
  const r = await setPhone(d, actorOf(u), { code: 'code-from-the-button' })
  expect(r).toMatchObject({ ok: true, profile: { phone: { masked: '139****5678', source: 'wechat', sourceLabel: '微信手机号' } } })
  const stored = (await d.store.getUser(u.id))!
  expect(ownPhone(d, stored)).toBe('13912345678')
  expect(JSON.stringify(stored)).not.toContain('13912345678')
  // Copied onto another person the ciphertext does not open.
  const other = await person(d)
  expect(() => ownPhone(d, { ...other, profile: stored.profile })).toThrow()
  // No key configured here: nothing to open, nothing shown.
  expect(ownPhone({ ...d, vault: undefined }, stored)).toBeNull()
})

it('answers PHONE_CODE_UNAVAILABLE without a phone button, and the port’s refusals as they are', async () => {
  const d = deps()
  const u = await person(d)
  await consent(d, actorOf(u), { version: 1 })
  expect(await setPhone(d, actorOf(u), { code: 'code-from-the-button' })).toEqual(phoneCodeUnavailable())
  const refusing = deps({ phoneNumbers: phoneButton(async () => ({ ok: false, code: 'VALIDATION', message: '手机号授权已失效，请重新点击获取' })) })
  expect(await setPhone(refusing, actorOf(u), { code: 'code-from-the-button' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  expect((await profile(d, actorOf(u))) as { profile: { phone: unknown } }).toMatchObject({ profile: { phone: null } })
})

it('limits the billed exchanges per WeChat identity, not per account', async () => {
  const config = { ...configV1(), rateLimits: { 'account.setPhone': { max: 2, windowMinutes: 60 } } }
  const button = phoneButton(async () => ({ ok: true, phone: '13912345678' }))
  const d = deps({ phoneNumbers: button, config })
  const u = await person(d, 'o-limited')
  await consent(d, actorOf(u), { version: 1 })
  expect(await setPhone(d, actorOf(u), { code: 'code-1-from-button' })).toMatchObject({ ok: true })
  expect(await setPhone(d, actorOf(u), { code: 'code-2-from-button' })).toMatchObject({ ok: true })
  expect(await setPhone(d, actorOf(u), { code: 'code-3-from-button' })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  expect(button.calls).toBe(2)
  // Typing is not billed and not limited.
  expect(await setPhone(d, actorOf(u), { phone: '13912340000' })).toMatchObject({ ok: true })
  // A deleted account made anew under the same WeChat identity keeps the count.
  await d.store.putUser({ ...(await d.store.getUser(u.id))!, openid: null, deletedAt: '2026-12-06T08:00:00.000Z' })
  const again = await person(d, 'o-limited')
  expect(again.id).not.toBe(u.id)
  await consent(d, actorOf(again), { version: 1 })
  expect(await setPhone(d, actorOf(again), { code: 'code-4-from-button' })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  expect(button.calls).toBe(2)
})

it('asks again when the district publishes a new notice version', async () => {
  const d = deps()
  const u = await person(d)
  await consent(d, actorOf(u), { version: 1 })
  expect(await update(d, actorOf(u), { nickname: '小梅' })).toMatchObject({ ok: true })
  const base = configV1()
  const v2 = deps({ config: { ...base, privacyNotice: { ...base.privacyNotice, version: 2 } }, clock: fixedClock('2027-01-10T02:00:00.000Z') })
  expect(await profile(v2, actorOf(u))).toMatchObject({ profile: { consentNeeded: true, noticeVersion: 2 } })
  expect(await update(v2, actorOf(u), { nickname: '小梅二' })).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' })
  expect(await consent(v2, actorOf(u), { version: 1 })).toMatchObject({ ok: false, code: 'VALIDATION' })
  const agreed = await consent(v2, actorOf(u), { version: 2 })
  // Newest first, each with its version and Beijing time.
  expect(agreed.ok && agreed.privacy.consents.map((c) => [c.version, c.atLabel])).toEqual([
    [2, '2027年1月10日 10:00'],
    [1, '2026年12月6日 16:00'],
  ])
  expect(await update(v2, actorOf(u), { nickname: '小梅二' })).toMatchObject({ ok: true, profile: { displayName: '小梅二' } })
})

describe('edits that race', () => {
  it('keeps every accepted edit when one person’s writes overlap', async () => {
    const d = deps()
    const u = await person(d)
    await consent(d, actorOf(u), { version: 1 })
    const answers = await Promise.all([
      update(d, actorOf(u), { nickname: '小梅' }),
      setPhone(d, actorOf(u), { phone: '13912340011' }),
      update(d, actorOf(u), { avatar: null }),
      setPhone(d, actorOf(u), { phone: '13912340011' }),
    ])
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, true])
    const stored = (await d.store.getUser(u.id))!
    expect(stored.name).toBe('小梅')
    expect(ownPhone(d, stored)).toBe('13912340011')
    expect(stored.profile!.consents).toHaveLength(1)
  })

  it('never brings a profile back onto an account deleted in between', async () => {
    const base = deps()
    const u = await person(base)
    await consent(base, actorOf(u), { version: 1 })
    const deleted: User = { ...(await base.store.getUser(u.id))!, name: '已注销用户', openid: null, profile: undefined, deletedAt: '2026-12-06T08:00:00.000Z' }
    // The deletion lands between the edit's read and its write.
    const store = Object.create(base.store) as typeof base.store
    store.replaceUser = async (next, expected) => {
      await base.store.putUser(deleted)
      return base.store.replaceUser(next, expected)
    }
    const d = { ...base, store }
    expect(await update(d, actorOf(u), { nickname: '复活' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await setPhone(d, actorOf(u), { phone: '13912340012' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await base.store.getUser(u.id)).toEqual(deleted)
  })
})

describe('a deleted record', () => {
  it('never acts again, however its session names it', async () => {
    const d = deps()
    const u = await person(d)
    await d.store.putUser({ ...u, name: '已注销用户', openid: null, deletedAt: '2026-12-06T08:00:00.000Z' })
    expect(await resolveCaller(d, { userId: u.id })).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '账号已注销' })
    const staff = { ...u, id: 'staff-1', webUid: 'web-1', grants: [{ role: 'grid_worker' as const, unitCode: 'G1' }], deletedAt: '2026-12-06T08:00:00.000Z' }
    await d.store.putUser(staff)
    expect(await resolveCaller(d, { webUid: 'web-1' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    // And a use case reached with it (a call already past the boundary) refuses too.
    expect(await profile(d, actorOf(u))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it('leaves its WeChat identity to sign in as a new person with no history', async () => {
    const d = deps()
    const u = await person(d, 'o-returning')
    await consent(d, actorOf(u), { version: 1 })
    await d.store.putUser({ ...(await d.store.getUser(u.id))!, name: '已注销用户', profile: undefined, openid: null, deletedAt: '2026-12-06T08:00:00.000Z' })
    const fresh = await person(d, 'o-returning')
    expect(fresh).toMatchObject({ name: '微信用户', openid: 'o-returning', grants: [{ role: 'resident' }] })
    expect(fresh.id).not.toBe(u.id)
    expect(fresh.profile).toBeUndefined()

    // A deleted record that still holds the OPENID (a deletion stopped before clearing it) lets go of it.
    await d.store.putUser({ ...fresh, deletedAt: '2026-12-06T09:00:00.000Z' })
    const third = await person(d, 'o-returning')
    expect(third.id).not.toBe(fresh.id)
    expect((await d.store.getUser(fresh.id))!.openid).toBeNull()
    expect((await d.store.findUserByOpenid('o-returning'))!.id).toBe(third.id)
  })
})
