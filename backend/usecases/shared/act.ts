import type { Case, TimelineEvent, Visibility } from '../../../src/core/case'
import type { OrgTree } from '../../../src/core/org'
import { fail, isFailure, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import { transition, type KindDefinition } from '../../../src/core/transition'
import type { Tx } from '../../ports'
import type { Deps } from '../../deps'
import { notOwnUpload } from '../files/ownUploads'
import { saveTransition } from './persist'

/** What every move carries on the wire; kinds add their own fields (assignee, session …). */
export interface ActCommand {
  id: string
  action: string
  /** The version the page showed; a stale one answers CONFLICT. */
  version?: number
  note?: string
  attachments?: string[]
  /** A staff member's note as a public update (公开回复); internal otherwise. */
  noteVisibility?: Visibility
}

/** What a move needs beyond the table, found with the store and configuration. */
export interface Prepared {
  /** Handed to the kind's params schema; a misfit is refused there in Chinese. */
  params?: Record<string, unknown>
  /** Writes that commit with the move (door access, a released document claim …). */
  also?: (tx: Tx, next: Case) => Promise<void>
}

export interface PrepareContext<I> {
  d: Deps
  tree: OrgTree
  actor: Actor
  c: Case
  input: I
}

export type Prepare<I> = (ctx: PrepareContext<I>) => Promise<Prepared | Failure>

/** A kind's moves as the backend runs them: its table, who may load a case, and each action's preparation. */
export interface KindCommands<A extends string, I extends ActCommand> {
  def: KindDefinition & { actions: Record<A, unknown> }
  /** The refusal for a case that does not exist or the caller may not reach (the same words for both). */
  notFound: string
  /** Narrower than canRead where the kind says so (a registration: its tenant and its manager). */
  reachable?: (tree: OrgTree, actor: Actor, c: Case) => boolean
  prepare: Partial<Record<A, Prepare<I>>>
  /** For the actions without a preparation of their own. */
  otherwise?: Prepare<I>
  /** Whether the move carries photos; they must be the caller's own uploads. */
  attachments?: boolean
  /** Whether staff may publish the move's note (the table still decides which roles may). */
  publicNotes?: boolean
  /** The case as it may be stored (personal data a move wrote in clear, sealed), or a refusal. */
  atRest?: (d: Deps, c: Case) => Case | Failure
}

export type Acted = { ok: true; before: Case; case: Case; event: TimelineEvent; tree: OrgTree } | Failure

/**
 * One move on one case: load what the caller may reach, prepare, apply the kind's table, save with the version check.
 * `loaded`: the case as the caller already read it (a bulk move reads a page of cases at once); the version check still guards the write.
 */
export async function act<A extends string, I extends ActCommand>(d: Deps, actor: Actor, kind: KindCommands<A, I>, input: I, loaded?: Case | null): Promise<Acted> {
  const tree = await d.orgTree()
  const c = loaded !== undefined ? loaded : await d.store.getCase(input.id)
  const reachable = kind.reachable ?? ((t, a, x) => canRead(t, a, x))
  if (!c || c.kind !== kind.def.kind || !reachable(tree, actor, c)) return fail('NOT_FOUND', kind.notFound)
  // Own keys only: an action named "__proto__" or "constructor" must not find Object's members.
  const own = Object.prototype.hasOwnProperty.call(kind.prepare, input.action) ? kind.prepare[input.action as A] : undefined
  const prepare = own ?? kind.otherwise
  const prepared = prepare ? await prepare({ d, tree, actor, c, input }) : {}
  if (isFailure(prepared)) return prepared
  if (kind.attachments && input.attachments) {
    const bad = await notOwnUpload(d, actor, input.attachments)
    if (bad !== null) return fail('VALIDATION', '照片无效，请重新上传', { attachments: bad })
  }
  const out = transition(kind.def, tree, c, {
    actor,
    action: input.action,
    note: input.note,
    attachments: kind.attachments ? input.attachments : undefined,
    now: d.clock.now(),
    eventId: d.newId(),
    expectedVersion: input.version,
    params: prepared.params ?? {},
    ...(kind.publicNotes ? { visibility: input.noteVisibility ?? 'internal' } : {}),
  })
  if (!out.ok) return out
  const next = kind.atRest ? kind.atRest(d, out.case) : out.case
  if (isFailure(next)) return next
  const also = prepared.also
  const conflict = await saveTransition(d, c, next, out.event, also ? (tx) => also(tx, next) : undefined)
  if (conflict) return conflict
  return { ok: true, before: c, case: next, event: out.event, tree }
}
