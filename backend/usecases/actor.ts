import { fail, type Failure } from '../../src/core/outcome'
import type { Actor } from '../../src/core/roles'
import type { User } from '../ports'
import type { Deps } from '../runtime'

export function actorOf(u: User): Actor {
  return { userId: u.id, name: u.name, grants: u.grants }
}

/**
 * Who is calling. A WeChat user seen for the first time becomes a resident of the configured
 * district; staff roles are granted by an administrator, never by the caller.
 */
export async function resolveActor(d: Deps, context: unknown): Promise<Actor | Failure | null> {
  const who = await d.identity.resolve(context)
  if (!who) return null
  if ('userId' in who) {
    const u = await d.store.getUser(who.userId)
    // Read on every call, so a role change or a revocation applies to the very next one.
    if (u && u.grants.length === 0) return fail('FORBIDDEN', '该账号已停用，请联系管理员')
    return u ? actorOf(u) : null
  }
  const known = await d.store.findUserByOpenid(who.openid)
  if (known) return actorOf(known)
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
  return stored ? actorOf(stored) : null
}
