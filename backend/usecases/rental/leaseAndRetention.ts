import type { Case } from '../../../src/core/case'
import { CHECKIN } from '../../../src/core/kinds/checkin'
import { SYSTEM_ACTOR } from '../../../src/core/roles'
import { transition } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { deliverDue } from '../notify'
import { saveTransition } from '../shared/persist'
import { casePages } from './reads'

export interface RentalTickReport {
  leaseOverdue: number
  purged: number
  conflicts: number
  delivered: number
  failed: number
}

/**
 * Check-ins whose next deadline (see CHECKIN: lease end while active, the moment of leaving
 * once ended) is before `before`, in deadline order: one indexed range, never a scan.
 */
async function* due(d: Deps, statuses: string[], before: string): AsyncGenerator<Case> {
  for await (const page of casePages(d, { kind: 'checkin', statuses, slaBefore: before, order: 'sla' })) yield* page
}

async function systemMove(d: Deps, c: Case, action: string, params: Record<string, unknown>, also?: Parameters<typeof saveTransition>[4]) {
  const out = transition(CHECKIN, await d.orgTree(), c, { actor: SYSTEM_ACTOR, action, now: d.clock.now(), eventId: d.newId(), params })
  if (!out.ok) return 'refused' as const
  return (await saveTransition(d, c, out.case, out.event, also)) ? ('conflict' as const) : ('done' as const)
}

/**
 * The daily rental job (CloudBase timer; the local server's interval and dev clock): flags
 * stays past their lease end once (the manager is reminded through the case event), purges
 * identity numbers and phones after the retention period, and delivers due outbox messages
 * (door-access webhooks among them). Every move is a guarded, versioned transition, so a second
 * run changes nothing twice.
 */
export async function rentalTick(d: Deps): Promise<RentalTickReport> {
  const r: RentalTickReport = { leaseOverdue: 0, purged: 0, conflicts: 0, delivered: 0, failed: 0 }
  // What is already due goes out first, so a door event still names a tenant about to be purged.
  await deliver(d, r)
  const now = d.clock.now()
  for await (const c of due(d, ['active'], now.toISOString())) {
    const res = await systemMove(d, c, 'flag_lease_overdue', {})
    if (res === 'done') r.leaseOverdue++
    if (res === 'conflict') r.conflicts++
  }
  const retentionDays = d.config.rental.retentionDays
  const leftBefore = new Date(now.getTime() - retentionDays * 86_400_000 + 1).toISOString()
  for await (const c of due(d, ['checked_out', 'refused'], leftBefore)) {
    const res = await systemMove(d, c, 'purge', { retentionDays }, async (tx) => {
      const s = await tx.getSecret(c.id)
      if (s?.docHmac) await tx.releaseLiveDocument(s.docHmac, c.id)
      if (s) await tx.putSecret({ ...s, docCipher: null, phoneCipher: null, docHmac: null, purgedAt: now.toISOString() })
    })
    if (res === 'done') r.purged++
    if (res === 'conflict') r.conflicts++
  }
  await deliver(d, r)
  return r
}

/** One message per key per round keeps each registration's events in order; a few rounds drain the rest. */
async function deliver(d: Deps, r: RentalTickReport): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const sent = await deliverDue(d, 500)
    r.delivered += sent.delivered
    r.failed += sent.failed
    if (sent.delivered === 0) break
  }
}
