import type { ApiIn } from '../../../src/contracts/api'
import type { ProxiedCaseView } from '../../../src/contracts/proxy'
import type { Case } from '../../../src/core/case'
import { CASE_KIND_LABELS } from '../../../src/core/caseLink'
import { KINDS } from '../../../src/core/kinds'
import { isClaimable, proxyMarkOf } from '../../../src/core/proxyMark'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { proxiedCreatorFor } from '../shared/proxied'
import { CLAIM_PATCH } from './claimPatch'
import { claimPhone } from './claimPhone'

/** More than anyone files for one person; the list is not paged. */
const LIMIT = 50

export function proxiedCaseView(d: Deps, c: Case): ProxiedCaseView {
  const mark = proxyMarkOf(c)
  const role = ROLE_LABELS[mark?.agentRole ?? 'grid_worker']
  return {
    id: c.id,
    number: c.number ?? null,
    kindLabel: CASE_KIND_LABELS[c.kind] ?? '事项',
    what: CLAIM_PATCH[c.kind]?.what(d, c) ?? '',
    statusLabel: labelOf(KINDS[c.kind].statusLabels, c.status),
    filedAt: c.createdAt,
    filedBy: mark?.agentName ? `${role} ${mark.agentName}` : role,
  }
}

/**
 * 认领代办事项: what grid workers and 代办员 filed for the caller's own phone and nobody claimed yet.
 * Nothing until that phone counts (claimPhone.ts); then what each case is, never its text or names.
 */
export async function proxiedCases(d: Deps, actor: Actor, _input: ApiIn<'account.proxiedCases'>) {
  const mine = await claimPhone(d, actor)
  const phone = { state: mine.state, masked: mine.masked }
  if (mine.phone === null || !d.vault) return { ok: true as const, phone, cases: [] }
  const rows = await d.store.listCases({ creatorId: proxiedCreatorFor(d.vault, mine.phone), order: 'newest', limit: LIMIT })
  return { ok: true as const, phone, cases: rows.filter((c) => isClaimable(c) && CLAIM_PATCH[c.kind] !== undefined).map((c) => proxiedCaseView(d, c)) }
}
