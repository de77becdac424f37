/** CloudBase side of the case aggregate: cases, timeline, idempotency, follows and thread messages. */
import type { Db } from '@cloudbase/database'
import type { Case } from '../../../src/core/case'
import type { CaseQuery, CaseRepo, CaseTx } from '../../ports'
import { byCase } from '../byCase'
import { caseLimit } from '../limits'
import { MESSAGE_FIELDS } from '../tables'
import { caseDocs, caseToDoc, docToEvent, eventDocs, eventToDoc } from './caseDocs'
import { aggregatedCaseStats } from './caseAggregate'
import { CaseStatsAccumulator } from './caseStats'
import type { StreetKeys } from './caseStreets'
import { needsWalk, walkCases, walkedPage } from './caseWalk'
import { guard, isDuplicateWrite, mapCloudbaseError } from './cloudbaseErrors'
import { all, answered, byId, checked, compoundId, conflict, docsOf, nextSeq, removed, type CloudbaseAccess, type Coll } from './db'
import { CorruptDocumentError, docMapper, instant, withoutId, type Doc } from './docs'

const messageDocs = docMapper('jf_messages', MESSAGE_FIELDS, 'id')

export { caseDocs, caseToDoc, docToEvent, eventDocs, eventToDoc }

/** `_id` of the jf_idempotency document reserving (creatorId, key). */
export function claimId(creatorId: string, key: string): string {
  return compoundId(creatorId, key)
}

function claimedCaseId(d: Doc): string {
  if (typeof d.caseId !== 'string') throw new CorruptDocumentError('jf_idempotency', d._id, 'caseId')
  for (const k of ['creatorId', 'key'] as const) if (typeof d[k] !== 'string') throw new CorruptDocumentError('jf_idempotency', d._id, k)
  return d.caseId
}

async function getCase(coll: Coll, id: string): Promise<Case | null> {
  const d = await byId(coll, 'cases', id)
  return d ? caseDocs.fromDoc(d) : null
}

/** A case's document with its street key (caseStreets.ts), as every case write stores it. */
async function keyedDoc(c: Case, streets: StreetKeys): Promise<Doc> {
  return { ...caseDocs.toDoc(c), streetCode: await streets.of(c) }
}

export function cloudbaseCaseTx(coll: Coll, streets: StreetKeys): CaseTx {
  const insert = async (key: 'cases' | 'timeline', doc: Doc) => void checked(await guard(() => coll(key).add(doc)))
  return {
    getCase: (id) => getCase(coll, id),
    insertCase: async (c) => insert('cases', await keyedDoc(c, streets)),
    /**
     * Read, compare, write. Should another transaction write the case between our read and
     * commit, CloudBase fails one of them with a write conflict; the store then reruns `work`,
     * whose second read sees the new version and answers false.
     */
    async updateCase(c, expectedVersion) {
      const current = await getCase(coll, c.id)
      if (current === null || current.version !== expectedVersion) return false
      const doc = withoutId(await keyedDoc(c, streets))
      checked(await guard(() => coll('cases').doc(c.id).set(doc)))
      return true
    },
    appendEvent: (e) => insert('timeline', eventToDoc(e, nextSeq())),
    async claimIdempotency(creatorId, key, caseId) {
      const id = claimId(creatorId, key)
      const held = await byId(coll, 'idempotency', id)
      if (held) return claimedCaseId(held)
      try {
        checked(await coll('idempotency').add({ _id: id, creatorId, key, caseId }))
      } catch (e) {
        // A concurrent create claimed it between our read and insert: rerun to read its claim.
        if (isDuplicateWrite(e)) throw conflict(`idempotency key claimed concurrently`, e)
        throw mapCloudbaseError(e)
      }
      return null
    },
  }
}

/** `filter` and one more condition on `field`, without overwriting a condition already there. */
function also(db: Db, filter: Record<string, unknown>, field: string, cond: unknown): Record<string, unknown> {
  if (!(field in filter)) return { ...filter, [field]: cond }
  return db.command.and([filter, { [field]: cond }]) as unknown as Record<string, unknown>
}

/**
 * Filters of `q` as a where-object, or null when it cannot match anything: an empty list
 * filter means "none of these", never "no filter" (a worker with no grids sees no cases).
 */
export function caseFilter(db: Db, q: CaseQuery): Record<string, unknown> | null {
  const _ = db.command
  const w: Record<string, unknown> = {}
  if (q.kind !== undefined) w.kind = q.kind
  if (q.creatorId !== undefined) w.creatorId = q.creatorId
  if (q.assigneeId !== undefined) w.assigneeId = q.assigneeId
  if (q.category !== undefined) w.category = q.category
  for (const [field, values] of [
    ['status', q.statuses],
    ['gridCode', q.gridCodes],
    ['unitCode', q.unitCodes],
    ['streetCode', q.streetCodes],
  ] as const) {
    if (values === undefined) continue
    if (values.length === 0) return null
    w[field] = _.in([...values])
  }
  if (q.ids !== undefined) {
    if (q.ids.length === 0) return null
    w._id = _.in([...q.ids])
  }
  if (q.number !== undefined) w.number = q.number
  if (q.department !== undefined) w['payload.department'] = q.department
  if (q.committee !== undefined) w['payload.committee'] = q.committee
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

/**
 * Deadline order with cases lacking a deadline last and id breaking ties. CloudBase sorts
 * null first, so the two parts are read apart: dated cases, then undated ones.
 */
async function listBySla(c: CloudbaseAccess, filter: Record<string, unknown>, limit: number, before?: string): Promise<Case[]> {
  const _ = c.db.command
  let cursor: Case | null = null
  if (before !== undefined) {
    cursor = await getCase(c.coll, before)
    if (cursor === null) return []
  }
  const out: Case[] = []
  if (cursor === null || cursor.slaDeadline !== null) {
    const dated =
      cursor === null
        ? also(c.db, filter, 'slaDeadline', _.neq(null))
        : _.and([filter, _.or([{ slaDeadline: _.gt(cursor.slaDeadline as string) }, { slaDeadline: cursor.slaDeadline as string, _id: _.gt(cursor.id) }])])
    const res = await guard(() => c.coll('cases').where(dated).orderBy('slaDeadline', 'asc').orderBy('_id', 'asc').limit(limit).get())
    out.push(...docsOf(res).map(caseDocs.fromDoc))
  }
  if (out.length < limit) {
    let undated = also(c.db, filter, 'slaDeadline', null)
    if (cursor !== null && cursor.slaDeadline === null) undated = also(c.db, undated, '_id', _.gt(cursor.id))
    const res = await guard(() => c.coll('cases').where(undated).orderBy('_id', 'asc').limit(limit - out.length).get())
    out.push(...docsOf(res).map(caseDocs.fromDoc))
  }
  return out
}

/**
 * Conditional write outside a transaction: one atomic `where({ _id, version }).update()`.
 * Not part of the Store port (whose writes go through `transaction`); for single-document
 * moves such as a timer's flag that need no event or outbox message.
 */
export async function updateCaseIfVersion(c: CloudbaseAccess, next: Case, expectedVersion: number, streets: StreetKeys): Promise<boolean> {
  const fields = withoutId(await keyedDoc(next, streets))
  // Objects are replaced whole: a plain object would be merged key by key, keeping stale keys.
  fields.payload = c.db.command.set(next.payload)
  const res = await guard(() => c.coll('cases').where({ _id: next.id, version: expectedVersion }).options({ multiple: false }).update(fields))
  return answered(res, 'updated') === 1
}

export function cloudbaseCases(c: CloudbaseAccess): CaseRepo {
  const _ = c.db.command
  return {
    getCase: (id) => getCase(c.coll, id),
    async listCases(q) {
      const filter = caseFilter(c.db, q)
      if (filter === null) return []
      const limit = caseLimit(q.limit)
      if (needsWalk(q)) return walkedPage(c, q, limit)
      if (q.order === 'sla') return listBySla(c, filter, limit, q.before)
      const where = q.before === undefined ? filter : also(c.db, filter, '_id', _.lt(q.before))
      const res = await guard(() => c.coll('cases').where(where).orderBy('_id', 'desc').limit(limit).get())
      return docsOf(res).map(caseDocs.fromDoc)
    },
    async countCases(q, cap) {
      const filter = caseFilter(c.db, q)
      if (filter === null) return 0
      // A count with no condition reads the collection's size; any other unindexed one walks.
      if (needsWalk(q) && Object.keys(filter).length > 0) return Math.min((await walkCases(c, q)).length, cap ?? Infinity)
      // The service counts server-side in one request; the cap only keeps both adapters' answers alike.
      return Math.min(answered(await guard(() => c.coll('cases').where(filter).count()), 'total'), cap ?? Infinity)
    },
    async timeline(caseId) {
      return (await all(c.coll('timeline').where({ caseId }).orderBy('seq', 'asc').orderBy('_id', 'asc'))).map(eventDocs.fromDoc)
    },
    /** One query for every case's rows (the same index as one case's), split by case in order. */
    async timelines(caseIds) {
      if (caseIds.length === 0) return new Map()
      return byCase((await all(c.coll('timeline').where({ caseId: _.in([...new Set(caseIds)]) }).orderBy('seq', 'asc').orderBy('_id', 'asc'))).map(eventDocs.fromDoc))
    },
    async findCaseByIdempotency(creatorId, key) {
      const docs = docsOf(await guard(() => c.coll('cases').where({ creatorId, idempotencyKey: key }).limit(1).get()))
      return docs.length === 0 ? null : caseDocs.fromDoc(docs[0])
    },
    async claimedCase(creatorId, key) {
      const held = await byId(c.coll, 'idempotency', claimId(creatorId, key))
      return held ? claimedCaseId(held) : null
    },
    async caseStats(q, now, terminalStatuses) {
      const acc = new CaseStatsAccumulator(now, terminalStatuses)
      const filter = caseFilter(c.db, q)
      if (filter === null) return acc.result()
      if (needsWalk(q)) {
        for (const one of await walkCases(c, q)) acc.add(one)
        return acc.result()
      }
      return aggregatedCaseStats(c, filter, now, terminalStatuses)
    },

    async addMessage(m) {
      checked(await guard(() => c.coll('messages').add(messageDocs.toDoc(m))))
    },
    async listMessages(caseId, opts) {
      const where = opts.after === undefined ? { caseId } : { caseId, _id: _.gt(opts.after) }
      const res = await guard(() => c.coll('messages').where(where).orderBy('_id', 'asc').limit(500).get())
      return docsOf(res).map(messageDocs.fromDoc)
    },

    /** Following twice keeps the first time. */
    async follow(caseId, userId, at) {
      try {
        checked(await c.coll('follows').add({ _id: compoundId(caseId, userId), caseId, userId, at: instant(at) }))
      } catch (e) {
        if (!isDuplicateWrite(e)) throw mapCloudbaseError(e)
      }
    },
    async followedBy(userId) {
      const res = await guard(() => c.coll('follows').where({ userId }).orderBy('at', 'desc').orderBy('_id', 'desc').limit(500).get())
      return docsOf(res).map((d) => String(d.caseId))
    },
    async followers(caseId) {
      return (await all(c.coll('follows').where({ caseId }).orderBy('at', 'asc').orderBy('_id', 'asc'))).map((d) => String(d.userId))
    },
    async unfollowAll(userId) {
      return removed(await guard(() => c.coll('follows').where({ userId }).remove()))
    },
  }
}
