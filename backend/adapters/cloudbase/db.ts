/**
 * What the CloudBase aggregate adapters run on: collection names, the SDK's answers made
 * checked values, paging, and the access paths the store hands each repository.
 */
import { createHash } from 'node:crypto'
import type { CollectionReference, Db, Query } from '@cloudbase/database'
import { StoreUnavailableError } from '../../errors'
import { guard } from './cloudbaseErrors'
import type { Doc } from './docs'

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
  'counters',
  'upload_tickets',
  'duty_rosters',
  'integration_partners',
  'webhook_subscriptions',
  'webhook_deliveries',
] as const
export type CollectionKey = (typeof COLLECTIONS)[number]

/** The most documents one CloudBase query returns. */
export const PAGE = 1000

/** The part of the SDK's transaction object the adapters use (the SDK types it as `any`). */
export interface SdkTransaction {
  collection(name: string): CollectionReference
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

/** A collection by key, outside a transaction or inside one. */
export type Coll = (key: CollectionKey) => CollectionReference

/** The store's access paths, handed to each aggregate's repository. */
export interface CloudbaseAccess {
  readonly db: Db
  readonly names: Record<CollectionKey, string>
  coll: Coll
  /** Runs `work` in an SDK transaction, from the start again on a write conflict. */
  inTransaction<T>(work: (coll: Coll) => Promise<T>): Promise<T>
}

/** A fixed-length `_id` for a document keyed by several strings, with no separator games. */
export function compoundId(...parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

/**
 * Append order for timeline events and outbox messages (CloudBase has no autoincrement):
 * microseconds since the epoch, forced strictly increasing within the process.
 */
let lastSeq = 0
export function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000)
  return lastSeq
}

/** A service answer carrying an error code that the SDK handed back instead of throwing. */
export function checked<T>(res: T): T {
  const code = (res as { code?: unknown } | null)?.code
  if (code) throw Object.assign(new Error(String((res as { message?: unknown }).message ?? code)), { code })
  return res
}

/** Documents of a `get()` answer; in a transaction the SDK returns one document or null. */
export function docsOf(res: { data?: unknown }): Doc[] {
  const data = checked(res).data
  if (Array.isArray(data)) return data as Doc[]
  return data ? [data as Doc] : []
}

/** The number an answer reports under `key` (`total` of a count, `updated` of an update). */
export function answered(res: unknown, key: 'total' | 'updated'): number {
  return Number((checked(res) as Record<string, unknown> | null)?.[key] ?? 0)
}

/** How many documents a `remove()` answer says went. */
export function removed(res: unknown): number {
  return Number((checked(res) as { deleted?: unknown } | null)?.deleted ?? 0)
}

/** The one document with this `_id`, or null. */
export async function byId(coll: Coll, key: CollectionKey, id: string): Promise<Doc | null> {
  return docsOf(await guard(() => coll(key).doc(id).get()))[0] ?? null
}

export function conflict(message: string, cause?: unknown): StoreUnavailableError {
  return new StoreUnavailableError(message, 'DATABASE_TRANSACTION_CONFLICT', cause)
}

export function isConflict(e: unknown): boolean {
  return e instanceof StoreUnavailableError && e.code === 'DATABASE_TRANSACTION_CONFLICT'
}

/**
 * The documents of those of `ids` that exist, by one `_id in` query per page of ids (not one
 * round trip per id): a page of photos or the names on a page cost one read.
 */
export async function byIds(c: CloudbaseAccess, key: CollectionKey, ids: readonly string[]): Promise<Doc[]> {
  const wanted = [...new Set(ids)]
  const out: Doc[] = []
  for (let i = 0; i < wanted.length; i += PAGE) {
    const chunk = wanted.slice(i, i + PAGE)
    out.push(...docsOf(await guard(() => c.coll(key).where({ _id: c.db.command.in(chunk) }).limit(chunk.length).get())))
  }
  return out
}

/** The first `n` documents of an ordered query, a page at a time. */
export async function take(q: Query, n: number): Promise<Doc[]> {
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
export async function all(q: Query): Promise<Doc[]> {
  const out: Doc[] = []
  for (let skip = 0; ; skip += PAGE) {
    const docs = docsOf(await guard(() => (skip === 0 ? q : q.skip(skip)).limit(PAGE).get()))
    out.push(...docs)
    if (docs.length < PAGE) return out
  }
}
