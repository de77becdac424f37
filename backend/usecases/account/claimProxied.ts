import type { ApiIn } from '../../../src/contracts/api'
import type { TimelineEvent } from '../../../src/core/case'
import { CASE_KIND_LABELS } from '../../../src/core/caseLink'
import { fail } from '../../../src/core/outcome'
import { CLAIM_PROXIED, isClaimable, proxyMarkOf } from '../../../src/core/proxyMark'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { saveTransition } from '../shared/persist'
import { proxiedCreatorFor } from '../shared/proxied'
import { CLAIM_PATCH } from './claimPatch'
import { claimPhone } from './claimPhone'

const NOT_YOURS = '没有找到登记在您手机号下的这件代办事项'

/**
 * 本人认领: the person whose own phone (claimPhone.ts) is the one a grid worker or 代办员 filed the case
 * for takes it into their account — its creator (and a mediation's applicant) becomes them, the agent
 * stops following it, and the timeline says 本人认领. Anyone else is told it is not found.
 */
export async function claimProxied(d: Deps, actor: Actor, input: ApiIn<'account.claimProxied'>) {
  const mine = await claimPhone(d, actor)
  // Refused, not failed: without a phone that counts nothing here is the caller's.
  if (mine.state === 'missing') return fail('FORBIDDEN', '请先在「我的」填写本人手机号，再认领代办事项')
  if (mine.phone === null) return fail('FORBIDDEN', '请先用微信验证本人手机号，再认领代办事项')
  if (!d.vault) return { ...fail('UNAVAILABLE', '认领服务暂不可用，请稍后重试'), retryable: true }
  const c = await d.store.getCase(input.id)
  const kind = c ? CLAIM_PATCH[c.kind] : undefined
  if (!c || !kind || !isClaimable(c) || c.creatorId !== proxiedCreatorFor(d.vault, mine.phone)) return fail('NOT_FOUND', NOT_YOURS)
  const refused = kind.refuse?.(c, actor.userId)
  if (refused) return refused
  const now = d.clock.now().toISOString()
  const claimed = { ...c, creatorId: actor.userId, payload: { ...c.payload, proxy: { ...proxyMarkOf(c)!, claimedAt: now } }, updatedAt: now, version: c.version + 1 }
  const next = kind.patch ? kind.patch(claimed, actor.userId) : claimed
  const event: TimelineEvent = {
    id: d.newId(),
    caseId: c.id,
    actorId: actor.userId,
    actorRole: kind.role,
    action: CLAIM_PROXIED,
    fromStatus: c.status,
    toStatus: c.status,
    note: null,
    attachments: [],
    at: now,
    visibility: 'internal',
  }
  const failed = await saveTransition(d, c, next, event)
  if (failed) return failed
  return { ok: true as const, claimed: { id: c.id, number: c.number ?? null, kindLabel: CASE_KIND_LABELS[c.kind] ?? '事项', page: kind.page(c) } }
}
