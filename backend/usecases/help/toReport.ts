import type { ApiIn } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import type { CaseLink } from '../../../src/core/caseLink'
import type { HelpPayload } from '../../../src/core/kinds/help'
import { openReport, type ReportPayload } from '../../../src/core/kinds/report'
import type { OrgTree } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import { leafCategory } from '../../config/district'
import type { Deps } from '../../deps'
import { createOnce } from '../shared/persist'
import { carriedProxy } from '../shared/proxyAgent'

type ReportInput = NonNullable<ApiIn<'help.convert'>['report']>

/**
 * A 网格事件 of the grid where the request was raised, the person who asked as its reporter (they
 * follow it in 我的事项), at the request's position. Made once per request: `key` is claimed for the person.
 */
export async function openReportForHelp(d: Deps, tree: OrgTree, c: Case, p: HelpPayload, input: ReportInput, origin: CaseLink, key: string): Promise<Case | Failure> {
  const category = leafCategory(d.config, input.category)
  if (!category) return fail('VALIDATION', '请选择具体的事件类别', { category: '请选择具体类别' })
  if (!c.gridCode) return fail('VALIDATION', '该求助没有所在网格，不能转为网格事件')
  const place = tree.get(c.gridCode)?.name ?? ''
  const id = d.newId()
  const payload: ReportPayload & { origin: CaseLink } = {
    description: input.description.trim(),
    // The person's voice note goes with it: the grid worker hears what they said.
    ...(p.voiceFileId ? { voiceFileId: p.voiceFileId } : {}),
    photos: [],
    location: { lng: p.location.lng, lat: p.location.lat, address: `${place}（一键求助定位）` },
    anonymous: false,
    ...(category.handler === 'department' && category.department ? { department: category.department } : {}),
    origin,
    // Asked for by a grid worker or 代办员 (代办): the 网格事件 is the person's to claim too.
    ...carriedProxy(d, c, id),
  }
  const { case: report, event } = openReport({
    id,
    eventId: d.newId(),
    creatorId: c.creatorId,
    idempotencyKey: key,
    category: category.code,
    gridCode: c.gridCode,
    now: d.clock.now(),
    acceptHours: d.config.acceptHours,
    payload,
  })
  const made = await createOnce(d, { userId: c.creatorId, name: '', grants: [] }, key, report, event)
  return 'ok' in made ? made : made.case
}
