import type { CheckInInput, DocType } from '../../contracts/rental'
import { isLeaseEndValid, isRealDay, shanghaiDay as dayOf, validateDocNumber, validateMobile } from '../../core/rental'
import { TENANT_NAME_MAX, TENANT_NAME_MIN } from '../../contracts/limits'

/** The check-in form: its draft, the same checks and messages the server gives, and the input it sends. */

/** Today in Asia/Shanghai as YYYY-MM-DD, the shape of move-in and lease-end dates. */
export function shanghaiDay(now: Date = new Date()): string {
  return dayOf(now)
}

/** The same day `years` later (29 Feb → 28 Feb in a common year), without dayjs in the bundle. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const lastOfMonth = new Date(Date.UTC(y + years, m, 0)).getUTCDate()
  const pad = (x: number, n = 2) => String(x).padStart(n, '0')
  return `${pad(y + years, 4)}-${pad(m)}-${pad(Math.min(d, lastOfMonth))}`
}

/** The check-in input as the form holds it: the two consents as separate switches, no key or code yet. */
export type CheckinDraft = Omit<CheckInInput, 'idempotencyKey' | 'buildingCode' | 'consent'> & {
  consentPurpose: boolean
  consentSensitive: boolean
}

export type CheckinField = keyof CheckinDraft

export type CheckinErrors = Partial<Record<CheckinField, string>>

export function emptyCheckin(today: string): CheckinDraft {
  return {
    room: '',
    name: '',
    docType: 'id_card',
    docNumber: '',
    phone: '',
    moveInDate: today,
    leaseEnd: addYears(today, 1),
    cohabitants: [],
    consentPurpose: false,
    consentSensitive: false,
  }
}

/** Spaces people type inside numbers are dropped; letters go upper-case (the ID card's x is an X). */
export function cleanDocNumber(raw: string, _docType?: DocType): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

/** What a document-number box shows as the person types: letters upper-cased at once (x → X). */
export function typedDocNumber(raw: string): string {
  return raw.toUpperCase()
}

export function cleanPhone(raw: string): string {
  return raw.replace(/[\s-]/g, '')
}

/** The document number's own check (the server's rules and messages), shown live under the field; '' when fine or still empty. */
export function docNumberError(raw: string, docType: DocType, now: Date = new Date()): string {
  const v = cleanDocNumber(raw, docType)
  if (!v) return ''
  const r = validateDocNumber(docType, v, now)
  return r.ok ? '' : r.message
}

export function phoneError(raw: string): string {
  const v = cleanPhone(raw)
  if (!v) return '请填写手机号码'
  const r = validateMobile(v)
  return r.ok ? '' : r.message
}

export function leaseEndError(moveIn: string, leaseEnd: string): string {
  if (!isRealDay(leaseEnd)) return '租约到期日不是有效日期'
  if (isRealDay(moveIn) && !isLeaseEndValid(moveIn, leaseEnd)) return '租约到期日应晚于入住日期'
  return ''
}

export function validateCheckin(d: CheckinDraft, rooms: readonly string[], now: Date = new Date()): CheckinErrors {
  const e: CheckinErrors = {}
  if (!d.room) e.room = '请选择房号'
  else if (!rooms.includes(d.room)) e.room = `房号「${d.room.slice(0, 20)}」不在本楼栋的房间列表中`
  const name = d.name.trim()
  if (name.length < TENANT_NAME_MIN) e.name = '请填写真实姓名'
  else if (name.length > TENANT_NAME_MAX) e.name = `姓名最多 ${TENANT_NAME_MAX} 个字`
  if (!cleanDocNumber(d.docNumber, d.docType)) e.docNumber = '请填写证件号码'
  else {
    const m = docNumberError(d.docNumber, d.docType, now)
    if (m) e.docNumber = m
  }
  const p = phoneError(d.phone)
  if (p) e.phone = p
  if (!isRealDay(d.moveInDate)) e.moveInDate = '入住日期不是有效日期'
  const l = leaseEndError(d.moveInDate, d.leaseEnd)
  if (l) e.leaseEnd = l
  if (d.cohabitants.some((c) => !c.name.trim())) e.cohabitants = '请填写同住人姓名'
  if (!d.consentPurpose) e.consentPurpose = '请阅读并同意登记目的与保存期限'
  if (!d.consentSensitive) e.consentSensitive = '请单独同意处理敏感个人信息（证件号码）'
  return e
}

export const FIELD_ORDER: CheckinField[] = ['room', 'name', 'docType', 'docNumber', 'phone', 'moveInDate', 'leaseEnd', 'cohabitants', 'consentPurpose', 'consentSensitive']

export function firstError(e: CheckinErrors): string {
  for (const f of FIELD_ORDER) if (e[f]) return e[f]!
  return ''
}

export function buildCheckIn(d: CheckinDraft, buildingCode: string, noticeVersion: string, idempotencyKey: string): CheckInInput {
  return {
    idempotencyKey,
    buildingCode,
    room: d.room,
    name: d.name.trim(),
    docType: d.docType,
    docNumber: cleanDocNumber(d.docNumber, d.docType),
    phone: cleanPhone(d.phone),
    moveInDate: d.moveInDate,
    leaseEnd: d.leaseEnd,
    cohabitants: d.cohabitants.map((c) => ({ name: c.name.trim(), relation: c.relation })),
    consent: { purpose: true, sensitive: true, version: noticeVersion },
  }
}

/** The server's `details` keys onto the form's fields (cohabitants[0].name → cohabitants, consent.* → its box). */
export function checkinFieldOf(key: string): CheckinField | null {
  if (key.startsWith('cohabitants')) return 'cohabitants'
  if (key === 'consent' || key === 'consent.purpose' || key === 'consent.version') return 'consentPurpose'
  if (key === 'consent.sensitive') return 'consentSensitive'
  if (key === 'buildingCode') return 'room'
  return (FIELD_ORDER as string[]).includes(key) ? (key as CheckinField) : null
}

export function serverErrors(details: Record<string, string> | undefined): CheckinErrors {
  const e: CheckinErrors = {}
  for (const [k, v] of Object.entries(details ?? {})) {
    const f = checkinFieldOf(k)
    if (f && !e[f]) e[f] = v
  }
  return e
}
