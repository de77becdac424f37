import type { Case } from '../../../src/core/case'
import { escalationTarget } from '../../../src/core/escalation'
import { REPORT, REPORT_CONFIRM_WINDOW_DAYS } from '../../../src/core/kinds/report'
import { leafCategory } from '../../config/district'
import type { Deps } from '../../deps'
import { systemMove, TIMER_PAGE as PAGE, type TickReport } from '../shared/systemMove'

const OPEN = REPORT.rules.find((r) => r.action === 'mark_overdue')!.from

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
 * The report's SLA clock, first half: a case past its deadline is marked overdue; one still
 * overdue after the grace period goes one level up with a fresh deadline from its category.
 */
export async function escalateOverdue(d: Deps, now: Date, r: TickReport): Promise<void> {
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
}

/** The report's SLA clock, second half: a case resolved 7 days ago that nobody confirmed closes itself. */
export async function autoClose(d: Deps, now: Date, r: TickReport): Promise<void> {
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
}
