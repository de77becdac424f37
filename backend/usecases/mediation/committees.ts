/**
 * Mediation committees by level (小事不出村、大事不出镇). Two sources, both in the district configuration:
 * - district-wide committees without a unit (交调委, 商调委, 婚调委: settings/district.json), level 区;
 * - committees of one community, street or district, imported by the admin (admin/importCommittees.ts)
 *   and stored with the configuration's versions.
 * A community or street nobody imported a committee for still has its 人民调解委员会, generated from
 * the org tree and named after that unit (code `people`, the code every case before levels carries).
 */
import type { Case } from '../../../src/core/case'
import { committeePrefix, PEOPLE_CODE } from '../../../src/core/import/committees'
import { DISPUTE_TYPE_LABELS, type DisputeType } from '../../../src/core/kinds/mediationTerms'
import { MEDIATION_LEVEL_LABELS, nextLevel, type MediationLevel } from '../../../src/core/kinds/mediationLevelTerms'
import type { OrgTree, OrgUnit } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import type { DistrictConfig } from '../../config/district'
import { pl } from './payload'

/** The code of a unit's 人民调解委员会 when generated, and of the one committee cases before levels named. */
export const PEOPLE = PEOPLE_CODE

export interface Committee {
  code: string
  name: string
  level: MediationLevel
  /** null: serves the whole district (the case stays with its street). */
  unitCode: string | null
  /** Empty: takes every dispute type. */
  disputeTypes: readonly DisputeType[]
  numberPrefix?: string
  /** Made from the org tree, not imported. */
  generated?: true
}

/** Where a case sits with a committee: the committee, the unit the case is placed at, the level. */
export interface Placed {
  committee: Committee
  unitCode: string
  level: MediationLevel
}

type Cfg = Pick<DistrictConfig, 'mediation'>

const UNIT_LEVELS: Partial<Record<OrgUnit['level'], MediationLevel>> = { community: 'community', street: 'street', district: 'district' }

/**
 * Read once per configuration: a queue page names every row's committee, and building the list
 * per row was a seventh of what a mediator's page allocated. A configuration is replaced, never
 * changed in place, so its committee list identifies it.
 */
const configured = new WeakMap<Cfg['mediation']['committees'], readonly Committee[]>()

/** Every configured committee; an old configuration's district-wide `people` (named after one street) is no one's now. */
export function configuredCommittees(cfg: Cfg): readonly Committee[] {
  let list = configured.get(cfg.mediation.committees)
  if (!list) {
    list = Object.freeze(
      cfg.mediation.committees
        .filter((c) => c.unitCode !== undefined || c.code !== PEOPLE)
        .map((c): Committee => {
          const committee: Committee = { code: c.code, name: c.name, level: c.unitCode === undefined ? 'district' : (c.level ?? 'street'), unitCode: c.unitCode ?? null, disputeTypes: c.disputeTypes }
          if (c.numberPrefix) committee.numberPrefix = c.numberPrefix
          return Object.freeze(committee)
        }),
    )
    configured.set(cfg.mediation.committees, list)
  }
  return list
}

export function generatedCommittee(u: OrgUnit): Committee | null {
  const level = UNIT_LEVELS[u.level]
  if (level !== 'community' && level !== 'street') return null
  return { code: PEOPLE, name: `${u.name}人民调解委员会`, level, unitCode: u.code, disputeTypes: [], numberPrefix: committeePrefix(u), generated: true }
}

/** Each unit's committees, per configuration and org tree (both replaced, never changed, when edited). */
const atUnits = new WeakMap<readonly Committee[], WeakMap<OrgTree, Map<string, readonly Committee[]>>>()

/** The committees of one unit: the imported ones, else its generated 人民调解委员会 (communities and streets). */
export function committeesAt(cfg: Cfg, tree: OrgTree, unitCode: string): readonly Committee[] {
  const all = configuredCommittees(cfg)
  let byTree = atUnits.get(all)
  if (!byTree) atUnits.set(all, (byTree = new WeakMap()))
  let byUnit = byTree.get(tree)
  if (!byUnit) byTree.set(tree, (byUnit = new Map()))
  let found = byUnit.get(unitCode)
  if (!found) {
    const u = tree.get(unitCode)
    const imported = all.filter((c) => c.unitCode === unitCode)
    const made = u && imported.length === 0 ? generatedCommittee(u) : null
    found = Object.freeze(!u ? [] : imported.length > 0 ? imported : made ? [Object.freeze(made)] : [])
    // Unknown codes are not kept: a caller's made-up unit must not grow the map.
    if (u) byUnit.set(unitCode, found)
  }
  return found
}

const takes = (c: Committee, type: DisputeType) => c.disputeTypes.length === 0 || c.disputeTypes.includes(type)

/** The committee of `level` that takes `type` for a dispute at `placeCode`, or null when that level has none. */
export function committeeAtLevel(cfg: Cfg, tree: OrgTree, type: DisputeType, placeCode: string, level: MediationLevel): Placed | null {
  if (level === 'district') {
    const wide = configuredCommittees(cfg).find((c) => c.unitCode === null && takes(c, type))
    if (wide) return { committee: wide, unitCode: tree.ancestorAt(placeCode, 'street')?.code ?? placeCode, level }
  }
  const unit = tree.ancestorAt(placeCode, level)
  if (!unit) return null
  const committee = committeesAt(cfg, tree, unit.code).find((c) => takes(c, type))
  return committee ? { committee, unitCode: unit.code, level } : null
}

/**
 * Where a new case goes: the committee of the level the district's rules give its type, at the unit
 * where the dispute happened. A place known only to its street (an application names the street)
 * goes up from there; a level with no committee for the type gives it to the nearest one that has.
 */
export function routeMediation(cfg: Cfg, tree: OrgTree, type: DisputeType, placeCode: string): Placed | null {
  const first = cfg.mediation.levelRules[type] ?? 'street'
  for (let l: MediationLevel | null = first; l; l = nextLevel(l)) {
    const placed = committeeAtLevel(cfg, tree, type, placeCode, l)
    if (placed) return placed
  }
  for (const l of ['street', 'community'] as const) {
    const placed = committeeAtLevel(cfg, tree, type, placeCode, l)
    if (placed) return placed
  }
  return null
}

/** The committee a case names, as it reads now (cases before levels: `people` is their street's). */
export function committeeOfCase(cfg: Cfg, tree: OrgTree, c: Case): Committee | null {
  const code = pl(c).committee
  if (!code) return null
  return committeeByCode(cfg, tree, code, c.unitCode)
}

export function committeeByCode(cfg: Cfg, tree: OrgTree, code: string, unitCode: string): Committee | null {
  const wide = configuredCommittees(cfg).find((x) => x.unitCode === null && x.code === code)
  if (wide) return wide
  const here = committeesAt(cfg, tree, unitCode).find((x) => x.code === code)
  if (here) return here
  const street = tree.ancestorAt(unitCode, 'street')
  return street ? (committeesAt(cfg, tree, street.code).find((x) => x.code === code) ?? (code === PEOPLE ? generatedCommittee(street) : null)) : null
}

/** The case's level: as routed, else (cases before levels) its committee's. */
export function caseLevel(cfg: Cfg, tree: OrgTree, c: Case): MediationLevel {
  const stored = pl(c).level
  if (stored) return stored
  const committee = committeeOfCase(cfg, tree, c)
  if (committee) return committee.level
  return UNIT_LEVELS[tree.get(c.unitCode)?.level ?? 'street'] ?? 'street'
}

/** Where the case goes when its mediator passes it up, or why it cannot go. */
export function passUpTarget(cfg: Cfg, tree: OrgTree, c: Case): { from: MediationLevel; to: Placed } | Failure {
  const from = caseLevel(cfg, tree, c)
  const next = nextLevel(from)
  if (!next) return fail('ILLEGAL_TRANSITION', '已由区级调解委员会调解，不能再上交')
  const type = pl(c).disputeType
  const to = committeeAtLevel(cfg, tree, type, c.unitCode, next)
  if (!to) return fail('ILLEGAL_TRANSITION', `${MEDIATION_LEVEL_LABELS[next]}暂无受理${DISPUTE_TYPE_LABELS[type] ?? '该类纠纷'}的调解委员会`)
  return { from, to }
}

/** The name a case's committee goes by on screens, CSVs and printouts. */
export function committeeNameOf(cfg: Cfg, tree: OrgTree, c: Case): string | null {
  const code = pl(c).committee
  if (!code) return null
  return committeeOfCase(cfg, tree, c)?.name ?? '人民调解委员会'
}

/** A mediator grant's committee by name: the one of the grant's unit (or above it) with that code. */
export function grantCommitteeName(cfg: Cfg, tree: OrgTree, code: string, unitCode: string): string {
  return committeeByCode(cfg, tree, code, unitCode)?.name ?? (code === PEOPLE ? '人民调解委员会' : code)
}

/** What the staff roster's 调解委员会 column may name: every configured committee and the units' 人民调解委员会. */
export function rosterCommittees(cfg: Cfg): Array<{ code: string; name: string }> {
  const out = new Map<string, { code: string; name: string }>()
  out.set(`${PEOPLE}:人民调解委员会`, { code: PEOPLE, name: '人民调解委员会' })
  for (const c of configuredCommittees(cfg)) out.set(`${c.code}:${c.name}`, { code: c.code, name: c.name })
  return [...out.values()]
}

/**
 * A new case put at its committee (before it is stored): its unit and level, and the committee, so the
 * committee's mediators see it and 受理 assigns one of them. Unrouted (no committee takes the type) it
 * stays with its street's centre, and 受理 says why it cannot be assigned.
 */
export function placedAt(c: Case, placed: Placed | null): Case {
  if (!placed) return c
  return { ...c, unitCode: placed.unitCode, payload: { ...c.payload, committee: placed.committee.code, level: placed.level } }
}
