import { DOC_TYPES as DOC_KEYS, validateDocNumber } from '../../core/rental'
import { REASON_MAX } from '../../contracts/limits'
import { auditReasonProblem } from '../../core/auditReason'

/** The police area page: the audited reason's bounds and whether a search is a full document number. */

/** The same bounds as the server's: a reason of at least 2 characters, at most REASON_MAX. */
export function reasonError(reason: string): string {
  const n = reason.trim().length
  if (n < 2) return '请填写事由（至少 2 个字）'
  if (n > REASON_MAX) return `事由最多 ${REASON_MAX} 个字`
  return ''
}

/** An audited read's sentence (reveal, export, search by number): the server's rules, checked before sending. */
export function auditReasonError(reason: string): string {
  if (reason.trim().length > REASON_MAX) return `事由最多 ${REASON_MAX} 个字`
  return auditReasonProblem(reason)
}

/** Whether a search of the area list is a full document number: the server then asks for a reason and records it. */
export function isDocNumberQuery(q: string, now: Date = new Date()): boolean {
  const v = q.trim()
  return v.length > 0 && DOC_KEYS.some((t) => validateDocNumber(t, v, now).ok)
}
