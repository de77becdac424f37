/**
 * Wire contract of 协助调解 in the `mediation` function: the helper roster a mediator picks from,
 * the helpers on a case as its readers see them, and a helper's own list of cases. Types only.
 */
import type { z } from 'zod'
import type * as s from './mediationHelperSchemas'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>

export type HelperKindCode = 'legal_adviser' | 'party_member' | 'neighbour'

/** A helper on a case, as its parties, mediator and helpers read it. */
export interface CaseHelperView {
  /** For the mediator's 移出 and a party's 评价 only; never shown. */
  userId: string
  name: string
  kind: HelperKindCode
  /** 驻村法律顾问 / 党员 / 街坊 */
  kindLabel: string
  invitedAt: string
  isMe: boolean
  /** The viewer's own rating of this helper (a party, once the case is over). */
  myRating: number | null
  /** Staff only: how the parties rated them (average of 1–5 and how many rated). */
  rating: { average: number; count: number } | null
}

/** Someone of the roster the assigned mediator may invite. */
export interface HelperCandidateView {
  userId: string
  name: string
  kind: HelperKindCode
  kindLabel: string
  /** Their community (or street) by name. */
  unitName: string
  /** For the mediator to call them first. */
  phone: string | null
  /** Already on this case. */
  invited: boolean
  /** Open cases they help with now. */
  openCases: number
}

export interface MediationHelperApi {
  /** The assigned mediator: the helper roster of the case's street, its own community first. */
  'mediation.helpers': { in: In<'helperCandidates'>; out: { helpers: HelperCandidateView[] } }
}
