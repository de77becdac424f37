import { AsyncLocalStorage } from 'node:async_hooks'
import Database from 'better-sqlite3'
import type { Case, TimelineEvent } from '../../../src/core/case'
import type { OrgUnit } from '../../../src/core/org'
import type { Role } from '../../../src/core/roles'
import type {
  Announcement,
  CaseMessage,
  CaseQuery,
  CaseStats,
  FileMeta,
  GridBoard,
  InboxItem,
  Membership,
  OutboxMessage,
  Store,
  Tx,
  UploadTicket,
  User,
} from '../../ports'
import type { ConfigVersion, Invitation, RedeemRequest } from '../../onboardingPorts'
import {
  andWhere,
  caseWhere,
  countSql,
  jsonList,
  listSql,
  newestAfter,
  slaAfter,
  type SqlPart,
} from './caseQuery'
import * as onboarding from './onboardingStore'
import { GroupCommit } from './groupCommit'
import { caseStatsSql, emptyStats, rowsToStats, type StatsRow } from './caseStats'
import {
  announcementToRow,
  boardToRow,
  membershipToRow,
  rowToAnnouncement,
  rowToBoard,
  rowToMembership,
  type AnnouncementRow,
  type BoardRow,
  type MembershipRow,
  caseToRow,
  eventToRow,
  fileToRow,
  inboxToRow,
  instant,
  messageToRow,
  rowToCase,
  rowToEvent,
  rowToFile,
  rowToInbox,
  rowToMessage,
  rowToUnit,
  rowToUser,
  unitToRow,
  userToRow,
  type CaseRow,
  type FileRow,
  type InboxRow,
  type OutboxRow,
  type TimelineRow,
  type UnitRow,
  type UserRow,
} from './mappers'
import { applyMigrations } from './migrations'
import { AsyncMutex } from './mutex'
import { guard } from './sqliteErrors'
import * as rental from './rentalStore'
import type { AuditEntry, Building, FireInspection, RegistrationSecret } from '../../rentalPorts'
import { countRateHit } from './rateLimitStore'

export interface SqliteStoreOptions {
  /** How long a write waits for a lock held by another connection before failing as unavailable. */
  busyTimeoutMs?: number
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000

type Db = Database.Database

const INSERT_CASE = `INSERT INTO cases (id, kind, status, unit_code, grid_code, assignee_id, category, payload,
  creator_id, idempotency_key, created_at, updated_at, sla_deadline, version)
  VALUES (@id, @kind, @status, @unit_code, @grid_code, @assignee_id, @category, @payload,
  @creator_id, @idempotency_key, @created_at, @updated_at, @sla_deadline, @version)`

const UPDATE_CASE = `UPDATE cases SET kind = @kind, status = @status, unit_code = @unit_code, grid_code = @grid_code,
  assignee_id = @assignee_id, category = @category, payload = @payload, creator_id = @creator_id,
  idempotency_key = @idempotency_key, created_at = @created_at, updated_at = @updated_at,
  sla_deadline = @sla_deadline, version = @version
  WHERE id = @id AND version = @expected_version`

const INSERT_EVENT = `INSERT INTO timeline (id, case_id, actor_id, actor_role, action, from_status, to_status, note, attachments, at, visibility)
  VALUES (@id, @case_id, @actor_id, @actor_role, @action, @from_status, @to_status, @note, @attachments, @at, @visibility)`

const INSERT_MESSAGE = `INSERT INTO outbox (id, topic, key, payload, created_at, attempts, next_attempt_at, delivered_at, last_error)
  VALUES (@id, @topic, @key, @payload, @created_at, @attempts, @next_attempt_at, @delivered_at, @last_error)`

const UPSERT_USER = `INSERT INTO users (id, name, phone, openid, web_uid, grants, created_at)
  VALUES (@id, @name, @phone, @openid, @web_uid, @grants, @created_at)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, openid = excluded.openid, web_uid = excluded.web_uid,
  grants = excluded.grants, created_at = excluded.created_at`

const UPSERT_UNIT = `INSERT INTO units (code, name, level, parent_code, polygon, phone)
  VALUES (@code, @name, @level, @parent_code, @polygon, @phone)
  ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
  polygon = excluded.polygon, phone = excluded.phone`

const UPSERT_FILE = `INSERT INTO files (id, owner_id, content_type, size, storage_key, created_at)
  VALUES (@id, @owner_id, @content_type, @size, @storage_key, @created_at)
  ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, content_type = excluded.content_type,
  size = excluded.size, storage_key = excluded.storage_key, created_at = excluded.created_at`

const INSERT_INBOX = `INSERT INTO inbox (id, user_id, case_id, title, body, created_at, read_at)
  VALUES (@id, @user_id, @case_id, @title, @body, @created_at, @read_at)
  ON CONFLICT (id) DO NOTHING`

export const INBOX_DEFAULT_LIMIT = 20
export const INBOX_MAX_LIMIT = 100

function clampInboxLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return INBOX_DEFAULT_LIMIT
  return Math.min(INBOX_MAX_LIMIT, Math.max(1, Math.floor(limit)))
}

export const ANNOUNCEMENT_DEFAULT_LIMIT = 20
export const ANNOUNCEMENT_MAX_LIMIT = 100
export const MEMBERSHIP_DEFAULT_LIMIT = 500

function clampAnnouncementLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return ANNOUNCEMENT_DEFAULT_LIMIT
  return Math.min(ANNOUNCEMENT_MAX_LIMIT, Math.max(1, Math.floor(limit)))
}

const UPSERT_BOARD = `INSERT INTO grid_boards (grid_code, scope, households, team, services, office_hours, join_policy, qr, updated_at)
  VALUES (@grid_code, @scope, @households, @team, @services, @office_hours, @join_policy, @qr, @updated_at)
  ON CONFLICT (grid_code) DO UPDATE SET scope = excluded.scope, households = excluded.households, team = excluded.team,
  services = excluded.services, office_hours = excluded.office_hours, join_policy = excluded.join_policy,
  qr = excluded.qr, updated_at = excluded.updated_at`

const UPSERT_MEMBERSHIP = `INSERT INTO memberships (grid_code, user_id, status, building, requested_at, decided_at, decided_by)
  VALUES (@grid_code, @user_id, @status, @building, @requested_at, @decided_at, @decided_by)
  ON CONFLICT (grid_code, user_id) DO UPDATE SET status = excluded.status, building = excluded.building,
  requested_at = excluded.requested_at, decided_at = excluded.decided_at, decided_by = excluded.decided_by`

const INSERT_ANNOUNCEMENT = `INSERT INTO announcements (id, author_id, idempotency_key, type, title, body, grid_codes, scope_label, published_at)
  VALUES (@id, @author_id, @idempotency_key, @type, @title, @body, @grid_codes, @scope_label, @published_at)`

/** The query of listAnnouncements (exported so a test can check its plan uses the target indexes). */
export function listAnnouncementsSql(
  gridCodes: readonly string[],
  opts: { before?: string; limit?: number; type?: string },
): { sql: string; params: unknown[] } {
  const conds = ['grid_code IN (SELECT value FROM json_each(?))']
  const params: unknown[] = [jsonList(gridCodes)]
  if (opts.type !== undefined) {
    conds.push('type = ?')
    params.push(opts.type)
  }
  if (opts.before !== undefined) {
    conds.push('announcement_id < ?')
    params.push(opts.before)
  }
  params.push(clampAnnouncementLimit(opts.limit))
  const sql = `SELECT a.* FROM announcements a WHERE a.id IN (
      SELECT DISTINCT announcement_id FROM announcement_targets WHERE ${conds.join(' AND ')}
      ORDER BY announcement_id DESC LIMIT ?)
    ORDER BY a.id DESC`
  return { sql, params }
}

/**
 * Per key only the oldest undelivered message may go, and only once it is due: a later
 * message of a key never overtakes an earlier one that keeps failing.
 */
const DUE_MESSAGES = `SELECT o.* FROM outbox o
  WHERE o.delivered_at IS NULL AND o.next_attempt_at <= ?
    AND NOT EXISTS (
      SELECT 1 FROM outbox p
      WHERE p.key = o.key AND p.delivered_at IS NULL
        AND (p.created_at < o.created_at OR (p.created_at = o.created_at AND p.seq < o.seq)))
  ORDER BY o.created_at, o.seq
  LIMIT ?`

/** Prepared statements are compiled once per connection and SQL text. */
class StatementCache {
  private readonly cache = new Map<string, Database.Statement>()
  constructor(private readonly db: Db) {}
  get(sql: string): Database.Statement {
    let s = this.cache.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.cache.set(sql, s)
    }
    return s
  }
}

/** Writes of one transaction; refuses use once the transaction has finished. */
class SqliteTx implements Tx {
  private active = true

  constructor(private readonly statements: StatementCache) {}

  finish(): void {
    this.active = false
  }

  private use<T>(fn: (s: StatementCache) => T): Promise<T> {
    if (!this.active) return Promise.reject(new Error('transaction already finished; the tx object escaped its work'))
    try {
      return Promise.resolve(guard(() => fn(this.statements)))
    } catch (e) {
      return Promise.reject(e)
    }
  }

  getCase(id: string): Promise<Case | null> {
    return this.use((s) => {
      const row = s.get('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined
      return row ? rowToCase(row) : null
    })
  }

  insertCase(c: Case): Promise<void> {
    return this.use((s) => {
      s.get(INSERT_CASE).run(caseToRow(c))
    })
  }

  updateCase(c: Case, expectedVersion: number): Promise<boolean> {
    return this.use((s) => s.get(UPDATE_CASE).run({ ...caseToRow(c), expected_version: expectedVersion }).changes === 1)
  }

  appendEvent(e: TimelineEvent): Promise<void> {
    return this.use((s) => {
      s.get(INSERT_EVENT).run(eventToRow(e))
    })
  }

  claimIdempotency(creatorId: string, key: string, caseId: string): Promise<string | null> {
    // Transactions are serialised (mutex in-process, BEGIN IMMEDIATE across processes), so
    // insert-or-read cannot race with another claim of the same key.
    return this.use((s) => {
      const inserted = s
        .get('INSERT INTO idempotency (creator_id, key, case_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
        .run(creatorId, key, caseId)
      if (inserted.changes === 1) return null
      const row = s.get('SELECT case_id FROM idempotency WHERE creator_id = ? AND key = ?').get(creatorId, key) as {
        case_id: string
      }
      return row.case_id
    })
  }

  enqueue(msg: OutboxMessage): Promise<void> {
    return this.use((s) => {
      s.get(INSERT_MESSAGE).run(messageToRow(msg))
    })
  }

  insertBuilding = (b: Building) => this.use((s) => rental.insertBuilding(s, b))
  setBuildingInspected = (id: string, at: string) => this.use((s) => rental.setBuildingInspected(s, id, at))
  insertInspection = (i: FireInspection) => this.use((s) => rental.insertInspection(s, i))
  putSecret = (x: RegistrationSecret) => this.use((s) => rental.putSecret(s, x))
  getSecret = (caseId: string) => this.use((s) => rental.getSecret(s, caseId))
  appendAudit = (e: AuditEntry) => this.use((s) => rental.appendAudit(s, e))
  liveDocumentHolder = (h: string) => this.use((s) => rental.liveDocumentHolder(s, h))
  setLiveDocumentHolder = (h: string, caseId: string) => this.use((s) => rental.setLiveDocumentHolder(s, h, caseId))
  releaseLiveDocument = (h: string, caseId: string) => this.use((s) => rental.releaseLiveDocument(s, h, caseId))
  countRateHit(subject: string, action: string, windowStart: string, max: number): Promise<boolean> {
    return this.use((s) => countRateHit(s, subject, action, windowStart, max))
  }
}

/**
 * Store on one SQLite file with two connections:
 * - the writer runs every write, one transaction at a time (async mutex + BEGIN IMMEDIATE);
 * - the reader serves reads outside transactions. With WAL it sees the last committed state
 *   only, so a read that happens while a transaction is awaiting never observes its
 *   uncommitted (possibly rolled-back) rows, and reads never queue behind a slow transaction.
 */
/**
 * Page cache and memory map per connection. SQLite's default 2 MB cache makes a queue page over a
 * district-sized table (a million cases, ~1 GB) read most pages with a syscall each; the map lets
 * reads come straight from the OS page cache. Both are limits, not allocations.
 */
export const CACHE_PRAGMAS = ['cache_size = -65536', 'mmap_size = 1073741824'] as const

function tuneCache(db: Db): void {
  for (const p of CACHE_PRAGMAS) db.pragma(p)
}

export class SqliteStore implements Store {
  readonly name = 'sqlite'
  private readonly mutex = new AsyncMutex()
  /** Marks async work running inside one of this store's transactions. */
  private readonly txScope = new AsyncLocalStorage<true>()
  private readonly writes: StatementCache
  private readonly reads: StatementCache
  private readonly group: GroupCommit
  private closed = false

  private constructor(
    readonly file: string,
    private readonly writer: Db,
    private readonly reader: Db,
    private readonly onClose: () => void,
  ) {
    this.writes = new StatementCache(writer)
    this.reads = new StatementCache(reader)
    this.group = new GroupCommit(writer, (fn) => this.mutex.run(fn))
  }

  /** Opens (creating and migrating when needed) the database file. Prefer openSqliteStore. */
  static open(file: string, options: SqliteStoreOptions = {}, onClose: () => void = () => {}): SqliteStore {
    const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
    const writer = guard(() => new Database(file))
    let reader: Db | undefined
    try {
      guard(() => {
        writer.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`)
        const mode = writer.pragma('journal_mode = WAL', { simple: true })
        if (String(mode).toLowerCase() !== 'wal') throw new Error(`could not switch ${file} to WAL (got ${String(mode)})`)
        // NORMAL with WAL: a committed transaction survives a crash or kill -9 of the process
        // (the WAL is in the OS page cache) but may be lost on power failure or OS crash.
        // Process death is the fault we design for; FULL would fsync on every commit.
        writer.pragma('synchronous = NORMAL')
        writer.pragma('foreign_keys = ON')
        // Deleted and overwritten rows are zeroed, not left in free pages: a phone sealed by a
        // migration (or a purged identity number) must not stay readable in the file.
        writer.pragma('secure_delete = ON')
        // The WAL then holds no frame of what the migrations replaced.
        if (applyMigrations(writer).length > 0) writer.pragma('wal_checkpoint(TRUNCATE)')
        reader = new Database(file, { readonly: true, fileMustExist: true })
        reader.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`)
        for (const db of [writer, reader]) tuneCache(db)
      })
    } catch (e) {
      reader?.close()
      writer.close()
      throw e
    }
    return new SqliteStore(file, writer, reader as Db, onClose)
  }

  // ---- plumbing ----

  private assertUsable(method: string): void {
    if (this.closed) throw new Error(`store.${method} called after close()`)
    if (this.txScope.getStore()) {
      // The mutex is held by the enclosing transaction: waiting for it would never return.
      throw new Error(`store.${method} called inside a transaction; use the tx argument instead`)
    }
  }

  private async read<T>(method: string, fn: (s: StatementCache) => T): Promise<T> {
    if (this.closed) throw new Error(`store.${method} called after close()`)
    return guard(() => fn(this.reads))
  }

  /** A write outside `transaction`: still serialised, and atomic on its own. */
  private async write<T>(method: string, fn: (s: StatementCache) => T): Promise<T> {
    this.assertUsable(method)
    return this.mutex.run(async () => guard(() => this.writer.transaction(() => fn(this.writes)).immediate()))
  }

  /** Committed together with the transactions queued behind it (groupCommit.ts). */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    this.assertUsable('transaction')
    return this.group.run(async () => {
      const tx = new SqliteTx(this.writes)
      try {
        return await this.txScope.run(true, () => work(tx))
      } finally {
        tx.finish()
      }
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.onClose()
    // Transactions queued before close still run; then the connections go.
    await this.group.settled()
    await this.mutex.run(async () => {
      this.reader.close()
      this.writer.close()
    })
  }

  // ---- cases ----

  getCase(id: string): Promise<Case | null> {
    return this.read('getCase', (s) => {
      const row = s.get('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined
      return row ? rowToCase(row) : null
    })
  }

  listCases(q: CaseQuery): Promise<Case[]> {
    return this.read('listCases', (s) => {
      let where: SqlPart | null = caseWhere(q)
      if (where === null) return []
      const sla = q.order === 'sla'
      if (q.before !== undefined) {
        if (sla) {
          const cursor = s.get('SELECT id, sla_deadline FROM cases WHERE id = ?').get(q.before) as
            | { id: string; sla_deadline: string | null }
            | undefined
          // Cases are never deleted, so an unknown cursor did not come from a previous page.
          if (!cursor) return []
          where = andWhere(where, slaAfter({ id: cursor.id, slaDeadline: cursor.sla_deadline }))
        } else {
          where = andWhere(where, newestAfter(q.before))
        }
      }
      const list = listSql(where, q.order, q.limit)
      const rows = s.get(list.sql).all(...list.params) as CaseRow[]
      return rows.map(rowToCase)
    })
  }

  countCases(q: CaseQuery): Promise<number> {
    return this.read('countCases', (s) => {
      const where = caseWhere(q)
      if (where === null) return 0
      const count = countSql(where)
      const row = s.get(count.sql).get(...count.params) as { n: number }
      return row.n
    })
  }

  timeline(caseId: string): Promise<TimelineEvent[]> {
    return this.read('timeline', (s) => {
      const rows = s.get('SELECT * FROM timeline WHERE case_id = ? ORDER BY seq').all(caseId) as TimelineRow[]
      return rows.map(rowToEvent)
    })
  }

  claimedCase(creatorId: string, key: string): Promise<string | null> {
    return this.read('claimedCase', (s) => {
      const row = s.get('SELECT case_id FROM idempotency WHERE creator_id = ? AND key = ?').get(creatorId, key) as { case_id: string } | undefined
      return row?.case_id ?? null
    })
  }

  findCaseByIdempotency(creatorId: string, key: string): Promise<Case | null> {
    return this.read('findCaseByIdempotency', (s) => {
      const row = s.get('SELECT * FROM cases WHERE creator_id = ? AND idempotency_key = ?').get(creatorId, key) as
        | CaseRow
        | undefined
      return row ? rowToCase(row) : null
    })
  }

  // ---- users ----

  getUser(id: string): Promise<User | null> {
    return this.read('getUser', (s) => {
      const row = s.get('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
      return row ? rowToUser(row) : null
    })
  }

  findUserByOpenid(openid: string): Promise<User | null> {
    return this.read('findUserByOpenid', (s) => {
      const row = s.get('SELECT * FROM users WHERE openid = ?').get(openid) as UserRow | undefined
      return row ? rowToUser(row) : null
    })
  }

  findUserByWebUid(webUid: string): Promise<User | null> {
    return this.read('findUserByWebUid', (s) => {
      const row = s.get('SELECT * FROM users WHERE web_uid = ?').get(webUid) as UserRow | undefined
      return row ? rowToUser(row) : null
    })
  }

  putUser(u: User): Promise<void> {
    const row = userToRow(u)
    return this.write('putUser', (s) => {
      s.get(UPSERT_USER).run(row)
      // The grant index follows the user's grants in the same transaction.
      s.get('DELETE FROM user_grants WHERE user_id = ?').run(u.id)
      const grant = s.get('INSERT OR IGNORE INTO user_grants (role, unit_code, user_id) VALUES (?, ?, ?)')
      for (const g of u.grants) grant.run(g.role, g.unitCode, u.id)
    })
  }

  listStaff(unitCodes: readonly string[], roles: readonly Role[]): Promise<User[]> {
    return this.read('listStaff', (s) => {
      if (unitCodes.length === 0 || roles.length === 0) return []
      const rows = s
        .get(
          `SELECT * FROM users WHERE id IN (
             SELECT user_id FROM user_grants
             WHERE role IN (SELECT value FROM json_each(?)) AND unit_code IN (SELECT value FROM json_each(?)))
           ORDER BY id`,
        )
        .all(jsonList(roles), jsonList(unitCodes)) as UserRow[]
      return rows.map(rowToUser)
    })
  }

  listUsers(): Promise<User[]> {
    return this.read('listUsers', (s) => (s.get('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(rowToUser))
  }

  // ---- units ----

  listUnits(): Promise<OrgUnit[]> {
    return this.read('listUnits', (s) => (s.get('SELECT * FROM units ORDER BY code').all() as UnitRow[]).map(rowToUnit))
  }

  putUnits(units: readonly OrgUnit[]): Promise<void> {
    return this.write('putUnits', (s) => {
      const upsert = s.get(UPSERT_UNIT)
      for (const u of units) upsert.run(unitToRow(u))
    })
  }

  // ---- onboarding (issue 8): invitations, unit removal, configuration versions ----

  putInvitation(i: Invitation): Promise<void> {
    return this.write('putInvitation', (s) => onboarding.putInvitation(s, i))
  }
  getInvitationByHash(codeHash: string): Promise<Invitation | null> {
    return this.read('getInvitationByHash', (s) => onboarding.getInvitationByHash(s, codeHash))
  }
  getInvitation(id: string): Promise<Invitation | null> {
    return this.read('getInvitation', (s) => onboarding.getInvitation(s, id))
  }
  listInvitations(userId?: string): Promise<Invitation[]> {
    return this.read('listInvitations', (s) => onboarding.listInvitations(s, userId))
  }
  redeemInvitation(r: RedeemRequest): Promise<boolean> {
    return this.write('redeemInvitation', (s) => onboarding.redeemInvitation(s, r))
  }
  deleteUnits(codes: readonly string[]): Promise<void> {
    return this.write('deleteUnits', (s) => onboarding.deleteUnits(s, codes))
  }
  addConfigVersion(v: ConfigVersion): Promise<boolean> {
    return this.write('addConfigVersion', (s) => onboarding.addConfigVersion(s, v))
  }
  async latestConfigVersion(): Promise<ConfigVersion | null> {
    return (await this.listConfigVersions(1))[0] ?? null
  }
  listConfigVersions(limit?: number): Promise<ConfigVersion[]> {
    return this.read('listConfigVersions', (s) => onboarding.listConfigVersions(s, limit))
  }

  // ---- files ----

  putFileMeta(f: FileMeta): Promise<void> {
    return this.write('putFileMeta', (s) => {
      s.get(UPSERT_FILE).run(fileToRow(f))
    })
  }

  getFileMeta(id: string): Promise<FileMeta | null> {
    return this.read('getFileMeta', (s) => {
      const row = s.get('SELECT * FROM files WHERE id = ?').get(id) as FileRow | undefined
      return row ? rowToFile(row) : null
    })
  }

  putUploadTicket(t: UploadTicket): Promise<void> {
    return this.write('putUploadTicket', (s) => {
      // Tickets live minutes; those a day past their expiry are dropped as new ones come.
      s.get('DELETE FROM upload_tickets WHERE expires_at < ?').run(new Date(Date.parse(t.expiresAt) - 86_400_000).toISOString())
      s.get('INSERT INTO upload_tickets (path_hash, owner_id, expires_at, used_at) VALUES (?, ?, ?, NULL)').run(t.pathHash, t.ownerId, instant(t.expiresAt))
    })
  }

  useUploadTicket(pathHash: string, ownerId: string, now: string): Promise<boolean> {
    return this.write('useUploadTicket', (s) => {
      const sql = 'UPDATE upload_tickets SET used_at = @now WHERE path_hash = @pathHash AND owner_id = @ownerId AND used_at IS NULL AND expires_at > @now'
      return s.get(sql).run({ now: instant(now), pathHash, ownerId }).changes === 1
    })
  }

  // ---- stats ----

  caseStats(q: CaseQuery, now: string, terminalStatuses: readonly string[]): Promise<CaseStats> {
    return this.read('caseStats', (s) => {
      const stmt = caseStatsSql(q, now, terminalStatuses)
      if (stmt === null) return emptyStats()
      return rowsToStats(s.get(stmt.sql).all(...stmt.params) as StatsRow[])
    })
  }

  // ---- inbox ----

  async addInbox(items: readonly InboxItem[]): Promise<void> {
    // Rows are mapped first, so an item with a bad instant fails before anything is written.
    const rows = items.map(inboxToRow)
    if (rows.length === 0) return this.read('addInbox', () => undefined)
    return this.write('addInbox', (s) => {
      const insert = s.get(INSERT_INBOX)
      for (const r of rows) insert.run(r)
    })
  }

  listInbox(userId: string, opts: { before?: string; limit?: number } = {}): Promise<InboxItem[]> {
    return this.read('listInbox', (s) => {
      const limit = clampInboxLimit(opts.limit)
      const rows = (
        opts.before === undefined
          ? s.get('SELECT * FROM inbox WHERE user_id = ? ORDER BY id DESC LIMIT ?').all(userId, limit)
          : s.get('SELECT * FROM inbox WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?').all(userId, opts.before, limit)
      ) as InboxRow[]
      return rows.map(rowToInbox)
    })
  }

  countUnread(userId: string): Promise<number> {
    return this.read('countUnread', (s) => {
      const row = s.get('SELECT COUNT(*) AS n FROM inbox WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number }
      return row.n
    })
  }

  async markInboxRead(userId: string, ids: readonly string[] | 'all', at: string): Promise<number> {
    const readAt = instant(at)
    if (ids !== 'all' && ids.length === 0) return this.read('markInboxRead', () => 0)
    // Only the user's own unread items: another user's ids and already-read items (whose first
    // read time stands) change nothing and are not counted.
    return this.write('markInboxRead', (s) =>
      ids === 'all'
        ? s.get('UPDATE inbox SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(readAt, userId).changes
        : s
            .get('UPDATE inbox SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (SELECT value FROM json_each(?))')
            .run(readAt, userId, jsonList(ids)).changes,
    )
  }

  // ---- follows ----

  async follow(caseId: string, userId: string, at: string): Promise<void> {
    const followedAt = instant(at)
    // Following again keeps the first time, and so the place in the followers' order.
    return this.write('follow', (s) => {
      s.get('INSERT INTO follows (case_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(
        caseId,
        userId,
        followedAt,
      )
    })
  }

  async addMessage(m: CaseMessage): Promise<void> {
    const at = instant(m.at)
    return this.write('addMessage', (s) => {
      s.get('INSERT INTO messages (id, case_id, author_id, author_role, text, photos, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        m.id,
        m.caseId,
        m.authorId,
        m.authorRole,
        m.text,
        JSON.stringify(m.photos),
        at,
      )
    })
  }

  listMessages(caseId: string, opts: { after?: string }): Promise<CaseMessage[]> {
    return this.read('listMessages', (s) => {
      const rows = s
        .get('SELECT * FROM messages WHERE case_id = ? AND id > ? ORDER BY id LIMIT 500')
        .all(caseId, opts.after ?? '') as Array<{ id: string; case_id: string; author_id: string; author_role: string; text: string; photos: string; at: string }>
      return rows.map((r) => ({ id: r.id, caseId: r.case_id, authorId: r.author_id, authorRole: r.author_role, text: r.text, photos: JSON.parse(r.photos) as string[], at: r.at }))
    })
  }

  followedBy(userId: string): Promise<string[]> {
    return this.read('followedBy', (s) => {
      const rows = s.get('SELECT case_id FROM follows WHERE user_id = ? ORDER BY created_at DESC, case_id DESC LIMIT 500').all(userId) as Array<{ case_id: string }>
      return rows.map((r) => r.case_id)
    })
  }

  followers(caseId: string): Promise<string[]> {
    return this.read('followers', (s) => {
      const rows = s.get('SELECT user_id FROM follows WHERE case_id = ? ORDER BY created_at, user_id').all(caseId) as Array<{
        user_id: string
      }>
      return rows.map((r) => r.user_id)
    })
  }

  // ---- grid boards and memberships ----

  getBoard(gridCode: string): Promise<GridBoard | null> {
    return this.read('getBoard', (s) => {
      const row = s.get('SELECT * FROM grid_boards WHERE grid_code = ?').get(gridCode) as BoardRow | undefined
      return row ? rowToBoard(row) : null
    })
  }

  async putBoard(b: GridBoard): Promise<void> {
    const row = boardToRow(b)
    return this.write('putBoard', (s) => {
      s.get(UPSERT_BOARD).run(row)
    })
  }

  getMembership(gridCode: string, userId: string): Promise<Membership | null> {
    return this.read('getMembership', (s) => {
      const row = s.get('SELECT * FROM memberships WHERE grid_code = ? AND user_id = ?').get(gridCode, userId) as
        | MembershipRow
        | undefined
      return row ? rowToMembership(row) : null
    })
  }

  async putMembership(m: Membership): Promise<void> {
    const row = membershipToRow(m)
    return this.write('putMembership', (s) => {
      s.get(UPSERT_MEMBERSHIP).run(row)
    })
  }

  /** Oldest request first, user id breaking ties; a limit that is not a positive number means the default. */
  listMemberships(gridCode: string, status: Membership['status'], limit?: number): Promise<Membership[]> {
    return this.read('listMemberships', (s) => {
      const n = limit === undefined || !Number.isFinite(limit) || limit < 1 ? MEMBERSHIP_DEFAULT_LIMIT : Math.floor(limit)
      const rows = s
        .get('SELECT * FROM memberships WHERE grid_code = ? AND status = ? ORDER BY requested_at, user_id LIMIT ?')
        .all(gridCode, status, n) as MembershipRow[]
      return rows.map(rowToMembership)
    })
  }

  /** A grid named twice counts once. */
  countMemberships(gridCodes: readonly string[], status: Membership['status']): Promise<number> {
    return this.read('countMemberships', (s) => {
      if (gridCodes.length === 0) return 0
      const row = s
        .get('SELECT COUNT(*) AS n FROM memberships WHERE grid_code IN (SELECT value FROM json_each(?)) AND status = ?')
        .get(jsonList(gridCodes), status) as { n: number }
      return row.n
    })
  }

  /** Every status, oldest request first (grid code breaking ties). */
  membershipsOf(userId: string): Promise<Membership[]> {
    return this.read('membershipsOf', (s) => {
      const rows = s.get('SELECT * FROM memberships WHERE user_id = ? ORDER BY requested_at, grid_code').all(userId) as MembershipRow[]
      return rows.map(rowToMembership)
    })
  }

  // ---- announcements ----

  /**
   * The lookup and the inserts share one write transaction, and writes are serialised, so two
   * concurrent adds with one (author, key) store one announcement and both return it.
   */
  async addAnnouncement(a: Announcement): Promise<Announcement> {
    const row = announcementToRow(a)
    return this.write('addAnnouncement', (s) => {
      const first = s.get('SELECT * FROM announcements WHERE author_id = ? AND idempotency_key = ?').get(
        a.authorId,
        a.idempotencyKey,
      ) as AnnouncementRow | undefined
      if (first) return rowToAnnouncement(first)
      s.get(INSERT_ANNOUNCEMENT).run(row)
      const target = s.get(
        'INSERT INTO announcement_targets (grid_code, announcement_id, type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      )
      for (const g of a.gridCodes) target.run(g, a.id, a.type)
      return rowToAnnouncement(row)
    })
  }

  getAnnouncement(id: string): Promise<Announcement | null> {
    return this.read('getAnnouncement', (s) => {
      const row = s.get('SELECT * FROM announcements WHERE id = ?').get(id) as AnnouncementRow | undefined
      return row ? rowToAnnouncement(row) : null
    })
  }

  /**
   * Distinct ids from the per-grid index ranges, newest first, then their rows: an
   * announcement reaching several of the grids appears once.
   */
  listAnnouncements(
    gridCodes: readonly string[],
    opts: { before?: string; limit?: number; type?: Announcement['type'] } = {},
  ): Promise<Announcement[]> {
    return this.read('listAnnouncements', (s) => {
      if (gridCodes.length === 0) return []
      const q = listAnnouncementsSql(gridCodes, opts)
      return (s.get(q.sql).all(...q.params) as AnnouncementRow[]).map(rowToAnnouncement)
    })
  }

  listAnnouncementsBy(authorId: string, opts: { before?: string; limit?: number } = {}): Promise<Announcement[]> {
    return this.read('listAnnouncementsBy', (s) => {
      const limit = clampAnnouncementLimit(opts.limit)
      const rows = (
        opts.before === undefined
          ? s.get('SELECT * FROM announcements WHERE author_id = ? ORDER BY id DESC LIMIT ?').all(authorId, limit)
          : s
              .get('SELECT * FROM announcements WHERE author_id = ? AND id < ? ORDER BY id DESC LIMIT ?')
              .all(authorId, opts.before, limit)
      ) as AnnouncementRow[]
      return rows.map(rowToAnnouncement)
    })
  }

  async markAnnouncementRead(announcementId: string, userId: string, at: string): Promise<void> {
    const readAt = instant(at)
    return this.write('markAnnouncementRead', (s) => {
      s.get('INSERT INTO announcement_reads (announcement_id, user_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(
        announcementId,
        userId,
        readAt,
      )
    })
  }

  /** The read ones among `ids`, in the order of `ids`, each once. */
  readAnnouncements(userId: string, ids: readonly string[]): Promise<string[]> {
    return this.read('readAnnouncements', (s) => {
      if (ids.length === 0) return []
      const rows = s
        .get('SELECT announcement_id FROM announcement_reads WHERE user_id = ? AND announcement_id IN (SELECT value FROM json_each(?))')
        .all(userId, jsonList(ids)) as Array<{ announcement_id: string }>
      const read = new Set(rows.map((r) => r.announcement_id))
      return [...new Set(ids)].filter((id) => read.has(id))
    })
  }

  /** First reads, oldest first (user id breaking ties). */
  announcementReads(announcementId: string): Promise<Array<{ userId: string; readAt: string }>> {
    return this.read('announcementReads', (s) => {
      const rows = s
        .get('SELECT user_id, read_at FROM announcement_reads WHERE announcement_id = ? ORDER BY read_at, user_id')
        .all(announcementId) as Array<{ user_id: string; read_at: string }>
      return rows.map((r) => ({ userId: r.user_id, readAt: r.read_at }))
    })
  }

  // ---- subscribe quota ----

  /** n that is not a positive integer adds nothing (a consent cannot be withdrawn here). */
  async addSubscribeQuota(userId: string, templateId: string, n: number): Promise<void> {
    if (!Number.isInteger(n) || n <= 0) return this.read('addSubscribeQuota', () => undefined)
    return this.write('addSubscribeQuota', (s) => {
      s.get(
        `INSERT INTO subscribe_quota (user_id, template_id, remaining) VALUES (?, ?, ?)
         ON CONFLICT (user_id, template_id) DO UPDATE SET remaining = remaining + excluded.remaining`,
      ).run(userId, templateId, n)
    })
  }

  /** One conditional UPDATE: two callers can never both take the last consent. */
  takeSubscribeQuota(userId: string, templateId: string): Promise<boolean> {
    return this.write('takeSubscribeQuota', (s) => {
      const r = s
        .get('UPDATE subscribe_quota SET remaining = remaining - 1 WHERE user_id = ? AND template_id = ? AND remaining > 0')
        .run(userId, templateId)
      return r.changes === 1
    })
  }

  // ---- rental (rentalStore.ts) ----

  getBuilding = (id: string) => this.read('getBuilding', (s) => rental.getBuilding(s, id))
  getBuildingByCode = (code: string) => this.read('getBuildingByCode', (s) => rental.getBuildingByCode(s, code))
  buildingsOf = (managerId: string) => this.read('buildingsOf', (s) => rental.buildingsOf(s, managerId))
  buildingsInGrids = (gridCodes: readonly string[]) => this.read('buildingsInGrids', (s) => rental.buildingsInGrids(s, gridCodes))
  listInspections = (buildingId: string) => this.read('listInspections', (s) => rental.listInspections(s, buildingId))
  getSecret = (caseId: string) => this.read('getSecret', (s) => rental.getSecret(s, caseId))
  caseIdsByDocHmac = (docHmac: string) => this.read('caseIdsByDocHmac', (s) => rental.caseIdsByDocHmac(s, docHmac))
  listAudit = (unitCodes: readonly string[], opts: { before?: string; limit?: number } = {}) => this.read('listAudit', (s) => rental.listAudit(s, unitCodes, opts))

  // ---- outbox ----

  dueMessages(now: string, limit: number): Promise<OutboxMessage[]> {
    return this.read('dueMessages', (s) => {
      const n = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0
      if (n === 0) return []
      return (s.get(DUE_MESSAGES).all(instant(now), n) as OutboxRow[]).map(rowToMessage)
    })
  }

  markDelivered(id: string, at: string): Promise<void> {
    // The first delivery time stands; a duplicate acknowledgement changes nothing.
    return this.write('markDelivered', (s) => {
      s.get('UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL').run(instant(at), id)
    })
  }

  markFailed(id: string, error: string, nextAttemptAt: string): Promise<void> {
    return this.write('markFailed', (s) => {
      s.get(
        'UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND delivered_at IS NULL',
      ).run(error, instant(nextAttemptAt), id)
    })
  }
}
