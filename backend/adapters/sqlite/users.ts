/** SQLite side of the user aggregate; `user_grants` indexes the grants for the staff lookup. */
import type { User, UserRepo } from '../../ports'
import { USER_FIELDS } from '../tables'
import { rowMapper } from './rows'
import { jsonList, type SqliteAccess, type Statements } from './statements'

export const userRows = rowMapper(USER_FIELDS)
const UPSERT_USER = userRows.upsertSql('users', ['id'])

/** The record as stored, in one canonical text, so two reads compare equal exactly when the rows are. */
const canonical = (u: User) => JSON.stringify(userRows.toRow(u))

export function sqliteUsers(db: SqliteAccess): UserRepo {
  const one = (method: string, sql: string, param: string) => db.read(method, (s) => userRows.one(s, sql, param))
  const put = (s: Statements, u: User, row: ReturnType<typeof userRows.toRow>) => {
    s.get(UPSERT_USER).run(row)
    // The grant index follows the user's grants in the same transaction.
    s.get('DELETE FROM user_grants WHERE user_id = ?').run(u.id)
    const grant = s.get('INSERT OR IGNORE INTO user_grants (role, unit_code, user_id) VALUES (?, ?, ?)')
    for (const g of u.grants) grant.run(g.role, g.unitCode, u.id)
  }
  return {
    getUser: (id) => one('getUser', 'SELECT * FROM users WHERE id = ?', id),
    getUsers: async (ids) =>
      ids.length === 0 ? [] : db.read('getUsers', (s) => userRows.all(s, 'SELECT * FROM users WHERE id IN (SELECT value FROM json_each(?))', jsonList([...new Set(ids)]))),
    findUserByOpenid: (openid) => one('findUserByOpenid', 'SELECT * FROM users WHERE openid = ?', openid),
    findUserByWebUid: (webUid) => one('findUserByWebUid', 'SELECT * FROM users WHERE web_uid = ?', webUid),
    async putUser(u) {
      const row = userRows.toRow(u)
      return db.write('putUser', (s) => put(s, u, row))
    },
    async replaceUser(next, expected) {
      if (next.id !== expected.id) throw new Error('replaceUser: next and expected are different users')
      const want = canonical(expected)
      const row = userRows.toRow(next)
      return db.write('replaceUser', (s) => {
        const current = userRows.one(s, 'SELECT * FROM users WHERE id = ?', next.id)
        if (!current || canonical(current) !== want) return false
        put(s, next, row)
        return true
      })
    },
    listUsers: () => db.read('listUsers', (s) => userRows.all(s, 'SELECT * FROM users ORDER BY id')),
    listStaff: (unitCodes, roles) =>
      db.read('listStaff', (s) => {
        if (unitCodes.length === 0 || roles.length === 0) return []
        const sql = `SELECT * FROM users WHERE id IN (
            SELECT user_id FROM user_grants
            WHERE role IN (SELECT value FROM json_each(?)) AND unit_code IN (SELECT value FROM json_each(?)))
          ORDER BY id`
        return userRows.all(s, sql, jsonList(roles), jsonList(unitCodes))
      }),
  }
}
