/**
 * 一键求助 duty rosters: per community, who is on duty when (weekdays and Shanghai time ranges).
 * The administrator edits them (help.saveRoster); a request goes to whoever is on duty at its time.
 */

/** One shift: weekdays (1 = 周一 … 7 = 周日) and a Shanghai time range; `to` before `from` runs past midnight. */
export interface DutyShift {
  days: number[]
  from: string
  to: string
}

export interface DutyRoster {
  /** The community the roster is for (one roster per community). */
  communityCode: string
  entries: Array<{ userId: string; shifts: DutyShift[] }>
  updatedAt: string
  updatedBy: string
}

export interface DutyRosterRepo {
  getDutyRoster(communityCode: string): Promise<DutyRoster | null>
  /** Replaces the community's roster whole. */
  putDutyRoster(r: DutyRoster): Promise<void>
}
