import type { MediationActInput } from '../../../src/contracts/api'
import { agreementSequenceKey, districtShortName, formatAgreementNumber } from '../../../src/core/caseNumber'
import type { Case } from '../../../src/core/case'
import { MEDIATION, type MediationAction } from '../../../src/core/kinds/mediation'
import { renderAgreement } from '../../../src/core/kinds/mediationAgreement'
import { fail } from '../../../src/core/outcome'
import { transition } from '../../../src/core/transition'
import { formatDay, shanghaiYear } from '../../../src/core/time'
import type { Deps } from '../../deps'
import type { KindCommands, Prepare } from '../shared/act'
import { HELPER_PREPARE } from './helperCommands'
import { HANDOFF_PREPARE } from './handoffCommands'
import { committeeOfCase, type Committee } from './committees'
import { LEVEL_PREPARE } from './levelCommands'
import { VIDEO_PREPARE } from './videoCommands'
import { mediatorsOf } from './mediatorPool'
import { hasClearNames, openNames, sealNames } from './names'
import { pl } from './payload'
import { phoneVault } from './phones'

const dateText = (d: Deps) => formatDay(d.clock.now())

/**
 * The agreement's number: kept from an earlier draft, else the committee's next of the year
 * （2026）白云京溪调字第 42 号. Taken in a transaction of its own before the move is saved, so a draft
 * refused after this (someone moved first) leaves a gap in the sequence, never a duplicate.
 */
async function agreementNumber(d: Deps, c: Case, committee: Committee | null): Promise<string | undefined> {
  const kept = pl(c).agreement?.number
  if (kept) return kept
  if (!committee) return undefined
  // One sequence per committee code: the 人民调解委员会 of every unit (code `people`) share theirs with the
  // cases before levels, so no number is printed twice whatever prefix each unit prints.
  const year = shanghaiYear(d.clock.now())
  const seq = await d.store.transaction((tx) => tx.nextSequence(agreementSequenceKey(committee.code, year)))
  return formatAgreementNumber(year, districtShortName(d.config.district.name), committee.numberPrefix ?? '', seq)
}

/** Per-action preparation beyond the table: the committee and mediator, the agreement text. */
const PREPARE: Partial<Record<MediationAction, Prepare<MediationActInput>>> = {
  reassign: async ({ d, tree, c, input }) => {
    const mediators = await mediatorsOf(d, tree, c.unitCode, pl(c).committee ?? undefined)
    if (!input.mediatorId || !mediators.some((m) => m.id === input.mediatorId)) return fail('VALIDATION', '请选择本调解委员会的调解员', { mediatorId: '无效' })
    return { params: { mediatorId: input.mediatorId } }
  },
  draft_agreement: async ({ d, tree, actor, c, input }) => {
    const terms = input.terms ?? []
    const committee = committeeOfCase(d.config, tree, c)
    // Only a draft the table allows takes a number: a dry run first (who, which version, which state, the terms).
    const dry = transition(MEDIATION, tree, c, { actor, action: 'draft_agreement', note: input.note, now: d.clock.now(), eventId: 'dry-run', expectedVersion: input.version, params: { terms, text: '-' } })
    if (!dry.ok) return dry
    const number = await agreementNumber(d, c, committee)
    // The 协议书 names the parties in full; it is sealed again before the case is stored (atRest).
    return { params: { terms, number, text: renderAgreement(pl(openNames(d.vault, c)), committee?.name ?? '人民调解委员会', terms, dateText(d), number) } }
  },
  ...HELPER_PREPARE,
  ...HANDOFF_PREPARE,
  ...LEVEL_PREPARE,
  ...VIDEO_PREPARE,
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
      answer: input.answer,
      rating: input.rating,
      comment: input.comment,
    },
  }),
}
