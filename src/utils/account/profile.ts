import { NICKNAME_MAX } from '../../contracts/limits'
import type { ConsentView, PrivacyView } from '../../contracts/account'
import { isPhone, normalizePhone } from '../phone'

/** The nickname as it will be sent, or the Chinese reason it cannot be. */
export function checkNickname(raw: string): { ok: true; nickname: string } | { ok: false; message: string } {
  const nickname = raw.trim()
  if (!nickname) return { ok: false, message: '请填写昵称' }
  // Counted as the contract counts (UTF-16 units), so the app never passes what the server refuses.
  if (nickname.length > NICKNAME_MAX) return { ok: false, message: `昵称最多 ${NICKNAME_MAX} 个字` }
  return { ok: true, nickname }
}

/** A typed phone in the form the contract takes, or the reason it is refused (as the server words it). */
export function checkTypedPhone(raw: string): { ok: true; phone: string } | { ok: false; message: string } {
  if (!raw.trim()) return { ok: false, message: '请填写手机号' }
  if (!isPhone(raw)) return { ok: false, message: '请填写正确的手机号或固定电话' }
  return { ok: true, phone: normalizePhone(raw) }
}

/**
 * What the phone button's answer means: a code to exchange, or the person closed the dialog
 * (WeChat answers errMsg "getPhoneNumber:fail user deny" and no code).
 */
export function phoneCodeOf(detail: { code?: string; errMsg?: string } | undefined): string | null {
  const code = detail?.code
  return typeof code === 'string' && code.length > 0 ? code : null
}

/** Whether the person agreed to the notice in force (a consent to an older version does not count). */
export function agreedToCurrent(p: PrivacyView): boolean {
  return p.consents.some((c) => c.version === p.notice.version)
}

/** One line per consent: 2026年12月6日 14:05 同意《用户隐私保护指引》第 2 版. */
export function consentLine(c: ConsentView): string {
  return `${c.atLabel} 同意《${c.title.replace(/^《|》$/g, '')}》第 ${c.version} 版`
}

/** 注销 is typed exactly (spaces around it forgiven). */
export function deletionConfirmed(typed: string): boolean {
  return typed.trim() === '注销'
}
