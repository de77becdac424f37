/** CloudBase side of the user aggregate; `grantKeys` makes the staff lookup an indexed query. */
import type { User, UserRepo } from '../../ports'
import { USER_FIELDS } from '../tables'
import { guard } from './cloudbaseErrors'
import { all, byId, byIds, checked, docsOf, type CloudbaseAccess } from './db'
import { docMapper, withoutId, type Doc } from './docs'

const userDocs = docMapper('jf_users', USER_FIELDS, 'id')

export function grantKey(role: string, unitCode: string): string {
  return `${role}@${unitCode}`
}

// Flattened "role@unit" keys: an indexable field for finding staff by unit without elemMatch.
export const userToDoc = (u: User): Doc => userDocs.toDoc(u, { grantKeys: u.grants.map((g) => grantKey(g.role, g.unitCode)) })
export const docToUser = (d: Doc): User => userDocs.fromDoc(d)

export function cloudbaseUsers(c: CloudbaseAccess): UserRepo {
  const first = async (where: Record<string, unknown>) => {
    const docs = docsOf(await guard(() => c.coll('users').where(where).orderBy('_id', 'asc').limit(1).get()))
    return docs.length === 0 ? null : docToUser(docs[0])
  }
  return {
    async getUser(id) {
      const d = await byId(c.coll, 'users', id)
      return d ? docToUser(d) : null
    },
    async getUsers(ids) {
      return (await byIds(c, 'users', ids)).map(docToUser)
    },
    findUserByOpenid: (openid) => first({ openid }),
    findUserByWebUid: (webUid) => first({ webUid }),
    async putUser(u) {
      const doc = userToDoc(u)
      checked(await guard(() => c.coll('users').doc(u.id).set(withoutId(doc))))
    },
    async replaceUser(next, expected) {
      if (next.id !== expected.id) throw new Error('replaceUser: next and expected are different users')
      const want = JSON.stringify(userToDoc(expected))
      const doc = userToDoc(next)
      // Read and write by id in one transaction: a concurrent write makes it conflict and run again.
      return c.inTransaction(async (coll) => {
        const current = await byId(coll, 'users', next.id)
        if (!current || JSON.stringify(userToDoc(docToUser(current))) !== want) return false
        checked(await guard(() => coll('users').doc(next.id).set(withoutId(doc))))
        return true
      })
    },
    async listUsers() {
      return (await all(c.coll('users').orderBy('_id', 'asc'))).map(docToUser)
    },
    async listStaff(unitCodes, roles) {
      const keys = roles.flatMap((r) => unitCodes.map((u) => grantKey(r, u)))
      if (keys.length === 0) return []
      return (await all(c.coll('users').where({ grantKeys: c.db.command.in(keys) }).orderBy('_id', 'asc'))).map(docToUser)
    },
  }
}
