import type { Actor, Role } from './roles'

/** Who may act for a named resident who is present (代办): grid workers, and the 代办员 the admin grants. */
export const PROXY_ROLES: readonly Role[] = ['grid_worker', 'proxy_agent']

export function canProxy(actor: Actor): boolean {
  return actor.grants.some((g) => PROXY_ROLES.includes(g.role))
}

/** The grant an agent acts under (a grid worker's own wins: its area is the wider one). */
export function proxyGrant(actor: Actor) {
  return actor.grants.find((g) => g.role === 'grid_worker') ?? actor.grants.find((g) => g.role === 'proxy_agent')
}
