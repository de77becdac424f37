/**
 * Mediation levels (小事不出村、大事不出镇): community/village → street → district committees. Words the
 * app shares with the backend; no schema library here, so the mini-program can import it.
 */

export const MEDIATION_LEVELS = ['community', 'street', 'district'] as const
export type MediationLevel = (typeof MEDIATION_LEVELS)[number]

export const MEDIATION_LEVEL_LABELS: Record<MediationLevel, string> = {
  community: '社区（村）',
  street: '街道（镇）',
  district: '区',
}

/** The level a case goes to when passed up, or null at the top. */
export function nextLevel(level: MediationLevel): MediationLevel | null {
  return MEDIATION_LEVELS[MEDIATION_LEVELS.indexOf(level) + 1] ?? null
}

export function isMediationLevel(x: unknown): x is MediationLevel {
  return typeof x === 'string' && (MEDIATION_LEVELS as readonly string[]).includes(x)
}

/** One pass up (上交上级调解): from which committee to which, why, by whom. Kept on the case for the ledger. */
export interface PassUp {
  fromLevel: MediationLevel
  fromCommittee: string | null
  fromUnit: string
  toLevel: MediationLevel
  toCommittee: string
  toUnit: string
  reason: string
  at: string
  by: string
}
