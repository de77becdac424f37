import { fail, type Failure } from '../../../src/core/outcome'
import type { RateLimitTx } from '../../ports'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { callerRecord } from './actor'

export const RATE_LIMITED_MESSAGE = '请求过于频繁，请稍后再试'

/** Thrown inside a create's transaction to roll it back (claim included) when over the limit. */
export class RateLimitExceeded extends Error {
  constructor(readonly action: string) {
    super(`rate limit reached for ${action}`)
    this.name = 'RateLimitExceeded'
  }
}

/** Start of the fixed window containing `now`, as canonical ISO text. */
export function windowStart(now: Date, windowMinutes: number): string {
  const ms = windowMinutes * 60_000
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString()
}

/**
 * Counts one create of `action` by `subject` against the district's limit, inside the create's
 * transaction and after its idempotency claim (so a retry of an accepted create, which the claim
 * answers, is never counted or refused). Throws RateLimitExceeded to roll the create back.
 */
export async function countCreate(d: Deps, tx: RateLimitTx, subject: string, action: string): Promise<void> {
  const limit = Object.prototype.hasOwnProperty.call(d.config.rateLimits, action) ? d.config.rateLimits[action] : undefined
  if (!limit) return
  if (!(await tx.countRateHit(subject, action, windowStart(d.clock.now(), limit.windowMinutes), limit.max))) throw new RateLimitExceeded(action)
}

export function rateLimited(): Failure {
  return fail('RATE_LIMITED', RATE_LIMITED_MESSAGE)
}

/** Runs a create's transaction; a RateLimitExceeded from inside it becomes the RATE_LIMITED answer. */
export async function limitedTransaction<T>(run: () => Promise<T>): Promise<T | Failure> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof RateLimitExceeded) return rateLimited()
    throw e
  }
}

/**
 * Whom a limit against probing counts: the WeChat identity (or the H5 uid), which outlives an
 * account that is deleted and made anew, and only then the account itself.
 */
export async function probeSubject(d: Deps, actor: Actor): Promise<string> {
  // The record the boundary resolved this caller from serves: openid and webUid are what it read.
  const u = callerRecord(actor) ?? (await d.store.getUser(actor.userId))
  if (u?.openid) return `openid:${u.openid}`
  if (u?.webUid) return `web:${u.webUid}`
  return `user:${actor.userId}`
}

/**
 * Counts one probing call (a read such as `reports.duplicates`, not a create) against the
 * district's limit for `action`, on its own (countRateHitAlone) so that nothing rolls it back.
 * Null while within the limit; the RATE_LIMITED answer beyond it.
 */
export async function countProbe(d: Deps, actor: Actor, action: string): Promise<Failure | null> {
  const limit = Object.prototype.hasOwnProperty.call(d.config.rateLimits, action) ? d.config.rateLimits[action] : undefined
  if (!limit) return null
  const subject = await probeSubject(d, actor)
  const counted = await d.store.countRateHitAlone(subject, action, windowStart(d.clock.now(), limit.windowMinutes), limit.max)
  return counted ? null : rateLimited()
}
