/** Stable error codes: programs branch on these, people read the Chinese message. */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'ILLEGAL_TRANSITION'
  | 'CONFLICT'
  | 'OUT_OF_AREA'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL'
  /** A profile write before the person agreed to the privacy notice in force (用户隐私保护指引). */
  | 'CONSENT_REQUIRED'
  /** WeChat's phone button cannot be used here (local mode, an appid without the ability): type the number. */
  | 'PHONE_CODE_UNAVAILABLE'
  /** A mediation invitation opened by someone whose phone in 我的 is not the one the applicant gave for that party. */
  | 'PHONE_MISMATCH'
  /** 注销账号 asked by someone who still holds a staff role: an administrator revokes it first. */
  | 'STAFF_ACCOUNT'
  /** WeChat's video (joinVoIPChat) cannot be signed here (no capability for the appid, not from the mini-program): use the session's meeting link. */
  | 'VOIP_UNAVAILABLE'

export interface Failure {
  ok: false
  code: ErrorCode
  message: string
  /** Field-level details for forms; never personal data. */
  details?: Record<string, string>
  /** True when the same request may succeed if sent again unchanged. */
  retryable?: boolean
}

export type Outcome<T extends object> = ({ ok: true } & T) | Failure

export function fail(code: ErrorCode, message: string, details?: Record<string, string>): Failure {
  const f: Failure = { ok: false, code, message }
  if (details) f.details = details
  if (code === 'UNAVAILABLE' || code === 'CONFLICT' || code === 'RATE_LIMITED') f.retryable = true
  return f
}

export function isFailure(x: unknown): x is Failure {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false
}
