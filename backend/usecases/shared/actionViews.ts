import type { ActionView } from '../../../src/contracts/api'
import { actingRoleIn } from '../../../src/core/access'
import type { Case } from '../../../src/core/case'
import type { CommandKind, FormField } from '../../../src/core/command'
import type { OrgTree } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import { transition } from '../../../src/core/transition'

const SHEET_FIELDS: ReadonlySet<string> = new Set<ActionView['needs'][number]>(['note', 'attachments', 'assignee', 'target', 'rating', 'satisfaction'])

/**
 * `needs` predates `form` and is what the staff sheet reads today: it opens only for a move that
 * requires one of its fields, and then shows that move's optional ones too (合并说明).
 */
function needsOf(form: readonly FormField[]): ActionView['needs'] {
  const fields = form.filter((f) => SHEET_FIELDS.has(f.name))
  if (!fields.some((f) => f.required)) return []
  return fields.map((f) => f.name as ActionView['needs'][number])
}

/**
 * The moves the viewer may make now, from the kind's declaration: the rows from this status their
 * role covers, less those a dry run with what a form would collect refuses for who or when (not
 * yet for the form's contents), so the app never offers a button that can only fail.
 */
export function actionsFor<P extends object, S extends string, A extends string>(
  def: CommandKind<P, S, A>,
  tree: OrgTree,
  actor: Actor,
  c: Case,
  now: Date,
): ActionView[] {
  const seen = new Set<string>()
  const out: ActionView[] = []
  for (const r of def.rules) {
    if (seen.has(r.action) || !r.from.includes(c.status)) continue
    const role = actingRoleIn(def.scope, tree, actor, c, r.roles.filter((x) => x !== 'system'))
    if (!role) continue
    const decl = def.actions[r.action as A]
    if (decl.offered && !decl.offered(c as Case<P>, role, tree)) continue
    const probe = transition(def, tree, c, { actor, action: r.action, now, eventId: 'probe', note: '-', attachments: ['-'], params: def.probe(c) })
    if (!probe.ok && (probe.code === 'FORBIDDEN' || probe.code === 'ILLEGAL_TRANSITION')) continue
    seen.add(r.action)
    const form = [...(decl.form ?? [])]
    out.push({ action: r.action, label: decl.roleLabels?.[role] ?? decl.label, needs: needsOf(form), form })
  }
  return out
}
