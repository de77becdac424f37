import type { Case } from '../../../src/core/case'
import { KINDS } from '../../../src/core/kinds'
import { SYSTEM_ACTOR } from '../../../src/core/roles'
import { transition } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { saveTransition } from './persist'

/** What one run of the SLA timer did, summed over the areas' clocks. */
export interface TickReport {
  overdue: number
  reminded: number
  escalated: number
  autoClosed: number
  conflicts: number
  delivered: number
  failed: number
  /** 一键求助 requests nobody accepted in time, moved to the street or the district. */
  helpEscalated?: number
}

/** How many cases a timer reads per page. */
export const TIMER_PAGE = 200

/** A move the system makes on a case (no caller): a guarded transition saved with the version check. */
export async function systemMove(d: Deps, c: Case, action: string, params: Record<string, unknown> = {}): Promise<'done' | 'refused' | 'conflict'> {
  const tree = await d.orgTree()
  const out = transition(KINDS[c.kind], tree, c, { actor: SYSTEM_ACTOR, action, now: d.clock.now(), eventId: d.newId(), params })
  if (!out.ok) return 'refused'
  return (await saveTransition(d, c, out.case, out.event)) ? 'conflict' : 'done'
}
