import { z } from 'zod'
import type { DistrictConfig } from '../../config/district'

/** Our fields of a 12345 work order, as settings/district.json `hotline.fieldMap` places them in the platform's JSON. */
export type OrderField = keyof DistrictConfig['hotline']['fieldMap']

/** How each field reads in an error the platform's operators see. */
export const ORDER_FIELD_LABELS: Record<OrderField, string> = {
  ticket: '工单号',
  category: '工单分类',
  text: '诉求内容',
  lat: '纬度',
  lng: '经度',
  address: '地址',
  callerName: '来电人姓名',
  callerPhone: '来电人电话',
  deadline: '办理时限',
}

export const TICKET_MAX = 64
export const ORDER_TEXT_MAX = 2000

/** The value at a dotted path (`caller.phone`); undefined where any step is missing. */
export function valueAt(doc: unknown, path: string): unknown {
  let at: unknown = doc
  for (const step of path.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.prototype.hasOwnProperty.call(at, step)) return undefined
    at = (at as Record<string, unknown>)[step]
  }
  return at
}

const text = (label: string, max: number) =>
  z.string({ required_error: `缺少${label}`, invalid_type_error: `${label}应为文字` }).trim().min(1, `${label}不能为空`).max(max, `${label}最多 ${max} 个字`)
const optionalText = (label: string, max: number) =>
  z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string({ invalid_type_error: `${label}应为文字` }).trim().max(max, `${label}最多 ${max} 个字`).optional())
// Platforms send coordinates as numbers or as numeric text.
const coordinate = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v),
    z.number({ required_error: `缺少${label}`, invalid_type_error: `${label}应为数字` }).finite().min(min, `${label}超出范围`).max(max, `${label}超出范围`),
  )

/** One order, after mapping: what the case is made from. */
const orderSchema = z.object({
  ticket: text('工单号', TICKET_MAX).pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, '工单号只能包含字母、数字和 _ . : -')),
  category: z.union([z.string(), z.number()], { required_error: '缺少工单分类', invalid_type_error: '工单分类应为文字' }).transform(String),
  text: text('诉求内容', ORDER_TEXT_MAX),
  lat: coordinate('纬度', -90, 90),
  lng: coordinate('经度', -180, 180),
  address: optionalText('地址', 120),
  callerName: optionalText('来电人姓名', 40),
  callerPhone: optionalText('来电人电话', 20).pipe(z.string().regex(/^\+?[0-9][0-9 -]{4,19}$/, '来电人电话格式不正确').optional()),
  deadline: z
    .string({ required_error: '缺少办理时限', invalid_type_error: '办理时限应为带时区的时间，如 2026-12-10T18:00:00+08:00' })
    .datetime({ offset: true, message: '办理时限应为带时区的时间，如 2026-12-10T18:00:00+08:00' }),
})

export type HotlineOrder = z.output<typeof orderSchema>

/**
 * Reads an order through the district's field map. Answers the order, or the errors by our
 * field name, each naming where the platform put it (`caller.phone`), in Chinese.
 */
export function readOrder(cfg: DistrictConfig['hotline'], doc: unknown): { ok: true; order: HotlineOrder } | { ok: false; details: Record<string, string> } {
  const mapped: Record<string, unknown> = {}
  for (const [field, path] of Object.entries(cfg.fieldMap)) if (path) mapped[field] = valueAt(doc, path)
  const r = orderSchema.safeParse(mapped)
  if (r.success) return { ok: true, order: r.data }
  const details: Record<string, string> = {}
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? 'body') as OrderField
    const path = cfg.fieldMap[field]
    details[field] ??= path ? `${issue.message}（${path}）` : issue.message
  }
  return { ok: false, details }
}

/** Our leaf category for the platform's code: the mapped one, else the district's default. */
export function categoryFor(cfg: DistrictConfig['hotline'], platformCode: string): string {
  return Object.prototype.hasOwnProperty.call(cfg.categoryMap, platformCode) ? cfg.categoryMap[platformCode]! : cfg.defaultCategory
}
