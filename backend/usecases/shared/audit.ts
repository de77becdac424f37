import type { Actor } from '../../../src/core/roles'
import type { AuditEntry } from '../../ports'
import type { Deps } from '../../deps'

/**
 * Appends one audit row (who, when, which record or export, why) in one insert of its own, before
 * the data it covers is answered: a read of personal data that cannot be recorded does not happen.
 */
export async function writeAudit(d: Deps, actor: Actor, e: Pick<AuditEntry, 'actorRole' | 'action' | 'target' | 'reason' | 'unitCode'>): Promise<AuditEntry> {
  const entry: AuditEntry = { id: d.newId(), actorId: actor.userId, at: d.clock.now().toISOString(), ...e }
  // One insert, atomic alone (on CloudBase one round trip instead of a transaction's three).
  await d.store.appendAudit(entry)
  return entry
}

/** The unit a staff export is recorded under: the caller's first grant among `roles`. */
export function auditUnit(actor: Actor, roles: readonly string[]): { role: string; unitCode: string } {
  const g = actor.grants.find((x) => roles.includes(x.role)) ?? actor.grants[0]
  return { role: g?.role ?? 'unknown', unitCode: g?.unitCode ?? 'unknown' }
}
