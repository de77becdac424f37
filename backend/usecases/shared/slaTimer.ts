import { MEDIATION_OPEN, REMINDER_DAYS } from '../../../src/core/kinds/mediation'
import type { Deps } from '../../deps'
import { deliverDue } from '../inbox/deliver'
import { helpClock } from '../help/clock'
import { autoClose, escalateOverdue } from '../report/escalate'
import { systemMove, TIMER_PAGE as PAGE, type TickReport } from './systemMove'

export type { TickReport }

const MEDIATION_ASSIGNED = MEDIATION_OPEN.filter((s) => s !== 'applied')

/**
 * Mediation's 30-day limit: reminders when 7 and 3 days are left, then overdue (the centre is
 * told). Only cases due within 7 days are read. (Mediation's part of this timer; it may move to
 * usecases/mediation/ with that area.)
 */
async function mediationClock(d: Deps, now: Date, r: TickReport): Promise<void> {
  const horizon = new Date(now.getTime() + 7 * 86_400_000).toISOString()
  let before: string | undefined
  for (;;) {
    const page = await d.store.listCases({ kind: 'mediation', statuses: MEDIATION_ASSIGNED, slaBefore: horizon, order: 'sla', limit: PAGE, before })
    for (const c of page) {
      const left = (Date.parse(c.slaDeadline!) - now.getTime()) / 86_400_000
      const moves: Array<[string, Record<string, unknown>]> = left <= 0 ? [['mark_overdue', {}]] : REMINDER_DAYS.filter((days) => left <= days).slice(-1).map((days) => ['remind', { daysLeft: days }])
      for (const [action, params] of moves) {
        const res = await systemMove(d, c, action, params)
        if (res === 'done') action === 'remind' ? r.reminded++ : r.overdue++
        if (res === 'conflict') r.conflicts++
      }
    }
    if (page.length < PAGE) return
    before = page[page.length - 1]!.id
  }
}

/**
 * The SLA clock (CloudBase timer trigger; an interval in the local server). Safe to run at any
 * time and any number of times: each move is a guarded transition with a version check, so a
 * second run, or a staff member acting at the same moment, changes nothing twice.
 */
export async function tick(d: Deps): Promise<TickReport> {
  const r: TickReport = { overdue: 0, reminded: 0, escalated: 0, autoClosed: 0, conflicts: 0, delivered: 0, failed: 0, helpEscalated: 0 }
  const now = d.clock.now()
  await escalateOverdue(d, now, r)
  await mediationClock(d, now, r)
  await helpClock(d, now, r)
  await autoClose(d, now, r)
  // One message per case per round keeps each case's events in order; a few rounds drain the rest.
  for (let round = 0; round < 20; round++) {
    const sent = await deliverDue(d, 500)
    r.delivered += sent.delivered
    r.failed += sent.failed
    if (sent.delivered === 0) break
  }
  return r
}
