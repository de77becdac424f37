import { fail, isFailure, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { User } from '../../ports'
import type { Deps } from '../../deps'

export function actorOf(u: User): Actor {
  return { userId: u.id, name: u.name, grants: u.grants }
}

/**
 * The record each actor resolveCaller made was built from. Keyed by the actor object, which is made
 * anew on every call, so an entry lives exactly as long as that one request's actor: it is never
 * shared between requests or callers, and a revoked grant or an erased account is still read fresh
 * at the next call's boundary. A copy of the actor ({ ...actor }) does not carry it.
 */
const resolvedFrom = new WeakMap<Actor, User>()

function resolvedActor(u: User): Actor {
  const actor = actorOf(u)
  resolvedFrom.set(actor, u)
  return actor
}

/**
 * The caller's own record as this request's boundary read it, so a use case that only shows or
 * consults it needs no second read; null for an actor made elsewhere (a test, the system, a proxy).
 * Not for a change: a write compares against the stored record, which it reads itself.
 */
export function callerRecord(actor: Actor): User | null {
  const u = resolvedFrom.get(actor)
  return u && u.id === actor.userId ? u : null
}

/** A staff record stripped of its grants (revoked): refused whichever way it signs in. */
const disabled = () => fail('FORBIDDEN', '该账号已停用，请联系管理员')

/** A person who deleted their account (注销): that record never acts again. */
const deleted = () => fail('UNAUTHENTICATED', '账号已注销')

export const UNBOUND_WEB_MESSAGE = '请先用邀请码绑定工作人员账号'

/**
 * A resolved caller. `webUid` is set when the call came from the H5 desk signed in with
 * CloudBase authentication; `actor` is null while that uid is bound to no staff record, which
 * only an invitation redeem (`session.bind`) accepts.
 */
export type Caller = { actor: Actor; webUid?: string } | { actor: null; webUid: string }

/**
 * Who is calling. A WeChat user seen for the first time becomes a resident of the configured
 * district; staff roles are granted by an administrator, never by the caller. A web uid is
 * never made a resident: the H5 sign-in is for staff, bound by invitation. `configReady`: the
 * configuration's refresh, when the boundary reads it alongside the caller.
 */
export async function resolveCaller(d: Deps, context: unknown, configReady: Promise<void> = Promise.resolve()): Promise<Caller | Failure | null> {
  const who = await d.identity.resolve(context)
  if (!who) return null
  if ('userId' in who) {
    const u = await d.store.getUser(who.userId)
    if (u?.deletedAt) return deleted()
    // Read on every call, so a role change or a revocation applies to the very next one.
    if (u && u.grants.length === 0) return disabled()
    return u ? { actor: resolvedActor(u) } : null
  }
  if ('webUid' in who) {
    const bound = await d.store.findUserByWebUid(who.webUid)
    if (bound?.deletedAt) return deleted()
    if (bound && bound.grants.length === 0) return disabled()
    return { actor: bound ? resolvedActor(bound) : null, webUid: who.webUid }
  }
  const known = await d.store.findUserByOpenid(who.openid)
  if (known && !known.deletedAt) return { actor: resolvedActor(known) }
  // Deletion clears the OPENID with the mark; should a deleted record still hold it, it lets go,
  // so the same WeChat identity signs in as a new person with no history.
  if (known) await d.store.replaceUser({ ...known, openid: null }, known)
  // A new resident joins the district of the configuration in force, not one still being read.
  await configReady
  const user: User = {
    id: d.newId(),
    name: '微信用户',
    phone: null,
    openid: who.openid,
    grants: [{ role: 'resident', unitCode: d.config.district.code }],
    createdAt: d.clock.now().toISOString(),
  }
  await d.store.putUser(user)
  // Two first calls at once may both create; the store's unique openid keeps one.
  const stored = await d.store.findUserByOpenid(who.openid)
  return stored ? { actor: resolvedActor(stored) } : null
}

/** The caller as an actor; a web uid bound to no staff record is refused. */
export async function resolveActor(d: Deps, context: unknown): Promise<Actor | Failure | null> {
  const c = await resolveCaller(d, context)
  if (!c || isFailure(c)) return c
  return c.actor ?? fail('UNAUTHENTICATED', UNBOUND_WEB_MESSAGE)
}
