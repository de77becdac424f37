/**
 * Store behaviour for onboarding (issue 8): org units, invitations, redeeming them, unit removal
 * and the district configuration versions. Run against every adapter next to the main contract.
 */
import type { Invitation } from '../../backend/ports'
import type { OrgUnit } from '../../src/core/org'
import type { Store } from '../../backend/ports'
import { storeForEachTest } from './openEach'
import { at, makeUser, type OpenedStore } from './fixtures'

function makeInvitation(overrides: Partial<Invitation> = {}): Invitation {
  return { id: '01JNC0000000000000000INV01', codeHash: 'a'.repeat(64), userId: 'staff-1', createdBy: 'admin-1', createdAt: at(0), expiresAt: at(60), usedAt: null, usedBy: null, revokedAt: null, ...overrides }
}

export function describeOnboardingContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Onboarding store contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)

    it('stores invitations, finds one by its code hash, lists a user\'s newest first', async () => {
      await store.putInvitation(makeInvitation())
      await store.putInvitation(makeInvitation({ id: '01JNC0000000000000000INV02', codeHash: 'b'.repeat(64) }))
      await store.putInvitation(makeInvitation({ id: '01JNC0000000000000000INV03', codeHash: 'c'.repeat(64), userId: 'staff-2' }))
      expect(await store.getInvitationByHash('b'.repeat(64))).toEqual(makeInvitation({ id: '01JNC0000000000000000INV02', codeHash: 'b'.repeat(64) }))
      expect(await store.getInvitationByHash('d'.repeat(64))).toBeNull()
      expect(await store.getInvitation('01JNC0000000000000000INV03')).toMatchObject({ userId: 'staff-2' })
      expect(await store.getInvitation('01JNC0000000000000000INV99')).toBeNull()
      expect((await store.listInvitations('staff-1')).map((i) => i.id)).toEqual(['01JNC0000000000000000INV02', '01JNC0000000000000000INV01'])
      expect(await store.listInvitations()).toHaveLength(3)
      await store.putInvitation(makeInvitation({ revokedAt: at(5) }))
      expect((await store.getInvitationByHash('a'.repeat(64)))?.revokedAt).toBe(at(5))
    })

    it('redeems once: the OPENID moves from the placeholder resident to the staff record', async () => {
      await store.putUser(makeUser({ id: 'staff-1', name: '林晓', phone: '13900000401', grants: [{ role: 'grid_worker', unitCode: 'G1' }] }))
      await store.putUser(makeUser({ id: 'placeholder', name: '微信用户', openid: 'wx-openid-1', grants: [{ role: 'resident', unitCode: 'D1' }] }))
      await store.putInvitation(makeInvitation())
      expect(await store.redeemInvitation({ invitationId: makeInvitation().id, openid: 'wx-openid-1', releaseUserId: 'placeholder', at: at(10) })).toBe(true)
      expect(await store.findUserByOpenid('wx-openid-1')).toMatchObject({ id: 'staff-1', grants: [{ role: 'grid_worker', unitCode: 'G1' }] })
      expect(await store.getUser('placeholder')).toMatchObject({ openid: null, grants: [] })
      expect(await store.listStaff(['D1'], ['resident'])).toEqual([])
      expect(await store.getInvitationByHash('a'.repeat(64))).toMatchObject({ usedAt: at(10), usedBy: 'wx-openid-1' })
      // A second redeem, even by another OPENID, finds it used.
      expect(await store.redeemInvitation({ invitationId: makeInvitation().id, openid: 'wx-openid-2', releaseUserId: null, at: at(11) })).toBe(false)
      expect(await store.findUserByOpenid('wx-openid-2')).toBeNull()
    })

    it('does not redeem a revoked invitation', async () => {
      await store.putUser(makeUser({ id: 'staff-1' }))
      await store.putInvitation(makeInvitation({ revokedAt: at(1) }))
      expect(await store.redeemInvitation({ invitationId: makeInvitation().id, openid: 'wx-openid-1', releaseUserId: null, at: at(2) })).toBe(false)
      expect((await store.getUser('staff-1'))?.openid).toBeNull()
    })

    it('does not use up an invitation whose staff record is gone', async () => {
      await store.putInvitation(makeInvitation({ userId: 'nobody' }))
      expect(await store.redeemInvitation({ invitationId: makeInvitation().id, openid: 'wx-openid-1', releaseUserId: null, at: at(2) })).toBe(false)
      expect((await store.getInvitationByHash('a'.repeat(64)))?.usedAt).toBeNull()
    })

    it('two redeems at once: exactly one wins', async () => {
      await store.putUser(makeUser({ id: 'staff-1' }))
      await store.putInvitation(makeInvitation())
      const results = await Promise.all(['wx-a-000001', 'wx-b-000002'].map((openid) => store.redeemInvitation({ invitationId: makeInvitation().id, openid, releaseUserId: null, at: at(3) })))
      expect(results.filter(Boolean)).toHaveLength(1)
    })

    it('redeems for a web sign-in: the uid is bound to the staff record, the OPENID stays as it was', async () => {
      await store.putUser(makeUser({ id: 'staff-1', name: '林晓', openid: 'wx-openid-1', grants: [{ role: 'grid_worker', unitCode: 'G1' }] }))
      await store.putInvitation(makeInvitation())
      expect(await store.findUserByWebUid('uid-web-0001')).toBeNull()
      expect(await store.redeemInvitation({ invitationId: makeInvitation().id, openid: null, webUid: 'uid-web-0001', releaseUserId: null, at: at(10) })).toBe(true)
      expect(await store.findUserByWebUid('uid-web-0001')).toMatchObject({ id: 'staff-1', webUid: 'uid-web-0001', openid: 'wx-openid-1' })
      expect(await store.findUserByOpenid('wx-openid-1')).toMatchObject({ id: 'staff-1' })
      expect(await store.getInvitationByHash('a'.repeat(64))).toMatchObject({ usedAt: at(10), usedBy: 'web:uid-web-0001' })
      expect(await store.redeemInvitation({ invitationId: makeInvitation().id, openid: null, webUid: 'uid-web-0002', releaseUserId: null, at: at(11) })).toBe(false)
      expect(await store.findUserByWebUid('uid-web-0002')).toBeNull()
    })

    it('keeps the web binding through putUser, and clears it when put as null', async () => {
      const staff = makeUser({ id: 'staff-1', name: '林晓', grants: [{ role: 'grid_worker', unitCode: 'G1' }] })
      await store.putUser({ ...staff, webUid: 'uid-web-0001' })
      expect(await store.getUser('staff-1')).toEqual({ ...staff, webUid: 'uid-web-0001' })
      const found = await store.findUserByWebUid('uid-web-0001')
      await store.putUser({ ...found!, name: '林晓明' })
      expect(await store.findUserByWebUid('uid-web-0001')).toMatchObject({ id: 'staff-1', name: '林晓明' })
      await store.putUser({ ...found!, webUid: null, grants: [] })
      expect(await store.findUserByWebUid('uid-web-0001')).toBeNull()
      expect(await store.getUser('staff-1')).toEqual({ ...staff, grants: [] })
    })

    it('deletes units by code', async () => {
      await store.putUnits([
        { code: 'S1', name: '街道', level: 'street', parentCode: null },
        { code: 'C1', name: '社区', level: 'community', parentCode: 'S1' },
        { code: 'G1', name: '网格', level: 'grid', parentCode: 'C1' },
      ])
      await store.deleteUnits(['G1', 'C1'])
      expect((await store.listUnits()).map((u) => u.code)).toEqual(['S1'])
    })

    it('configuration versions: one per number, newest first', async () => {
      expect(await store.latestConfigVersion()).toBeNull()
      const v = (version: number) => ({ version, config: { acceptHours: version, nested: { list: [1, 'a'] } }, changes: [{ path: 'acceptHours', before: version - 1, after: version }], authorId: 'admin-1', at: at(version) })
      expect(await store.addConfigVersion(v(1))).toBe(true)
      expect(await store.addConfigVersion(v(2))).toBe(true)
      expect(await store.addConfigVersion({ ...v(2), authorId: 'late' })).toBe(false)
      expect(await store.latestConfigVersion()).toEqual(v(2))
      expect((await store.listConfigVersions()).map((x) => x.version)).toEqual([2, 1])
      expect(await store.listConfigVersions(1)).toEqual([v(2)])
    })
    describe('units', () => {
      it('stores units with polygons and phones, and updates on a second put', async () => {
        const polygon = {
          type: 'Polygon' as const,
          coordinates: [[[113.26, 23.13], [113.27, 23.13], [113.27, 23.14], [113.26, 23.13]]],
        }
        const units: OrgUnit[] = [
          { code: 'C', name: '广州市', level: 'city', parentCode: null },
          { code: 'S1', name: '京溪街道', level: 'street', parentCode: 'C', phone: '020-87654321' },
          { code: 'G1', name: '第一网格', level: 'grid', parentCode: 'S1', polygon, phone: '020-11112222' },
        ]
        await store.putUnits(units)
        const sortByCode = (xs: OrgUnit[]) => [...xs].sort((a, b) => a.code.localeCompare(b.code))
        expect(sortByCode(await store.listUnits())).toEqual(sortByCode(units))

        const renamed: OrgUnit = { ...units[2], name: '京溪第一网格' }
        await store.putUnits([renamed])
        const after = await store.listUnits()
        expect(after).toHaveLength(3)
        expect(after.find((u) => u.code === 'G1')).toEqual(renamed)
        expect(after.find((u) => u.code === 'C')).toEqual(units[0])
      })
    })
  })
}
