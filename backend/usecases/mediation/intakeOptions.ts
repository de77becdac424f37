import { DISPUTE_TYPE_LABELS, DISPUTE_TYPES } from '../../../src/core/kinds/mediation'
import { INTAKE_ROLES } from '../../../src/core/kinds/mediationIntake'
import { INTAKE_SOURCES, MEDIATION_SOURCE_LABELS, SOURCE_REF_LABELS } from '../../../src/core/kinds/mediationSources'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'

/** What the 录入纠纷 form chooses from: the grids and communities the caller works in, the sources, the dispute types. */
export async function intakeOptions(d: Deps, actor: Actor) {
  const grants = actor.grants.filter((g) => (INTAKE_ROLES as readonly string[]).includes(g.role) && (g.role !== 'mediator' || g.committee !== undefined))
  if (grants.length === 0) return fail('FORBIDDEN', '仅调解员、网格员和综治中心可录入纠纷')
  const tree = await d.orgTree()
  const places = tree
    .all()
    .filter((u) => (u.level === 'grid' || u.level === 'community') && grants.some((g) => tree.isWithin(u.code, g.unitCode)))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((u) => ({ code: u.code, name: u.name, level: u.level as 'grid' | 'community' }))
  return {
    ok: true as const,
    places,
    sources: INTAKE_SOURCES.map((code) => ({ code, label: MEDIATION_SOURCE_LABELS[code], refLabel: SOURCE_REF_LABELS[code] ?? null })),
    disputeTypes: DISPUTE_TYPES.map((code) => ({ code, label: DISPUTE_TYPE_LABELS[code] })),
  }
}
