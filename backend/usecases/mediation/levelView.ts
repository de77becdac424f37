import type { LedgerLevels, MediationLevelView } from '../../../src/contracts/mediationLevels'
import type { Case } from '../../../src/core/case'
import { MEDIATION_LEVEL_LABELS, MEDIATION_LEVELS } from '../../../src/core/kinds/mediationLevelTerms'
import type { OrgTree } from '../../../src/core/org'
import type { Deps } from '../../deps'
import { caseLevel, committeeByCode } from './committees'
import { pl } from './payload'

/** The case's level and its passes up, the committees by name (read by everyone on the case). */
export function levelView(d: Deps, tree: OrgTree, c: Case): MediationLevelView {
  const level = caseLevel(d.config, tree, c)
  const name = (code: string | null, unit: string) => (code ? (committeeByCode(d.config, tree, code, unit)?.name ?? '人民调解委员会') : '人民调解委员会')
  return {
    level,
    levelLabel: MEDIATION_LEVEL_LABELS[level],
    passUps: (pl(c).passUps ?? []).map((x) => ({ fromName: name(x.fromCommittee, x.fromUnit), toName: name(x.toCommittee, x.toUnit), toLevelLabel: MEDIATION_LEVEL_LABELS[x.toLevel], reason: x.reason, at: x.at })),
  }
}

const rate = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 1000 : 0)

/**
 * 不出村（社区）化解: succeeded at a community committee; 不出街道: at a community or street committee.
 * A case counts at the level where it is now (where it was settled, for a closed one).
 */
export function ledgerLevels(d: Deps, tree: OrgTree, cases: readonly Case[]): LedgerLevels {
  const levelOf = new Map(cases.map((c) => [c.id, caseLevel(d.config, tree, c)]))
  const succeeded = cases.filter((c) => c.status === 'succeeded')
  const inCommunity = succeeded.filter((c) => levelOf.get(c.id) === 'community').length
  const inStreet = succeeded.filter((c) => levelOf.get(c.id) !== 'district').length
  return {
    byLevel: MEDIATION_LEVELS.map((key) => ({
      key,
      label: MEDIATION_LEVEL_LABELS[key],
      count: cases.filter((c) => levelOf.get(c.id) === key).length,
      succeeded: succeeded.filter((c) => levelOf.get(c.id) === key).length,
    })),
    settledInCommunity: inCommunity,
    settledInStreet: inStreet,
    communityRate: rate(inCommunity, succeeded.length),
    streetRate: rate(inStreet, succeeded.length),
    passedUp: cases.filter((c) => (pl(c).passUps ?? []).length > 0).length,
  }
}
