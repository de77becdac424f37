import { z } from 'zod'

/**
 * Field schemas every area's input shares (ids, coordinates, versions, phones, paging). The
 * functions refuse what does not match at their boundary (backend/functions/validate.ts). Never
 * imported by the mini-program at runtime: pages import the inferred types (`import type`).
 */
export const empty = z.object({}).strict()

export const lng = z.number({ invalid_type_error: '经度必须是数字' }).finite().min(-180, '经度超出范围').max(180, '经度超出范围')
export const lat = z.number({ invalid_type_error: '纬度必须是数字' }).finite().min(-90, '纬度超出范围').max(90, '纬度超出范围')

export const point = z.object({ lng, lat }).strict()

export const id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '编号格式不正确')

export const byId = z.object({ id }).strict()

export const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '幂等键格式不正确')

export const version = z.number({ invalid_type_error: '版本号必须是数字' }).int().min(1)

export const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号或固定电话')

export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为“年-月-日”，如 2026-01-31')

/** A move's name on the wire (the kind's declaration decides whether it exists). */
export const actionName = z.string().regex(/^[a-z_]{2,32}$/, '操作名称不正确')

/** Status filters of the queues (statuses are checked against the kind by the use case). */
export const statusFilter = z.array(z.string().regex(/^[a-z_]{2,32}$/)).max(10)

/** Older pages: before the last id shown, up to `limit` items (at most 50). */
export const page = z.object({ before: id.optional(), limit: z.number().int().min(1).max(50).optional() }).strict()

/** Staff lists page wider: up to 100 items. */
export const staffPage = z.object({ before: id.optional(), limit: z.number().int().min(1).max(100).optional() }).strict()

/** A note's reach: a public update (公开回复) followers see, or an internal note (staff only). */
export const noteVisibility = z.enum(['public', 'internal'], { errorMap: () => ({ message: '请选择公开回复或内部备注' }) })

export const imageType = z.enum(['image/jpeg', 'image/png', 'image/webp'], {
  errorMap: () => ({ message: '只支持 JPG、PNG、WebP 格式的照片' }),
})
