/**
 * Store over the CloudBase document database (`app.database()` of @cloudbase/node-sdk): the
 * transaction plumbing and the composition of the aggregate repositories (cases.ts, users.ts,
 * grid.ts, notifications.ts, rental.ts, audit.ts, onboarding.ts, fileMeta.ts, rateLimits.ts).
 *
 * Consistency rests on three things CloudBase does guarantee: a conditional
 * `where({ _id, version }).update()` touches at most one document atomically; inserting an
 * existing `_id` fails; and a transaction (doc-by-id operations only) commits all or nothing,
 * failing with DATABASE_TRANSACTION_CONFLICT when another writer touched the same document.
 * A conflicting transaction is run again from the start, so `work` must not act outside `tx`.
 */
import type { CollectionReference, Db } from '@cloudbase/database'
import type { Case } from '../../../src/core/case'
import type { Repos, Store, Tx } from '../../ports'
import { cloudbaseAudit, cloudbaseAuditTx } from './audit'
import { cloudbaseCases, cloudbaseCaseTx, updateCaseIfVersion } from './cases'
import { movedStreets, rekeyCases, StreetKeys } from './caseStreets'
import { cloudbaseCounterTx } from './counters'
import { guard } from './cloudbaseErrors'
import { checked, COLLECTIONS, DEFAULT_PREFIX, isConflict, type CloudbaseAccess, type Coll, type CollectionKey, type SdkTransaction } from './db'
import { cloudbaseDutyRosters } from './dutyRosters'
import { cloudbaseFileMeta } from './fileMeta'
import { cloudbaseGrid } from './grid'
import { cloudbaseIntegrations } from './integrations'
import { cloudbaseNotifications, cloudbaseNotificationTx } from './notifications'
import { cloudbaseOnboarding } from './onboarding'
import { cloudbaseRateLimits, cloudbaseRateLimitTx } from './rateLimits'
import { cloudbaseRental, cloudbaseRentalTx } from './rental'
import { cloudbaseUsers } from './users'

export { claimId } from './cases'
export { COLLECTIONS, compoundId, type CollectionKey } from './db'

export interface CloudbaseStoreOptions {
  /** Collection name prefix (`jf_` in production); tests use a unique one per run. */
  prefix?: string
  /** Runs of a transaction that keeps hitting write conflicts before giving up as unavailable. */
  transactionAttempts?: number
  /** First back-off before rerunning a conflicting transaction; doubles each time, jittered. */
  retryDelayMs?: number
}

/** Writes inside one CloudBase transaction, from every aggregate: doc-by-id operations only, as the service allows. */
function txOf(coll: Coll, db: Db, streets: StreetKeys): Tx {
  return { ...cloudbaseCaseTx(coll, streets), ...cloudbaseNotificationTx(coll), ...cloudbaseRentalTx(coll), ...cloudbaseAuditTx(coll), ...cloudbaseRateLimitTx(coll), ...cloudbaseCounterTx(coll, db) }
}

function repos(c: CloudbaseAccess): Repos {
  return {
    ...cloudbaseCases(c),
    ...cloudbaseUsers(c),
    ...cloudbaseGrid(c),
    ...cloudbaseNotifications(c),
    ...cloudbaseRental(c),
    ...cloudbaseOnboarding(c),
    ...cloudbaseAudit(c),
    ...cloudbaseFileMeta(c),
    ...cloudbaseDutyRosters(c),
    ...cloudbaseIntegrations(c),
    ...cloudbaseRateLimits(c),
  }
}

/** The repositories' methods are own properties, set from `repos()` in the constructor. */
export interface CloudbaseStore extends Repos {}

/**
 * A collection inside a transaction offers only doc(id) and add, as CloudBase allows there. The
 * SDK sends a where's update, remove or count without the transaction id, so one would run
 * outside the transaction unseen; here it fails at once instead.
 */
function txCollection(ref: CollectionReference): CollectionReference {
  const refuse = (what: string) => () => {
    throw new Error(`${what}() inside a CloudBase transaction: only doc(id).get/set/update/remove and add are transactional`)
  }
  const methods = ['where', 'orderBy', 'limit', 'skip', 'field', 'get', 'count', 'update', 'remove', 'aggregate', 'watch']
  return Object.assign(Object.create(ref) as CollectionReference, Object.fromEntries(methods.map((m) => [m, refuse(m)])))
}

export class CloudbaseStore implements Store {
  readonly name = 'cloudbase'
  readonly collections: Record<CollectionKey, string>
  private readonly attempts: number
  private readonly retryDelayMs: number
  private readonly access: CloudbaseAccess
  private readonly streets: StreetKeys

  constructor(
    private readonly db: Db,
    options: CloudbaseStoreOptions = {},
  ) {
    const prefix = options.prefix ?? DEFAULT_PREFIX
    this.collections = Object.fromEntries(COLLECTIONS.map((k) => [k, `${prefix}${k}`])) as Record<CollectionKey, string>
    this.attempts = Math.max(1, options.transactionAttempts ?? 4)
    this.retryDelayMs = Math.max(0, options.retryDelayMs ?? 20)
    this.access = {
      db,
      names: this.collections,
      coll: (key) => db.collection(this.collections[key]),
      inTransaction: (work) => this.inTransaction((t) => work((key) => txCollection(t.collection(this.collections[key])))),
    }
    const r = repos(this.access)
    // Case writes store a street key from the units the store last listed (caseStreets.ts).
    const { listUnits, putUnits, deleteUnits } = r
    this.streets = new StreetKeys(listUnits)
    r.listUnits = async () => this.streets.seen(await listUnits())
    // An org change that moves units to another street re-keys their stored cases first (rekeyCases).
    r.putUnits = async (units) => {
      this.streets.changed()
      const before = await listUnits()
      const after = new Map(before.map((u) => [u.code, u]))
      for (const u of units) after.set(u.code, u)
      await rekeyCases(this.access, movedStreets(before, [...after.values()]))
      await putUnits(units)
      this.streets.changed()
    }
    r.deleteUnits = async (codes) => {
      this.streets.changed()
      const before = await listUnits()
      const gone = new Set(codes)
      await rekeyCases(this.access, movedStreets(before, before.filter((u) => !gone.has(u.code))))
      await deleteUnits(codes)
      this.streets.changed()
    }
    Object.assign(this, r)
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

  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.inTransaction((t) => work(txOf((key) => txCollection(t.collection(this.collections[key])), this.db, this.streets)))
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

  /**
   * Conditional write outside a transaction: one atomic `where({ _id, version }).update()`.
   * Not part of the Store port; for single-document moves such as a timer's flag.
   */
  updateCaseIfVersion(c: Case, expectedVersion: number): Promise<boolean> {
    return updateCaseIfVersion(this.access, c, expectedVersion, this.streets)
  }

  async close(): Promise<void> {
    // Stateless HTTP client: nothing to release.
  }
}
