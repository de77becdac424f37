/**
 * The claim by phone where the HTTP tests cannot reach (Part D1 of issue 19): a deployment with WeChat's
 * phone button. There a typed phone proves nothing about who holds it, so it lists nothing and claims
 * nothing; the number the button verified claims the case. Locally, without the button, typed counts.
 */
import { randomBytes } from 'node:crypto'
import { monotonicFactory } from 'ulid'
import { defaultDistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/deps'
import type { PhoneNumbers } from '../../backend/phoneNumberPort'
import { claimProxied } from '../../backend/usecases/account/claimProxied'
import { consent } from '../../backend/usecases/account/consent'
import { proxiedCases } from '../../backend/usecases/account/proxiedCases'
import { setPhone } from '../../backend/usecases/account/setPhone'
import { actorOf, resolveCaller } from '../../backend/usecases/shared/actor'
import { withoutContact } from '../../backend/usecases/report/contactPhone'
import { proxiedFiling } from '../../backend/usecases/shared/proxied'
import type { Case } from '../../src/core/case'
import { fixedClock } from '../../src/core/clock'
import type { Actor } from '../../src/core/roles'
import type { OpenedStore } from '../contract/fixtures'
import { localDeps } from '../support/localDeps'
import { openTempSqliteStore } from '../store/tempSqlite'

const ulid = monotonicFactory()
const PHONE = '13955550123'
const vault = new Vault(randomBytes(32))
const AGENT: Actor = { userId: 'u-agent', name: '李明', grants: [{ role: 'grid_worker', unitCode: '440111010001001' }] }

let opened: OpenedStore
beforeEach(async () => {
  opened = await openTempSqliteStore('jf-claim-')
})
afterEach(async () => {
  await opened.cleanup()
})

function deps(phoneNumbers?: PhoneNumbers): Deps {
  return localDeps(opened.store, {
    clock: fixedClock('2026-12-06T08:00:00.000Z'),
    newId: () => ulid(),
    config: defaultDistrictConfig(),
    vault,
    identity: { resolve: async (ctx) => ctx as { openid: string } },
    ...(phoneNumbers ? { phoneNumbers } : {}),
  })
}

/** A brand-new person who agreed to the notice in force. */
async function person(d: Deps): Promise<Actor> {
  const c = await resolveCaller(d, { openid: `o-${ulid()}` })
  if (!c || 'ok' in c || !c.actor) throw new Error('no caller')
  const a = actorOf((await d.store.getUser(c.actor.userId))!)
  await consent(d, a, { version: d.config.privacyNotice.version })
  return a
}

/** A report a grid worker filed for PHONE, stored as cases.proxySubmit leaves it. */
async function filedFor(d: Deps): Promise<Case> {
  const id = ulid()
  const { creatorId, mark } = proxiedFiling(vault, id, AGENT, 'grid_worker', { name: '欧阳秀英', phone: PHONE })
  const at = '2026-12-06T07:00:00.000Z'
  const c: Case = {
    id,
    kind: 'report',
    number: '京溪-2026-00777',
    status: 'submitted',
    unitCode: '440111010001001',
    gridCode: '440111010001001',
    assigneeId: null,
    category: 'XF01',
    payload: { description: '楼道堆放杂物', photos: [], location: { lng: 113.32, lat: 23.18, address: '云景路 1 号' }, anonymous: false, proxy: mark },
    creatorId,
    idempotencyKey: ulid(),
    createdAt: at,
    updatedAt: at,
    slaDeadline: null,
    version: 1,
  }
  await d.store.transaction((tx) => tx.insertCase(c))
  return c
}

const button = (phone: string): PhoneNumbers => ({ exchange: async () => ({ ok: true, phone }) })

it('with the phone button, a typed number neither lists nor claims; the verified one claims the report', async () => {
  const d = deps(button(PHONE))
  const c = await filedFor(d)
  const typed = await person(d)
  await setPhone(d, typed, { phone: PHONE })
  expect(await proxiedCases(d, typed, {})).toEqual({ ok: true, phone: { state: 'unverified', masked: '139****0123' }, cases: [] })
  expect(await claimProxied(d, typed, { id: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('微信验证') })
  expect((await d.store.getCase(c.id))!.creatorId).toBe(c.creatorId)

  const verified = await person(d)
  await setPhone(d, verified, { code: 'code-from-the-button' })
  expect((await proxiedCases(d, verified, {})).cases).toEqual([expect.objectContaining({ id: c.id, number: '京溪-2026-00777', kindLabel: '网格事件', filedBy: '网格员 李明' })])
  expect(await claimProxied(d, verified, { id: c.id })).toEqual({ ok: true, claimed: { id: c.id, number: '京溪-2026-00777', kindLabel: '网格事件', page: `/pages/report/detail/index?id=${c.id}` } })
  const now = (await d.store.getCase(c.id))!
  expect(now).toMatchObject({ creatorId: verified.userId, version: 2, payload: { proxy: { agentId: 'u-agent', claimedAt: '2026-12-06T08:00:00.000Z' } } })
  expect((await d.store.timeline(c.id)).map((e) => [e.action, e.actorId, e.actorRole])).toEqual([['claim_proxied', verified.userId, 'resident']])
  // The number the typed account holds is the same: still nothing for it.
  expect(await claimProxied(d, typed, { id: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  // 注销账号 of the person who claimed it: the mark keeps who filed it, not them.
  expect(withoutContact(now)!.payload).toMatchObject({ proxy: { agentId: 'u-agent', agentName: '李明', name: '已注销用户', phone: '' } })
  expect(JSON.stringify(withoutContact(now)!.payload)).not.toContain('sealed')
})

it('locally, without the phone button, the typed number claims', async () => {
  const d = deps()
  const c = await filedFor(d)
  const typed = await person(d)
  expect(await claimProxied(d, typed, { id: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('填写本人手机号') })
  await setPhone(d, typed, { phone: '139-5555-0123' })
  expect((await proxiedCases(d, typed, {})).phone).toEqual({ state: 'verified', masked: expect.stringMatching(/^139\*+0123$/) })
  expect(await claimProxied(d, typed, { id: c.id })).toMatchObject({ ok: true })
})
