/**
 * 联系电话 on the report form (选填). The phone saved in 我的 reaches the app only as its mask
 * (138****0000): shown in the box, it is sent as `contactFromProfile` and the server puts the number
 * itself on the report. A number typed instead is sent as `contactPhone`; an empty box sends none.
 */
import type { SubmitReportInput } from '../../contracts/api'
import { isPhone, normalizePhone } from '../phone'

export type ContactInput = Pick<SubmitReportInput, 'contactPhone' | 'contactFromProfile'>

export const CONTACT_PHONE_ERROR = '请填写正确的手机号或固定电话'

/** Whether the box still shows 我的's phone as given (the mask, untouched). */
export function usesProfile(value: string, mask: string | null): boolean {
  return !!mask && value === mask
}

/**
 * The box's next value. Editing the mask cannot make a real number (its middle digits are stars),
 * so any change to it empties the box for a number of the person's own.
 */
export function editContact(prev: string, next: string, mask: string | null): string {
  if (usesProfile(prev, mask) && next !== mask && next.includes('*')) return ''
  return next
}

/** The refusal to show under the box, or '' when it may be sent. */
export function contactError(value: string, mask: string | null): string {
  if (!value.trim() || usesProfile(value, mask)) return ''
  return isPhone(value) ? '' : CONTACT_PHONE_ERROR
}

/** What the report carries on the wire. */
export function contactInput(value: string, mask: string | null): ContactInput {
  if (usesProfile(value, mask)) return { contactFromProfile: true }
  const typed = value.trim()
  return typed ? { contactPhone: normalizePhone(typed) } : {}
}

/** The box's value for a draft reopened from the outbox (the mask once 我的 has answered). */
export function contactFromDraft(d: ContactInput, mask: string | null): string {
  if (d.contactFromProfile) return mask ?? ''
  return d.contactPhone ?? ''
}
