/**
 * Ports between the use cases and the outside world. Each has an embedded adapter (SQLite,
 * local disk, signed local sessions) and a CloudBase one. Mappers inside the adapters keep
 * storage document shapes away from the core types used here.
 */
import type { Case, CaseKind, TimelineEvent } from '../src/core/case'
import type { OrgUnit } from '../src/core/org'
import type { RoleGrant } from '../src/core/roles'

export interface User {
  id: string
  name: string
  /** Public work phone for staff; residents' phones are never shown to others. */
  phone: string | null
  /** WeChat OPENID once the user has come through the mini-program. */
  openid: string | null
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

export interface FileMeta {
  id: string
  ownerId: string
  contentType: 'image/jpeg' | 'image/png' | 'image/webp'
  size: number
  /** Where the file port keeps the bytes (relative path on disk, or a CloudBase fileID). */
  storageKey: string
  createdAt: string
}

/** Writes that must commit together. */
export interface Tx {
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

export interface Store {
  readonly name: string
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>

  getCase(id: string): Promise<Case | null>
  listCases(q: CaseQuery): Promise<Case[]>
  countCases(q: CaseQuery): Promise<number>
  timeline(caseId: string): Promise<TimelineEvent[]>
  findCaseByIdempotency(creatorId: string, key: string): Promise<Case | null>

  getUser(id: string): Promise<User | null>
  findUserByOpenid(openid: string): Promise<User | null>
  putUser(u: User): Promise<void>
  listUsers(): Promise<User[]>

  listUnits(): Promise<OrgUnit[]>
  putUnits(units: readonly OrgUnit[]): Promise<void>

  putFileMeta(f: FileMeta): Promise<void>
  getFileMeta(id: string): Promise<FileMeta | null>

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
}

/** Who is calling, taken from the platform (CloudBase context) or a verified local session. */
export interface Identity {
  /** The user id behind the call, or null when it carries no valid identity. */
  resolve(context: unknown): Promise<{ userId: string } | { openid: string } | null>
}

export interface Notifier {
  /** Delivers one outbox message; throws to have it retried later. */
  deliver(msg: OutboxMessage): Promise<void>
}
