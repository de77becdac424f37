import { z } from 'zod'
import { AUDIT_PURPOSES, auditReasonProblem } from '../core/auditReason'
import { day, id, idempotencyKey, lat, lng, staffPage, version } from './commonSchemas'
import { ADDRESS_MAX, BUILDING_ADDRESS_MIN, BUILDING_NAME_MAX, BUILDING_NAME_MIN, DOC_NUMBER_MAX, MAX_COHABITANTS, MAX_FLOORS, MAX_PHOTOS, MAX_ROOMS, MISUSE_NOTE_MAX, MISUSE_NOTE_MIN, REASON_MAX, RENTAL_NOTE_MAX, ROOM_MAX, SEARCH_MAX, TENANT_NAME_MAX, TENANT_NAME_MIN } from './limits'

/**
 * Inputs of the `rental` function (types in rental.ts). Document numbers, phones and dates are
 * only bounded here; the use case checks each against its rules and answers every wrong field
 * with its own Chinese message.
 */
// An error map of its own: zod's default enum message echoes the received value, however long.
export const checkinStatus = z.enum(['pending', 'active', 'refused', 'checked_out', 'purged'], { errorMap: () => ({ message: '登记状态不正确' }) })
const statuses = z.array(checkinStatus).max(5).optional()
const buildingCode = z.string().regex(/^[0-9A-Z]{6,16}$/, '楼栋二维码不正确，请重新扫描')
/** 居民身份证, 港澳台居民居住证, 外国人永久居留身份证, 护照. */
export const docType = z.enum(['id_card', 'hkmt_residence', 'foreign_permanent', 'passport'], { errorMap: () => ({ message: '请选择证件类型' }) })
/** An audited read's purpose, chosen from a list, and its sentence (≥5 characters, not one character repeated). */
export const auditPurpose = z.enum(AUDIT_PURPOSES, { errorMap: () => ({ message: '请选择查看事由' }) })
const reason = z
  .string()
  .trim()
  .max(REASON_MAX, `事由最多 ${REASON_MAX} 个字`)
  .superRefine((v, ctx) => {
    const problem = auditReasonProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
const docNumber = z.string().trim().min(1, '请填写证件号码').max(DOC_NUMBER_MAX, '证件号码过长')

export const byCode = z.object({ code: buildingCode }).strict()
export const byBuilding = z.object({ buildingId: id }).strict()

export const cohabitant = z.object({ name: z.string().trim().min(1, '请填写同住人姓名').max(TENANT_NAME_MAX), relation: z.string().trim().min(1, '请填写与登记人的关系').max(10) }).strict()

export const checkIn = z
  .object({
    idempotencyKey,
    /** The building's public code from its QR (`?b=<code>`). */
    buildingCode,
    room: z.string().trim().min(1, '请选择房号').max(ROOM_MAX, `房号最多 ${ROOM_MAX} 个字`),
    name: z.string().trim().min(TENANT_NAME_MIN, '请填写真实姓名').max(TENANT_NAME_MAX, `姓名最多 ${TENANT_NAME_MAX} 个字`),
    docType,
    docNumber,
    phone: z.string().trim().min(1, '请填写手机号码').max(20, '手机号码过长'),
    /** YYYY-MM-DD in Asia/Shanghai. */
    moveInDate: day,
    leaseEnd: day,
    cohabitants: z.array(cohabitant).max(MAX_COHABITANTS, `同住人最多 ${MAX_COHABITANTS} 位`),
    /** Separate consents (PIPL): the stated purpose and retention, and sensitive personal information. */
    consent: z
      .object({
        purpose: z.literal(true, { errorMap: () => ({ message: '请阅读并同意登记目的与保存期限' }) }),
        sensitive: z.literal(true, { errorMap: () => ({ message: '请单独同意处理敏感个人信息（证件号码）' }) }),
        version: z.string().min(1).max(32),
      })
      .strict(),
  })
  .strict()

/**
 * 代办登记: a grid worker or 代办员 checks in a tenant who is present, with the tenant's own two consents
 * given in person and the agent's declaration (PROXY_DECLARATION) ticked.
 */
export const proxyCheckIn = checkIn
  .extend({ declaration: z.literal(true, { errorMap: () => ({ message: '请勾选代办声明：本人确认当事人在场并同意代为申请' }) }) })
  .strict()

export const updateRegistration = z
  .object({ id, version, phone: z.string().trim().min(1).max(20).optional(), leaseEnd: day.optional() })
  .strict()

export const checkOut = z.object({ id, version, note: z.string().trim().max(RENTAL_NOTE_MAX, `说明最多 ${RENTAL_NOTE_MAX} 个字`).optional() }).strict()

export const registerBuilding = z
  .object({
    idempotencyKey,
    name: z.string().trim().min(BUILDING_NAME_MIN, '请填写楼栋名称').max(BUILDING_NAME_MAX, `楼栋名称最多 ${BUILDING_NAME_MAX} 个字`),
    address: z.string().trim().min(BUILDING_ADDRESS_MIN, '请填写详细地址').max(ADDRESS_MAX, `地址最多 ${ADDRESS_MAX} 个字`),
    location: z.object({ lng, lat }).strict(),
    floors: z.number({ invalid_type_error: '楼层数必须是数字' }).int('楼层数应为整数').min(1, '楼层数至少为 1').max(MAX_FLOORS, `楼层数最多 ${MAX_FLOORS}`),
    rooms: z.array(z.string().trim().min(1, '房号不能为空').max(ROOM_MAX, `房号最多 ${ROOM_MAX} 个字`)).min(1, '请至少填写一个房号').max(MAX_ROOMS, `房号最多 ${MAX_ROOMS} 个`),
  })
  .strict()

export const registrations = z.object({ buildingId: id, statuses }).strict()

export const decide = z
  .object({ id, version, approve: z.boolean(), reason: z.string().trim().max(REASON_MAX, `原因最多 ${REASON_MAX} 个字`).optional() })
  .strict()

export const inspect = z
  .object({
    idempotencyKey,
    buildingId: id,
    items: z.array(z.object({ code: z.string().min(1).max(32), passed: z.boolean(), note: z.string().trim().max(RENTAL_NOTE_MAX, `说明最多 ${RENTAL_NOTE_MAX} 个字`).optional() }).strict()).min(1, '请填写巡查项').max(50),
    photos: z.array(id).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`),
  })
  .strict()

export const overdueInspections = z.object({ street: z.string().regex(/^\d{6,20}$/, '街道编码不正确').optional() }).strict()

export const area = z
  .object({
    statuses,
    buildingId: id.optional(),
    q: z.string().trim().max(SEARCH_MAX, `搜索词最多 ${SEARCH_MAX} 个字`).optional(),
    // Checked by the use case: both required when `q` is a full document number.
    purpose: auditPurpose.optional(),
    reason: z.string().trim().max(REASON_MAX, `事由最多 ${REASON_MAX} 个字`).optional(),
  })
  .merge(staffPage)
  .strict()

export const reportMisuse = z
  .object({
    idempotencyKey,
    buildingCode,
    docType,
    docNumber,
    note: z.string().trim().min(MISUSE_NOTE_MIN, `请说明情况（至少 ${MISUSE_NOTE_MIN} 个字）`).max(MISUSE_NOTE_MAX, `说明最多 ${MISUSE_NOTE_MAX} 个字`),
  })
  .strict()

export const closeDispute = z.object({ id, version, note: z.string().trim().min(2, '请填写核实结果（至少 2 个字）').max(RENTAL_NOTE_MAX, `核实结果最多 ${RENTAL_NOTE_MAX} 个字`) }).strict()

export const reveal = z.object({ id, purpose: auditPurpose, reason }).strict()
export const exportCsv = z.object({ purpose: auditPurpose, reason, statuses }).strict()
export const auditPage = staffPage
