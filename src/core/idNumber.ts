/**
 * Resident identity numbers (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit
 * sequence (odd = male), and a check character over the first 17 digits (ISO 7064 MOD 11-2).
 * Pure: the app validates forms with it and the functions validate events with it.
 */

export type IdNumberPart = 'length' | 'characters' | 'region' | 'birthDate' | 'checkDigit'

export type IdNumberCheck =
  | { ok: true; value: string; birthDate: string; sex: 'male' | 'female'; regionCode: string }
  | { ok: false; part: IdNumberPart; message: string }

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2']

/** Province-level prefixes in use (11 北京 … 82 澳门); 83 is used by 台湾居民居住证. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
])

export function checkCharacter(first17: string): string {
  let s = 0
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * WEIGHTS[i]!
  return CHECK[s % 11]!
}

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

/**
 * Validates an 18-character resident identity number. `today` bounds the birth date (no one is
 * born in the future or before 1900). The check character must be an upper-case X: a lower-case
 * x is refused with a message saying so, so stored numbers have one spelling for the keyed hash.
 */
export function validateIdNumber(raw: string, today: Date = new Date()): IdNumberCheck {
  const v = raw.trim()
  if (v.length !== 18) return { ok: false, part: 'length', message: `身份证号码应为 18 位，当前为 ${v.length} 位` }
  if (!/^\d{17}[\dXx]$/.test(v)) return { ok: false, part: 'characters', message: '身份证号码前 17 位应为数字，最后一位为数字或 X' }
  if (v[17] === 'x') return { ok: false, part: 'checkDigit', message: '身份证号码最后一位 X 请使用大写' }
  if (!PROVINCES.has(v.slice(0, 2)) || v.slice(2, 6) === '0000') {
    return { ok: false, part: 'region', message: `身份证号码前 6 位地区码「${v.slice(0, 6)}」不存在` }
  }
  return birthAndCheck(v, today, '身份证号码')
}

/**
 * The birth date (characters 7–14) and the check character of an 18-character number under
 * GB 11643, shared by the resident ID and the 港澳台居民居住证 (whose region part is 810000,
 * 820000 or 830000). `what` names the document in the messages.
 */
function birthAndCheck(v: string, today: Date, what: string): IdNumberCheck {
  const y = Number(v.slice(6, 10))
  const m = Number(v.slice(10, 12))
  const d = Number(v.slice(12, 14))
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`
  if (y < 1900 || !realDate(y, m, d) || Date.UTC(y, m - 1, d) > today.getTime()) {
    return { ok: false, part: 'birthDate', message: `${what}第 7–14 位出生日期「${v.slice(6, 14)}」不是有效日期` }
  }
  const expected = checkCharacter(v)
  if (v[17] !== expected) return { ok: false, part: 'checkDigit', message: `${what}校验位不正确，请核对后重新输入` }
  return { ok: true, value: v, birthDate: birth, sex: Number(v[16]) % 2 === 1 ? 'male' : 'female', regionCode: v.slice(0, 6) }
}

const PERMIT_REGIONS = new Set(['810000', '820000', '830000'])

/** 港澳台居民居住证: 18 characters under GB 11643 whose region part is 810000 (香港), 820000 (澳门) or 830000 (台湾). */
export function validateResidencePermitNumber(raw: string, today: Date = new Date()): IdNumberCheck {
  const v = raw.trim()
  const what = '居住证号码'
  if (v.length !== 18) return { ok: false, part: 'length', message: `${what}应为 18 位，当前为 ${v.length} 位` }
  if (!/^\d{17}[\dXx]$/.test(v)) return { ok: false, part: 'characters', message: `${what}前 17 位应为数字，最后一位为数字或 X` }
  if (v[17] === 'x') return { ok: false, part: 'checkDigit', message: `${what}最后一位 X 请使用大写` }
  if (!PERMIT_REGIONS.has(v.slice(0, 6))) {
    return { ok: false, part: 'region', message: `${what}前 6 位应为 810000（香港）、820000（澳门）或 830000（台湾）` }
  }
  return birthAndCheck(v, today, what)
}

/** 4401**********123X: the first 4 and last 4 kept, whatever the document. */
export function maskDocNumber(v: string): string {
  if (v.length <= 8) return `${v.slice(0, 1)}${'*'.repeat(Math.max(0, v.length - 2))}${v.slice(-1)}`
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`
}

/** 138****8000: mainland mobile numbers keep the first 3 and last 4. */
export function maskPhone(v: string): string {
  return v.length >= 7 ? `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}` : '*'.repeat(v.length)
}
