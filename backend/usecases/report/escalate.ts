import { escalationTarget } from '../../../src/core/escalation'
import { REPORT, REPORT_CONFIRM_WINDOW_DAYS } from '../../../src/core/kinds/report'
import { SYSTEM_ACTOR } from '../../../src/core/roles'
import { KINDS } from '../../../src/core/kinds'
import { MEDIATION_OPEN, REMINDER_DAYS } from '../../../src/core/kinds/mediation'

const MEDIATION_ASSIGNED = MEDIATION_OPEN.filter((s) => s !== 'applied')
import { transition } from '../../../src/core/transition'
import { leafCategory } from '../../config/district'
import type { Case } from '../../../src/core/case'
import type { Deps } from '../../deps'
import { deliverDue } from '../notify'
import { saveTransition } from '../shared/persist'

export interface TickReport {
  overdue: number
  reminded: number
  escalated: number
  autoClosed: number
  conflicts: number
  delivered: number
  failed: number
}

const OPEN = REPORT.rules.find((r) => r.action === 'mark_overdue')!.from
const PAGE = 200

async function systemMove(d: Deps, c: Case, action: string, params: Record<string, unknown> = {}): Promise<'done' | 'refused' | 'conflict'> {
  const tree = await d.orgTree()
  const out = transition(KINDS[c.kind], tree, c, { actor: SYSTEM_ACTOR, action, now: d.clock.now(), eventId: d.newId(), params })
  if (!out.ok) return 'refused'
  return (await saveTransition(d, c, out.case, out.event)) ? 'conflict' : 'done'
}

/**
 * Mediation's 30-day limit: reminders when 7 and 3 days are left, then overdue (the centre is
 * told). Only cases due within 7 days are read.
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

/** Every open case past its deadline, in deadline order, a page at a time. */
async function* overdueCases(d: Deps, now: string): AsyncGenerator<Case> {
  let before: string | undefined
  for (;;) {
    const page = await d.store.listCases({ kind: 'report', statuses: OPEN, slaBefore: now, order: 'sla', limit: PAGE, before })
    for (const c of page) yield c
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
  const r: TickReport = { overdue: 0, reminded: 0, escalated: 0, autoClosed: 0, conflicts: 0, delivered: 0, failed: 0 }
  const now = d.clock.now()
  const graceMs = d.config.escalationGraceHours * 3600 * 1000
  const tree = await d.orgTree()
  for await (const c of overdueCases(d, now.toISOString())) {
    const since = (c.payload as { overdueSince?: string }).overdueSince
    let result: 'done' | 'refused' | 'conflict' | 'skip' = 'skip'
    if (!since) {
      result = await systemMove(d, c, 'mark_overdue')
      if (result === 'done') r.overdue++
    } else if (now.getTime() - Date.parse(since) >= graceMs) {
      const target = escalationTarget(tree, c.unitCode)
      if (target) {
        result = await systemMove(d, c, 'escalate', { toUnitCode: target.code, slaHours: leafCategory(d.config, c.category)?.slaHours ?? 72 })
        if (result === 'done') r.escalated++
      }
    }
    if (result === 'conflict') r.conflicts++
  }
  await mediationClock(d, now, r)
  // A case resolved more than 7 days ago was necessarily created before then.
  const windowStart = new Date(now.getTime() - REPORT_CONFIRM_WINDOW_DAYS * 24 * 3600 * 1000).toISOString()
  let before: string | undefined
  for (;;) {
    const page = await d.store.listCases({ kind: 'report', statuses: ['resolved'], createdBefore: windowStart, order: 'newest', limit: PAGE, before })
    for (const c of page) {
      const res = await systemMove(d, c, 'auto_close')
      if (res === 'done') r.autoClosed++
      if (res === 'conflict') r.conflicts++
    }
    if (page.length < PAGE) break
    before = page[page.length - 1]!.id
  }
  // One message per case per round keeps each case's events in order; a few rounds drain the rest.
  for (let round = 0; round < 20; round++) {
    const sent = await deliverDue(d, 500)
    r.delivered += sent.delivered
    r.failed += sent.failed
    if (sent.delivered === 0) break
  }
  return r
}
