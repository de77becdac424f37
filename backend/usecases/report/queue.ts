import type { ApiIn, AssigneeView, QueueFilter, StatsView } from '../../../src/contracts/api'
import { REPORT } from '../../../src/core/kinds/report'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import { ROLE_LABELS, type Actor, type Role } from '../../../src/core/roles'
import { categoryName } from '../../config/district'
import type { Case } from '../../../src/core/case'
import type { CaseQuery } from '../../ports'
import { auditUnit, writeAudit } from '../shared/audit'
import { csvCell } from '../shared/csv'
import type { Deps } from '../../deps'
import { staffSummary } from './staffView'

export const STAFF_ROLES: readonly Role[] = ['grid_worker', 'dispatcher', 'department', 'admin']
const OPEN = REPORT.rules.find((r) => r.action === 'mark_overdue')!.from

function gridsWithin(tree: OrgTree, unitCode: string): string[] {
  return tree.gridsWithin(unitCode).map((g) => g.code)
}

/**
 * The part of the queue a staff member may see, one query per grant: a grid worker's grids,
 * a dispatcher's or admin's whole unit, a department's own cases within its unit.
 */
export function scopeQueries(tree: OrgTree, actor: Actor): CaseQuery[] {
  const out: CaseQuery[] = []
  for (const g of actor.grants) {
    if (!STAFF_ROLES.includes(g.role)) continue
    const gridCodes = gridsWithin(tree, g.unitCode)
    if (g.role === 'department') out.push({ kind: 'report', gridCodes, department: g.department ?? '\u0000' })
    else out.push({ kind: 'report', gridCodes })
  }
  return out
}

/** Shanghai calendar day → UTC instant at its start. */
export function dayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString()
}

export function nextDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + 24 * 3600 * 1000).toISOString()
}

export function applyFilter(d: Deps, base: CaseQuery, f: QueueFilter, actor: Actor): CaseQuery | null {
  const q: CaseQuery = { ...base, order: 'sla' }
  if (f.statuses?.length) q.statuses = f.statuses
  if (f.category) q.category = f.category
  if (f.gridCode) {
    if (!base.gridCodes?.includes(f.gridCode)) return null
    q.gridCodes = [f.gridCode]
  }
  if (f.overdue) {
    q.slaBefore = d.clock.now().toISOString()
    q.statuses = (q.statuses ?? OPEN).filter((s) => OPEN.includes(s))
  }
  if (f.mine) q.assigneeId = actor.userId
  if (f.from) q.createdAfter = new Date(Date.parse(dayStart(f.from)) - 1).toISOString()
  if (f.to) q.createdBefore = nextDayStart(f.to)
  return q
}

function staffOnly(actor: Actor) {
  return actor.grants.some((g) => STAFF_ROLES.includes(g.role)) ? null : fail('FORBIDDEN', '仅工作人员可查看工作台')
}

function queries(d: Deps, tree: OrgTree, actor: Actor, f: QueueFilter): CaseQuery[] {
  return scopeQueries(tree, actor)
    .map((b) => applyFilter(d, b, f, actor))
    .filter((q): q is CaseQuery => q !== null)
}

function slaOrder(a: Case, b: Case): number {
  if (a.slaDeadline === b.slaDeadline) return a.id.localeCompare(b.id)
  if (a.slaDeadline === null) return 1
  if (b.slaDeadline === null) return -1
  return a.slaDeadline.localeCompare(b.slaDeadline)
}

export async function queue(d: Deps, actor: Actor, input: ApiIn<'cases.queue'>) {
  const refused = staffOnly(actor)
  if (refused) return refused
  const tree = await d.orgTree()
  const { before, limit: asked, ...filter } = input
  const limit = asked ?? 30
  const qs = queries(d, tree, actor, filter)
  const byId = new Map<string, Case>()
  let total = 0
  for (const q of qs) {
    total += await d.store.countCases(q)
    for (const c of await d.store.listCases({ ...q, limit: limit + 1, before })) byId.set(c.id, c)
  }
  const rows = [...byId.values()].sort(slaOrder)
  const page = rows.slice(0, limit)
  const names = new Map<string, string>()
  const cases = []
  for (const c of page) cases.push(await staffSummary(d, tree, c, names))
  return { ok: true as const, cases, next: rows.length > limit ? page[page.length - 1]!.id : null, total }
}

export async function stats(d: Deps, actor: Actor, filter: QueueFilter): Promise<{ ok: true; stats: StatsView } | ReturnType<typeof fail>> {
  const refused = staffOnly(actor)
  if (refused) return refused
  const tree = await d.orgTree()
  const now = d.clock.now().toISOString()
  const qs = queries(d, tree, actor, filter)
  const sum = { total: 0, overdue: 0, byStatus: {} as Record<string, number>, byCategory: {} as Record<string, number>, byGrid: {} as Record<string, number>, byDay: {} as Record<string, number> }
  let hours = 0
  let resolvedCount = 0
  for (const q of qs) {
    const s = await d.store.caseStats(q, now, REPORT.terminalStatuses)
    sum.total += s.total
    sum.overdue += s.overdue
    for (const k of ['byStatus', 'byCategory', 'byGrid', 'byDay'] as const) {
      for (const [key, n] of Object.entries(s[k])) sum[k][key] = (sum[k][key] ?? 0) + n
    }
    if (s.avgHoursToResolve !== null) {
      const n = (s.byStatus.resolved ?? 0) + (s.byStatus.closed ?? 0) || 1
      hours += s.avgHoursToResolve * n
      resolvedCount += n
    }
  }
  const open = OPEN.reduce((n, st) => n + (sum.byStatus[st] ?? 0), 0)
  const closed = sum.byStatus.closed ?? 0
  const entries = (m: Record<string, number>, label: (k: string) => string) =>
    Object.entries(m)
      .map(([key, count]) => ({ key, label: label(key), count }))
      .sort((a, b) => b.count - a.count)
  return {
    ok: true,
    stats: {
      total: sum.total,
      open,
      overdue: sum.overdue,
      overdueRate: open ? Math.round((sum.overdue / open) * 1000) / 1000 : 0,
      closed,
      avgHoursToResolve: resolvedCount ? Math.round((hours / resolvedCount) * 10) / 10 : null,
      byStatus: entries(sum.byStatus, (k) => REPORT.statusLabels[k] ?? k),
      byCategory: entries(sum.byCategory, (k) => categoryName(d.config, k)),
      byGrid: entries(sum.byGrid, (k) => tree.get(k)?.name ?? k),
      byDay: Object.entries(sum.byDay)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, count]) => ({ day, count })),
    },
  }
}

export const EXPORT_LIMIT = 10_000


export async function exportCsv(d: Deps, actor: Actor, filter: QueueFilter) {
  const refused = staffOnly(actor)
  if (refused) return refused
  const tree = await d.orgTree()
  const header = ['编号', '状态', '分类', '描述', '网格', '责任单位', '处置人', '处置部门', '上报时间', '办理期限', '是否超时']
  const lines = [header.map(csvCell).join(',')]
  const names = new Map<string, string>()
  let rows = 0
  const seen = new Set<string>()
  for (const q of queries(d, tree, actor, filter)) {
    let before: string | undefined
    while (rows < EXPORT_LIMIT) {
      const page = await d.store.listCases({ ...q, order: 'newest', limit: 200, before })
      if (page.length === 0) break
      for (const c of page) {
        if (seen.has(c.id) || rows >= EXPORT_LIMIT) continue
        seen.add(c.id)
        const s = await staffSummary(d, tree, c, names)
        const desc = (c.payload as { description?: string }).description ?? ''
        lines.push([c.id, s.statusLabel, s.categoryName, desc, s.gridName, s.unitName, s.assigneeName, s.departmentName, s.createdAt, s.slaDeadline, s.overdue ? '是' : '否'].map(csvCell).join(','))
        rows++
      }
      before = page[page.length - 1]!.id
    }
  }
  const who = auditUnit(actor, STAFF_ROLES)
  await writeAudit(d, actor, { actorRole: who.role, action: 'export', target: `cases.exportCsv ${JSON.stringify(filter).slice(0, 200)} ${rows} rows`, reason: '导出网格事件', unitCode: who.unitCode })
  const stamp = d.clock.now().toISOString().slice(0, 10)
  return { ok: true as const, filename: `网格事件_${stamp}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows }
}

/** Grid workers within the dispatcher's unit and the configured departments. */
export async function assignees(d: Deps, actor: Actor) {
  const units = actor.grants.filter((g) => g.role === 'dispatcher' || g.role === 'admin').map((g) => g.unitCode)
  if (units.length === 0) return fail('FORBIDDEN', '仅综治中心可分派')
  const tree = await d.orgTree()
  const out: AssigneeView[] = []
  const within = tree.all().filter((u) => units.some((unit) => tree.isWithin(u.code, unit))).map((u) => u.code)
  for (const u of await d.store.listStaff(within, ['grid_worker'])) {
    const g = u.grants.find((gr) => gr.role === 'grid_worker' && within.includes(gr.unitCode))!
    out.push({ kind: 'user', id: u.id, name: u.name, detail: `${ROLE_LABELS.grid_worker} · ${tree.get(g.unitCode)?.name ?? g.unitCode}` })
  }
  for (const dep of d.config.departments) out.push({ kind: 'department', id: dep.code, name: dep.name, detail: ROLE_LABELS.department })
  return { ok: true as const, assignees: out }
}
