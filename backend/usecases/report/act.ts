import type { ActInput } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { REPORT, type ReportPayload } from '../../../src/core/kinds/report'
import type { OrgTree } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { act as actOn } from '../shared/act'
import { actionsFor } from '../shared/actionViews'
import { auditCaseRead } from '../shared/readAudit'
import { REPORT_COMMANDS } from './commands'
import { staffCaseView } from './staffView'
import { caseView, timelineViews } from './caseView'

const NOT_FOUND = REPORT_COMMANDS.notFound

async function loadReadable(d: Deps, tree: OrgTree, actor: Actor, id: string): Promise<Case | Failure> {
  const c = await d.store.getCase(id)
  if (!c || c.kind !== 'report' || !canRead(tree, actor, c)) return fail('NOT_FOUND', NOT_FOUND)
  return c
}

/** One move on one case through the report's declared commands; answers the refreshed detail. */
export async function act(d: Deps, actor: Actor, input: ActInput) {
  const r = await actOn(d, actor, REPORT_COMMANDS, input)
  if (!r.ok) return r
  return { ok: true as const, ...(await detail(d, r.tree, actor, r.case)) }
}

export async function detail(d: Deps, tree: OrgTree, actor: Actor, c: Case) {
  return {
    case: await staffCaseView(d, tree, actor, c),
    timeline: await timelineViews(d, actor, c, await d.store.timeline(c.id)),
    actions: actionsFor(REPORT, tree, actor, c, d.clock.now()),
  }
}

export async function get(d: Deps, actor: Actor, input: { id: string }) {
  const tree = await d.orgTree()
  const c = await loadReadable(d, tree, actor, input.id)
  if ('ok' in c) return c
  await auditCaseRead(d, tree, actor, c, 'cases.get')
  return { ok: true as const, ...(await detail(d, tree, actor, c)) }
}

export async function bulkAssign(d: Deps, actor: Actor, input: { ids: string[]; assigneeId?: string; department?: string }) {
  const results: Array<{ id: string; ok: boolean; code?: string; message?: string }> = []
  for (const id of [...new Set(input.ids)]) {
    const c = await d.store.getCase(id)
    const r = await act(d, actor, { id, action: 'assign', version: c?.version ?? 0, assigneeId: input.assigneeId, department: input.department })
    results.push(r.ok ? { id, ok: true } : { id, ok: false, code: r.code, message: r.message })
  }
  return { ok: true as const, results }
}

/** The reporter's own moves go through the same table; only the view differs. */
export async function residentAct(d: Deps, actor: Actor, input: ActInput) {
  const r = await act(d, actor, input)
  if (!r.ok) return r
  const tree = await d.orgTree()
  const c = await d.store.getCase(input.id)
  return { ok: true as const, case: await caseView(d, tree, c!) }
}

export type { ReportPayload }
