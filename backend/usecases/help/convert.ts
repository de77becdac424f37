import type { ApiIn } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import type { CaseLink } from '../../../src/core/caseLink'
import { HELP, helpPayload } from '../../../src/core/kinds/help'
import type { OrgTree } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor, Role } from '../../../src/core/roles'
import { transition } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { actOnHelp } from './commands'
import { readableHelp } from './detail'
import { openMediationForHelp } from './toMediation'
import { openReportForHelp } from './toReport'
import { helpView, openableLink } from './views'

/**
 * `help.convert`: the helper who took a request turns it into a mediation case (the person as the
 * applicant) or a 网格事件 of the grid where it was raised; the new case keeps `origin`, the request
 * `convertedTo`, and the request closes. The new case is made once per request (a retry after a
 * failed close finds it again), and only after a dry run says the move is the caller's to make.
 */
export async function convert(d: Deps, actor: Actor, input: ApiIn<'help.convert'>) {
  const tree = await d.orgTree()
  const c = await readableHelp(d, tree, actor, input.id)
  if ('ok' in c) return c
  const placeholder = { kind: input.to, caseId: 'dry-run' }
  const dry = transition(HELP, tree, c, { actor, action: 'convert', now: d.clock.now(), eventId: 'dry-run', expectedVersion: input.version, params: { link: placeholder } })
  if (!dry.ok) return dry
  const made = await openTarget(d, tree, actor, dry.role as Role, c, input)
  if ('ok' in made) return made
  const link: CaseLink & { kind: 'mediation' | 'report' } = { kind: input.to, caseId: made.id, ...(made.number ? { number: made.number } : {}) }
  const r = await actOnHelp(d, actor, { id: c.id, action: 'convert', note: input.note, link })
  if (!r.ok) return r
  return { ok: true as const, help: await helpView(d, r.tree, actor, r.case), link: (await openableLink(d, r.tree, actor, link))! }
}

async function openTarget(d: Deps, tree: OrgTree, actor: Actor, role: Role, c: Case, input: ApiIn<'help.convert'>): Promise<Case | Failure> {
  const origin: CaseLink = { kind: 'help', caseId: c.id, ...(c.number ? { number: c.number } : {}) }
  const key = `help-${c.id}`
  if (input.to === 'mediation') {
    if (!input.mediation) return fail('VALIDATION', '请填写调解申请的内容', { mediation: '必填' })
    return openMediationForHelp(d, tree, actor, role, c, input.mediation, origin, key)
  }
  if (!input.report) return fail('VALIDATION', '请填写网格事件的内容', { report: '必填' })
  return openReportForHelp(d, tree, c, helpPayload(c), input.report, origin, key)
}
