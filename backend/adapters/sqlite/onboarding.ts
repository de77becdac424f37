/** SQLite side of the onboarding aggregate: org units, staff invitations and configuration versions. */
import type { OrgUnit } from '../../../src/core/org'
import { redeemedBy, type OnboardingRepo, type RedeemRequest } from '../../ports'
import { CONFIG_VERSION_FIELDS, INVITATION_FIELDS, UNIT_FIELDS } from '../tables'
import { refreshUnitStreets } from './caseStreets'
import { instant, rowMapper } from './rows'
import { jsonList, type SqliteAccess, type Statements } from './statements'

const unitRows = rowMapper(UNIT_FIELDS)
const invitationRows = rowMapper(INVITATION_FIELDS)
const versionRows = rowMapper(CONFIG_VERSION_FIELDS)
const UPSERT_UNIT = unitRows.upsertSql('units', ['code'])
/** A second put of an invitation changes only its state (use, revocation, expiry). */
const UPSERT_INVITATION = invitationRows.upsertSql('invitations', ['id'], ['used_at', 'used_by', 'revoked_at', 'expires_at'])
const INSERT_VERSION = versionRows.insertSql('config_versions', 'ON CONFLICT DO NOTHING')

/** Runs inside the store's write transaction, so the three updates commit together. */
function redeemInvitation(s: Statements, r: RedeemRequest): boolean {
  const at = instant(r.at)
  const found = s.get('SELECT user_id FROM invitations WHERE id = ? AND EXISTS (SELECT 1 FROM users WHERE users.id = invitations.user_id)').get(r.invitationId) as { user_id: string } | undefined
  if (!found) return false
  const taken = s.get('UPDATE invitations SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL').run(at, redeemedBy(r), r.invitationId)
  if (taken.changes !== 1) return false
  const { user_id } = found
  if (r.releaseUserId !== null && r.releaseUserId !== user_id) {
    s.get("UPDATE users SET openid = NULL, grants = '[]' WHERE id = ?").run(r.releaseUserId)
    s.get('DELETE FROM user_grants WHERE user_id = ?').run(r.releaseUserId)
  }
  if (r.webUid) s.get('UPDATE users SET web_uid = ? WHERE id = ?').run(r.webUid, user_id)
  else s.get('UPDATE users SET openid = ? WHERE id = ?').run(r.openid, user_id)
  return true
}

export function sqliteOnboarding(db: SqliteAccess): OnboardingRepo {
  const invitation = (method: string, sql: string, param: string) =>
    db.read(method, (s) => invitationRows.one(s, sql, param))
  const listConfigVersions = (limit = 50) =>
    db.read('listConfigVersions', (s) => {
      const n = Math.min(500, Math.max(1, Math.floor(limit)))
      return versionRows.all(s, 'SELECT * FROM config_versions ORDER BY version DESC LIMIT ?', n)
    })
  return {
    listUnits: () => db.read('listUnits', (s) => unitRows.all(s, 'SELECT * FROM units ORDER BY code')),
    putUnits: (units: readonly OrgUnit[]) =>
      db.write('putUnits', (s) => {
        const upsert = s.get(UPSERT_UNIT)
        for (const u of units) upsert.run(unitRows.toRow(u))
        refreshUnitStreets({ prepare: (sql) => s.get(sql) })
      }),
    /** Removes units (an org import that dropped them). */
    deleteUnits: (codes) =>
      db.write('deleteUnits', (s) => {
        s.get('DELETE FROM units WHERE code IN (SELECT value FROM json_each(?))').run(jsonList(codes))
        refreshUnitStreets({ prepare: (sql) => s.get(sql) })
      }),

    putInvitation: (i) =>
      db.write('putInvitation', (s) => {
        s.get(UPSERT_INVITATION).run(invitationRows.toRow(i))
      }),
    getInvitationByHash: (codeHash) => invitation('getInvitationByHash', 'SELECT * FROM invitations WHERE code_hash = ?', codeHash),
    getInvitation: (id) => invitation('getInvitation', 'SELECT * FROM invitations WHERE id = ?', id),
    listInvitations: (userId) =>
      db.read('listInvitations', (s) =>
        userId === undefined
          ? invitationRows.all(s, 'SELECT * FROM invitations ORDER BY id DESC LIMIT 500')
          : invitationRows.all(s, 'SELECT * FROM invitations WHERE user_id = ? ORDER BY id DESC LIMIT 500', userId),
      ),
    redeemInvitation: (r) => db.write('redeemInvitation', (s) => redeemInvitation(s, r)),

    addConfigVersion: (v) => db.write('addConfigVersion', (s) => s.get(INSERT_VERSION).run(versionRows.toRow(v)).changes === 1),
    latestConfigVersion: async () => (await listConfigVersions(1))[0] ?? null,
    listConfigVersions,
  }
}
