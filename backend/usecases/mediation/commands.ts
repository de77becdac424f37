import type { MediationActInput } from '../../../src/contracts/api'
import { MEDIATION, type MediationAction } from '../../../src/core/kinds/mediation'
import { renderAgreement } from '../../../src/core/kinds/mediationAgreement'
import { fail } from '../../../src/core/outcome'
import { formatDay } from '../../../src/core/time'
import { committeeFor } from '../../config/district'
import type { Deps } from '../../deps'
import type { KindCommands, Prepare } from '../shared/act'
import { leastLoadedMediator, mediatorsOf } from './mediatorPool'
import { hasClearNames, openNames, sealNames } from './names'
import { pl } from './payload'
import { phoneVault } from './phones'

const dateText = (d: Deps) => formatDay(d.clock.now())

/** Per-action preparation beyond the table: the committee and mediator, the agreement text. */
const PREPARE: Partial<Record<MediationAction, Prepare<MediationActInput>>> = {
  accept: async ({ d, tree, c, input }) => {
    const committee = committeeFor(d.config, pl(c).disputeType)!
    const mediators = await mediatorsOf(d, tree, c.unitCode, committee.code)
    const chosen = input.mediatorId ? mediators.find((m) => m.id === input.mediatorId) : await leastLoadedMediator(d, mediators)
    if (!chosen) return fail('VALIDATION', input.mediatorId ? '该调解员不属于受理的调解委员会' : `${committee.name}暂无调解员`, { mediatorId: '无效' })
    return { params: { committee: committee.code, mediatorId: chosen.id, timeLimitDays: d.config.mediation.timeLimitDays } }
  },
  reassign: async ({ d, tree, c, input }) => {
    const mediators = await mediatorsOf(d, tree, c.unitCode, pl(c).committee ?? undefined)
    if (!input.mediatorId || !mediators.some((m) => m.id === input.mediatorId)) return fail('VALIDATION', '请选择本调解委员会的调解员', { mediatorId: '无效' })
    return { params: { mediatorId: input.mediatorId } }
  },
  draft_agreement: async ({ d, c, input }) => {
    const terms = input.terms ?? []
    const committee = d.config.mediation.committees.find((x) => x.code === pl(c).committee)
    // The 协议书 names the parties in full; it is sealed again before the case is stored (atRest).
    return { params: { terms, text: renderAgreement(pl(openNames(d.vault, c)), committee?.name ?? '人民调解委员会', terms, dateText(d)) } }
  },
}

export const MEDIATION_COMMANDS: KindCommands<MediationAction, MediationActInput> = {
  def: MEDIATION,
  notFound: '调解案件不存在或无权查看',
  prepare: PREPARE,
  // Names and the agreement text are never stored in clear (names.ts).
  atRest: (d, c) => {
    if (!hasClearNames(c)) return c
    const vault = phoneVault(d)
    return 'ok' in vault ? vault : sealNames(vault, c)
  },
  // The other moves take what the party or mediator sent; the kind's schema checks it.
  otherwise: async ({ input }) => ({
    params: {
      session: input.session,
      sessionId: input.sessionId,
      agreementVersion: input.agreementVersion,
      referral: input.referral,
      rating: input.rating,
      comment: input.comment,
    },
  }),
}
