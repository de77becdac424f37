import { z } from 'zod'

/**
 * WeChat subscribe-message templates as district data: one template per kind of notice, each
 * chosen in 公众平台 → 订阅消息 with its own keywords (thing1, phrase2, time3 …), so the mapping of
 * what we say onto those keywords is data too.
 */
export const NOTICE_KINDS = ['caseProgress', 'mediation', 'checkinDecision', 'gridEmergency', 'help'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]
/** Kinds added after configurations were saved without them: absent reads as no template. */
const LATER_KINDS: readonly NoticeKind[] = ['help']
type FirstKind = Exclude<NoticeKind, 'help'>

/** What each kind is called where people read it (admin pages, 我的, exports). */
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  caseProgress: '事项办理进度',
  mediation: '调解安排与协议',
  checkinDecision: '租住登记审核结果',
  gridEmergency: '网格紧急通知',
  help: '一键求助提醒',
}

/** A template keyword: its type (thing, phrase, time …) followed by its number, as 公众平台 lists it. */
const keyword = z
  .string()
  .regex(/^(thing|short_thing|phrase|time|date|character_string|number|letter|symbol|amount|name|phone_number|car_number)\d{1,2}$/, '应为模板关键词，如 thing1、phrase2、time3')

const template = z
  .object({
    id: z.string().min(1).max(64),
    /** A long-term subscription (government-affairs appids): one consent, many messages. */
    long: z.boolean().default(false),
    /** Which keyword carries the notice's title, its status word and its time (the last two optional). */
    fields: z.object({ title: keyword, status: keyword.optional(), time: keyword.optional() }).strict(),
  })
  .strict()

export type SubscribeTemplate = z.infer<typeof template>

/** Until 2026-12 one template (`caseStatus`: thing1 title, phrase2 status, time3) served every kind. */
function fromSingleTemplate(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || !('caseStatus' in raw)) return raw
  const id = (raw as { caseStatus: unknown }).caseStatus
  const one = typeof id === 'string' && id !== '' ? { id, fields: { title: 'thing1', status: 'phrase2', time: 'time3' } } : null
  return Object.fromEntries(NOTICE_KINDS.map((k) => [k, one]))
}

export const subscribeTemplatesSchema = z.preprocess(
  fromSingleTemplate,
  z
    .object({
      ...(Object.fromEntries(NOTICE_KINDS.filter((k) => !LATER_KINDS.includes(k)).map((k) => [k, template.nullable()])) as Record<FirstKind, z.ZodNullable<typeof template>>),
      help: template.nullable().optional(),
    })
    .strict(),
)

/** `miniprogram_state` of every message: which version of the mini-program a tap opens. */
export const miniprogramStateSchema = z.enum(['formal', 'trial', 'developer']).default('formal')

/** Most characters WeChat takes per keyword type (longer values are refused with 47003). */
const MAX_CHARS: Record<string, number> = { thing: 20, short_thing: 5, phrase: 5, character_string: 32, number: 32, letter: 32, symbol: 5, name: 10, amount: 10, phone_number: 17, car_number: 8 }

/** One value cut to what its keyword's type takes. */
export function keywordValue(key: string, value: string): string {
  const type = key.replace(/\d+$/, '')
  const max = MAX_CHARS[type]
  const chars = Array.from(value.replace(/\s+/g, ' ').trim())
  if (max === undefined || chars.length <= max) return chars.join('')
  return type === 'thing' ? `${chars.slice(0, max - 1).join('')}…` : chars.slice(0, max).join('')
}

/** The message data for a template: our title, status and time under its keywords. */
export function templateData(t: SubscribeTemplate, v: { title: string; status?: string; time?: string }): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = { [t.fields.title]: { value: keywordValue(t.fields.title, v.title) } }
  if (t.fields.status && v.status) data[t.fields.status] = { value: keywordValue(t.fields.status, v.status) }
  // `time` takes 2026年3月2日 09:05; a `date` keyword only the day (anything more is refused with 47003).
  if (t.fields.time && v.time) data[t.fields.time] = { value: t.fields.time.startsWith('date') ? v.time.split(' ')[0]! : v.time }
  return data
}
