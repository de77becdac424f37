import { fail, type Failure } from '../src/core/outcome'

/** What the app shows when the phone button cannot be used: it then asks the person to type the number. */
export const PHONE_CODE_UNAVAILABLE_MESSAGE = '暂时无法使用微信手机号，请手动填写'

/**
 * WeChat's 手机号快速验证: the code a `<Button openType="getPhoneNumber">` hands the app, exchanged in
 * the function for the number (the `getuserphonenumber` open API). Only a verified, non-individual
 * appid may use it, and each call is billed; anywhere else the answer is PHONE_CODE_UNAVAILABLE and
 * the person types the number instead. Failures come back as values, never as throws.
 */
export interface PhoneNumbers {
  exchange(code: string): Promise<{ ok: true; phone: string } | Failure>
}

export function phoneCodeUnavailable(): Failure {
  return fail('PHONE_CODE_UNAVAILABLE', PHONE_CODE_UNAVAILABLE_MESSAGE)
}
