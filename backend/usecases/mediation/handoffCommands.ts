import type { MediationActInput } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { districtShortName } from '../../../src/core/caseNumber'
import { formatLetterNumber, letterSequenceKey } from '../../../src/core/kinds/handoffTerms'
import { MEDIATION, TRANSFER_REFERRALS, type MediationAction, type TransferReferral } from '../../../src/core/kinds/mediation'
import type { OrgTree } from '../../../src/core/org'
import { transition } from '../../../src/core/transition'
import { shanghaiYear } from '../../../src/core/time'
import type { DistrictConfig } from '../../config/district'
import type { Deps } from '../../deps'
import type { Prepare } from '../shared/act'
import { pl } from './payload'
import { committeeOfCase } from './committees'

/** Words for a receiver the district data does not name (a district with no courts or offices listed). */
const UNNAMED: Record<TransferReferral, string> = { court: '人民法院', police: '辖区派出所', petition: '信访部门' }

type Receiver = { name: string; unitCodes: string[] }

/** The receiver serving the unit: the nearest listed unit up the tree wins, else the first that lists none (district-wide). */
function serving(list: readonly Receiver[], tree: OrgTree, unitCode: string): string | null {
  for (const u of tree.chain(unitCode)) {
    const hit = list.find((r) => r.unitCodes.includes(u.code))
    if (hit) return hit.name
  }
  return list.find((r) => r.unitCodes.length === 0)?.name ?? null
}

/** The people's court that receives the case's 司法确认 application (and its 诉调对接 letter). */
export function courtFor(cfg: DistrictConfig, tree: OrgTree, unitCode: string): string | null {
  return serving(cfg.mediation.courts, tree, unitCode)
}

export function receiverFor(cfg: DistrictConfig, tree: OrgTree, unitCode: string, type: TransferReferral): string {
  const list = type === 'court' ? cfg.mediation.courts : cfg.mediation.receivers.filter((r) => r.referral === type)
  return serving(list, tree, unitCode) ?? UNNAMED[type]
}

const isTransfer = (t: unknown): t is TransferReferral => (TRANSFER_REFERRALS as readonly unknown[]).includes(t)

/**
 * The 移送函's number from the committee's yearly sequence, taken in its own transaction before the move
 * is saved, like the agreement's: a move refused after this leaves a gap, never a duplicate.
 */
async function letterNumber(d: Deps, tree: OrgTree, c: Case): Promise<string> {
  const code = pl(c).committee ?? 'none'
  // The committee as it reads now: a community's or street's 人民调解委员会 prints its own unit's prefix.
  const committee = committeeOfCase(d.config, tree, c)
  const year = shanghaiYear(d.clock.now())
  const seq = await d.store.transaction((tx) => tx.nextSequence(letterSequenceKey(code, year)))
  return formatLetterNumber(year, districtShortName(d.config.district.name), committee?.numberPrefix ?? '', seq)
}

/** What the hand-off moves need beyond the table: the court from district data, the letter's number and receiver. */
export const HANDOFF_PREPARE: Partial<Record<MediationAction, Prepare<MediationActInput>>> = {
  fail: async ({ d, tree, actor, c, input }) => {
    const referral = input.referral
    if (!isTransfer(referral)) return { params: { referral } }
    // Only a move the table allows takes a number: a dry run first (who, which state, the note).
    const dry = transition(MEDIATION, tree, c, { actor, action: 'fail', note: input.note, now: d.clock.now(), eventId: 'dry-run', expectedVersion: input.version, params: { referral } })
    if (!dry.ok) return dry
    return { params: { referral, letter: { number: await letterNumber(d, tree, c), receiver: receiverFor(d.config, tree, c.unitCode, referral) } } }
  },
  prepare_judicial: async ({ d, tree, c }) => ({ params: { court: courtFor(d.config, tree, c.unitCode) ?? '' } }),
}
