/** CloudBase side of the rate-limit counters. */
import type { CollectionReference } from '@cloudbase/database'
import { StoreUnavailableError } from '../../errors'
import type { RateLimitRepo, RateLimitTx } from '../../ports'
import { answered, compoundId, type CloudbaseAccess, type Coll } from './db'
import { guard, isDuplicateWrite, mapCloudbaseError } from './cloudbaseErrors'

/** The jf_rate_counters document: the current window of one (subject, action). */
interface Counter {
  subject: string
  action: string
  windowStart: string
  hits: number
}

function answerData(res: unknown): unknown {
  const r = res as { code?: unknown; message?: unknown; data?: unknown } | null
  if (r?.code) throw Object.assign(new Error(String(r.message ?? r.code)), { code: r.code })
  return r?.data
}

function toCounter(raw: unknown): Counter | null {
  const d = (Array.isArray(raw) ? raw[0] : raw) as Partial<Counter> | null | undefined
  if (!d) return null
  if (typeof d.windowStart !== 'string' || typeof d.hits !== 'number') throw new Error('jf_rate_counters: corrupt counter document')
  return { subject: String(d.subject), action: String(d.action), windowStart: d.windowStart, hits: d.hits }
}

/**
 * Inside a CloudBase transaction (doc-by-id only): read the counter, then add or overwrite it.
 * Two creates counting at once touch the same document, so CloudBase fails one with a write
 * conflict and the store reruns it, which then reads the other's count.
 */
async function countRateHit(coll: CollectionReference, id: string, subject: string, action: string, windowStart: string, max: number): Promise<boolean> {
  if (max < 1) return false
  const current = toCounter(answerData(await guard(() => coll.doc(id).get())))
  if (current && current.windowStart === windowStart && current.hits >= max) return false
  const hits = current && current.windowStart === windowStart ? current.hits + 1 : 1
  const doc = { subject, action, windowStart, hits }
  if (current) {
    answerData(await guard(() => coll.doc(id).set(doc)))
    return true
  }
  try {
    answerData(await coll.add({ _id: id, ...doc }))
  } catch (e) {
    if (isDuplicateWrite(e)) throw new StoreUnavailableError('rate counter created concurrently', 'DATABASE_TRANSACTION_CONFLICT', e)
    throw mapCloudbaseError(e)
  }
  return true
}

export function cloudbaseRateLimitTx(coll: Coll): RateLimitTx {
  return {
    countRateHit: (subject, action, windowStart, max) => countRateHit(coll('rate_counters'), compoundId('rate', subject, action), subject, action, windowStart, max),
  }
}

export function cloudbaseRateLimits(c: CloudbaseAccess): RateLimitRepo {
  return {
    async countRateHitAlone(subject, action, windowStart, max) {
      if (max < 1) return false
      const id = compoundId('rate', subject, action)
      const _ = c.db.command
      // The usual hit, this window's counter below the limit: one atomic conditional update.
      const res = await guard(() => c.coll('rate_counters').where({ _id: id, windowStart, hits: _.lt(max) }).options({ multiple: false }).update({ hits: _.inc(1) }))
      if (answered(res, 'updated') === 1) return true
      // No counter yet, an earlier window, or the limit reached: read and decide in a transaction.
      return c.inTransaction((coll) => countRateHit(coll('rate_counters'), id, subject, action, windowStart, max))
    },
  }
}
