/** What the per-kind transition suites share: the command they send, row names, and the checks every allowed move must pass. */
import type { Case } from '../../src/core/case'
import { transition, type KindDefinition, type TransitionInput, type TransitionOutcome, type TransitionRule } from '../../src/core/transition'
import type { OrgTree } from '../../src/core/org'
import type { Actor, ActorRole } from '../../src/core/roles'
import { NOW } from './fixtures'

/** The parts of a command a scenario fills in. */
export interface CommandParts {
  params?: Record<string, unknown>
  note?: string
  attachments?: string[]
}

export function commandInput(a: Actor, action: string, s: CommandParts = {}, extra: Partial<TransitionInput> = {}): TransitionInput {
  return { actor: a, action, note: s.note, attachments: s.attachments, params: s.params, now: NOW, eventId: 'evt-1', ...extra }
}

export function ruleName(r: TransitionRule): string {
  return `${r.action} [${r.from.join('|')}] → ${r.to ?? '(same)'}`
}

/** The roles, sorted and once each, that the kind's rows for `action` name. */
export function rolesFor(kind: KindDefinition, action: string): string[] {
  return [...new Set(kind.rules.filter((r) => r.action === action).flatMap((r) => r.roles))].sort()
}

/** The statuses, sorted and once each, that the kind's rows for `action` leave from. */
export function fromFor(kind: KindDefinition, action: string): string[] {
  return [...new Set(kind.rules.filter((r) => r.action === action).flatMap((r) => r.from))].sort()
}

/** Every person role the table names has at least one actor in `outOfScope`. */
export function expectOutOfScopeActors(kind: KindDefinition, outOfScope: Partial<Record<ActorRole, readonly unknown[]>>): void {
  for (const r of kind.rules)
    for (const role of r.roles) if (role !== 'system') expect({ role, n: outOfScope[role]?.length ?? 0 }).not.toEqual({ role, n: 0 })
}

/**
 * Runs a move the table allows and checks what every allowed move does: the actor's role, the new
 * status, one version more, updatedAt now, identity and provenance (`kept`) unchanged, one internal
 * timeline event, and the input case untouched. Returns the outcome for the suite's own checks.
 */
export function expectAllowedMove(
  kind: KindDefinition,
  tree: OrgTree,
  c: Case,
  inp: TransitionInput,
  want: { role: ActorRole; rule: TransitionRule; from: string; caseId: string; s: CommandParts; kept: readonly (keyof Case)[] },
): Extract<TransitionOutcome, { ok: true }> {
  const { role, rule, from, s } = want
  const before = JSON.stringify(c)
  const out = transition(kind, tree, c, inp)
  if (!out.ok) throw new Error(`${inp.actor.userId} refused: ${out.code} ${out.message}`)
  expect(out.role).toBe(role)
  expect(out.case.status).toBe(rule.to ?? from)
  expect(out.case.version).toBe(c.version + 1)
  expect(out.case.updatedAt).toBe(NOW.toISOString())
  for (const k of want.kept) expect(out.case[k]).toEqual(c[k])
  expect(out.event).toEqual({
    id: 'evt-1',
    caseId: want.caseId,
    actorId: inp.actor.userId,
    actorRole: role,
    action: rule.action,
    fromStatus: from,
    toStatus: rule.to ?? from,
    note: s.note ?? null,
    attachments: s.attachments ?? [],
    at: NOW.toISOString(),
    visibility: 'internal',
  })
  expect(JSON.stringify(c)).toBe(before)
  return out
}

/** A refusal says why in words, and names the field when the failure is about one. */
export function expectExplained(out: TransitionOutcome, detailKey?: string): void {
  if (out.ok) return
  expect(out.message).toEqual(expect.any(String))
  if (detailKey) expect(out.details?.[detailKey]).toEqual(expect.any(String))
}

/** A move sent with any version but the case's is refused as CONFLICT (retryable); with the case's it goes through. */
export function expectStaleVersionRefused(kind: KindDefinition, tree: OrgTree, c: Case, a: Actor, action: string, s: CommandParts): void {
  for (const v of [c.version - 1, c.version + 1, 0]) {
    expect(transition(kind, tree, c, commandInput(a, action, s, { expectedVersion: v }))).toMatchObject({ ok: false, code: 'CONFLICT', retryable: true })
  }
  expect(transition(kind, tree, c, commandInput(a, action, s, { expectedVersion: c.version })).ok).toBe(true)
}
