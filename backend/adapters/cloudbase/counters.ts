/** CloudBase side of the named sequences (repos/counters.ts): the jf_counters collection, one document per key. */
import type { CollectionReference, Db } from '@cloudbase/database'
import { StoreUnavailableError } from '../../errors'
import type { CounterTx } from '../../repos/counters'
import { guard, isDuplicateWrite, mapCloudbaseError } from './cloudbaseErrors'
import { compoundId, type Coll } from './db'

function answerData(res: unknown): unknown {
  const r = res as { code?: unknown; message?: unknown; data?: unknown } | null
  if (r?.code) throw Object.assign(new Error(String(r.message ?? r.code)), { code: r.code })
  return r?.data
}

function valueOf(raw: unknown): number | null {
  const d = (Array.isArray(raw) ? raw[0] : raw) as { value?: unknown } | null | undefined
  if (!d) return null
  if (typeof d.value !== 'number' || !Number.isInteger(d.value)) throw new Error('jf_counters: corrupt counter document')
  return d.value
}

/** A first document for a key: two transactions adding it at once make one fail, and the store reruns it. */
async function addFirst(coll: CollectionReference, id: string, key: string, value: number): Promise<void> {
  try {
    answerData(await coll.add({ _id: id, key, value }))
  } catch (e) {
    if (isDuplicateWrite(e)) throw new StoreUnavailableError('counter created concurrently', 'DATABASE_TRANSACTION_CONFLICT', e)
    throw mapCloudbaseError(e)
  }
}

/**
 * Inside a CloudBase transaction (doc-by-id only): read the counter, then `_.inc(1)` it (or add it
 * at 1). Two transactions taking a number at once write the same document, so CloudBase fails one
 * with a write conflict and the store reruns it, which then reads the other's number: never a
 * duplicate.
 */
async function nextSequence(coll: CollectionReference, db: Db, key: string): Promise<number> {
  const id = compoundId('counter', key)
  const current = valueOf(answerData(await guard(() => coll.doc(id).get())))
  if (current === null) {
    await addFirst(coll, id, key, 1)
    return 1
  }
  answerData(await guard(() => coll.doc(id).update({ value: db.command.inc(1) })))
  return current + 1
}

async function raiseSequence(coll: CollectionReference, key: string, value: number): Promise<void> {
  const id = compoundId('counter', key)
  const current = valueOf(answerData(await guard(() => coll.doc(id).get())))
  if (current === null) return addFirst(coll, id, key, value)
  if (current < value) answerData(await guard(() => coll.doc(id).update({ value })))
}

export function cloudbaseCounterTx(coll: Coll, db: Db): CounterTx {
  return {
    nextSequence: (key) => nextSequence(coll('counters'), db, key),
    raiseSequence: (key, value) => raiseSequence(coll('counters'), key, value),
  }
}
