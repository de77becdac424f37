import type { Case, CaseKind, TimelineEvent, Visibility } from './case'
import type { OrgTree } from './org'
import { fail, type Failure, type Outcome } from './outcome'
import { actingRoleIn, type KindScope } from './access'
import type { Actor, ActorRole } from './roles'

export interface TransitionInput {
  actor: Actor
  action: string
  note?: string
  attachments?: string[]
  now: Date
  eventId: string
  /** The version the caller last saw; a mismatch means someone else moved first. */
  expectedVersion?: number
  /** Command-specific data the guard and patch read (assignee, rating, …). */
  params?: Record<string, unknown>
  /** A staff member may make the note a public update; anything else stays internal. */
  visibility?: Visibility
}

/** Roles whose notes may be published as a public update. */
const PUBLISHING_ROLES: readonly ActorRole[] = ['grid_worker', 'dispatcher', 'department']

export interface GuardContext {
  c: Case
  input: TransitionInput
  role: ActorRole
}

export type Guard = (ctx: GuardContext) => Failure | null
export type Patch = (ctx: GuardContext) => Partial<Pick<Case, 'unitCode' | 'assigneeId' | 'slaDeadline' | 'payload'>>

export interface TransitionRule {
  from: readonly string[]
  action: string
  roles: readonly ActorRole[]
  /** Omitted when the action records an event without changing status (e.g. escalation). */
  to?: string
  guard?: Guard
  patch?: Patch
}

export interface KindDefinition {
  kind: CaseKind
  statusLabels: Record<string, string>
  actionLabels: Record<string, string>
  initialStatus: string
  terminalStatuses: readonly string[]
  rules: readonly TransitionRule[]
  /** What of the kind's own payload narrows who reaches a case (see access.ts). */
  scope: KindScope
}

/** Own-property lookup: a label table must not answer for `constructor`, `toString`, `__proto__` … */
export function labelOf(labels: Record<string, string>, key: string): string {
  return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : key
}

export type TransitionOutcome = Outcome<{ case: Case; event: TimelineEvent; role: ActorRole }>

/**
 * Applies one row of a kind's transition table: checks the move, the actor's role and scope,
 * the rule's guard and the expected version; returns the next case (version + 1) and its
 * timeline event. Never throws for a refused move.
 */
export function transition(def: KindDefinition, tree: OrgTree, c: Case, input: TransitionInput): TransitionOutcome {
  const actionLabel = labelOf(def.actionLabels, input.action)
  const candidates = def.rules.filter((r) => r.action === input.action)
  if (candidates.length === 0) return fail('VALIDATION', actionLabel === input.action ? '不支持的操作' : `不支持的操作「${actionLabel}」`)
  // Permission before version: someone without rights learns nothing from a stale version.
  if (!candidates.some((r) => actingRoleIn(def.scope, tree, input.actor, c, r.roles) !== undefined)) {
    return fail('FORBIDDEN', `您无权对该事项执行「${actionLabel}」`)
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== c.version) {
    return fail('CONFLICT', '该事项已被他人更新，请刷新后重试')
  }
  const fromHere = candidates.filter((r) => r.from.includes(c.status))
  if (fromHere.length === 0) {
    const statusLabel = labelOf(def.statusLabels, c.status)
    return fail('ILLEGAL_TRANSITION', `事项当前为「${statusLabel}」，不能「${actionLabel}」`)
  }
  // Rows are tried in order: the first whose role and guard both fit applies, so one action may
  // lead to different statuses (the last party's consent starts mediation, earlier ones wait).
  const fitting = fromHere
    .map((r) => ({ r, role: actingRoleIn(def.scope, tree, input.actor, c, r.roles) }))
    .filter((x): x is { r: TransitionRule; role: ActorRole } => x.role !== undefined)
  if (fitting.length === 0) return fail('FORBIDDEN', `您无权对该事项执行「${actionLabel}」`)
  let chosen: { rule: TransitionRule; ctx: GuardContext } | undefined
  let refused: Failure | null = null
  for (const { r, role } of fitting) {
    const ctx: GuardContext = { c, input, role }
    const why = r.guard?.(ctx) ?? null
    if (!why) {
      chosen = { rule: r, ctx }
      break
    }
    refused ??= why
  }
  if (!chosen) return refused as Failure
  const { rule, ctx } = chosen
  const role = ctx.role
  const at = input.now.toISOString()
  // Object.assign, not a spread followed by fields: every move's case goes through here (withFields.ts).
  const next: Case = Object.assign({}, c, rule.patch?.(ctx), { status: rule.to ?? c.status, updatedAt: at, version: c.version + 1 })
  const event: TimelineEvent = {
    id: input.eventId,
    caseId: c.id,
    actorId: input.actor.userId,
    actorRole: role,
    action: input.action,
    fromStatus: c.status,
    toStatus: next.status,
    note: input.note?.trim() || null,
    attachments: [...(input.attachments ?? [])],
    at,
    visibility: input.visibility === 'public' && PUBLISHING_ROLES.includes(role) ? 'public' : 'internal',
  }
  return { ok: true, case: next, event, role }
}

export function isTerminal(def: KindDefinition, status: string): boolean {
  return def.terminalStatuses.includes(status)
}
