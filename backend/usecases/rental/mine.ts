import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { Buildings } from './reads'
import { ownView } from './registrationView'
import { isVault, openSecret, vaultOf } from './secrets'

/** The tenant's own registrations, newest first, with their own phone in full. */
export async function mine(d: Deps, actor: Actor) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const buildings = new Buildings(d)
  const rows = await d.store.listCases({ kind: 'checkin', creatorId: actor.userId, order: 'newest', limit: 50 })
  const registrations = []
  for (const c of rows) registrations.push(await ownView(d, c, buildings, openSecret(vault, await d.store.getSecret(c.id)).phone))
  return { ok: true as const, registrations }
}
