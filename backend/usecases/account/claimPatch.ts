/**
 * What each kind of case filed 代办 becomes when its person claims it (claimProxied.ts): the role
 * their timeline row is in, their own page of it, what the list calls it (never its free text),
 * and the rest of the case that becomes theirs. A kind without a row here cannot be claimed.
 */
import type { Case, CaseKind } from '../../../src/core/case'
import { HELP_KIND_LABELS, type HelpKind } from '../../../src/core/kinds/helpTerms'
import { DISPUTE_TYPE_LABELS, type DisputeType } from '../../../src/core/kinds/mediationTerms'
import { claimApplication } from '../../../src/core/kinds/mediationProxy'
import { fail, type Failure } from '../../../src/core/outcome'
import type { ActorRole } from '../../../src/core/roles'
import { respondentIds } from '../../../src/core/scope'
import { categoryName } from '../../config/district'
import type { Deps } from '../../deps'

export interface ClaimKind {
  role: ActorRole
  /** The person's own page of the case (a mini-program path). */
  page: (c: Case) => string
  what: (d: Deps, c: Case) => string
  /** More of the case that becomes theirs than its creator (a mediation's applicant slot). */
  patch?: (c: Case, userId: string) => Case
  /** Why this caller may not take it though the phone matches. */
  refuse?: (c: Case, userId: string) => Failure | null
}

export const CLAIM_PATCH: Partial<Record<CaseKind, ClaimKind>> = {
  report: {
    role: 'resident',
    page: (c) => `/pages/report/detail/index?id=${c.id}`,
    what: (d, c) => categoryName(d.config, c.category),
  },
  mediation: {
    role: 'applicant',
    page: (c) => `/pages/mediation/detail/index?id=${c.id}`,
    what: (_d, c) => DISPUTE_TYPE_LABELS[(c.payload as { disputeType: DisputeType }).disputeType] ?? '调解',
    patch: claimApplication,
    // One person cannot be both sides of a dispute.
    refuse: (c, userId) => (respondentIds(c).includes(userId) ? fail('VALIDATION', '您已作为被申请人加入该调解，不能再认领为申请人') : null),
  },
  // 代办登记 (Part D2): the registration becomes the tenant's own (我的租住登记: update, check out).
  checkin: {
    role: 'tenant',
    page: () => '/pages/rental/mine/index',
    what: (_d, c) => `${(c.payload as { room: string }).room} 室`,
  },
  // 代为求助 (Part D2): the request becomes the person's own (status, who is coming).
  help: {
    role: 'resident',
    page: (c) => `/pages/help/status/index?id=${c.id}`,
    what: (_d, c) => HELP_KIND_LABELS[(c.payload as { helpKind: HelpKind }).helpKind] ?? '其他',
  },
}
