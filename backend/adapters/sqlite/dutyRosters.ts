/** SQLite side of the 一键求助 duty rosters: one row per community. */
import type { DutyRosterRepo } from '../../ports'
import { DUTY_ROSTER_FIELDS } from '../tables'
import { rowMapper } from './rows'
import type { SqliteAccess } from './statements'

const rosterRows = rowMapper(DUTY_ROSTER_FIELDS)
const UPSERT_ROSTER = rosterRows.upsertSql('duty_rosters', ['community_code'])

export function sqliteDutyRosters(db: SqliteAccess): DutyRosterRepo {
  return {
    getDutyRoster: (communityCode) =>
      db.read('getDutyRoster', (s) => rosterRows.one(s, 'SELECT * FROM duty_rosters WHERE community_code = ?', communityCode)),
    async putDutyRoster(r) {
      const row = rosterRows.toRow(r)
      return db.write('putDutyRoster', (s) => {
        s.get(UPSERT_ROSTER).run(row)
      })
    },
  }
}
