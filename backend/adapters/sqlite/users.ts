/** SQLite side of the user aggregate; `user_grants` indexes the grants for the staff lookup. */
import type { UserRepo } from '../../ports'
import { USER_FIELDS } from '../tables'
import { rowMapper, type Row } from './rows'
import { jsonList, type SqliteAccess } from './statements'

export const userRows = rowMapper(USER_FIELDS)
const UPSERT_USER = userRows.upsertSql('users', ['id'])

export function sqliteUsers(db: SqliteAccess): UserRepo {
  const one = (method: string, sql: string, param: string) =>
    db.read(method, (s) => {
      const row = s.get(sql).get(param) as Row | undefined
      return row ? userRows.fromRow(row) : null
    })
  return {
    getUser: (id) => one('getUser', 'SELECT * FROM users WHERE id = ?', id),
    findUserByOpenid: (openid) => one('findUserByOpenid', 'SELECT * FROM users WHERE openid = ?', openid),
    findUserByWebUid: (webUid) => one('findUserByWebUid', 'SELECT * FROM users WHERE web_uid = ?', webUid),
    async putUser(u) {
      const row = userRows.toRow(u)
      return db.write('putUser', (s) => {
        s.get(UPSERT_USER).run(row)
        // The grant index follows the user's grants in the same transaction.
        s.get('DELETE FROM user_grants WHERE user_id = ?').run(u.id)
        const grant = s.get('INSERT OR IGNORE INTO user_grants (role, unit_code, user_id) VALUES (?, ?, ?)')
        for (const g of u.grants) grant.run(g.role, g.unitCode, u.id)
      })
    },
    listUsers: () => db.read('listUsers', (s) => (s.get('SELECT * FROM users ORDER BY id').all() as Row[]).map(userRows.fromRow)),
    listStaff: (unitCodes, roles) =>
      db.read('listStaff', (s) => {
        if (unitCodes.length === 0 || roles.length === 0) return []
        const rows = s
          .get(
            `SELECT * FROM users WHERE id IN (
               SELECT user_id FROM user_grants
               WHERE role IN (SELECT value FROM json_each(?)) AND unit_code IN (SELECT value FROM json_each(?)))
             ORDER BY id`,
          )
          .all(jsonList(roles), jsonList(unitCodes)) as Row[]
        return rows.map(userRows.fromRow)
      }),
  }
}
