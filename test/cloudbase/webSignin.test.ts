/**
 * The H5 desk on CloudBase: a caller signed in with CloudBase authentication reaches the
 * functions as a web uid (real identity adapter, real SDK, loopback fake database). An unbound
 * uid is never made a resident and may only redeem an invitation; the bound uid then acts as
 * the staff record; revoking the staff member cuts the web sign-in off too.
 */
import * as tcb from '@cloudbase/node-sdk'
import { CloudbaseIdentity } from '../../backend/adapters/cloudbase/identity'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { defaultDistrictConfig } from '../../backend/config/district'
import { main as admin } from '../../backend/functions/admin'
import { main as session } from '../../backend/functions/session'
import type { User } from '../../backend/ports'
import { useDeps, type Deps } from '../../backend/runtime'
import { issueInvitation } from '../../backend/usecases/admin/invite'
import { resolveActor } from '../../backend/usecases/shared/actor'
import { OrgTree } from '../../src/core/org'
import { ROLE_LABELS } from '../../src/core/roles'
import { FakeCloudbase } from './fakeCloudbase'
import { cloudbaseForEachTest } from './sdkApp'

const config = defaultDistrictConfig()
const DISTRICT = config.district.code
const STREET = `${DISTRICT}010`
const at = '2026-01-01T00:00:00.000Z'
const staff: User = { id: 'staff-lin', name: '林晓', phone: '13900000401', openid: null, grants: [{ role: 'dispatcher', unitCode: STREET }], createdAt: at }
const adminUser: User = { id: 'admin-zheng', name: '郑华', phone: '13800000000', openid: 'oAdmin000001', grants: [{ role: 'admin', unitCode: DISTRICT }], createdAt: at }

function webContext(uid: string, anonymous = false) {
  return { request_id: 'req-web-0001', environment: JSON.stringify({ TCB_UUID: uid, TCB_ISANONYMOUS_USER: String(anonymous), TCB_SOURCE: 'web', TCB_ENV: 'test-env' }) }
}
const wechatContext = (openid: string) => ({ request_id: 'req-wx-00001', environment: JSON.stringify({ WX_OPENID: openid, TCB_ENV: 'test-env' }) })

let fake: FakeCloudbase
let store: CloudbaseStore
let d: Deps
let n = 0

cloudbaseForEachTest((f, s) => ([fake, store] = [f, s]), { retryDelayMs: 5 })
beforeEach(async () => {
  d = {
    mode: 'cloudbase',
    store,
    files: {} as Deps['files'],
    fileUrl: async () => '',
    identity: new CloudbaseIdentity(tcb.init({ env: 'test-env', secretId: 'fake-secret-id', secretKey: 'fake-secret-key' })),
    notifier: { send: async () => undefined } as unknown as Deps['notifier'],
    contentSecurity: {} as Deps['contentSecurity'],
    clock: { now: () => new Date('2026-01-02T00:00:00.000Z') },
    newId: () => `01JNC00000000000000000${String(++n).padStart(4, '0')}`,
    config,
    orgTree: async () =>
      new OrgTree([
        { code: DISTRICT, name: config.district.name, level: 'district', parentCode: null },
        { code: STREET, name: '京溪街道', level: 'street', parentCode: DISTRICT },
      ]),
    dataChanged: () => undefined,
  }
  useDeps(d)
  await store.putUser(staff)
  await store.putUser(adminUser)
})
afterEach(() => {
  useDeps(undefined)
})

describe('H5 desk sign-in on CloudBase', () => {
  it('refuses an unbound web uid with a clear message and creates no resident for it', async () => {
    expect(await resolveActor(d, webContext('uid-stranger1'))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先用邀请码绑定工作人员账号' })
    expect(await session({ action: 'me' }, webContext('uid-stranger1'))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先用邀请码绑定工作人员账号' })
    expect(await session({ action: 'me' }, webContext('uid-anon00001', true))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' })
    expect(await store.listUsers()).toHaveLength(2)
  })

  it('binds the web uid with an invitation, then acts as the staff record; the code is single use', async () => {
    const { code } = await issueInvitation(d, staff.id, adminUser.id)
    expect(await session({ action: 'bind', data: { code: 'ZZZZZZZZ' } }, webContext('uid-lin-web01'))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await session({ action: 'bind', data: { code } }, webContext('uid-lin-web01', true))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    const bound = await session({ action: 'bind', data: { code } }, webContext('uid-lin-web01'))
    expect(bound).toMatchObject({ ok: true, user: { id: staff.id, name: '林晓', roles: [{ role: 'dispatcher' }] } })
    expect(await session({ action: 'me' }, webContext('uid-lin-web01'))).toMatchObject({ ok: true, user: { id: staff.id } })
    // A retry answers as the first did; another web sign-in or a WeChat user finds it used.
    expect(await session({ action: 'bind', data: { code } }, webContext('uid-lin-web01'))).toMatchObject({ ok: true, user: { id: staff.id } })
    expect(await session({ action: 'bind', data: { code } }, webContext('uid-other-web'))).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '邀请码已被使用，如需重新绑定请联系管理员' })
    expect(await session({ action: 'bind', data: { code } }, wechatContext('oLinPhone001'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // The OPENID binding is separate: the staff record has no WeChat yet.
    expect((await store.getUser(staff.id))?.openid).toBeNull()
    expect(await store.findUserByWebUid('uid-lin-web01')).toMatchObject({ id: staff.id })
  })

  it('a second invitation for another record is refused to an already bound web uid', async () => {
    await store.putUser({ ...staff, id: 'staff-wang', name: '王芳', phone: '13900000402' })
    await session({ action: 'bind', data: { code: (await issueInvitation(d, staff.id, adminUser.id)).code } }, webContext('uid-lin-web01'))
    const other = await issueInvitation(d, 'staff-wang', adminUser.id)
    expect(await session({ action: 'bind', data: { code: other.code } }, webContext('uid-lin-web01'))).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '该账号已绑定工作人员「林晓」，请先由管理员停用后再绑定' })
    expect((await store.getUser('staff-wang'))?.webUid).toBeUndefined()
  })

  it('revoking the staff member clears the web binding: the uid is refused on its next call', async () => {
    await session({ action: 'bind', data: { code: (await issueInvitation(d, staff.id, adminUser.id)).code } }, webContext('uid-lin-web01'))
    // The console lists a staff member bound only through the web sign-in as bound.
    const listed = await admin({ action: 'staff', data: {} }, wechatContext(adminUser.openid!))
    expect(listed).toMatchObject({ ok: true, staff: expect.arrayContaining([expect.objectContaining({ id: staff.id, bound: true })]) })
    expect(await admin({ action: 'revokeStaff', data: { userId: staff.id } }, wechatContext(adminUser.openid!))).toMatchObject({ ok: true, revoked: true })
    expect(await store.findUserByWebUid('uid-lin-web01')).toBeNull()
    expect(await session({ action: 'me' }, webContext('uid-lin-web01'))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先用邀请码绑定工作人员账号' })
  })

  it('a roster re-import that renames the person keeps the web binding', async () => {
    await session({ action: 'bind', data: { code: (await issueInvitation(d, staff.id, adminUser.id)).code } }, webContext('uid-lin-web01'))
    const csv = `姓名,手机,角色,单位编码,调解委员会,部门\n林晓明,${staff.phone},${ROLE_LABELS.dispatcher},${STREET},,\n`
    const imported = await admin({ action: 'importStaff', data: { fileName: 'staff.csv', contentBase64: Buffer.from(csv).toString('base64'), dryRun: false, allOrNothing: true } }, wechatContext(adminUser.openid!))
    expect(imported).toMatchObject({ ok: true, plan: { applied: 1, errors: [] } })
    expect(await store.findUserByWebUid('uid-lin-web01')).toMatchObject({ id: staff.id, name: '林晓明' })
  })

  it('the mini-program OPENID path is unchanged: a new WeChat user becomes a resident', async () => {
    expect(await session({ action: 'me' }, wechatContext('oNewUser0001'))).toMatchObject({ ok: true, user: { roles: [{ role: 'resident' }] } })
  })
})
