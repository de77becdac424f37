import type { Case, TimelineEvent } from '../case'
import type { CaseLink } from '../caseLink'
import { openCase } from '../opening'
import type { OrgTree } from '../org'
import { isProxiedCreator } from '../proxyMark'
import type { Actor, Role } from '../roles'
import { INTAKE_SOURCES, type IntakeSource, type MediationSource } from './mediationSources'
import type { MediationPayload, Party } from './mediationTerms'

/**
 * Mediation cases staff open (三捕三捉): a dispute found on patrol, from a 12345 ticket, a police
 * call-out or a public-opinion lead; a 网格事件 or 一键求助 turned into mediation.
 *
 * Who is the applicant? Nobody applied in the app, so a staff-found dispute has no applicant: every
 * party is a respondent-side slot with its own invitation code and joins as today (join is unchanged,
 * consent is asked of each), and the case's creator is a per-staff marker no account can hold, so no
 * one gains the applicant's role (confirming the agreement, rating) by having typed the case in.
 * When the case is for a person with an account who asked for help — the reporter of a 网格事件, the
 * person of a 一键求助 — they are the applicant, as if they had applied, with their consent noted.
 */

/** The roles that may enter a dispute found in their area. */
export const INTAKE_ROLES = ['mediator', 'grid_worker', 'dispatcher'] as const satisfies readonly Role[]
export type IntakeRole = (typeof INTAKE_ROLES)[number]

const ENTERED_BY = 'intake:'

/** The creator of a case with no applicant: a marker per staff member (their idempotency space), never a user id. */
export function staffEnteredCreator(staffUserId: string): string {
  return `${ENTERED_BY}${staffUserId}`
}

/**
 * Whether the case has an applicant with an account (its creator): every case but one staff opened
 * with nobody behind it, whose creator is the marker (and which then has no applicant party).
 */
export function hasApplicant(c: Case): boolean {
  // A case filed 代办 has its applicant's slot, but no account behind it until the person claims it.
  return !c.creatorId.startsWith(ENTERED_BY) && !isProxiedCreator(c.creatorId)
}

/**
 * The role in which the actor may enter a dispute at `placeCode` (a grid or a community): a grid
 * worker of that grid, a dispatcher of its street, a mediator whose grant covers it. Undefined: not theirs.
 */
export function intakeRoleAt(tree: OrgTree, actor: Actor, placeCode: string): IntakeRole | undefined {
  if (!tree.get(placeCode)) return undefined
  for (const role of INTAKE_ROLES) {
    if (actor.grants.some((g) => g.role === role && (role !== 'mediator' || g.committee !== undefined) && tree.isWithin(placeCode, g.unitCode))) return role
  }
  return undefined
}

export interface MediationOpening {
  id: string
  eventId: string
  idempotencyKey: string
  now: Date
  /** The street whose mediation centre receives the case. */
  streetCode: string
  /** The staff member who opens it, as what: the first timeline row is theirs. */
  by: { userId: string; role: Role }
  /** The person the case is for when they have an account (a report's reporter, a help request's person); null: every party is invited. */
  applicantId: string | null
  source: Exclude<MediationSource, 'application'>
  /** The 12345 ticket or 警情 number. */
  sourceRef?: string
  /** The case it came from (its `convertedTo` points back here). */
  origin?: CaseLink
  /** The grid or community where the dispute happened. */
  placeCode?: string
  /** A mediator entering a dispute of their own committee takes it at once (已受理, assigned to them). */
  acceptedBy?: { mediatorId: string; committee: string; timeLimitDays: number }
  /** How the applicant agreed to mediation (by phone, in person), when there is one. */
  consentNote?: string
  payload: Pick<MediationPayload, 'disputeType' | 'facts' | 'claims' | 'evidence' | 'preferredWay' | 'parties'>
}

/**
 * A mediation case staff open, with its first timeline row (录入纠纷, or 转入调解 for a converted report
 * or request), by the staff member. The parties come ready (invitation secrets are the backend's);
 * an applicant party is kept only for `applicantId`, as that person's.
 */
export function openMediationFrom(o: MediationOpening): { case: Case; event: TimelineEvent } {
  const at = o.now.toISOString()
  const parties: Party[] = o.payload.parties
    .filter((x) => x.side === 'respondent' || o.applicantId !== null)
    .map((x) => (x.side === 'applicant' ? { ...x, userId: o.applicantId, consent: 'consented' as const, consentAt: at } : x))
  const accepted = o.acceptedBy
  const payload: MediationPayload = {
    ...o.payload,
    evidence: [...new Set(o.payload.evidence)],
    parties,
    respondentIds: [],
    committee: accepted?.committee ?? null,
    sessions: [],
    agreement: null,
    referral: null,
    judicialConfirmation: false,
    ratings: {},
    remindedDays: [],
    source: o.source,
    ...(o.sourceRef ? { sourceRef: o.sourceRef } : {}),
    enteredBy: { userId: o.by.userId, role: o.by.role },
    ...(o.placeCode ? { placeCode: o.placeCode } : {}),
    ...(o.origin ? { origin: o.origin } : {}),
    ...(o.applicantId !== null && o.consentNote ? { applicantConsent: { at, by: o.by.userId, note: o.consentNote } } : {}),
  }
  const opened = openCase({
    id: o.id,
    eventId: o.eventId,
    creatorId: o.applicantId ?? staffEnteredCreator(o.by.userId),
    idempotencyKey: o.idempotencyKey,
    now: o.now,
    kind: 'mediation',
    status: accepted ? 'accepted' : 'applied',
    unitCode: o.streetCode,
    gridCode: null,
    assigneeId: accepted?.mediatorId ?? null,
    slaDeadline: accepted ? new Date(o.now.getTime() + accepted.timeLimitDays * 86_400_000).toISOString() : null,
    category: o.payload.disputeType,
    payload,
    actorRole: o.by.role,
    action: o.origin ? 'convert' : 'intake',
    attachments: [...payload.evidence],
  })
  // The row is the staff member's: the creator may be the applicant or no one.
  return { case: opened.case, event: { ...opened.event, actorId: o.by.userId } }
}

export const INTAKE_EVENT_LABELS = { intake: '录入纠纷', convert: '转入调解' } as const

/** Whether a stored source is one staff enter by hand. */
export function isIntakeSource(s: string): s is IntakeSource {
  return (INTAKE_SOURCES as readonly string[]).includes(s)
}
