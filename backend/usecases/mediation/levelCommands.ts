import type { MediationActInput } from '../../../src/contracts/api'
import { fail } from '../../../src/core/outcome'
import { MEDIATION, type MediationAction } from '../../../src/core/kinds/mediation'
import { transition } from '../../../src/core/transition'
import type { Prepare, PrepareContext } from '../shared/act'
import { committeeOfCase, passUpTarget, routeMediation, caseLevel, type Placed } from './committees'
import { committeePool, leastLoadedMediator } from './mediatorPool'
import { pl } from './payload'

/**
 * 受理 and 上交上级调解 find their committee by level (committees.ts): a case routed when it was opened
 * keeps its committee; one opened without (or stored before levels) is routed now, by its type and place.
 */
/** Who may move and from where, as the table says, before any committee is looked for: a stranger learns nothing of them. */
function tableRefusal({ d, tree, actor, c, input }: PrepareContext<MediationActInput>, action: MediationAction) {
  const dry = transition(MEDIATION, tree, c, { actor, action, note: input.note, now: d.clock.now(), eventId: 'dry-run', expectedVersion: input.version, params: {} })
  return !dry.ok && dry.code !== 'VALIDATION' ? dry : null
}

export const LEVEL_PREPARE: Partial<Record<MediationAction, Prepare<MediationActInput>>> = {
  accept: async (ctx) => {
    const { d, tree, c, input } = ctx
    const refused = tableRefusal(ctx, 'accept')
    if (refused) return refused
    const p = pl(c)
    const routed = p.committee ? committeeOfCase(d.config, tree, c) : null
    const placed: Placed | null = routed ? { committee: routed, unitCode: c.unitCode, level: caseLevel(d.config, tree, c) } : routeMediation(d.config, tree, p.disputeType, (p.placeCode && tree.isWithin(p.placeCode, c.unitCode) ? p.placeCode : null) ?? c.gridCode ?? c.unitCode)
    if (!placed) return fail('VALIDATION', '没有受理该类纠纷的调解委员会，请联系区级管理员配置', { mediatorId: '无效' })
    const pool = await committeePool(d, tree, placed)
    const chosen = input.mediatorId ? pool.all.find((m) => m.id === input.mediatorId) : await leastLoadedMediator(d, pool.nearest)
    if (!chosen) return fail('VALIDATION', input.mediatorId ? '该调解员不属于受理的调解委员会' : `${placed.committee.name}暂无调解员`, { mediatorId: '无效' })
    return {
      params: {
        committee: placed.committee.code,
        mediatorId: chosen.id,
        timeLimitDays: d.config.mediation.timeLimitDays,
        placement: { unitCode: placed.unitCode, level: placed.level },
      },
    }
  },
  pass_up: async (ctx) => {
    const { d, tree, c } = ctx
    const refused = tableRefusal(ctx, 'pass_up')
    if (refused) return refused
    const target = passUpTarget(d.config, tree, c)
    if ('ok' in target) return target
    const pool = await committeePool(d, tree, target.to)
    const chosen = await leastLoadedMediator(d, pool.nearest.filter((m) => m.id !== c.assigneeId))
    if (!chosen) return fail('ILLEGAL_TRANSITION', `${target.to.committee.name}暂无调解员，请联系综治中心`)
    return { params: { from: target.from, level: target.to.level, committee: target.to.committee.code, unitCode: target.to.unitCode, mediatorId: chosen.id } }
  },
}
