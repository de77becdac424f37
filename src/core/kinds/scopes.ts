import type { KindScope } from '../access'
import type { Case, CaseKind } from '../case'
import { proxiedBy } from '../proxyMark'
import type { ActorRole } from '../roles'
import type { HelpPayload } from './helpTerms'
import type { CaseHelper, MediationPayload } from './mediationTerms'
import type { ReportPayload } from './reportTerms'

/**
 * Each kind's scope rule (access.ts), apart from its transition table: deciding who reaches a case
 * of any kind (scope.ts) needs these alone, so a function that reads cases of other kinds does not
 * carry every kind's commands in its bundle. Each kind's definition (report.ts, mediation.ts …)
 * takes its rule from here.
 */

/** The helpers on a mediation case as stored (none on cases from before helpers existed). */
export function helpersOf(c: Case): CaseHelper[] {
  const list = (c.payload as Partial<MediationPayload>).helpers
  return Array.isArray(list) ? list.filter((h): h is CaseHelper => typeof h?.userId === 'string') : []
}

export function helperIds(c: Case): string[] {
  return helpersOf(c).map((h) => h.userId)
}

/** Who may come to a help request: the community's grid workers, mediators and 协助调解人 (their grant reaches it, or the roster put them on it). */
export const RESPONDER_ROLES = ['grid_worker', 'mediator', 'helper'] as const satisfies readonly ActorRole[]

// The department a case was assigned to handles it; no committee, manager or police reach reports.
export const REPORT_SCOPE: KindScope<ReportPayload> = { department: (c) => c.payload.department, proxiedBy }

export const MEDIATION_SCOPE: KindScope<MediationPayload> = {
  committee: (c) => c.payload.committee,
  respondents: (c) => (Array.isArray(c.payload.respondentIds) ? c.payload.respondentIds.filter((x): x is string => typeof x === 'string') : []),
  partiesRead: true,
  // 警调对接: a case its mediator ended with a referral to the police.
  police: (c) => (c.payload.referral?.type === 'police' ? 'referral' : null),
  // 协助调解: a helper grant reaches only the cases the mediator invited its holder into.
  helpers: (c) => helperIds(c),
  // 代办: the agent who applied for the person follows it until the person claims it.
  proxiedBy,
}

// The building's manager is the registration's assignee; the area police keep the register.
// The agent who registered a tenant (代办) follows it until the tenant claims it.
export const CHECKIN_SCOPE: KindScope = { manager: (c) => c.assigneeId, police: () => 'area', proxiedBy }

// The police of the area where it was raised handle it.
export const MISUSE_SCOPE: KindScope = { police: () => 'area' }

export const HELP_SCOPE: KindScope<HelpPayload> = {
  // The person who asked reads their request whatever grants they hold.
  partiesRead: true,
  // Whoever of the community can come reaches it by place; the roster may add staff whose grant
  // lies elsewhere in the community (a grid worker on night duty for every grid).
  openTo: RESPONDER_ROLES,
  helpers: (c) => c.payload.notified.map((n) => n.userId),
  // The grid worker or 代办员 who asked for the person (代办) follows it until the person claims it.
  proxiedBy,
}

/** Every kind's rule, as its definition holds it (KINDS[kind].scope). */
export const KIND_SCOPES: Record<CaseKind, KindScope> = {
  report: REPORT_SCOPE as KindScope,
  mediation: MEDIATION_SCOPE as KindScope,
  checkin: CHECKIN_SCOPE,
  misuse: MISUSE_SCOPE,
  help: HELP_SCOPE as KindScope,
}
