import { z } from 'zod'
import { id, idempotencyKey, lat, lng, version } from './schemas'

/**
 * Shapes of the `rental` function's events (src/contracts/rental.ts). Document numbers, phones
 * and dates are only bounded here; the use case checks each against its rules and answers
 * every wrong field with its own Chinese message.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
// An error map of its own: zod's default enum message echoes the received value, however long.
const statuses = z.array(z.enum(['pending', 'active', 'refused', 'checked_out', 'purged'], { errorMap: () => ({ message: '登记状态不正确' }) })).max(5).optional()
const buildingCode = z.string().regex(/^[0-9A-Z]{6,16}$/, '楼栋二维码不正确，请重新扫描')
const docType = z.enum(['id_card', 'hkmt_residence', 'foreign_permanent', 'passport'], { errorMap: () => ({ message: '请选择证件类型' }) })
const reason = z.string().trim().min(2, '请填写事由（至少 2 个字）').max(200, '事由最多 200 个字')

export const byCode = z.object({ code: buildingCode }).strict()
export const byBuilding = z.object({ buildingId: id }).strict()

export const checkIn = z
  .object({
    idempotencyKey,
    buildingCode,
    room: z.string().trim().min(1, '请选择房号').max(20, '房号最多 20 个字'),
    name: z.string().trim().min(2, '请填写真实姓名').max(40, '姓名最多 40 个字'),
    docType,
    docNumber: z.string().trim().min(1, '请填写证件号码').max(32, '证件号码过长'),
    phone: z.string().trim().min(1, '请填写手机号码').max(20, '手机号码过长'),
    moveInDate: day,
    leaseEnd: day,
    cohabitants: z.array(z.object({ name: z.string().trim().min(1, '请填写同住人姓名').max(40), relation: z.string().trim().min(1, '请填写与登记人的关系').max(10) }).strict()).max(20, '同住人最多 20 位'),
    consent: z
      .object({
        purpose: z.literal(true, { errorMap: () => ({ message: '请阅读并同意登记目的与保存期限' }) }),
        sensitive: z.literal(true, { errorMap: () => ({ message: '请单独同意处理敏感个人信息（证件号码）' }) }),
        version: z.string().min(1).max(32),
      })
      .strict(),
  })
  .strict()

export const updateRegistration = z
  .object({ id, version, phone: z.string().trim().min(1).max(20).optional(), leaseEnd: day.optional() })
  .strict()

export const checkOut = z.object({ id, version, note: z.string().trim().max(200, '说明最多 200 个字').optional() }).strict()

export const registerBuilding = z
  .object({
    idempotencyKey,
    name: z.string().trim().min(2, '请填写楼栋名称').max(40, '楼栋名称最多 40 个字'),
    address: z.string().trim().min(4, '请填写详细地址').max(120, '地址最多 120 个字'),
    location: z.object({ lng, lat }).strict(),
    floors: z.number({ invalid_type_error: '楼层数必须是数字' }).int('楼层数应为整数').min(1, '楼层数至少为 1').max(200, '楼层数最多 200'),
    rooms: z.array(z.string().trim().min(1, '房号不能为空').max(20, '房号最多 20 个字')).min(1, '请至少填写一个房号').max(1000, '房号最多 1000 个'),
  })
  .strict()

export const registrations = z.object({ buildingId: id, statuses }).strict()

export const decide = z
  .object({ id, version, approve: z.boolean(), reason: z.string().trim().max(200, '原因最多 200 个字').optional() })
  .strict()

export const inspect = z
  .object({
    idempotencyKey,
    buildingId: id,
    items: z.array(z.object({ code: z.string().min(1).max(32), passed: z.boolean(), note: z.string().trim().max(200, '说明最多 200 个字').optional() }).strict()).min(1, '请填写巡查项').max(50),
    photos: z.array(id).max(9, '最多上传 9 张照片'),
  })
  .strict()

export const overdueInspections = z.object({ street: z.string().regex(/^\d{6,20}$/, '街道编码不正确').optional() }).strict()

export const area = z
  .object({
    statuses,
    buildingId: id.optional(),
    q: z.string().trim().max(40, '搜索词最多 40 个字').optional(),
    // Checked by the use case: required when `q` is a full document number.
    reason: z.string().trim().max(200, '事由最多 200 个字').optional(),
    before: id.optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict()

export const reportMisuse = z
  .object({
    idempotencyKey,
    buildingCode,
    docType,
    docNumber: z.string().trim().min(1, '请填写证件号码').max(32, '证件号码过长'),
    note: z.string().trim().min(5, '请说明情况（至少 5 个字）').max(500, '说明最多 500 个字'),
  })
  .strict()

export const closeDispute = z.object({ id, version, note: z.string().trim().min(2, '请填写核实结果（至少 2 个字）').max(200, '核实结果最多 200 个字') }).strict()

export const reveal = z.object({ id, reason }).strict()
export const exportCsv = z.object({ reason, statuses }).strict()
export const auditPage = z.object({ before: id.optional(), limit: z.number().int().min(1).max(100).optional() }).strict()
