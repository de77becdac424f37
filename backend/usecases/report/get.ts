import type { ApiIn } from '../../../src/contracts/api'
import { REPORT } from '../../../src/core/kinds/report'
import { fail } from '../../../src/core/outcome'
import { ROLES, type Actor } from '../../../src/core/roles'
import { actingRole, canRead } from '../../../src/core/scope'
import type { Deps } from '../../deps'
import { auditCaseRead } from '../shared/readAudit'
import { pageReads } from '../shared/pageReads'
import { timelineReadIds, timelineViews } from '../shared/timelineViews'
import { caseReadIds, caseView } from './caseView'
import { hasPublicView, publicCaseView } from './publicView'

const NOT_FOUND = '事项不存在或无权查看'
const STAFF_READERS = ROLES.filter((r) => r !== 'resident' && r !== 'tenant')

/**
 * `reports.get` (the resident's detail; staff read through `cases.get`, staffGet.ts).
 * The reporter gets their own case in full (notes only when public or their own); staff in scope
 * the internal view; a follower the public view, while there is one. Anyone else, and a follower
 * of a sensitive, 找网格员 or hidden report, gets NOT_FOUND, so ids cannot be probed for existence.
 */
export async function get(d: Deps, actor: Actor, input: ApiIn<'reports.get'>) {
  const tree = await d.orgTree()
  const c = await d.store.getCase(input.id)
  if (!c || c.kind !== 'report') return fail('NOT_FOUND', NOT_FOUND)
  if (canRead(tree, actor, c)) {
    await auditCaseRead(d, tree, actor, c, 'reports.get')
    const events = await d.store.timeline(c.id)
    // Read as staff only through a staff grant covering the case; through the resident's own, as the reporter.
    const asStaff = actingRole(tree, actor, c, STAFF_READERS) !== undefined
    const audience = asStaff ? 'full' : 'reporter'
    // The case's people and files and the timeline's, in one read each (pageReads.ts).
    const own = caseReadIds(c)
    const rows = timelineReadIds(actor, events)
    const reads = await pageReads(d, [...own.userIds, ...rows.userIds], [...own.fileIds, ...rows.fileIds])
    return { ok: true as const, view: 'full' as const, case: await caseView(d, tree, c, actor, reads), timeline: await timelineViews(d, REPORT, actor, c, events, audience, undefined, reads) }
  }
  if (hasPublicView(d, c) && (await d.store.followers(c.id)).includes(actor.userId)) {
    return { ok: true as const, view: 'public' as const, case: await publicCaseView(d, c) }
  }
  return fail('NOT_FOUND', NOT_FOUND)
}
