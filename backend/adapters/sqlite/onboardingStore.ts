import type Database from 'better-sqlite3'
import type { ConfigVersion, Invitation, RedeemRequest } from '../../onboardingPorts'
import { redeemedBy } from '../../onboardingPorts'
import { jsonList } from './caseQuery'

/** What the store's statement caches offer: one prepared statement per SQL text. */
interface Statements {
  get(sql: string): Database.Statement
}

interface InvitationRow {
  id: string
  code_hash: string
  user_id: string
  created_by: string
  created_at: string
  expires_at: string
  used_at: string | null
  used_by: string | null
  revoked_at: string | null
}

interface ConfigVersionRow {
  version: number
  config: string
  changes: string
  author_id: string
  at: string
}

const iso = (s: string) => new Date(s).toISOString()
const isoOrNull = (s: string | null) => (s === null ? null : iso(s))

function rowToInvitation(r: InvitationRow): Invitation {
  return { id: r.id, codeHash: r.code_hash, userId: r.user_id, createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at, usedBy: r.used_by, revokedAt: r.revoked_at }
}

function rowToVersion(r: ConfigVersionRow): ConfigVersion {
  return { version: r.version, config: JSON.parse(r.config), changes: JSON.parse(r.changes), authorId: r.author_id, at: r.at }
}

export function putInvitation(s: Statements, i: Invitation): void {
  s.get(
    `INSERT INTO invitations (id, code_hash, user_id, created_by, created_at, expires_at, used_at, used_by, revoked_at)
     VALUES (@id, @code_hash, @user_id, @created_by, @created_at, @expires_at, @used_at, @used_by, @revoked_at)
     ON CONFLICT (id) DO UPDATE SET used_at = excluded.used_at, used_by = excluded.used_by, revoked_at = excluded.revoked_at, expires_at = excluded.expires_at`,
  ).run({
    id: i.id,
    code_hash: i.codeHash,
    user_id: i.userId,
    created_by: i.createdBy,
    created_at: iso(i.createdAt),
    expires_at: iso(i.expiresAt),
    used_at: isoOrNull(i.usedAt),
    used_by: i.usedBy,
    revoked_at: isoOrNull(i.revokedAt),
  })
}

export function getInvitationByHash(s: Statements, codeHash: string): Invitation | null {
  const row = s.get('SELECT * FROM invitations WHERE code_hash = ?').get(codeHash) as InvitationRow | undefined
  return row ? rowToInvitation(row) : null
}

export function getInvitation(s: Statements, id: string): Invitation | null {
  const row = s.get('SELECT * FROM invitations WHERE id = ?').get(id) as InvitationRow | undefined
  return row ? rowToInvitation(row) : null
}

export function listInvitations(s: Statements, userId?: string): Invitation[] {
  const rows = (userId === undefined
    ? s.get('SELECT * FROM invitations ORDER BY id DESC LIMIT 500').all()
    : s.get('SELECT * FROM invitations WHERE user_id = ? ORDER BY id DESC LIMIT 500').all(userId)) as InvitationRow[]
  return rows.map(rowToInvitation)
}

/** Runs inside the store's write transaction, so the three updates commit together. */
export function redeemInvitation(s: Statements, r: RedeemRequest): boolean {
  const at = iso(r.at)
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

export function deleteUnits(s: Statements, codes: readonly string[]): void {
  s.get('DELETE FROM units WHERE code IN (SELECT value FROM json_each(?))').run(jsonList(codes))
}

export function addConfigVersion(s: Statements, v: ConfigVersion): boolean {
  return (
    s
      .get('INSERT INTO config_versions (version, config, changes, author_id, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(v.version, JSON.stringify(v.config), JSON.stringify(v.changes), v.authorId, iso(v.at)).changes === 1
  )
}

export function listConfigVersions(s: Statements, limit = 50): ConfigVersion[] {
  const n = Math.min(500, Math.max(1, Math.floor(limit)))
  return (s.get('SELECT * FROM config_versions ORDER BY version DESC LIMIT ?').all(n) as ConfigVersionRow[]).map(rowToVersion)
}
