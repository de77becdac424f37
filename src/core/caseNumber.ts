/**
 * Numbers people read and say on the phone, never an internal id:
 * - a case's number: the street's short name, the Shanghai year and the street's yearly sequence,
 *   5 digits: 京溪-2026-00042 (every kind: report, mediation, checkin, misuse);
 * - a mediation agreement's number: the district's short name, the committee's prefix and the
 *   committee's yearly sequence: （2026）白云京溪调字第 42 号.
 * The sequences themselves live in the store (`Tx.nextSequence`); this module only names and prints.
 */
import type { Case } from './case'
import type { OrgTree, OrgUnit } from './org'
import { shanghaiYear } from './time'

/** What a street is called without its level: 京溪街道 → 京溪, 太和镇 → 太和, 钟落潭乡 → 钟落潭. */
const LEVEL_SUFFIX = /(街道办事处|街道|镇|乡)$/
const DISTRICT_SUFFIX = /(区|县|市)$/

/** The unit's short name: its `shortName` when the org data gives one, else its name without 街道/镇/乡. */
export function unitShortName(u: Pick<OrgUnit, 'name' | 'shortName'>): string {
  const given = u.shortName?.trim()
  if (given) return given
  const name = u.name.trim()
  return name.replace(LEVEL_SUFFIX, '') || name
}

/** 白云区 → 白云; a one-character name keeps its suffix (a district called 南区 stays 南区). */
export function districtShortName(name: string): string {
  const trimmed = name.trim()
  const cut = trimmed.replace(DISTRICT_SUFFIX, '')
  return cut.length >= 2 ? cut : trimmed
}

/** The unit whose yearly sequence numbers a case, and the short name printed in the number. */
export interface NumberingUnit {
  code: string
  short: string
}

/**
 * The street of a case: of its grid when it has one, else of its responsible unit. A case above
 * any street (or of a unit the tree no longer has) is numbered by the nearest unit it names, and
 * failing that by the district.
 */
export function numberingUnit(tree: OrgTree, c: Pick<Case, 'gridCode' | 'unitCode'>): NumberingUnit {
  const codes = [c.gridCode, c.unitCode].filter((x): x is string => typeof x === 'string' && x !== '')
  for (const code of codes) {
    const street = tree.ancestorAt(code, 'street')
    if (street) return { code: street.code, short: unitShortName(street) }
  }
  for (const code of codes) {
    const unit = tree.get(code)
    if (unit) return { code: unit.code, short: unit.level === 'district' ? districtShortName(unit.name) : unitShortName(unit) }
  }
  const district = tree.all().find((u) => u.level === 'district')
  return district ? { code: district.code, short: districtShortName(district.name) } : { code: c.unitCode, short: '事项' }
}

/**
 * The store's counter that numbers cases of one year, keyed by the short name the number prints:
 * two streets that print the same short name share one sequence, so no two cases ever print the
 * same number.
 */
export function caseSequenceKey(short: string, year: number): string {
  return `case:${short}:${year}`
}

/** 京溪-2026-00042 → the key of the sequence that gave it and its place there; null for anything else. */
export function parseCaseNumber(n: string): { key: string; seq: number } | null {
  const m = /^(.+)-(\d{4})-(\d+)$/.exec(n)
  return m ? { key: caseSequenceKey(m[1]!, Number(m[2])), seq: Number(m[3]) } : null
}

/** 京溪-2026-00042 */
export function formatCaseNumber(short: string, year: number, seq: number): string {
  return `${short}-${year}-${String(seq).padStart(5, '0')}`
}

/** The year a case is numbered in: the Shanghai year of its creation. */
export function caseYear(createdAt: string): number {
  return shanghaiYear(createdAt)
}

/** The store's counter that numbers a committee's agreements of one year. */
export function agreementSequenceKey(committeeCode: string, year: number): string {
  return `agreement:${committeeCode}:${year}`
}

/** （2026）白云京溪调字第 42 号 */
export function formatAgreementNumber(year: number, districtShort: string, committeePrefix: string, seq: number): string {
  return `（${year}）${districtShort}${committeePrefix}调字第 ${seq} 号`
}

/** A whole case number as people say it (京溪-2026-00042): what the desk's search looks up. */
const CASE_NUMBER = /^[\u4e00-\u9fa5]{1,12}-\d{4}-\d{5,}$/

export function isCaseNumber(q: string): boolean {
  return CASE_NUMBER.test(q.trim())
}
