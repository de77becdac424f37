import type { StaffCaseSummary, StaffCaseView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { levelOf } from '../../../src/core/escalation'
import { FOLLOW_UP_SATISFACTION_LABELS, REPORT, type ReportPayload } from '../../../src/core/kinds/report'
import { sourceLine } from '../../../src/core/kinds/reportTerms'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import { actingRole } from '../../../src/core/scope'
import { isOverdue } from '../../../src/core/sla'
import { isMediableCategory } from '../mediation/mediable'
import type { Deps } from '../../deps'
import { actionsFor } from '../shared/actionViews'
import { pageReads, type PageReads } from '../shared/pageReads'
import { timelineReadIds, timelineViews } from '../shared/timelineViews'
import { caseReadIds, caseView, summaryOf } from './caseView'
import { openContact } from './contactPhone'
import { openProxy } from './proxyPerson'
import { openSourceReporter } from './sourceReporter'
import { withFields } from '../../../src/core/withFields'

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

/** Whose account the staff view names as the reporter: none for an outside system's or a 代办 filing. */
function reporterAccount(actor: Actor, tree: OrgTree, c: Case): string | null {
  const p = c.payload as ReportPayload
  return mayIdentifyReporter(actor, tree, c) && !p.proxy && !p.source ? c.creatorId : null
}

export async function staffCaseView(d: Deps, tree: OrgTree, actor: Actor, c: Case, given?: PageReads): Promise<StaffCaseView> {
  const p = c.payload as ReportPayload
  const ids = given ? null : caseReadIds(c)
  const reads = given ?? (await pageReads(d, [...ids!.userIds, reporterAccount(actor, tree, c)], ids!.fileIds))
  const base = await caseView(d, tree, c, actor, reads)
  let reporter: StaffCaseView['reporter'] = null
  if (mayIdentifyReporter(actor, tree, c)) {
    if (p.proxy) reporter = withFields(openProxy(d.vault, c.id, p.proxy), { proxy: true })
    else if (p.source) {
      // Filed by an outside system: the reporter as it named them (sourceReporter.ts), no account.
      const named = p.source.reporter ? openSourceReporter(d.vault, c.id, p.source.reporter) : { name: null, email: null }
      reporter = { name: named.name ?? '未留姓名', phone: openContact(d.vault, c), proxy: false, ...(named.email ? { email: named.email } : {}) }
    } else {
      const u = reads.users.get(c.creatorId)
      // The contact phone left on the report (contactPhone.ts), else a staff reporter's work phone.
      reporter = { name: u?.name ?? '居民', phone: openContact(d.vault, c) ?? u?.phone ?? null, proxy: false }
    }
  }
  const level = levelOf(tree, c.unitCode)
  return withFields(base, {
    unitCode: c.unitCode,
    gridCode: c.gridCode,
    assigneeId: c.assigneeId,
    department: p.department ?? null,
    departmentName: departmentName(d, p.department),
    overdue: isOverdue(c, d.clock.now(), REPORT.terminalStatuses),
    escalationLevel: level,
    reporter,
    mergedInto: p.mergedInto ?? null,
    mergedIntoNumber: p.mergedInto ? ((await d.store.getCase(p.mergedInto))?.number ?? null) : null,
    rating: p.rating ?? null,
    ratingComment: p.ratingComment ?? null,
    followUp: p.followUp ? { satisfactionLabel: FOLLOW_UP_SATISFACTION_LABELS[p.followUp.satisfaction], at: p.followUp.at } : null,
    mediable: isMediableCategory(d.config, c.category),
    ...(p.source ? { source: { line: sourceLine(p.source), mediaUrls: p.source.mediaUrls ?? [] } } : {}),
  })
}

/** `names`: assignees' names read so far (prefetchNames fills it for a whole page at once). */
export async function staffSummary(d: Deps, tree: OrgTree, c: Case, names: Map<string, string>): Promise<StaffCaseSummary> {
  const p = c.payload as ReportPayload
  let assigneeName: string | null = null
  if (c.assigneeId) {
    if (!names.has(c.assigneeId)) names.set(c.assigneeId, (await d.store.getUser(c.assigneeId))?.name ?? '')
    assigneeName = names.get(c.assigneeId) || null
  }
  return withFields(summaryOf(d, tree, c), {
    gridCode: c.gridCode,
    unitName: tree.get(c.unitCode)?.name ?? c.unitCode,
    assigneeName,
    departmentName: departmentName(d, p.department),
    overdue: isOverdue(c, d.clock.now(), REPORT.terminalStatuses),
    anonymous: p.anonymous,
    location: { lng: p.location.lng, lat: p.location.lat, address: p.location.address },
  })
}

/** What staff see of one case: the internal view, the full timeline and the moves open to them now. */
export async function staffDetail(d: Deps, tree: OrgTree, actor: Actor, c: Case) {
  const events = await d.store.timeline(c.id)
  // The case's people and files and the timeline's, in one read each (pageReads.ts).
  const own = caseReadIds(c)
  const rows = timelineReadIds(actor, events)
  const reads = await pageReads(d, [...own.userIds, reporterAccount(actor, tree, c), ...rows.userIds], [...own.fileIds, ...rows.fileIds])
  return {
    case: await staffCaseView(d, tree, actor, c, reads),
    timeline: await timelineViews(d, REPORT, actor, c, events, 'full', undefined, reads),
    actions: actionsFor(REPORT, tree, actor, c, d.clock.now()),
  }
}
