/**
 * Ports between the use cases and the outside world. Each has an embedded adapter (SQLite,
 * local disk, signed local sessions) and a CloudBase one. Mappers inside the adapters keep
 * storage document shapes away from the core types used here.
 */
import type { Case, CaseKind, TimelineEvent } from '../src/core/case'
import type { OrgUnit } from '../src/core/org'
import type { Role, RoleGrant } from '../src/core/roles'
import type { OnboardingStore } from './onboardingPorts'
import type { RateLimitTx } from './rateLimitPort'
import type { RentalReads, RentalTx } from './rentalPorts'

export interface User {
  id: string
  name: string
  /** Public work phone for staff; residents' phones are never shown to others. */
  phone: string | null
  /** WeChat OPENID once the user has come through the mini-program. */
  openid: string | null
  /** CloudBase user id of the H5 desk sign-in (staff only); absent until bound with an invitation. */
  webUid?: string | null
  grants: RoleGrant[]
  createdAt: string
}

export interface CaseQuery {
  kind?: CaseKind
  creatorId?: string
  assigneeId?: string
  statuses?: readonly string[]
  category?: string
  /** Cases whose grid is one of these (a grid worker's grids, a street's grids). */
  gridCodes?: readonly string[]
  /** Cases whose responsible unit is one of these. */
  unitCodes?: readonly string[]
  createdAfter?: string
  /** Created strictly before this instant. */
  createdBefore?: string
  /** Cases handled by this department (payload.department). */
  department?: string
  /** Cases whose SLA deadline is strictly before this instant (overdue at that time). */
  slaBefore?: string
  ids?: readonly string[]
  /** Newest first by default; `sla` orders by deadline, the queue's order. */
  order?: 'newest' | 'sla'
  limit?: number
  /** Opaque cursor from the previous page (the last case's id in ULID order). */
  before?: string
}

export interface OutboxMessage {
  id: string
  topic: string
  /** Messages with the same key are delivered in order (the case id). */
  key: string
  payload: Record<string, unknown>
  createdAt: string
  attempts: number
  nextAttemptAt: string
  deliveredAt: string | null
  lastError: string | null
}

/** One in-app message to one user (站内信); delivery state lives in the outbox, not here. */
export interface InboxItem {
  /** Deterministic (message id + user) so a redelivered message writes nothing new. */
  id: string
  userId: string
  caseId: string | null
  title: string
  body: string
  createdAt: string
  readAt: string | null
}

/** One message of a case's thread (mediation): kept for good, never edited. */
export interface CaseMessage {
  id: string
  caseId: string
  authorId: string
  authorRole: string
  text: string
  photos: string[]
  at: string
}

/** A grid's public board (网格信息公示牌) and its WeChat group settings. */
export interface GridBoard {
  gridCode: string
  scope: string
  households: number
  team: Array<{ role: string; name: string; phone: string | null }>
  services: string[]
  officeHours: string
  joinPolicy: 'open' | 'approval'
  /** The group QR image; WeChat makes it expire 7 days after it was generated. */
  qr: { fileId: string; uploadedAt: string; expiresAt: string } | null
  updatedAt: string
}

export interface Membership {
  gridCode: string
  userId: string
  status: 'requested' | 'joined' | 'refused' | 'left'
  building: string | null
  requestedAt: string
  decidedAt: string | null
  decidedBy: string | null
}

/** One announcement, stored once whatever its reach; reads are marks per member. */
export interface Announcement {
  id: string
  authorId: string
  idempotencyKey: string
  type: 'notice' | 'activity' | 'reminder' | 'emergency'
  title: string
  body: string
  gridCodes: string[]
  scopeLabel: string
  publishedAt: string
}

export interface CaseStats {
  total: number
  /** Open (not terminal) cases whose deadline has passed at `now`. */
  overdue: number
  byStatus: Record<string, number>
  byCategory: Record<string, number>
  byGrid: Record<string, number>
  /** Day in Asia/Shanghai (YYYY-MM-DD) → cases created that day. */
  byDay: Record<string, number>
  /** Mean hours from creation to payload.resolvedAt over cases that have one; null when none. */
  avgHoursToResolve: number | null
}

export interface FileMeta {
  id: string
  ownerId: string
  contentType: 'image/jpeg' | 'image/png' | 'image/webp'
  size: number
  /** Where the file port keeps the bytes (relative path on disk, or a CloudBase fileID). */
  storageKey: string
  createdAt: string
}

/**
 * A cloud storage path handed to one caller for one direct upload (files.ticket), good until used
 * by files.register or expired. Only the path's hash is kept.
 */
export interface UploadTicket {
  pathHash: string
  ownerId: string
  expiresAt: string
}

/** Writes that must commit together. */
export interface Tx extends RentalTx, RateLimitTx {
  getCase(id: string): Promise<Case | null>
  insertCase(c: Case): Promise<void>
  /** Writes `c` only if the stored version is still `expectedVersion`; false when someone moved first. */
  updateCase(c: Case, expectedVersion: number): Promise<boolean>
  appendEvent(e: TimelineEvent): Promise<void>
  /**
   * Reserves (creatorId, key) for caseId. Returns null when reserved now, or the case id that
   * already holds the key (the retry of an earlier create).
   */
  claimIdempotency(creatorId: string, key: string, caseId: string): Promise<string | null>
  enqueue(msg: OutboxMessage): Promise<void>
}

export interface Store extends OnboardingStore, RentalReads {
  readonly name: string
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>

  getCase(id: string): Promise<Case | null>
  listCases(q: CaseQuery): Promise<Case[]>
  countCases(q: CaseQuery): Promise<number>
  timeline(caseId: string): Promise<TimelineEvent[]>
  findCaseByIdempotency(creatorId: string, key: string): Promise<Case | null>
  /** The case holding a key claimed with `Tx.claimIdempotency` (e.g. a content check's trace id), if any. */
  claimedCase(creatorId: string, key: string): Promise<string | null>

  getUser(id: string): Promise<User | null>
  findUserByOpenid(openid: string): Promise<User | null>
  findUserByWebUid(webUid: string): Promise<User | null>
  putUser(u: User): Promise<void>
  listUsers(): Promise<User[]>
  /** Users holding one of `roles` on exactly one of `unitCodes` (callers pass a unit's chain). */
  listStaff(unitCodes: readonly string[], roles: readonly Role[]): Promise<User[]>

  listUnits(): Promise<OrgUnit[]>
  putUnits(units: readonly OrgUnit[]): Promise<void>

  putFileMeta(f: FileMeta): Promise<void>
  getFileMeta(id: string): Promise<FileMeta | null>
  putUploadTicket(t: UploadTicket): Promise<void>
  /** Marks the ticket used when it is `ownerId`'s, unused and unexpired at `now`; false otherwise (nothing written). */
  useUploadTicket(pathHash: string, ownerId: string, now: string): Promise<boolean>

  caseStats(q: CaseQuery, now: string, terminalStatuses: readonly string[]): Promise<CaseStats>

  /** Inserts items, ignoring ids that already exist. */
  addInbox(items: readonly InboxItem[]): Promise<void>
  /** Newest first; `before` is an item id from the previous page. */
  listInbox(userId: string, opts: { before?: string; limit?: number }): Promise<InboxItem[]>
  countUnread(userId: string): Promise<number>
  /** Marks the user's items read (all of them when ids is 'all'); returns how many changed. */
  markInboxRead(userId: string, ids: readonly string[] | 'all', at: string): Promise<number>

  addMessage(m: CaseMessage): Promise<void>
  /** Oldest first; `after` is a message id (ULID) from an earlier read. At most 500. */
  listMessages(caseId: string, opts: { after?: string }): Promise<CaseMessage[]>

  follow(caseId: string, userId: string, at: string): Promise<void>
  followers(caseId: string): Promise<string[]>
  /** Case ids the user follows, most recent first, at most 500. */
  followedBy(userId: string): Promise<string[]>

  getBoard(gridCode: string): Promise<GridBoard | null>
  putBoard(b: GridBoard): Promise<void>

  getMembership(gridCode: string, userId: string): Promise<Membership | null>
  putMembership(m: Membership): Promise<void>
  /** A grid's memberships in one status, oldest request first, at most `limit` (default 500). */
  listMemberships(gridCode: string, status: Membership['status'], limit?: number): Promise<Membership[]>
  /** Memberships in `status` summed over the grids (the roster size of an announcement). */
  countMemberships(gridCodes: readonly string[], status: Membership['status']): Promise<number>
  membershipsOf(userId: string): Promise<Membership[]>

  /** Inserts; a second announcement with the same (authorId, idempotencyKey) returns the first. */
  addAnnouncement(a: Announcement): Promise<Announcement>
  getAnnouncement(id: string): Promise<Announcement | null>
  /** Announcements reaching any of the grids, newest first; `before` is an id. */
  listAnnouncements(gridCodes: readonly string[], opts: { before?: string; limit?: number; type?: Announcement['type'] }): Promise<Announcement[]>
  listAnnouncementsBy(authorId: string, opts: { before?: string; limit?: number }): Promise<Announcement[]>
  /** Keeps the first read time. */
  markAnnouncementRead(announcementId: string, userId: string, at: string): Promise<void>
  /** Which of these announcements the user has read. */
  readAnnouncements(userId: string, ids: readonly string[]): Promise<string[]>
  announcementReads(announcementId: string): Promise<Array<{ userId: string; readAt: string }>>

  /** WeChat subscribe messages are one consent, one message: this counts them per template. */
  addSubscribeQuota(userId: string, templateId: string, n: number): Promise<void>
  /** Uses one consent if there is any; false when none is left. */
  takeSubscribeQuota(userId: string, templateId: string): Promise<boolean>

  /** Undelivered messages due at `now`, oldest first, at most one (the oldest) per key. */
  dueMessages(now: string, limit: number): Promise<OutboxMessage[]>
  markDelivered(id: string, at: string): Promise<void>
  markFailed(id: string, error: string, nextAttemptAt: string): Promise<void>

  close(): Promise<void>
}

export interface FileStore {
  /** Stores bytes and returns the storage key. */
  put(id: string, bytes: Uint8Array, contentType: FileMeta['contentType']): Promise<string>
  get(storageKey: string): Promise<Uint8Array | null>
  /** Deletes the bytes (a client's original once a stripped copy replaced it); a missing file is fine. */
  remove(storageKey: string): Promise<void>
  /**
   * For storage clients upload to directly (CloudBase): the path inside this environment's storage
   * that a client's file id names, or null when it names another environment or is malformed.
   */
  uploadedPath?(fileId: string): string | null
}

/** Who is calling, taken from the platform (CloudBase context) or a verified local session. */
export interface Identity {
  /** The user id behind the call, or null when it carries no valid identity. */
  resolve(context: unknown): Promise<{ userId: string } | { openid: string } | { webUid: string } | null>
}

export interface SubscribeMessage {
  openid: string
  templateId: string
  /** Mini-program page opened from the message. */
  page: string
  data: Record<string, { value: string }>
}

/** Pushes outside the app (WeChat subscribe messages); throws to have the outbox retry. */
export interface Notifier {
  sendSubscribe(msg: SubscribeMessage): Promise<void>
}
