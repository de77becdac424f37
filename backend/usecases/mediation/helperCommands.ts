import type { MediationActInput } from '../../../src/contracts/api'
import { MEDIATION } from '../../../src/core/kinds/mediation'
import type { HelperAction } from '../../../src/core/kinds/mediationHelpers'
import { fail } from '../../../src/core/outcome'
import { transition } from '../../../src/core/transition'
import type { Prepare } from '../shared/act'
import { helperRoster } from './helperRoster'

/**
 * 协助调解 moves beyond the table: an invitation names someone of the case's helper roster (the
 * table checks the rest: the assigned mediator, not a party, not twice); letting go and rating
 * name a helper on the case.
 */
export const HELPER_PREPARE: Record<HelperAction, Prepare<MediationActInput>> = {
  invite_helper: async ({ d, tree, actor, c, input }) => {
    // Who may invite, from where, at which version: the table answers before the roster is read.
    const helper = { userId: input.helperId ?? '-', name: '-', kind: 'neighbour' }
    const dry = transition(MEDIATION, tree, c, { actor, action: 'invite_helper', now: d.clock.now(), eventId: 'dry-run', expectedVersion: input.version, params: { helper } })
    if (!dry.ok) return dry
    if (!input.helperId) return fail('VALIDATION', '请选择协助调解人', { helperId: '必填' })
    const found = (await helperRoster(d, tree, c)).find((h) => h.user.id === input.helperId)
    if (!found) return fail('VALIDATION', '该人员不在本街道的协助调解人名册中', { helperId: '不在名册中' })
    return { params: { helper: { userId: found.user.id, name: found.user.name, kind: found.grant.helperKind } } }
  },
  remove_helper: async ({ input }) => ({ params: { helperId: input.helperId } }),
  rate_helper: async ({ input }) => ({ params: { helperId: input.helperId, rating: input.rating, comment: input.comment } }),
}
