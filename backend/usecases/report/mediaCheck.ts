import { parseMediaCheckPush, type Suggest } from '../../contentSecurityPort'
import { moderationOf, REPORT, type ReportPayload } from '../../../src/core/kinds/report'
import { fail, type Failure } from '../../../src/core/outcome'
import { SYSTEM_ACTOR } from '../../../src/core/roles'
import { transition } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { saveTransition } from '../shared/persist'
import { auditEntry, MEDIA_CHECK_CLAIMANT } from './moderate'

const VERDICT: Record<Suggest, { action: string; note: string }> = {
  pass: { action: 'photo_check_pass', note: '微信内容安全检测通过，照片已公开' },
  risky: { action: 'photo_check_risky', note: '微信内容安全检测未通过，照片已隐藏' },
  review: { action: 'photo_check_review', note: '微信内容安全检测建议人工复核，照片暂不公开' },
}

/**
 * The verdict of an image check (`wxa_media_check` push): applied by the system to the photo whose
 * check still runs under that trace id — a photo hidden meanwhile stays hidden. Answers NOT_FOUND
 * for a trace id no report holds (yet: the push may overtake the write that saved it).
 */
export async function receiveMediaCheck(d: Deps, event: unknown): Promise<{ ok: true; applied: boolean } | Failure> {
  const result = parseMediaCheckPush(event)
  if (!result) return fail('VALIDATION', '不是内容安全检测结果')
  const caseId = await d.store.claimedCase(MEDIA_CHECK_CLAIMANT, result.traceId)
  if (!caseId) return fail('NOT_FOUND', '检测记录不存在')
  const tree = await d.orgTree()
  for (let attempt = 0; attempt < 3; attempt++) {
    const c = await d.store.getCase(caseId)
    if (!c || c.kind !== 'report') return fail('NOT_FOUND', '检测记录不存在')
    const checking = moderationOf(c.payload as unknown as ReportPayload).checking ?? {}
    const fileId = Object.keys(checking).find((id) => checking[id] === result.traceId)
    if (!fileId) return { ok: true, applied: false }
    const verdict = VERDICT[result.suggest]
    const out = transition(REPORT, tree, c, {
      actor: SYSTEM_ACTOR,
      action: verdict.action,
      note: verdict.note,
      attachments: [fileId],
      now: d.clock.now(),
      eventId: d.newId(),
      params: { moderation: { fileId, traceId: result.traceId } },
    })
    if (!out.ok) return out
    const conflict = await saveTransition(d, c, out.case, out.event, (tx) => tx.appendAudit(auditEntry(d, c, out.event, verdict.note)))
    if (!conflict) return { ok: true, applied: true }
  }
  return fail('CONFLICT', '事项正被频繁更新，请稍后重试')
}
