import type { ActionView, StaffCaseSummary, StaffCaseView } from '../../src/contracts/api'
import type { Case } from '../../src/core/case'
import { escalationTarget, levelOf } from '../../src/core/escalation'
import { labelOf, transition } from '../../src/core/transition'
import { MODERATION_ACTIONS, REPORT, type ReportPayload } from '../../src/core/kinds/report'
import type { OrgTree } from '../../src/core/org'
import type { Actor } from '../../src/core/roles'
import { actingRole } from '../../src/core/scope'
import { isOverdue } from '../../src/core/sla'
import type { Deps } from '../deps'
import { caseView, summaryOf } from './views'

const PROBE_PARAMS = { slaHours: 1, assigneeId: '-', targetCaseId: '-', toUnitCode: '-', rating: 5 }

const NEEDS: Record<string, ActionView['needs']> = {
  resolve: ['note', 'attachments'],
  reject: ['note'],
  reopen: ['note'],
  escalate: ['note'],
  note: ['note'],
  merge: ['target', 'note'],
  assign: ['assignee'],
  confirm: ['rating'],
}

/** Who sees the reporter: the command centre always; handlers only when not anonymous. */
function mayIdentifyReporter(actor: Actor, tree: OrgTree, c: Case): boolean {
  const p = c.payload as ReportPayload
  if (!p.anonymous || c.creatorId === actor.userId) return true
  return actingRole(tree, actor, c, ['dispatcher', 'admin']) !== undefined
}

export function departmentName(d: Deps, code: string | undefined | null): string | null {
  if (!code) return null
  return d.config.departments.find((x) => x.code === code)?.name ?? code
}

/** The moves the viewer may make now: the table's rows from this status that their role covers. */
export function actionsFor(tree: OrgTree, actor: Actor, c: Case, now: Date = new Date()): ActionView[] {
  const seen = new Set<string>()
  const out: ActionView[] = []
  for (const r of REPORT.rules) {
    // Moderation rows go through cases.moderate (content checks, audit), never as a case move.
    if (seen.has(r.action) || !r.from.includes(c.status) || MODERATION_ACTIONS.has(r.action)) continue
    const role = actingRole(tree, actor, c, r.roles.filter((x) => x !== 'system'))
    if (!role) continue
    if (r.action === 'escalate' && !escalationAllowed(tree, role, c)) continue
    // A dry run with the inputs a form would collect: moves the table refuses for who or when
    // (not yet form contents) are not offered.
    const probe = transition(REPORT, tree, c, { actor, action: r.action, now, eventId: 'probe', note: '-', attachments: ['-'], params: PROBE_PARAMS })
    if (!probe.ok && (probe.code === 'FORBIDDEN' || probe.code === 'ILLEGAL_TRANSITION')) continue
    seen.add(r.action)
    const label = r.action === 'escalate' && role === 'grid_worker' ? '上报街道' : labelOf(REPORT.actionLabels, r.action)
    out.push({ action: r.action, label, needs: NEEDS[r.action] ?? [] })
  }
  return out
}

/** A grid worker reports up only while the case is still at the grid; nobody goes above the city. */
export function escalationAllowed(tree: OrgTree, role: string, c: Case): boolean {
  if (!escalationTarget(tree, c.unitCode)) return false
  return role !== 'grid_worker' || levelOf(tree, c.unitCode) === 'grid'
}

export async function staffCaseView(d: Deps, tree: OrgTree, actor: Actor, c: Case): Promise<StaffCaseView> {
  const p = c.payload as ReportPayload
  const base = await caseView(d, tree, c)
  let reporter: StaffCaseView['reporter'] = null
  if (mayIdentifyReporter(actor, tree, c)) {
    if (p.proxy) reporter = { name: p.proxy.name, phone: p.proxy.phone, proxy: true }
    else {
      const u = await d.store.getUser(c.creatorId)
      reporter = { name: u?.name ?? '居民', phone: u?.phone ?? null, proxy: false }
    }
  }
  const level = levelOf(tree, c.unitCode)
  return {
    ...base,
    unitCode: c.unitCode,
    gridCode: c.gridCode,
    assigneeId: c.assigneeId,
    department: p.department ?? null,
    departmentName: departmentName(d, p.department),
    overdue: isOverdue(c, d.clock.now(), REPORT.terminalStatuses),
    escalationLevel: level,
    reporter,
    mergedInto: p.mergedInto ?? null,
    rating: p.rating ?? null,
    ratingComment: p.ratingComment ?? null,
  }
}

export async function staffSummary(d: Deps, tree: OrgTree, c: Case, names: Map<string, string>): Promise<StaffCaseSummary> {
  const p = c.payload as ReportPayload
  let assigneeName: string | null = null
  if (c.assigneeId) {
    if (!names.has(c.assigneeId)) names.set(c.assigneeId, (await d.store.getUser(c.assigneeId))?.name ?? '')
    assigneeName = names.get(c.assigneeId) || null
  }
  return {
    ...summaryOf(d, tree, c),
    gridCode: c.gridCode,
    unitName: tree.get(c.unitCode)?.name ?? c.unitCode,
    assigneeName,
    departmentName: departmentName(d, p.department),
    overdue: isOverdue(c, d.clock.now(), REPORT.terminalStatuses),
    anonymous: p.anonymous,
  }
}
