import type { Case } from '../../src/core/case'
import type { ErrorCode } from '../../src/core/outcome'
import type { Actor } from '../../src/core/roles'

/** A command for one row of the mediation table (mediation-transitions.test.ts and its *Scenarios.ts parts). */
export interface Scenario {
  params?: Record<string, unknown>
  note?: string
  attachments?: string[]
  /** Adjusts the case before the move; gets the actor (e.g. whose confirmation is the last one). */
  prepare?: (c: Case, a: Actor) => Case
}

/** A refusal the row's checks must give: why, with which code, and under which field when one is named. */
export interface GuardFailure {
  why: string
  code: ErrorCode
  scenario: Scenario
  detailKey?: string
}
