/**
 * Pure logic of the 出租屋实名登记 pages: labels, the check-in form's checks (the same messages the
 * server gives), the building's room list, the QR link's code, the inspection form.
 */
import dayjs from 'dayjs'
import { BUILDING_ADDRESS_MIN, BUILDING_NAME_MIN, MAX_ROOMS, MISUSE_NOTE_MAX, MISUSE_NOTE_MIN, REASON_MAX, TENANT_NAME_MAX, TENANT_NAME_MIN } from '../../contracts/limits'
import type { CheckInInput, DocType, InspectionItemView, InspectionState } from '../../contracts/rental'
import { DOC_TYPES as DOC_KEYS, DOC_TYPE_LABELS, isLeaseEndValid, isRealDay, shanghaiDay as dayOf, validateDocNumber, validateMobile } from '../../core/rental'

export const DOC_TYPES: Array<{ key: DocType; label: string }> = DOC_KEYS.map((key) => ({ key, label: DOC_TYPE_LABELS[key] }))

type Tone = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'

/** Waiting in warm colours, living there green, refusals red, the ended ones calm. */
export function statusTone(s: string): Tone {
  if (s === 'pending') return 'warning'
  if (s === 'active') return 'success'
  if (s === 'refused') return 'danger'
  return 'default'
}

export const RELATIONS = ['配偶', '子女', '父母', '同事', '朋友', '其他']

export const INSPECTION_LABELS: Record<InspectionState, string> = {
  ok: '本月已巡查',
  due_soon: '即将到期',
  overdue: '巡查逾期',
  never: '从未巡查',
}

/** Today in Asia/Shanghai as YYYY-MM-DD, the shape of move-in and lease-end dates. */
export function shanghaiDay(now: Date = new Date()): string {
  return dayOf(now)
}

export function addYears(day: string, years: number): string {
  return dayjs(day).add(years, 'year').format('YYYY-MM-DD')
}

/**
 * The building code from the page's query: `?b=<code>` from the printed link, `scene=b%3D<code>`
 * from a 小程序码 (WeChat hands the scene over still encoded), or `q=<the whole link>` when the
 * printed link's QR is scanned into the mini-program (扫普通链接二维码打开小程序).
 */
export function buildingCodeFrom(params: Record<string, string | undefined>): string {
  const b = params.b ? safeDecode(params.b) : ''
  if (b) return b.trim()
  const scene = params.scene ? safeDecode(params.scene) : ''
  const m = /(?:^|&)b=([^&]+)/.exec(scene)
  if (m) return safeDecode(m[1]!).trim()
  const q = params.q ? safeDecode(params.q) : ''
  const l = /[?&]b=([^&#]+)/.exec(q)
  return l ? safeDecode(l[1]!).trim() : ''
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

// ---- check-in form ----

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

/** Spaces people type inside numbers are dropped; letters of a document number go upper-case except the ID card's x (refused with its own message). */
export function cleanDocNumber(raw: string, docType: DocType): string {
  const v = raw.replace(/\s+/g, '')
  return docType === 'id_card' ? v : v.toUpperCase()
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

// ---- buildings ----

/** Rooms 101…, 201…: `perFloor` doors on each of `floors` floors, numbered by floor and door. */
export function roomsFor(floors: number, perFloor: number): string[] {
  const out: string[] = []
  for (let f = 1; f <= floors; f++) for (let d = 1; d <= perFloor; d++) out.push(`${f}${String(d).padStart(2, '0')}`)
  return out
}

/** Rooms of one building grouped by floor, for the picker: the floor is the number before the last two digits. */
export function roomsByFloor(rooms: readonly string[]): Array<{ floor: string; rooms: string[] }> {
  const groups: Array<{ floor: string; rooms: string[] }> = []
  for (const r of rooms) {
    const floor = /^\d{3,}$/.test(r) ? r.slice(0, -2) : ''
    const g = groups.find((x) => x.floor === floor)
    if (g) g.rooms.push(r)
    else groups.push({ floor, rooms: [r] })
  }
  return groups
}

export interface BuildingDraft {
  name: string
  address: string
  point: { lng: number; lat: number } | null
  floors: string
  perFloor: string
}

export type BuildingField = 'name' | 'address' | 'location' | 'floors' | 'perFloor'
export type BuildingErrors = Partial<Record<BuildingField, string>>

export function emptyBuilding(): BuildingDraft {
  return { name: '', address: '', point: null, floors: '', perFloor: '' }
}

function intIn(s: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(s.trim())) return null
  const n = Number(s.trim())
  return n >= min && n <= max ? n : null
}

export function validateBuilding(d: BuildingDraft, gridFound: boolean): BuildingErrors {
  const e: BuildingErrors = {}
  if (d.name.trim().length < BUILDING_NAME_MIN) e.name = '请填写楼栋名称'
  if (d.address.trim().length < BUILDING_ADDRESS_MIN) e.address = '请填写详细地址'
  if (!d.point) e.location = '请选择楼栋位置，用于确定所属网格'
  else if (!gridFound) e.location = '该位置不在服务网格内，请重新选点'
  if (intIn(d.floors, 1, 99) === null) e.floors = '楼层数应为 1–99 的整数'
  const perFloor = intIn(d.perFloor, 1, 30)
  if (perFloor === null) e.perFloor = '每层户数应为 1–30 的整数'
  else if (!e.floors && intIn(d.floors, 1, 99)! * perFloor > MAX_ROOMS) e.perFloor = `房号最多 ${MAX_ROOMS} 个`
  return e
}

export function buildingFieldOf(key: string): BuildingField | null {
  if (key === 'rooms') return 'perFloor'
  if (key.startsWith('location')) return 'location'
  return (['name', 'address', 'floors', 'perFloor'] as string[]).includes(key) ? (key as BuildingField) : null
}

export function buildRegisterBuilding(d: BuildingDraft, idempotencyKey: string) {
  const floors = Number(d.floors.trim())
  return {
    idempotencyKey,
    name: d.name.trim(),
    address: d.address.trim(),
    location: d.point!,
    floors,
    rooms: roomsFor(floors, Number(d.perFloor.trim())),
  }
}

// ---- fire-safety inspection ----

export interface InspectionMark {
  passed: boolean | null
  note: string
}

export type InspectionMarks = Record<string, InspectionMark>

export function emptyMarks(items: readonly InspectionItemView[]): InspectionMarks {
  return Object.fromEntries(items.map((i) => [i.code, { passed: null, note: '' }]))
}

/** Every item answered, and a failed one says what is wrong (the note goes into its report case). */
export function inspectionErrors(items: readonly InspectionItemView[], marks: InspectionMarks): Record<string, string> {
  const e: Record<string, string> = {}
  for (const i of items) {
    const m = marks[i.code]
    if (!m || m.passed === null) e[i.code] = '请选择合格或不合格'
    else if (!m.passed && !m.note.trim()) e[i.code] = '请说明不合格的情况'
  }
  return e
}

export function buildInspect(buildingId: string, items: readonly InspectionItemView[], marks: InspectionMarks, photos: string[], idempotencyKey: string) {
  return {
    idempotencyKey,
    buildingId,
    items: items.map((i) => {
      const m = marks[i.code]!
      const note = m.note.trim()
      return note ? { code: i.code, passed: m.passed === true, note } : { code: i.code, passed: m.passed === true }
    }),
    photos,
  }
}

// ---- police ----

/** The same bounds as the server's: a reason of at least 2 characters, at most REASON_MAX. */
export function reasonError(reason: string): string {
  const n = reason.trim().length
  if (n < 2) return '请填写事由（至少 2 个字）'
  if (n > REASON_MAX) return `事由最多 ${REASON_MAX} 个字`
  return ''
}

/** Whether a search of the area list is a full document number: the server then asks for a reason and records it. */
export function isDocNumberQuery(q: string, now: Date = new Date()): boolean {
  const v = q.trim()
  return v.length > 0 && DOC_KEYS.some((t) => validateDocNumber(t, v, now).ok)
}

// ---- 有人冒用我的证件 ----

export interface MisuseDraft {
  docType: DocType
  docNumber: string
  note: string
}

export type MisuseErrors = Partial<Record<'docNumber' | 'note', string>>

export function emptyMisuse(): MisuseDraft {
  return { docType: 'id_card', docNumber: '', note: '' }
}

/** The same checks and messages as the server's (rental.reportMisuse). */
export function misuseErrors(d: MisuseDraft, now: Date = new Date()): MisuseErrors {
  const e: MisuseErrors = {}
  if (!cleanDocNumber(d.docNumber, d.docType)) e.docNumber = '请填写证件号码'
  else {
    const m = docNumberError(d.docNumber, d.docType, now)
    if (m) e.docNumber = m
  }
  const n = d.note.trim().length
  if (n < MISUSE_NOTE_MIN) e.note = `请说明情况（至少 ${MISUSE_NOTE_MIN} 个字）`
  else if (n > MISUSE_NOTE_MAX) e.note = `说明最多 ${MISUSE_NOTE_MAX} 个字`
  return e
}

export function buildMisuse(d: MisuseDraft, buildingCode: string, idempotencyKey: string) {
  return { idempotencyKey, buildingCode, docType: d.docType, docNumber: cleanDocNumber(d.docNumber, d.docType), note: d.note.trim() }
}

/** What the person is told, whatever the number: nothing about whether it is registered. */
export const MISUSE_RECEIVED = '已收到您的反映，辖区社区民警将核实处理。'
