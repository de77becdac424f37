import type { Case, TimelineEvent } from '../../../src/core/case'
import { caseSequenceKey, caseYear, formatCaseNumber, numberingUnit } from '../../../src/core/caseNumber'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { OutboxMessage, Tx } from '../../ports'
import type { Deps } from '../../deps'
import { countCreate, limitedTransaction } from './rateLimit'
import { withFields } from '../../../src/core/withFields'

export const CASE_EVENT = 'case.event'

/** The outbox row that tells the notifier about a timeline event, written in the same transaction. */
export function caseEventMessage(d: Deps, c: Case, e: TimelineEvent): OutboxMessage {
  const now = d.clock.now().toISOString()
  return {
    id: d.newId(),
    topic: CASE_EVENT,
    key: c.id,
    payload: { caseId: c.id, eventId: e.id, action: e.action, toStatus: e.toStatus, actorId: e.actorId },
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
    deliveredAt: null,
    lastError: null,
  }
}

/** More outbox rows a move may owe besides its case event (the 12345 replies: hotline/replies.ts). */
export type EventMessages = (d: Deps, c: Case, e: TimelineEvent) => Promise<OutboxMessage[]>

const eventMessages: EventMessages[] = []

/**
 * Registered by the code that makes the moves which owe such rows (the report area's commands
 * for the 12345 replies), so a bundle that cannot make them does not carry their code.
 */
export function alsoEnqueueOnEvent(more: EventMessages): void {
  if (!eventMessages.includes(more)) eventMessages.push(more)
}

export async function recordEvent(d: Deps, tx: Tx, c: Case, e: TimelineEvent): Promise<void> {
  await tx.appendEvent(e)
  await tx.enqueue(caseEventMessage(d, c, e))
  // A 12345 order's reply (受理, 办结, 回访) commits with its move, so none is lost or sent for a move rolled back.
  for (const more of eventMessages) for (const m of await more(d, c, e)) await tx.enqueue(m)
}

/**
 * Writes a transition: the case only if nobody moved it since `before` was read (optimistic
 * version), its timeline row and its outbox message (and `also`'s writes), all or nothing.
 */
export async function saveTransition(d: Deps, before: Case, next: Case, e: TimelineEvent, also?: (tx: Tx) => Promise<void>): Promise<Failure | null> {
  const saved = await d.store.transaction(async (tx) => {
    if (!(await tx.updateCase(next, before.version))) return false
    await recordEvent(d, tx, next, e)
    await also?.(tx)
    return true
  })
  return saved ? null : fail('CONFLICT', '该事项已被他人更新，请刷新后重试')
}

export interface CreateOptions {
  /** The district rate limit the create counts against (reports.submit, rental.checkIn, …). */
  limit?: string
  /** More writes that must commit with the case (a check-in's vault row). */
  also?: (tx: Tx) => Promise<void>
}

/**
 * Creates a case once per (creator, idempotency key): the claim, the case with its number (the
 * street's next of the year, 京溪-2026-00042), its first timeline row and outbox message commit
 * together. A retry gets the first case back, marked `replayed`; a rolled-back create takes no number.
 */
export async function createOnce(d: Deps, actor: Actor, key: string, c: Case, e: TimelineEvent, opts: CreateOptions = {}): Promise<{ case: Case; replayed: boolean } | Failure> {
  const unit = numberingUnit(await d.orgTree(), c)
  const year = caseYear(c.createdAt)
  let numbered = c
  const winner = await limitedTransaction(() =>
    d.store.transaction(async (tx) => {
      const held = await tx.claimIdempotency(actor.userId, key, c.id)
      if (held) return held
      if (opts.limit) await countCreate(d, tx, actor.userId, opts.limit)
      numbered = withFields(c, { number: formatCaseNumber(unit.short, year, await tx.nextSequence(caseSequenceKey(unit.short, year))) })
      await tx.insertCase(numbered)
      await recordEvent(d, tx, numbered, e)
      await opts.also?.(tx)
      return c.id
    }),
  )
  if (typeof winner !== 'string') return winner
  const stored = winner === c.id ? numbered : await d.store.getCase(winner)
  if (!stored) return fail('UNAVAILABLE', '系统繁忙，请稍后重试')
  return stored.kind === c.kind ? { case: stored, replayed: winner !== c.id } : keyUsedElsewhere()
}

/** A key the caller already used for another kind of case: a client bug, never a replay. */
export function keyUsedElsewhere(): Failure {
  return fail('VALIDATION', '请求编号已用于其他事项，请重新提交', { idempotencyKey: '已被使用' })
}
