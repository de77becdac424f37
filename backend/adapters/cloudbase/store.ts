/**
 * Store over the CloudBase document database (`app.database()` of @cloudbase/node-sdk).
 *
 * Consistency rests on three things CloudBase does guarantee: a conditional
 * `where({ _id, version }).update()` touches at most one document atomically; inserting an
 * existing `_id` fails; and a transaction (doc-by-id operations only) commits all or nothing,
 * failing with DATABASE_TRANSACTION_CONFLICT when another writer touched the same document.
 * A conflicting transaction is run again from the start, so `work` must not act outside `tx`.
 */
import type { CollectionReference, Db, Query } from '@cloudbase/database'
import type { Case, TimelineEvent } from '../../../src/core/case'
import type { OrgUnit } from '../../../src/core/org'
import type { Role } from '../../../src/core/roles'
import { StoreUnavailableError } from '../../errors'
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
import { CaseStatsAccumulator } from './caseStats'
import { CloudbaseOnboarding } from './onboardingStore'
import * as rental from './rentalStore'
import type { AuditEntry, Building, FireInspection, RegistrationSecret } from '../../rentalPorts'
import { countRateHitCloudbase } from './rateLimitStore'
import { guard, isDuplicateWrite, mapCloudbaseError } from './cloudbaseErrors'
import { checked, compoundId, conflict, docsOf } from './documents'
import {
  CorruptDocumentError,
  announcementToDoc,
  boardToDoc,
  docToAnnouncement,
  docToBoard,
  docToMembership,
  membershipToDoc,
  grantKey,
  caseToDoc,
  claimToDoc,
  docToCase,
  docToClaim,
  docToEvent,
  docToFile,
  docToInbox,
  docToMessage,
  docToUnit,
  docToUser,
  eventToDoc,
  fileToDoc,
  inboxToDoc,
  instant,
  messageToDoc,
  unitToDoc,
  userToDoc,
  withoutId,
  type Doc,
} from './mappers'

export { checked, compoundId, conflict, docsOf }

export const DEFAULT_PREFIX = 'jf_'
export const COLLECTIONS = [
  'cases',
  'timeline',
  'users',
  'units',
  'files',
  'outbox',
  'idempotency',
  'inbox',
  'follows',
  'subscribe_quota',
  'messages',
  'boards',
  'memberships',
  'announcements',
  'announcement_targets',
  'announcement_reads',
  'invitations',
  'config_versions',
  'buildings',
  'fire_inspections',
  'registration_secrets',
  'audit_log',
  'rate_counters',
  'upload_tickets',
] as const
export type CollectionKey = (typeof COLLECTIONS)[number]

/** Same paging bounds as the SQLite adapter, so both answer a CaseQuery alike. */
export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 200
/** The most documents one CloudBase query returns. */
const PAGE = 1000

export interface CloudbaseStoreOptions {
  /** Collection name prefix (`jf_` in production); tests use a unique one per run. */
  prefix?: string
  /** Runs of a transaction that keeps hitting write conflicts before giving up as unavailable. */
  transactionAttempts?: number
  /** First back-off before rerunning a conflicting transaction; doubles each time, jittered. */
  retryDelayMs?: number
}

/** The part of the SDK's transaction object this adapter uses (the SDK types it as `any`). */
interface SdkTransaction {
  collection(name: string): CollectionReference
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)))
}

/** `_id` of the jf_idempotency document reserving (creatorId, key). */
export function claimId(creatorId: string, key: string): string {
  return compoundId(creatorId, key)
}

/**
 * `_id` of the jf_idempotency document reserving (authorId, key) for an announcement. The
 * extra leading part keeps it apart from case claims of the same user and key.
 */
export function announcementClaimId(authorId: string, key: string): string {
  return compoundId('announcement', authorId, key)
}

/** Same bounds as the SQLite adapter's announcement lists. */
export const ANNOUNCEMENT_DEFAULT_LIMIT = 20
export const ANNOUNCEMENT_MAX_LIMIT = 100
export const MEMBERSHIP_DEFAULT_LIMIT = 500

function clampAnnouncementLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return ANNOUNCEMENT_DEFAULT_LIMIT
  return Math.min(ANNOUNCEMENT_MAX_LIMIT, Math.max(1, Math.floor(limit)))
}

/** Target documents written at once when an announcement is published. */
const TARGET_BATCH = 16

/**
 * Append order for timeline events and outbox messages (CloudBase has no autoincrement):
 * microseconds since the epoch, forced strictly increasing within the process.
 */
let lastSeq = 0
export function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000)
  return lastSeq
}

function isConflict(e: unknown): boolean {
  return e instanceof StoreUnavailableError && e.code === 'DATABASE_TRANSACTION_CONFLICT'
}

export class CloudbaseStore implements Store {
  readonly name = 'cloudbase'
  readonly collections: Record<CollectionKey, string>
  private readonly attempts: number
  private readonly retryDelayMs: number
  private readonly onboarding: CloudbaseOnboarding

  constructor(
    private readonly db: Db,
    options: CloudbaseStoreOptions = {},
  ) {
    const prefix = options.prefix ?? DEFAULT_PREFIX
    this.collections = Object.fromEntries(COLLECTIONS.map((k) => [k, `${prefix}${k}`])) as Record<CollectionKey, string>
    this.attempts = Math.max(1, options.transactionAttempts ?? 4)
    this.retryDelayMs = Math.max(0, options.retryDelayMs ?? 20)
    this.onboarding = new CloudbaseOnboarding(db, this.collections, (work) => this.inTransaction(work))
  }

  private coll(key: CollectionKey): CollectionReference {
    return this.db.collection(this.collections[key])
  }

  /** Creates any missing collection (deploys and test runs; the console or CLI may do it too). */
  async ensureCollections(): Promise<void> {
    for (const key of COLLECTIONS) {
      try {
        await guard(async () => checked(await this.db.createCollection(this.collections[key])))
      } catch (e) {
        if ((e as { code?: unknown }).code !== 'DATABASE_COLLECTION_ALREADY_EXIST') throw e
      }
    }
  }

  /* ------------------------------------------------------------ transactions */

  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.inTransaction((t) => work(new CloudbaseTx(this.collections, t)))
  }

  /** Runs `work` in an SDK transaction, from the start again on a write conflict. */
  private async inTransaction<T>(work: (t: SdkTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const t = (await guard(async () => checked(await this.db.startTransaction()))) as SdkTransaction
      let committed = false
      try {
        const result = await work(t)
        await guard(async () => checked(await t.commit()))
        committed = true
        return result
      } catch (e) {
        if (!committed) await t.rollback().catch(() => undefined)
        if (!isConflict(e) || attempt >= this.attempts) throw e
        // Let the winner commit before reading again; jitter keeps the losers apart.
        const delay = this.retryDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random())
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  /* ------------------------------------------------------------------- cases */

  async getCase(id: string): Promise<Case | null> {
    const docs = docsOf(await guard(() => this.coll('cases').doc(id).get()))
    return docs.length === 0 ? null : docToCase(docs[0])
  }

  /**
   * Filters of `q` as a where-object, or null when it cannot match anything: an empty list
   * filter means "none of these", never "no filter" (a worker with no grids sees no cases).
   */
  caseFilter(q: CaseQuery): Record<string, unknown> | null {
    const _ = this.db.command
    const w: Record<string, unknown> = {}
    if (q.kind !== undefined) w.kind = q.kind
    if (q.creatorId !== undefined) w.creatorId = q.creatorId
    if (q.assigneeId !== undefined) w.assigneeId = q.assigneeId
    if (q.category !== undefined) w.category = q.category
    for (const [field, values] of [
      ['status', q.statuses],
      ['gridCode', q.gridCodes],
      ['unitCode', q.unitCodes],
    ] as const) {
      if (values === undefined) continue
      if (values.length === 0) return null
      w[field] = _.in([...values])
    }
    if (q.ids !== undefined) {
      if (q.ids.length === 0) return null
      w._id = _.in([...q.ids])
    }
    if (q.department !== undefined) w['payload.department'] = q.department
    // Strictly after / before, as the names say.
    const created = [
      ...(q.createdAfter !== undefined ? [_.gt(instant(q.createdAfter))] : []),
      ...(q.createdBefore !== undefined ? [_.lt(instant(q.createdBefore))] : []),
    ]
    if (created.length > 0) w.createdAt = created.length === 1 ? created[0] : created[0].and(created[1])
    // A range on text never matches null, so cases without a deadline are never overdue.
    if (q.slaBefore !== undefined) w.slaDeadline = _.lt(instant(q.slaBefore))
    return w
  }

  async listCases(q: CaseQuery): Promise<Case[]> {
    const filter = this.caseFilter(q)
    if (filter === null) return []
    const limit = clampLimit(q.limit)
    if (q.order === 'sla') return this.listBySla(filter, limit, q.before)

    const _ = this.db.command
    const where = q.before === undefined ? filter : this.also(filter, '_id', _.lt(q.before))
    const res = await guard(() => this.coll('cases').where(where).orderBy('_id', 'desc').limit(limit).get())
    return docsOf(res).map(docToCase)
  }

  /**
   * Deadline order with cases lacking a deadline last and id breaking ties. CloudBase sorts
   * null first, so the two parts are read apart: dated cases, then undated ones.
   */
  private async listBySla(filter: Record<string, unknown>, limit: number, before?: string): Promise<Case[]> {
    const _ = this.db.command
    let cursor: Case | null = null
    if (before !== undefined) {
      cursor = await this.getCase(before)
      if (cursor === null) return []
    }
    const out: Case[] = []

    if (cursor === null || cursor.slaDeadline !== null) {
      const dated =
        cursor === null
          ? this.also(filter, 'slaDeadline', _.neq(null))
          : _.and([
              filter,
              _.or([
                { slaDeadline: _.gt(cursor.slaDeadline as string) },
                { slaDeadline: cursor.slaDeadline as string, _id: _.gt(cursor.id) },
              ]),
            ])
      const res = await guard(() =>
        this.coll('cases').where(dated).orderBy('slaDeadline', 'asc').orderBy('_id', 'asc').limit(limit).get(),
      )
      out.push(...docsOf(res).map(docToCase))
    }
    if (out.length < limit) {
      let undated = this.also(filter, 'slaDeadline', null)
      if (cursor !== null && cursor.slaDeadline === null) undated = this.also(undated, '_id', _.gt(cursor.id))
      const res = await guard(() =>
        this.coll('cases').where(undated).orderBy('_id', 'asc').limit(limit - out.length).get(),
      )
      out.push(...docsOf(res).map(docToCase))
    }
    return out
  }

  /**
   * Conditional write outside a transaction: one atomic `where({ _id, version }).update()`.
   * Not part of the Store port (whose writes go through `transaction`); for single-document
   * moves such as a timer's flag that need no event or outbox message.
   */
  async updateCaseIfVersion(c: Case, expectedVersion: number): Promise<boolean> {
    const _ = this.db.command
    const fields = withoutId(caseToDoc(c))
    // Objects are replaced whole: a plain object would be merged key by key, keeping stale keys.
    fields.payload = _.set(c.payload)
    const res = checked(
      await guard(() =>
        this.coll('cases')
          .where({ _id: c.id, version: expectedVersion })
          .options({ multiple: false })
          .update(fields),
      ),
    )
    return (res as { updated?: unknown }).updated === 1
  }

  /** `filter` and one more condition on `field`, without overwriting a condition already there. */
  private also(filter: Record<string, unknown>, field: string, cond: unknown): Record<string, unknown> {
    if (!(field in filter)) return { ...filter, [field]: cond }
    return this.db.command.and([filter, { [field]: cond }]) as unknown as Record<string, unknown>
  }

  async countCases(q: CaseQuery): Promise<number> {
    const filter = this.caseFilter(q)
    if (filter === null) return 0
    const res = checked(await guard(() => this.coll('cases').where(filter).count()))
    return Number((res as { total?: unknown }).total ?? 0)
  }

  async timeline(caseId: string): Promise<TimelineEvent[]> {
    const q = this.coll('timeline').where({ caseId }).orderBy('seq', 'asc').orderBy('_id', 'asc')
    return (await this.all(q)).map(docToEvent)
  }

  async claimedCase(creatorId: string, key: string): Promise<string | null> {
    const docs = docsOf(await guard(() => this.coll('idempotency').doc(claimId(creatorId, key)).get()))
    return docs.length === 0 ? null : docToClaim(docs[0]).caseId
  }

  async findCaseByIdempotency(creatorId: string, key: string): Promise<Case | null> {
    const res = await guard(() => this.coll('cases').where({ creatorId, idempotencyKey: key }).limit(1).get())
    const docs = docsOf(res)
    return docs.length === 0 ? null : docToCase(docs[0])
  }

  /* ------------------------------------------------------------------- users */

  async getUser(id: string): Promise<User | null> {
    const docs = docsOf(await guard(() => this.coll('users').doc(id).get()))
    return docs.length === 0 ? null : docToUser(docs[0])
  }

  async findUserByOpenid(openid: string): Promise<User | null> {
    const res = await guard(() => this.coll('users').where({ openid }).orderBy('_id', 'asc').limit(1).get())
    const docs = docsOf(res)
    return docs.length === 0 ? null : docToUser(docs[0])
  }

  async findUserByWebUid(webUid: string): Promise<User | null> {
    const docs = docsOf(await guard(() => this.coll('users').where({ webUid }).orderBy('_id', 'asc').limit(1).get()))
    return docs.length === 0 ? null : docToUser(docs[0])
  }

  async putUser(u: User): Promise<void> {
    const doc = userToDoc(u)
    checked(await guard(() => this.coll('users').doc(u.id).set(withoutId(doc))))
  }

  async listUsers(): Promise<User[]> {
    return (await this.all(this.coll('users').orderBy('_id', 'asc'))).map(docToUser)
  }

  async listStaff(unitCodes: readonly string[], roles: readonly Role[]): Promise<User[]> {
    const keys = roles.flatMap((r) => unitCodes.map((u) => grantKey(r, u)))
    if (keys.length === 0) return []
    const _ = this.db.command
    return (await this.all(this.coll('users').where({ grantKeys: _.in(keys) }).orderBy('_id', 'asc'))).map(docToUser)
  }

  /* ------------------------------------------------------------------- units */

  async listUnits(): Promise<OrgUnit[]> {
    return (await this.all(this.coll('units').orderBy('_id', 'asc'))).map(docToUnit)
  }

  /** Upserts each unit; a few at a time, as CloudBase has no bulk upsert. */
  async putUnits(units: readonly OrgUnit[]): Promise<void> {
    const docs = units.map(unitToDoc)
    for (let i = 0; i < docs.length; i += 8) {
      await Promise.all(
        docs
          .slice(i, i + 8)
          .map(async (d) => checked(await guard(() => this.coll('units').doc(d._id as string).set(withoutId(d))))),
      )
    }
  }

  /* ------------------------------------- onboarding: invitations, config versions */

  putInvitation(i: Invitation): Promise<void> {
    return this.onboarding.putInvitation(i)
  }
  getInvitationByHash(codeHash: string): Promise<Invitation | null> {
    return this.onboarding.getInvitationByHash(codeHash)
  }
  getInvitation(id: string): Promise<Invitation | null> {
    return this.onboarding.getInvitation(id)
  }
  listInvitations(userId?: string): Promise<Invitation[]> {
    return this.onboarding.listInvitations(userId)
  }
  redeemInvitation(r: RedeemRequest): Promise<boolean> {
    return this.onboarding.redeemInvitation(r)
  }
  deleteUnits(codes: readonly string[]): Promise<void> {
    return this.onboarding.deleteUnits(codes)
  }
  addConfigVersion(v: ConfigVersion): Promise<boolean> {
    return this.onboarding.addConfigVersion(v)
  }
  latestConfigVersion(): Promise<ConfigVersion | null> {
    return this.onboarding.latestConfigVersion()
  }
  listConfigVersions(limit?: number): Promise<ConfigVersion[]> {
    return this.onboarding.listConfigVersions(limit)
  }

  /* ------------------------------------------------------------------- files */

  async putFileMeta(f: FileMeta): Promise<void> {
    const doc = fileToDoc(f)
    checked(await guard(() => this.coll('files').doc(f.id).set(withoutId(doc))))
  }

  async getFileMeta(id: string): Promise<FileMeta | null> {
    const docs = docsOf(await guard(() => this.coll('files').doc(id).get()))
    return docs.length === 0 ? null : docToFile(docs[0])
  }

  /** One document per ticket, its _id the path's hash; a used ticket keeps `usedAt`. */
  async putUploadTicket(t: UploadTicket): Promise<void> {
    checked(await guard(() => this.coll('upload_tickets').doc(t.pathHash).set({ ownerId: t.ownerId, expiresAt: new Date(t.expiresAt).toISOString(), usedAt: null })))
  }

  async useUploadTicket(pathHash: string, ownerId: string, now: string): Promise<boolean> {
    const _ = this.db.command
    const at = new Date(now).toISOString()
    // One conditional update: of two registrations of one ticket at once, only one matches.
    const res = checked(
      await guard(() =>
        this.coll('upload_tickets')
          .where({ _id: pathHash, ownerId, usedAt: null, expiresAt: _.gt(at) })
          .options({ multiple: false })
          .update({ usedAt: at }),
      ),
    )
    return (res as { updated?: unknown }).updated === 1
  }

  /* ------------------------------------------------------------------- stats */

  async caseStats(q: CaseQuery, now: string, terminalStatuses: readonly string[]): Promise<CaseStats> {
    const acc = new CaseStatsAccumulator(now, terminalStatuses)
    const filter = this.caseFilter(q)
    if (filter === null) return acc.result()
    const docs = await this.all(this.coll('cases').where(filter).orderBy('_id', 'asc'))
    for (const d of docs) acc.add(docToCase(d))
    return acc.result()
  }

  /* ------------------------------------------------------------------- inbox */

  async addInbox(items: readonly InboxItem[]): Promise<void> {
    for (const item of items) {
      try {
        checked(await this.coll('inbox').add(inboxToDoc(item)))
      } catch (e) {
        // Ids are deterministic, so a duplicate is the same item delivered again.
        if (!isDuplicateWrite(e)) throw mapCloudbaseError(e)
      }
    }
  }

  async listInbox(userId: string, opts: { before?: string; limit?: number }): Promise<InboxItem[]> {
    const _ = this.db.command
    let where: Record<string, unknown> = { userId }
    if (opts.before !== undefined) {
      const docs = docsOf(await guard(() => this.coll('inbox').doc(opts.before as string).get()))
      const cursor = docs.length === 0 ? null : docToInbox(docs[0])
      if (cursor === null || cursor.userId !== userId) return []
      where = _.and([
        { userId },
        _.or([{ createdAt: _.lt(cursor.createdAt) }, { createdAt: cursor.createdAt, _id: _.lt(cursor.id) }]),
      ]) as unknown as Record<string, unknown>
    }
    const res = await guard(() =>
      this.coll('inbox').where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(Math.min(Math.max(1, Math.trunc(opts.limit ?? 20)), 100)).get(),
    )
    return docsOf(res).map(docToInbox)
  }

  async countUnread(userId: string): Promise<number> {
    const res = checked(await guard(() => this.coll('inbox').where({ userId, readAt: null }).count()))
    return Number((res as { total?: unknown }).total ?? 0)
  }

  async markInboxRead(userId: string, ids: readonly string[] | 'all', at: string): Promise<number> {
    if (ids !== 'all' && ids.length === 0) return 0
    const _ = this.db.command
    const where: Record<string, unknown> = { userId, readAt: null }
    if (ids !== 'all') where._id = _.in([...ids])
    const res = checked(await guard(() => this.coll('inbox').where(where).update({ readAt: instant(at) })))
    return Number((res as { updated?: unknown }).updated ?? 0)
  }

  /* ----------------------------------------------------------------- follows */

  /** Following twice keeps the first time. */
  async follow(caseId: string, userId: string, at: string): Promise<void> {
    try {
      checked(await this.coll('follows').add({ _id: compoundId(caseId, userId), caseId, userId, at: instant(at) }))
    } catch (e) {
      if (!isDuplicateWrite(e)) throw mapCloudbaseError(e)
    }
  }

  async addMessage(m: CaseMessage): Promise<void> {
    checked(
      await guard(() =>
        this.coll('messages').add({ _id: m.id, caseId: m.caseId, authorId: m.authorId, authorRole: m.authorRole, text: m.text, photos: [...m.photos], at: instant(m.at) }),
      ),
    )
  }

  async listMessages(caseId: string, opts: { after?: string }): Promise<CaseMessage[]> {
    const _ = this.db.command
    const where = opts.after === undefined ? { caseId } : { caseId, _id: _.gt(opts.after) }
    const res = await guard(() => this.coll('messages').where(where).orderBy('_id', 'asc').limit(500).get())
    return docsOf(res).map((d) => ({
      id: String(d._id),
      caseId: String(d.caseId),
      authorId: String(d.authorId),
      authorRole: String(d.authorRole),
      text: String(d.text),
      photos: Array.isArray(d.photos) ? d.photos.map(String) : [],
      at: String(d.at),
    }))
  }

  async followedBy(userId: string): Promise<string[]> {
    const res = await guard(() => this.coll('follows').where({ userId }).orderBy('at', 'desc').orderBy('_id', 'desc').limit(500).get())
    return docsOf(res).map((d) => String(d.caseId))
  }

  async followers(caseId: string): Promise<string[]> {
    const docs = await this.all(this.coll('follows').where({ caseId }).orderBy('at', 'asc').orderBy('_id', 'asc'))
    return docs.map((d) => String(d.userId))
  }

  /* ------------------------------------------------- grid boards, members */

  async getBoard(gridCode: string): Promise<GridBoard | null> {
    const docs = docsOf(await guard(() => this.coll('boards').doc(gridCode).get()))
    return docs.length === 0 ? null : docToBoard(docs[0])
  }

  async putBoard(b: GridBoard): Promise<void> {
    const doc = boardToDoc(b)
    checked(await guard(() => this.coll('boards').doc(b.gridCode).set(withoutId(doc))))
  }

  async getMembership(gridCode: string, userId: string): Promise<Membership | null> {
    const docs = docsOf(await guard(() => this.coll('memberships').doc(compoundId(gridCode, userId)).get()))
    return docs.length === 0 ? null : docToMembership(docs[0])
  }

  async putMembership(m: Membership): Promise<void> {
    const id = compoundId(m.gridCode, m.userId)
    const doc = membershipToDoc(id, m)
    checked(await guard(() => this.coll('memberships').doc(id).set(withoutId(doc))))
  }

  async listMemberships(gridCode: string, status: Membership['status'], limit?: number): Promise<Membership[]> {
    const n = limit === undefined || !Number.isFinite(limit) || limit < 1 ? MEMBERSHIP_DEFAULT_LIMIT : Math.floor(limit)
    const q = this.coll('memberships').where({ gridCode, status }).orderBy('requestedAt', 'asc').orderBy('userId', 'asc')
    return (await this.take(q, n)).map(docToMembership)
  }

  /** A grid named twice counts once. */
  async countMemberships(gridCodes: readonly string[], status: Membership['status']): Promise<number> {
    if (gridCodes.length === 0) return 0
    const _ = this.db.command
    const res = checked(
      await guard(() => this.coll('memberships').where({ gridCode: _.in([...new Set(gridCodes)]), status }).count()),
    )
    return Number((res as { total?: unknown }).total ?? 0)
  }

  async membershipsOf(userId: string): Promise<Membership[]> {
    const q = this.coll('memberships').where({ userId }).orderBy('requestedAt', 'asc').orderBy('gridCode', 'asc')
    return (await this.all(q)).map(docToMembership)
  }

  /* ----------------------------------------------------------- announcements */

  /**
   * The claim of (author, key) and the announcement commit together in one transaction, so
   * concurrent adds with one key store one announcement (the loser's insert of the claim
   * conflicts, and its rerun reads the winner's claim). The per-grid targets follow outside
   * the transaction, with deterministic ids; a retry of the add (same key) writes any a
   * crash left missing, so retrying a publish that failed halfway completes it.
   */
  async addAnnouncement(a: Announcement): Promise<Announcement> {
    const doc = announcementToDoc(a)
    const claimDocId = announcementClaimId(a.authorId, a.idempotencyKey)
    const { stored, fresh } = await this.inTransaction(async (t) => {
      const coll = (key: CollectionKey) => t.collection(this.collections[key])
      const claims = docsOf(await guard(() => coll('idempotency').doc(claimDocId).get()))
      if (claims.length > 0) {
        const firstId = claims[0].announcementId
        if (typeof firstId !== 'string') throw new CorruptDocumentError(this.collections.idempotency, claimDocId, 'announcementId')
        const firsts = docsOf(await guard(() => coll('announcements').doc(firstId).get()))
        if (firsts.length === 0) throw new CorruptDocumentError(this.collections.announcements, firstId, '_id')
        return { stored: docToAnnouncement(firsts[0]), fresh: false }
      }
      try {
        checked(
          await coll('idempotency').add({ _id: claimDocId, kind: 'announcement', authorId: a.authorId, key: a.idempotencyKey, announcementId: a.id }),
        )
      } catch (e) {
        if (isDuplicateWrite(e)) throw conflict('announcement idempotency key claimed concurrently', e)
        throw mapCloudbaseError(e)
      }
      checked(await guard(() => coll('announcements').add(doc)))
      return { stored: docToAnnouncement(doc), fresh: true }
    })
    await this.writeTargets(stored, fresh)
    return stored
  }

  /** One target per distinct grid; skipped on a retry that finds them all written. */
  private async writeTargets(a: Announcement, fresh: boolean): Promise<void> {
    const grids = [...new Set(a.gridCodes)]
    if (!fresh) {
      const res = checked(await guard(() => this.coll('announcement_targets').where({ announcementId: a.id }).count()))
      if (Number((res as { total?: unknown }).total ?? 0) >= grids.length) return
    }
    for (let i = 0; i < grids.length; i += TARGET_BATCH) {
      await Promise.all(
        grids.slice(i, i + TARGET_BATCH).map(async (gridCode) => {
          try {
            checked(
              await this.coll('announcement_targets').add({ _id: compoundId(gridCode, a.id), gridCode, announcementId: a.id, type: a.type }),
            )
          } catch (e) {
            if (!isDuplicateWrite(e)) throw mapCloudbaseError(e)
          }
        }),
      )
    }
  }

  async getAnnouncement(id: string): Promise<Announcement | null> {
    const docs = docsOf(await guard(() => this.coll('announcements').doc(id).get()))
    return docs.length === 0 ? null : docToAnnouncement(docs[0])
  }

  /**
   * Walks the targets of the grids newest first (an announcement reaching several of them
   * comes up once per grid, adjacently) until `limit` distinct ids are found, then reads
   * those announcements.
   */
  async listAnnouncements(
    gridCodes: readonly string[],
    opts: { before?: string; limit?: number; type?: Announcement['type'] } = {},
  ): Promise<Announcement[]> {
    if (gridCodes.length === 0) return []
    const _ = this.db.command
    const limit = clampAnnouncementLimit(opts.limit)
    const grids = [...new Set(gridCodes)]
    const page = Math.min(PAGE, limit * grids.length)
    const ids: string[] = []
    let cursor = opts.before
    for (;;) {
      const where: Record<string, unknown> = { gridCode: _.in(grids) }
      if (opts.type !== undefined) where.type = opts.type
      if (cursor !== undefined) where.announcementId = _.lt(cursor)
      const docs = docsOf(
        await guard(() => this.coll('announcement_targets').where(where).orderBy('announcementId', 'desc').limit(page).get()),
      )
      for (const d of docs) {
        const id = String(d.announcementId)
        if (ids[ids.length - 1] !== id) ids.push(id)
      }
      if (ids.length >= limit || docs.length < page) break
      cursor = String(docs[docs.length - 1].announcementId)
    }
    const wanted = ids.slice(0, limit)
    if (wanted.length === 0) return []
    const res = await guard(() =>
      this.coll('announcements').where({ _id: _.in(wanted) }).orderBy('_id', 'desc').limit(wanted.length).get(),
    )
    return docsOf(res).map(docToAnnouncement)
  }

  async listAnnouncementsBy(authorId: string, opts: { before?: string; limit?: number } = {}): Promise<Announcement[]> {
    const _ = this.db.command
    const where = opts.before === undefined ? { authorId } : { authorId, _id: _.lt(opts.before) }
    const res = await guard(() =>
      this.coll('announcements').where(where).orderBy('_id', 'desc').limit(clampAnnouncementLimit(opts.limit)).get(),
    )
    return docsOf(res).map(docToAnnouncement)
  }

  /** Reading again keeps the first time: the mark's id is deterministic and inserts only. */
  async markAnnouncementRead(announcementId: string, userId: string, at: string): Promise<void> {
    const readAt = instant(at)
    try {
      checked(
        await this.coll('announcement_reads').add({ _id: compoundId(announcementId, userId), announcementId, userId, readAt }),
      )
    } catch (e) {
      if (!isDuplicateWrite(e)) throw mapCloudbaseError(e)
    }
  }

  /** The read ones among `ids`, in the order of `ids`, each once. */
  async readAnnouncements(userId: string, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)]
    if (unique.length === 0) return []
    const _ = this.db.command
    const docs = await this.all(
      this.coll('announcement_reads').where({ userId, announcementId: _.in(unique) }).orderBy('announcementId', 'asc'),
    )
    const read = new Set(docs.map((d) => String(d.announcementId)))
    return unique.filter((id) => read.has(id))
  }

  async announcementReads(announcementId: string): Promise<Array<{ userId: string; readAt: string }>> {
    const docs = await this.all(
      this.coll('announcement_reads').where({ announcementId }).orderBy('readAt', 'asc').orderBy('userId', 'asc'),
    )
    return docs.map((d) => ({ userId: String(d.userId), readAt: String(d.readAt) }))
  }

  /* --------------------------------------------------------- subscribe quota */

  async addSubscribeQuota(userId: string, templateId: string, n: number): Promise<void> {
    if (!Number.isInteger(n) || n <= 0) return
    const _ = this.db.command
    const id = compoundId(userId, templateId)
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = checked(await guard(() => this.coll('subscribe_quota').doc(id).update({ remaining: _.inc(n) })))
      if ((res as { updated?: unknown }).updated === 1) return
      try {
        checked(await this.coll('subscribe_quota').add({ _id: id, userId, templateId, remaining: n }))
        return
      } catch (e) {
        // Created concurrently between our update and add: increment it on the next pass.
        if (!isDuplicateWrite(e)) throw mapCloudbaseError(e)
      }
    }
    throw new StoreUnavailableError('subscribe quota kept changing underfoot', 'DATABASE_TRANSACTION_CONFLICT')
  }

  /** One atomic conditional decrement: two callers can never both take the last consent. */
  async takeSubscribeQuota(userId: string, templateId: string): Promise<boolean> {
    const _ = this.db.command
    const res = checked(
      await guard(() =>
        this.coll('subscribe_quota')
          .where({ _id: compoundId(userId, templateId), remaining: _.gt(0) })
          .options({ multiple: false })
          .update({ remaining: _.inc(-1) }),
      ),
    )
    return (res as { updated?: unknown }).updated === 1
  }

  /* ------------------------------------------------------------------ outbox */

  /**
   * Walks undelivered messages oldest first. The first one met for a key is that key's oldest;
   * it is returned when due, and later messages of the key wait behind it either way, so a key
   * is never delivered out of order.
   */
  async dueMessages(now: string, limit: number): Promise<OutboxMessage[]> {
    const max = Math.max(0, Math.floor(limit))
    if (max === 0) return []
    const at = instant(now)
    const seen = new Set<string>()
    const out: OutboxMessage[] = []
    const q = this.coll('outbox')
      .where({ deliveredAt: null })
      .orderBy('createdAt', 'asc')
      .orderBy('seq', 'asc')
      .orderBy('_id', 'asc')
    for (let skip = 0; ; skip += PAGE) {
      const docs = docsOf(await guard(() => (skip === 0 ? q : q.skip(skip)).limit(PAGE).get()))
      for (const d of docs) {
        const m = docToMessage(d)
        if (seen.has(m.key)) continue
        seen.add(m.key)
        if (m.nextAttemptAt <= at) {
          out.push(m)
          if (out.length === max) return out
        }
      }
      if (docs.length < PAGE) return out
    }
  }

  async markDelivered(id: string, at: string): Promise<void> {
    checked(await guard(() => this.coll('outbox').doc(id).update({ deliveredAt: instant(at) })))
  }

  async markFailed(id: string, error: string, nextAttemptAt: string): Promise<void> {
    const _ = this.db.command
    checked(
      await guard(() =>
        this.coll('outbox')
          .doc(id)
          .update({ attempts: _.inc(1), lastError: error, nextAttemptAt: instant(nextAttemptAt) }),
      ),
    )
  }

  async close(): Promise<void> {
    // Stateless HTTP client: nothing to release.
  }

  /* ------------------------------------------------------------------ rental (rentalStore.ts) */

  private readonly rc = (k: Parameters<Parameters<typeof rental.getBuilding>[0]>[0]) => this.coll(k)
  getBuilding = (id: string) => rental.getBuilding(this.rc, id)
  getBuildingByCode = (code: string) => rental.getBuildingByCode(this.rc, code)
  buildingsOf = (managerId: string) => rental.buildingsOf(this.rc, managerId)
  buildingsInGrids = (gridCodes: readonly string[]) => rental.buildingsInGrids(this.db, this.rc, gridCodes)
  listInspections = (buildingId: string) => rental.listInspections(this.rc, buildingId)
  getSecret = (caseId: string) => rental.getSecret(this.rc, caseId)
  caseIdsByDocHmac = (docHmac: string) => rental.caseIdsByDocHmac(this.rc, docHmac)
  listAudit = (unitCodes: readonly string[], opts: { before?: string; limit?: number } = {}) => rental.listAudit(this.db, this.rc, unitCodes, opts)

  /** The first `n` documents of an ordered query, a page at a time. */
  private async take(q: Query, n: number): Promise<Doc[]> {
    const out: Doc[] = []
    while (out.length < n) {
      const want = Math.min(PAGE, n - out.length)
      const docs = docsOf(await guard(() => (out.length === 0 ? q : q.skip(out.length)).limit(want).get()))
      out.push(...docs)
      if (docs.length < want) break
    }
    return out
  }

  /** Every document of an ordered query, a page at a time. */
  private async all(q: Query): Promise<Doc[]> {
    const out: Doc[] = []
    for (let skip = 0; ; skip += PAGE) {
      const docs = docsOf(await guard(() => (skip === 0 ? q : q.skip(skip)).limit(PAGE).get()))
      out.push(...docs)
      if (docs.length < PAGE) return out
    }
  }
}

/** Writes inside one CloudBase transaction: doc-by-id operations only, as the service allows. */
class CloudbaseTx implements Tx {
  constructor(
    private readonly names: Record<CollectionKey, string>,
    private readonly t: SdkTransaction,
  ) {}

  private coll(key: CollectionKey): CollectionReference {
    return this.t.collection(this.names[key])
  }

  private async insert(key: CollectionKey, doc: Doc): Promise<void> {
    checked(await guard(() => this.coll(key).add(doc)))
  }

  async getCase(id: string): Promise<Case | null> {
    const docs = docsOf(await guard(() => this.coll('cases').doc(id).get()))
    return docs.length === 0 ? null : docToCase(docs[0])
  }

  async insertCase(c: Case): Promise<void> {
    await this.insert('cases', caseToDoc(c))
  }

  /**
   * Read, compare, write. Should another transaction write the case between our read and
   * commit, CloudBase fails one of them with a write conflict; the store then reruns `work`,
   * whose second read sees the new version and answers false.
   */
  async updateCase(c: Case, expectedVersion: number): Promise<boolean> {
    const current = await this.getCase(c.id)
    if (current === null || current.version !== expectedVersion) return false
    checked(await guard(() => this.coll('cases').doc(c.id).set(withoutId(caseToDoc(c)))))
    return true
  }

  async appendEvent(e: TimelineEvent): Promise<void> {
    await this.insert('timeline', eventToDoc(e, nextSeq()))
  }

  async claimIdempotency(creatorId: string, key: string, caseId: string): Promise<string | null> {
    const id = claimId(creatorId, key)
    const docs = docsOf(await guard(() => this.coll('idempotency').doc(id).get()))
    if (docs.length > 0) return docToClaim(docs[0]).caseId
    try {
      checked(await this.coll('idempotency').add(claimToDoc(id, { creatorId, key, caseId })))
    } catch (e) {
      // A concurrent create claimed it between our read and insert: rerun to read its claim.
      if (isDuplicateWrite(e)) throw conflict(`idempotency key claimed concurrently`, e)
      throw mapCloudbaseError(e)
    }
    return null
  }

  async enqueue(msg: OutboxMessage): Promise<void> {
    await this.insert('outbox', messageToDoc(msg, nextSeq()))
  }

  private readonly rc = (k: Parameters<Parameters<typeof rental.getSecret>[0]>[0]) => this.coll(k)
  insertBuilding = (b: Building) => rental.insertBuilding(this.rc, b)
  setBuildingInspected = (id: string, at: string) => rental.setBuildingInspected(this.rc, id, at)
  insertInspection = (i: FireInspection) => rental.insertInspection(this.rc, i)
  putSecret = (x: RegistrationSecret) => rental.putSecret(this.rc, x)
  getSecret = (caseId: string) => rental.getSecret(this.rc, caseId)
  appendAudit = (e: AuditEntry) => rental.appendAudit(this.rc, e)
  liveDocumentHolder = (h: string) => rental.liveDocumentHolder(this.rc, h)
  setLiveDocumentHolder = (h: string, caseId: string) => rental.setLiveDocumentHolder(this.rc, h, caseId)
  releaseLiveDocument = (h: string, caseId: string) => rental.releaseLiveDocument(this.rc, h, caseId)
  countRateHit(subject: string, action: string, windowStart: string, max: number): Promise<boolean> {
    return countRateHitCloudbase(this.coll('rate_counters'), compoundId('rate', subject, action), subject, action, windowStart, max)
  }
}
