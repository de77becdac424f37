/**
 * Why someone reads personal data (a full identity number, a CSV of a whole area): a purpose chosen
 * from a list plus a sentence of their own, both kept in the audit row as 「办理案件：核查 11 月 28 日
 * 盗窃案相关人员」. The rules are here once, for the wire schema, the use cases and the app's sheet.
 */
export const AUDIT_PURPOSES = ['case', 'inspection', 'lead', 'other'] as const
export type AuditPurpose = (typeof AUDIT_PURPOSES)[number]

export const AUDIT_PURPOSE_LABELS: Record<AuditPurpose, string> = { case: '办理案件', inspection: '治安检查', lead: '核查线索', other: '其他' }

/** The shortest sentence accepted after the purpose. */
export const AUDIT_REASON_MIN = 5

/** Letters and digits that count: punctuation and spaces say nothing. */
const meaningful = (s: string) => [...s].filter((ch) => /[\p{L}\p{N}]/u.test(ch))

/** '' when the sentence will do; else the Chinese reason it will not. */
export function auditReasonProblem(reason: string): string {
  const chars = meaningful(reason.trim())
  if (chars.length < AUDIT_REASON_MIN) return `请用一句话说明事由（至少 ${AUDIT_REASON_MIN} 个字）`
  if (new Set(chars.map((c) => c.toLowerCase())).size < 3) return '事由不能只是重复的字，请写明为什么查看'
  return ''
}

export function isAuditPurpose(x: unknown): x is AuditPurpose {
  return typeof x === 'string' && (AUDIT_PURPOSES as readonly string[]).includes(x)
}

/** What the audit row keeps: 「办理案件：核查盗窃案线索」. */
export function auditReasonText(purpose: AuditPurpose, reason: string): string {
  return `${AUDIT_PURPOSE_LABELS[purpose]}：${reason.trim()}`
}

/** The audit row's reason from an input: the wire always names the purpose; a direct call (tools, tests) may not. */
export function auditedReason(input: { purpose?: AuditPurpose; reason: string }): string {
  return input.purpose ? auditReasonText(input.purpose, input.reason) : input.reason.trim()
}
