/**
 * Rules of 出租屋实名登记 that both the app's forms and the functions apply: document numbers by
 * type, mainland mobile numbers, lease dates, and the monthly fire-inspection rhythm. Pure.
 */
import { checkCharacter, validateIdNumber, validateResidencePermitNumber } from './idNumber'

export type DocType = 'id_card' | 'hkmt_residence' | 'foreign_permanent' | 'passport'

export const DOC_TYPES: readonly DocType[] = ['id_card', 'hkmt_residence', 'foreign_permanent', 'passport']

export const DOC_TYPE_LABELS: Record<DocType, string> = {
  id_card: '居民身份证',
  hkmt_residence: '港澳台居民居住证',
  foreign_permanent: '外国人永久居留身份证',
  passport: '护照',
}

export type DocCheck = { ok: true; value: string } | { ok: false; message: string }

/**
 * The number as stored and hashed (one spelling per document), or a Chinese message naming
 * the wrong part. Letters are taken in any case and upper-cased first (a lower-case x ending an
 * ID number is an X, never a refusal), so the stored spelling is the upper-case one.
 */
export function validateDocNumber(type: DocType, raw: string, today: Date = new Date()): DocCheck {
  const v = raw.trim().toUpperCase()
  switch (type) {
    case 'id_card': {
      const r = validateIdNumber(v, today)
      return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message }
    }
    case 'hkmt_residence': {
      const r = validateResidencePermitNumber(v, today)
      return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message }
    }
    case 'foreign_permanent': {
      const up = v.toUpperCase()
      if (/^[A-Z]{3}\d{12}$/.test(up)) return { ok: true, value: up }
      if (v.length === 18) {
        if (!/^9\d{16}[\dX]$/.test(v)) return { ok: false, message: '外国人永久居留身份证（2023 版）应以 9 开头，前 17 位为数字，最后一位为数字或大写 X' }
        if (checkCharacter(v) !== v[17]) return { ok: false, message: '外国人永久居留身份证号码校验位不正确，请核对后重新输入' }
        return { ok: true, value: v }
      }
      return { ok: false, message: '外国人永久居留身份证号码应为 15 位（3 个字母加 12 位数字）或 18 位（2023 版）' }
    }
    case 'passport': {
      const up = v.toUpperCase()
      return /^[A-Z0-9]{5,17}$/.test(up) ? { ok: true, value: up } : { ok: false, message: '护照号码应为 5–17 位字母或数字' }
    }
  }
}

/** Mainland mobile numbers only: the door system and the manager call or text them. */
export function validateMobile(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const v = raw.trim()
  return /^1[3-9]\d{9}$/.test(v) ? { ok: true, value: v } : { ok: false, message: '请填写 11 位手机号码（1 开头）' }
}

/** A real calendar day written YYYY-MM-DD. */
export function isRealDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return y >= 1900 && y <= 2200 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

export function isLeaseEndValid(moveInDate: string, leaseEnd: string): boolean {
  return isRealDay(leaseEnd) && isRealDay(moveInDate) && leaseEnd > moveInDate
}

// Shanghai days come from the one time module; these names stay for the rental rules that use them.
import { nextDayStart as shanghaiDayEnd, shanghaiDay } from './time'
export { shanghaiDay, shanghaiDayEnd }

export type InspectionState = 'ok' | 'due_soon' | 'overdue' | 'never'

/** A check is due by the end of the (Shanghai) month after the month of the last one. */
export function inspectionDue(lastAt: string): string {
  const day = shanghaiDay(new Date(lastAt))
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(5, 7))
  // Day 0 of the month after next is the last day of next month.
  const lastOfNext = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10)
  return shanghaiDayEnd(lastOfNext)
}

export function inspectionState(lastAt: string | null, now: Date, dueSoonDays: number): InspectionState {
  if (!lastAt) return 'never'
  const due = Date.parse(inspectionDue(lastAt))
  if (now.getTime() >= due) return 'overdue'
  return due - now.getTime() <= dueSoonDays * 86_400_000 ? 'due_soon' : 'ok'
}
