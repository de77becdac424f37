/**
 * The user aggregate every adapter must show: users, lookups and the staff list by grant.
 */
import type { User } from '../../backend/ports'
import { byId, makeUser, type OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

export function describeUsersContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`User store contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)

    describe('users', () => {
      it('stores, finds and updates users with their grants', async () => {
        const worker = makeUser({
          id: 'w1',
          name: '李网格',
          phone: '020-12345678',
          openid: 'o-worker',
          grants: [
            { role: 'grid_worker', unitCode: 'G1' },
            { role: 'grid_worker', unitCode: 'G2' },
            { role: 'department', unitCode: 'S1', department: '城管' },
          ],
        })
        const resident = makeUser({ id: 'u1', openid: null, phone: null, grants: [{ role: 'resident', unitCode: 'G1' }] })
        const other = makeUser({ id: 'u2', name: '王五', openid: null })
        await store.putUser(worker)
        await store.putUser(resident)
        await store.putUser(other)

        expect(await store.getUser('w1')).toEqual(worker)
        expect(await store.getUser('u1')).toEqual(resident)
        expect(await store.getUser('nobody')).toBeNull()
        expect(await store.findUserByOpenid('o-worker')).toEqual(worker)
        expect(await store.findUserByOpenid('o-unknown')).toBeNull()
        expect(byId(await store.listUsers())).toEqual(byId([worker, resident, other]))

        const updated: User = { ...resident, name: '张三丰', openid: 'o-res', grants: [...resident.grants, { role: 'building_manager', unitCode: 'G1' }] }
        await store.putUser(updated)
        expect(await store.getUser('u1')).toEqual(updated)
        expect(await store.findUserByOpenid('o-res')).toEqual(updated)
        expect(await store.listUsers()).toHaveLength(3)
      })

      it('keeps the profile (sealed phone, consents) and the deletion mark, and only the known profile keys', async () => {
        const plain = makeUser({ id: 'u3', openid: 'o-3' })
        await store.putUser(plain)
        // A user stored before 我的 reads back without profile or deletion mark.
        expect(await store.getUser('u3')).toEqual(plain)
        expect(await store.getUser('u3')).not.toHaveProperty('profile')
        expect(await store.getUser('u3')).not.toHaveProperty('deletedAt')

        const profile = {
          nicknameSet: true,
          avatarFileId: 'F1',
          phoneSealed: 'c2VhbGVk',
          phoneSource: 'typed' as const,
          consents: [{ key: 'privacy' as const, version: 2, at: '2026-12-06T10:00:00.000Z' }],
        }
        const withProfile: User = { ...plain, name: '小街坊', profile }
        await store.putUser({ ...withProfile, profile: { ...profile, extra: 'dropped' } as typeof profile })
        expect(await store.getUser('u3')).toEqual(withProfile)
        expect(await store.findUserByOpenid('o-3')).toEqual(withProfile)

        const deleted: User = { ...plain, name: '已注销用户', openid: null, deletedAt: '2026-12-06T11:00:00.000Z' }
        await store.putUser(deleted)
        expect(await store.getUser('u3')).toEqual(deleted)
        expect(await store.findUserByOpenid('o-3')).toBeNull()
      })

      it('replaces a user only while the stored record is still the one read', async () => {
        const read = makeUser({ id: 'u4', openid: 'o-4', grants: [{ role: 'resident', unitCode: 'G1' }] })
        await store.putUser(read)
        const mine: User = { ...read, name: '小梅', profile: { nicknameSet: true, avatarFileId: null, phoneSealed: null, phoneSource: null, consents: [] } }
        const theirs: User = { ...read, profile: { nicknameSet: false, avatarFileId: null, phoneSealed: 'c2VhbGVk', phoneSource: 'typed', consents: [] } }
        expect(await store.replaceUser(mine, read)).toBe(true)
        expect(await store.getUser('u4')).toEqual(mine)
        // The other edit read the record before mine landed: refused, nothing written.
        expect(await store.replaceUser(theirs, read)).toBe(false)
        expect(await store.getUser('u4')).toEqual(mine)
        // Read again, it goes through, grants index included.
        const again = (await store.getUser('u4'))!
        const both: User = { ...again, profile: { ...again.profile!, phoneSealed: 'c2VhbGVk', phoneSource: 'typed' }, grants: [...again.grants, { role: 'grid_worker', unitCode: 'G1' }] }
        expect(await store.replaceUser(both, again)).toBe(true)
        expect(await store.getUser('u4')).toEqual(both)
        expect((await store.listStaff(['G1'], ['grid_worker'])).map((u) => u.id)).toEqual(['u4'])
        // A deletion in between wins over an edit read before it.
        const deleted: User = { ...both, name: '已注销用户', openid: null, profile: undefined, deletedAt: '2026-12-06T11:00:00.000Z' }
        await store.putUser(deleted)
        expect(await store.replaceUser({ ...both, name: '复活' }, both)).toBe(false)
        expect(await store.getUser('u4')).toEqual(deleted)
        expect(await store.replaceUser({ ...read, id: 'nobody' }, { ...read, id: 'nobody' })).toBe(false)
        expect(await store.getUser('nobody')).toBeNull()
      })

      it('lets exactly one of two edits made from the same read through', async () => {
        const read = makeUser({ id: 'u5', openid: 'o-5' })
        await store.putUser(read)
        const edits = ['甲', '乙', '丙', '丁'].map((name): User => ({ ...read, name }))
        const won = await Promise.all(edits.map((e) => store.replaceUser(e, read)))
        expect(won.filter(Boolean)).toHaveLength(1)
        expect((await store.getUser('u5'))!.name).toBe(edits[won.indexOf(true)]!.name)
      })
    })


    describe('listStaff', () => {
      const worker = makeUser({ id: 'w1', grants: [{ role: 'grid_worker', unitCode: 'G1' }, { role: 'grid_worker', unitCode: 'G2' }] })
      const dispatcher = makeUser({ id: 'd1', grants: [{ role: 'dispatcher', unitCode: 'S1' }] })
      const dept = makeUser({ id: 'p1', grants: [{ role: 'department', unitCode: 'S1', department: 'chengguan' }] })
      const resident = makeUser({ id: 'u1', grants: [{ role: 'resident', unitCode: 'G1' }] })
      const both = makeUser({ id: 'a1', grants: [{ role: 'grid_worker', unitCode: 'G1' }, { role: 'dispatcher', unitCode: 'S1' }] })

      beforeEach(async () => {
        for (const u of [worker, dispatcher, dept, resident, both]) await store.putUser(u)
      })

      it('finds users holding one of the roles on exactly one of the units, each once, by id', async () => {
        expect(await store.listStaff(['G1'], ['grid_worker'])).toEqual([both, worker])
        expect(await store.listStaff(['G1', 'S1', 'C'], ['grid_worker', 'dispatcher'])).toEqual([both, dispatcher, worker])
        expect(await store.listStaff(['G2'], ['grid_worker', 'resident'])).toEqual([worker])
        // A grant on the street does not reach its grids, nor the other way round.
        expect(await store.listStaff(['S1'], ['grid_worker'])).toEqual([])
        expect(await store.listStaff(['G1'], ['dispatcher'])).toEqual([])
        expect(await store.listStaff([], ['grid_worker'])).toEqual([])
        expect(await store.listStaff(['G1'], [])).toEqual([])
      })

      it('follows grant changes made by putUser', async () => {
        await store.putUser({ ...worker, grants: [{ role: 'grid_worker', unitCode: 'G2' }] })
        expect((await store.listStaff(['G1'], ['grid_worker'])).map((u) => u.id)).toEqual(['a1'])
        await store.putUser({ ...resident, grants: [...resident.grants, { role: 'grid_worker', unitCode: 'G1' }] })
        expect((await store.listStaff(['G1'], ['grid_worker'])).map((u) => u.id)).toEqual(['a1', 'u1'])
        await store.putUser({ ...both, grants: [] })
        expect((await store.listStaff(['G1', 'S1'], ['grid_worker', 'dispatcher'])).map((u) => u.id)).toEqual(['d1', 'u1'])
      })
    })
  })
}
