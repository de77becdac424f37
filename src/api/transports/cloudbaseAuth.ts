/**
 * Staff sign-in on the H5 desk with CloudBase authentication (@cloudbase/js-sdk v3): an SMS code
 * to the staff member's phone. Only the part of the SDK's auth this needs is typed here, so the
 * logic is tested with a stand-in and no SDK.
 */

import { NETWORK_LOST } from '../failures'

interface AuthError {
  message?: string
}

export interface OtpAuth {
  getSession(): Promise<{ data?: { session?: { user?: { is_anonymous?: boolean } | null } | null } | null; error?: AuthError | null }>
  signInWithOtp(params: { phone: string }): Promise<{ data?: { verifyOtp?(params: { token: string }): Promise<{ error?: AuthError | null }> } | null; error?: AuthError | null }>
  signOut(): Promise<unknown>
}

export type Step<T = object> = ({ ok: true } & T) | { ok: false; message: string }

const MOBILE = /^1[3-9]\d{9}$/
const OTP = /^\d{4,8}$/

/** A signed-in, non-anonymous CloudBase session: the only kind the functions accept from the web. */
export async function hasStaffSession(auth: OtpAuth): Promise<boolean> {
  try {
    const { data, error } = await auth.getSession()
    const user = data?.session?.user
    return !error && Boolean(user) && user?.is_anonymous !== true
  } catch {
    return false
  }
}

/** Mainland mobile numbers as CloudBase wants them (+86); spaces and dashes are forgiven. */
export function phoneForAuth(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^\+?86/, '')
  return MOBILE.test(digits) ? `+86${digits}` : null
}

export type PendingCode = (code: string) => Promise<Step>

/** Sends the SMS code; the answer carries the step that checks it. */
export async function sendCode(auth: OtpAuth, rawPhone: string): Promise<Step<{ verify: PendingCode }>> {
  const phone = phoneForAuth(rawPhone)
  if (!phone) return { ok: false, message: '请输入 11 位手机号' }
  try {
    const { data, error } = await auth.signInWithOtp({ phone })
    const verifyOtp = data?.verifyOtp
    if (error || !verifyOtp) return { ok: false, message: `验证码发送失败：${error?.message ?? '请稍后重试'}` }
    return {
      ok: true,
      verify: async (code) => {
        const token = code.trim()
        if (!OTP.test(token)) return { ok: false, message: '请输入短信中的验证码' }
        try {
          const r = await verifyOtp({ token })
          return r.error ? { ok: false, message: '验证码错误或已过期，请重新获取' } : { ok: true }
        } catch {
          return { ok: false, message: NETWORK_LOST }
        }
      },
    }
  } catch {
    return { ok: false, message: NETWORK_LOST }
  }
}
