import type { z } from 'zod'
import type { KindScope } from './access'
import type { Case, CaseKind } from './case'
import type { OrgTree } from './org'
import type { Failure } from './outcome'
import type { ActorRole } from './roles'
import type { GuardContext, KindDefinition, TransitionInput, TransitionRule } from './transition'

/**
 * Typed commands: each move of a kind is declared once (params, checks, patch, label, roles and
 * the form its action sheet shows) and compiled into the rows `transition` applies.
 */

/** A field an action sheet collects; the app renders the sheet from these. */
export type FormFieldName = 'note' | 'attachments' | 'assignee' | 'target' | 'rating' | 'comment' | 'referral' | 'session' | 'sessionId' | 'terms' | 'answer' | 'satisfaction'

export interface FormField {
  name: FormFieldName
  /** The field's Chinese title on the sheet. */
  label: string
  required: boolean
  placeholder?: string
  /** For a choice (后续处理途径 …): the codes sent and their Chinese labels. */
  choices?: ReadonlyArray<{ code: string; label: string }>
}

/** One params field: its schema, and the Chinese refusal when the value does not fit. */
export interface ParamField<T extends z.ZodTypeAny = z.ZodTypeAny> {
  schema: T
  /** For an object field, by the path of its first problem (调解时间 / 方式 / 地点 …). */
  refuse: Failure | ((path: ReadonlyArray<string | number>) => Failure)
}

export function param<T extends z.ZodTypeAny>(schema: T, refuse: ParamField['refuse']): ParamField<T> {
  return { schema, refuse }
}

export type ParamSpec = Record<string, ParamField>
export type ParamsOf<S extends ParamSpec> = { [K in keyof S]: z.output<S[K]['schema']> }

/** Reads raw params field by field in declared order: the typed value, or the first misfit's refusal. */
export function readParams<S extends ParamSpec>(spec: S, raw: Record<string, unknown> | undefined): { ok: true; value: ParamsOf<S> } | Failure {
  const value: Record<string, unknown> = {}
  for (const [k, f] of Object.entries(spec)) {
    const r = f.schema.safeParse(raw && Object.prototype.hasOwnProperty.call(raw, k) ? raw[k] : undefined)
    if (!r.success) return typeof f.refuse === 'function' ? f.refuse(r.error.issues[0]?.path ?? []) : f.refuse
    if (r.data !== undefined) value[k] = r.data
  }
  return { ok: true, value: value as ParamsOf<S> }
}

export interface MoveContext<P extends object> {
  c: Case<P>
  input: TransitionInput
  role: ActorRole
}

export interface ParamsContext<P extends object, Q> extends MoveContext<P> {
  params: Q
}

/** A refusal decided before params are read: who acts, the case's state, the note. */
export type Check<P extends object> = (ctx: MoveContext<P>) => Failure | null
/** A refusal that needs the params, typed. */
export type ParamGuard<P extends object, Q> = (ctx: ParamsContext<P, Q>) => Failure | null
export type Change<P extends object> = Partial<{ unitCode: string; assigneeId: string | null; slaDeadline: string | null; payload: P }>
export type ParamPatch<P extends object, Q> = (ctx: ParamsContext<P, Q>) => Change<P>

/** One row of an action: from where, by whom, to where; rows are tried in order. */
export interface Row<P extends object, S extends string, Q> {
  from: readonly S[]
  roles: readonly ActorRole[]
  /** Omitted when the move records an event without changing status. */
  to?: S
  /** In order, before params; the first refusal wins. */
  check?: Check<P> | readonly Check<P>[]
  guard?: ParamGuard<P, Q>
  patch?: ParamPatch<P, Q>
}

export interface ActionDecl<P extends object, S extends string, Spec extends ParamSpec> {
  label: string
  /** Another word for the button in one role (a grid worker's 上报 goes to the street). */
  roleLabels?: Partial<Record<ActorRole, string>>
  params?: Spec
  /** What the action sheet shows, in order; none for a one-tap move. */
  form?: readonly FormField[]
  /** Beyond what the table refuses, whether the move is offered to `role` now. */
  offered?: (c: Case<P>, role: ActorRole, tree: OrgTree) => boolean
  rows: readonly Row<P, S, ParamsOf<Spec>>[]
}

/** Fixes a kind's payload and statuses, so each action's params type is inferred from its own schema. */
export function actionsOf<P extends object, S extends string>() {
  return <Spec extends ParamSpec = {}>(decl: ActionDecl<P, S, Spec>): ActionDecl<P, S, Spec> => decl
}

export interface KindDecl<P extends object, S extends string, A extends string> {
  kind: CaseKind
  statusLabels: Record<S, string>
  initialStatus: S
  terminalStatuses: readonly S[]
  actions: Record<A, ActionDecl<P, S, any>>
  /** Timeline rows that are not moves of the table (上报, 申请调解, 加入调解 …). */
  eventLabels?: Record<string, string>
  scope: KindScope<P>
  /** Params for the dry run that decides which moves to offer; the form fills in the rest. */
  probe?: (c: Case<P>) => Record<string, unknown>
}

export interface CommandKind<P extends object, S extends string, A extends string> extends KindDefinition {
  actions: Record<A, ActionDecl<P, S, any>>
  probe: (c: Case) => Record<string, unknown>
}

function checksOf<P extends object>(check: Row<P, string, unknown>['check']): readonly Check<P>[] {
  if (check === undefined) return []
  return typeof check === 'function' ? [check] : check
}

/** The declaration's rows as the table `transition` reads: checks, then params, then the typed guard. */
function compile<P extends object>(action: string, decl: ActionDecl<P, string, any>): TransitionRule[] {
  const read = (ctx: GuardContext) => (decl.params ? readParams(decl.params, ctx.input.params) : { ok: true as const, value: {} })
  // The one place a generic case becomes the kind's own: the table only ever sees its kind.
  const typed = (ctx: GuardContext) => ctx as unknown as MoveContext<P>
  return decl.rows.map((row) => {
    const checks = checksOf<P>(row.check)
    const rule: TransitionRule = { from: row.from, action, roles: row.roles }
    if (row.to !== undefined) rule.to = row.to
    if (checks.length > 0 || decl.params || row.guard) {
      rule.guard = (ctx) => {
        for (const check of checks) {
          const why = check(typed(ctx))
          if (why) return why
        }
        const params = read(ctx)
        if (!params.ok) return params
        return row.guard?.({ ...typed(ctx), params: params.value }) ?? null
      }
    }
    const patch = row.patch
    if (patch) {
      rule.patch = (ctx) => {
        const params = read(ctx)
        return patch({ ...typed(ctx), params: params.ok ? params.value : {} }) as ReturnType<NonNullable<TransitionRule['patch']>>
      }
    }
    return rule
  })
}

/** A kind from its declaration: the labels, the compiled table and the declaration itself. */
export function defineKind<P extends object, S extends string, A extends string>(k: KindDecl<P, S, A>): CommandKind<P, S, A> {
  const entries = Object.entries(k.actions) as Array<[A, ActionDecl<P, S, unknown & ParamSpec>]>
  const actionLabels: Record<string, string> = { ...k.eventLabels }
  for (const [a, decl] of entries) actionLabels[a] = decl.label
  return {
    kind: k.kind,
    initialStatus: k.initialStatus,
    statusLabels: { ...k.statusLabels },
    actionLabels,
    terminalStatuses: k.terminalStatuses,
    rules: entries.flatMap(([a, decl]) => compile(a, decl)),
    scope: k.scope as KindScope,
    actions: k.actions,
    probe: (k.probe ?? (() => ({}))) as (c: Case) => Record<string, unknown>,
  }
}
