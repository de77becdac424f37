import { z } from 'zod'
import { STAFF_ROLES } from '../core/import/roster'
import type { Role } from '../core/roles'
import { MAX_GEOJSON_BYTES, PERSON_NAME_MAX } from './limits'

/** Inputs of the `admin` function and `session.bind` (types in admin.ts). */

export const userId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '用户编号格式不正确')

// GeoJSON of a district's grids is a few MB at most; CloudBase callFunction carries ~5 MB.
const geojsonText = z.string().min(2, '请选择 GeoJSON 文件').max(MAX_GEOJSON_BYTES, 'GeoJSON 文件不能超过 4 MB，请按街道分文件导入')

export const orgFiles = z.object({ geojson: geojsonText, units: geojsonText.optional() }).strict()
export const applyOrgFiles = z.object({ geojson: geojsonText, units: geojsonText.optional(), fingerprint: z.string().regex(/^[0-9a-f]{32}$/, '预览编号格式不正确') }).strict()

/** A CSV or .xlsx table (staff roster, buildings). */
export const importStaff = z
  .object({
    fileName: z.string().trim().min(1).max(120),
    // 2 MB of spreadsheet (MAX_TABLE_BYTES) is about 2.7 MB of base64.
    contentBase64: z.string().min(1, '请选择文件').max(2_900_000, '文件不能超过 2 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件编码不正确'),
    dryRun: z.boolean(),
    allOrNothing: z.boolean(),
  })
  .strict()

export const addStaff = z
  .object({
    name: z.string().trim().min(1, '请填写姓名').max(PERSON_NAME_MAX, `姓名最多 ${PERSON_NAME_MAX} 个字`),
    phone: z.string().trim().min(1, '请填写手机号').max(20),
    role: z.enum(STAFF_ROLES as [Role, ...Role[]], { errorMap: () => ({ message: '请选择工作人员角色' }) }),
    unitCode: z.string().trim().min(1, '请填写单位编码').max(32),
    committee: z.string().max(64).optional(),
    department: z.string().max(64).optional(),
    /** 协助调解人: 驻村法律顾问 / 党员 / 街坊 (the code or the label). */
    helperKind: z.string().max(16).optional(),
  })
  .strict()

export const staffOnly = z.object({ userId }).strict()
export const invite = z.object({ userId, validHours: z.number().int().min(1, '有效期至少 1 小时').max(24 * 30, '有效期最长 30 天').optional() }).strict()
export const invitations = z.object({ userId: userId.optional() }).strict()

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
function safeKeys(v: unknown, depth = 0): boolean {
  if (depth > 12) return false
  if (Array.isArray(v)) return v.every((x) => safeKeys(x, depth + 1))
  if (typeof v !== 'object' || v === null) return true
  return Object.keys(v).every((k) => !UNSAFE_KEYS.has(k) && safeKeys((v as Record<string, unknown>)[k], depth + 1))
}

export const saveConfig = z
  .object({
    config: z.record(z.unknown()).refine(safeKeys, '配置含有不允许的字段名或嵌套过深'),
    baseVersion: z.number().int().min(0),
  })
  .strict()

export const bind = z.object({ code: z.string().trim().min(1, '请输入邀请码').max(32, '邀请码格式不正确') }).strict()
