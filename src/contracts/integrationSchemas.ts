import { z } from 'zod'
import { CASE_EVENT_NAMES, SUBSCRIBABLE_KINDS, type CaseEventName, type SubscribableKind } from '../core/caseEvents'
import { id } from './commonSchemas'
import { PARTNER_NAME_MAX, WEBHOOK_URL_MAX as URL_MAX } from './limits'

/**
 * Inputs of the `integrations` function (对外接口, district administrators only); the answers'
 * types are in integrations.ts.
 */

const partnerName = z
  .string({ required_error: '请填写名称', invalid_type_error: '请填写名称' })
  .trim()
  .min(1, '请填写名称')
  .max(PARTNER_NAME_MAX, `名称最多 ${PARTNER_NAME_MAX} 个字`)

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s)
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && u.username === '' && u.password === ''
  } catch {
    return false
  }
}

/**
 * Where we POST. Whether plain http is allowed (only to 127.0.0.1 / localhost on the local server)
 * depends on the runtime, so the use case checks that; the schema checks the form.
 */
export const webhookUrl = z
  .string({ required_error: '请填写接收地址', invalid_type_error: '请填写接收地址' })
  .trim()
  .min(1, '请填写接收地址')
  .max(URL_MAX, `地址最多 ${URL_MAX} 个字符`)
  .refine(isHttpUrl, '地址格式不正确，应是以「https://」开头的网址')

const eventList = z
  .array(z.enum(CASE_EVENT_NAMES, { errorMap: () => ({ message: '不支持的事件' }) }), { invalid_type_error: '请选择事件' })
  .max(CASE_EVENT_NAMES.length, '事件不能重复')
  .refine((xs) => new Set(xs).size === xs.length, '事件不能重复')

/** Which events of which kinds (EventSelection): at least one event in all. */
export const eventSelection = z
  .object(Object.fromEntries(SUBSCRIBABLE_KINDS.map((k) => [k, eventList.optional()])) as Record<SubscribableKind, z.ZodOptional<typeof eventList>>, {
    invalid_type_error: '请选择事件',
  })
  .strict()
  .refine((sel) => Object.values(sel).some((xs) => (xs?.length ?? 0) > 0), '请至少选择一种事件') as unknown as z.ZodType<
  Partial<Record<SubscribableKind, CaseEventName[]>>
>

/** Open311: a new API key for the partner named here (the key is answered once). */
export const issueKey = z.object({ name: partnerName }).strict()

/** 12345: a hotline platform and where its replies go (the shared secret is answered once). */
export const addHotline = z.object({ name: partnerName, webhookUrl }).strict()

export const revokePartner = z.object({ id }).strict()

export const subscribe = z.object({ name: partnerName, url: webhookUrl, events: eventSelection }).strict()

export const revokeSubscription = z.object({ id }).strict()

/** The cursor the previous page answered (`next`). */
export const deliveryCursor = z.string().max(120).regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[A-Za-z0-9_-]{1,64}$/, '翻页位置不正确')

export const deliveryTarget = z.union(
  [z.literal('access'), z.object({ subscriptionId: id }).strict(), z.object({ partnerId: id }).strict()],
  { errorMap: () => ({ message: '请选择查看哪一方的发送记录' }) },
)

export const deliveries = z.object({ target: deliveryTarget, before: deliveryCursor.optional() }).strict()
