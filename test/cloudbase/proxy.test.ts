/**
 * 代办申请调解 and the claim by phone on the CloudBase store (Part D1 of issue 19), through the real SDK
 * against the strict loopback fake: the agent's application is created once per key with the person's
 * phone marker as its creator and nothing of the person in clear; the person's list runs the registered
 * creator query; the claim makes the case theirs.
 */
import { randomBytes } from 'node:crypto'
import { monotonicFactory } from 'ulid'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { defaultDistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/runtime'
import { communityCode, demoUnits, DEMO_STREET } from '../../backend/seed/demoOrg'
import { demoUsers } from '../../backend/seed/demoUsers'
import { claimProxied } from '../../backend/usecases/account/claimProxied'
import { sealOwnPhone } from '../../backend/usecases/account/ownPhone'
import { proxiedCases } from '../../backend/usecases/account/proxiedCases'
import { proxyApply } from '../../backend/usecases/mediation/proxyApply'
import { actorOf } from '../../backend/usecases/shared/actor'
import { proxiedCreatorFor } from '../../backend/usecases/shared/proxied'
import { fixedClock } from '../../src/core/clock'
import { OrgTree } from '../../src/core/org'
import { FakeCloudbase } from './fakeCloudbase'
import { cloudbaseForEachTest } from './sdkApp'

const PHONE = '13912340771'
const NAME = '欧阳秀英'

let fake: FakeCloudbase
let store: CloudbaseStore
let d: Deps

cloudbaseForEachTest((f, s) => ([fake, store] = [f, s]))
beforeEach(async () => {
  await store.putUnits(demoUnits())
  for (const u of demoUsers()) await store.putUser(u)
  const tree = new OrgTree(demoUnits())
  const ulid = monotonicFactory()
  d = {
    mode: 'cloudbase',
    store,
    clock: fixedClock('2026-12-01T02:00:00.000Z'),
    newId: () => ulid(),
    config: defaultDistrictConfig(),
    orgTree: async () => tree,
    vault: new Vault(randomBytes(32)),
  } as unknown as Deps
})

const actor = async (id: string) => actorOf((await store.getUser(id))!)

const application = (key: string) => ({
  declaration: true as const,
  application: {
    idempotencyKey: key,
    disputeType: 'neighbour' as const,
    streetCode: DEMO_STREET,
    communityCode: communityCode(0),
    applicantName: NAME,
    applicantPhone: PHONE,
    respondents: [{ name: '黄伟明', phone: '13912345678' }],
    facts: '楼上卫生间漏水渗到我家天花板，多次沟通无果',
    claims: '修好防水并赔偿维修费',
    evidence: [],
    preferredWay: 'online' as const,
  },
})

it('files the application once per key, lists it for the person’s verified phone and lets them claim it', async () => {
  const agent = await actor('demo-proxy-agent')
  const made = await proxyApply(d, agent, application('pmed-0001'))
  expect(made).toMatchObject({ ok: true, replayed: false, case: { readable: true } })
  if (!('case' in made)) return
  expect(await proxyApply(d, agent, application('pmed-0001'))).toMatchObject({ ok: true, replayed: true, case: { id: made.case.id } })
  expect((await store.getCase(made.case.id))?.creatorId).toBe(proxiedCreatorFor(d.vault!, PHONE))
  const docs = JSON.stringify([...fake.db.collections.get('jf_cases')!.values()])
  expect(docs).not.toContain(PHONE)
  expect(docs).not.toContain(NAME)

  // The person, with the number WeChat's button verified (on CloudBase a typed one would not count).
  const u = (await store.getUser('demo-resident-2'))!
  await store.putUser({ ...u, profile: { nicknameSet: false, avatarFileId: null, consents: [], ...u.profile, phoneSealed: sealOwnPhone(d.vault!, u.id, PHONE), phoneSource: 'wechat' } })
  const person = actorOf((await store.getUser(u.id))!)
  expect(await proxiedCases(d, person, {})).toMatchObject({ ok: true, phone: { state: 'verified' }, cases: [{ id: made.case.id, kindLabel: '调解案件', filedBy: '代办员 郭秀兰' }] })
  expect(await claimProxied(d, person, { id: made.case.id })).toMatchObject({ ok: true })
  expect((await store.getCase(made.case.id))?.creatorId).toBe(u.id)
  expect(await proxiedCases(d, person, {})).toMatchObject({ ok: true, cases: [] })

  // Typed, the same number claims nothing here.
  const other = (await store.getUser('demo-resident'))!
  await store.putUser({ ...other, profile: { nicknameSet: false, avatarFileId: null, consents: [], ...other.profile, phoneSealed: sealOwnPhone(d.vault!, other.id, PHONE), phoneSource: 'typed' } })
  expect(await proxiedCases(d, actorOf((await store.getUser(other.id))!), {})).toMatchObject({ ok: true, phone: { state: 'unverified' }, cases: [] })
})
