/** The form of a mediation move that needs more than a tap: its state, checks and the mediation.act input. */
import type { MediationActInput, ReferralCode } from '../../contracts/api'
import { TERM_MAX, cleanTerms } from './agreement'

export interface MedActForm {
  note: string
  mediatorId: string
  /** YYYY-MM-DD and HH:mm, in Asia/Shanghai as the mediator reads the clock. */
  sessionDate: string
  sessionTime: string
  sessionMode: 'online' | 'in_person'
  sessionPlace: string
  sessionId: string
  terms: string[]
  referral: ReferralCode | ''
  rating: number
  comment: string
}

export function emptyMedActForm(): MedActForm {
  return {
    note: '',
    mediatorId: '',
    sessionDate: '',
    sessionTime: '',
    sessionMode: 'in_person',
    sessionPlace: '',
    sessionId: '',
    terms: [''],
    referral: '',
    rating: 0,
    comment: '',
  }
}

/** A Beijing wall-clock date and time as an instant (China has no daylight saving: always +08:00). */
export function shanghaiInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null
  const t = Date.parse(`${date}T${time}:00+08:00`)
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

export type MedActErrors = Partial<Record<'note' | 'mediatorId' | 'at' | 'mode' | 'place' | 'sessionId' | 'terms' | 'referral' | 'rating', string>>

/** The blocks a move's form shows above its note, each with its own check and its part of the input. */
export type MedActField = 'mediator' | 'session' | 'sessionPick' | 'terms' | 'referral' | 'rating'

export interface MedActSpec {
  fields: MedActField[]
  /** The free-text note; `required` is the complaint when it is left empty. Null: the move has none. */
  note: { title: string; placeholder: string; required?: string } | null
  /** The mediator must be picked (改派), rather than left to the server (受理). */
  mediatorRequired?: boolean
  /** Moves that end or refuse something get a red button. */
  danger?: boolean
  /** The submit button's text when `确认<label>` does not say it. */
  submitText?: string
}

/**
 * Every move that opens a form, declared once: the sheet renders from this table, and the checks and the
 * mediation.act input follow it (the server still checks everything again and its message wins).
 */
export const MED_ACT_FORMS: Record<string, MedActSpec> = {
  accept: { fields: ['mediator'], note: { title: '受理说明', placeholder: '选填：给调解员的说明' } },
  reject: { fields: [], note: { title: '不予受理原因', placeholder: '请说明原因，申请人可以看到', required: '请填写原因' }, danger: true },
  reassign: { fields: ['mediator'], note: { title: '改派原因', placeholder: '请说明重新指派的原因', required: '请填写原因' }, mediatorRequired: true },
  schedule: { fields: ['session'], note: { title: '通知说明', placeholder: '选填：请当事人携带的材料、注意事项' } },
  record_session: { fields: ['sessionPick'], note: { title: '调解记录', placeholder: '本次调解的经过、各方意见和结果', required: '请填写调解记录' } },
  draft_agreement: { fields: ['terms'], note: { title: '起草说明', placeholder: '选填：给当事人的说明' }, submitText: '发送协议给当事人确认' },
  fail: { fields: ['referral'], note: { title: '情况说明', placeholder: '请说明调解不成的原因，当事人可以看到', required: '请填写调解不成的情况说明' }, danger: true },
  decline: { fields: [], note: { title: '不同意调解的原因', placeholder: '请说明原因，申请人和调解员可以看到', required: '请填写原因' }, danger: true },
  rate: { fields: ['rating'], note: null },
}

const OTHER: MedActSpec = { fields: [], note: { title: '备注', placeholder: '选填' } }

export function medActSpec(action: string): MedActSpec {
  return MED_ACT_FORMS[action] ?? OTHER
}

export function noteRequired(action: string): boolean {
  return Boolean(medActSpec(action).note?.required)
}

interface FieldRule {
  check: (f: MedActForm, spec: MedActSpec, now: Date) => MedActErrors
  put: (input: MediationActInput, f: MedActForm, spec: MedActSpec) => void
}

const FIELD_RULES: Record<MedActField, FieldRule> = {
  mediator: {
    check: (f, spec) => (spec.mediatorRequired && !f.mediatorId ? { mediatorId: '请选择调解员' } : {}),
    // No mediator picked on 受理: the server chooses one from the committee it routes to.
    put: (input, f, spec) => {
      if (f.mediatorId || spec.mediatorRequired) input.mediatorId = f.mediatorId
    },
  },
  session: {
    check: (f, _spec, now) => {
      const e: MedActErrors = {}
      const at = shanghaiInstant(f.sessionDate, f.sessionTime)
      if (!at) e.at = '请选择调解日期和时间'
      else if (Date.parse(at) < now.getTime()) e.at = '调解时间不能早于现在'
      if (!f.sessionPlace.trim()) e.place = f.sessionMode === 'online' ? '请填写会议链接或会议号' : '请填写调解室地点'
      return e
    },
    put: (input, f) => {
      input.session = { at: shanghaiInstant(f.sessionDate, f.sessionTime) ?? '', mode: f.sessionMode, place: f.sessionPlace.trim() }
    },
  },
  sessionPick: {
    check: (f) => (f.sessionId ? {} : { sessionId: '请选择调解场次' }),
    put: (input, f) => {
      input.sessionId = f.sessionId
    },
  },
  terms: {
    check: (f) => {
      if (!cleanTerms(f.terms).length) return { terms: '请至少填写一条协议条款' }
      if (f.terms.some((t) => Array.from(t.trim()).length > TERM_MAX)) return { terms: `每条不超过 ${TERM_MAX} 个字` }
      return {}
    },
    put: (input, f) => {
      input.terms = cleanTerms(f.terms)
    },
  },
  referral: {
    check: (f) => (f.referral ? {} : { referral: '请选择后续处理途径' }),
    put: (input, f) => {
      input.referral = f.referral as ReferralCode
    },
  },
  rating: {
    check: (f) => (f.rating >= 1 && f.rating <= 5 ? {} : { rating: '请点击星星评分' }),
    put: (input, f) => {
      input.rating = f.rating
      if (f.comment.trim()) input.comment = f.comment.trim()
    },
  },
}

/** Checks the form before sending; the server checks again and its message wins. */
export function validateMedAct(action: string, f: MedActForm, now: Date = new Date()): MedActErrors {
  const spec = medActSpec(action)
  const e: MedActErrors = {}
  if (spec.note?.required && !f.note.trim()) e.note = spec.note.required
  for (const field of spec.fields) Object.assign(e, FIELD_RULES[field].check(f, spec, now))
  return e
}

/** The mediation.act input for one move: only what that move uses, trimmed. */
export function buildMedActInput(c: { id: string; version: number }, action: string, f: MedActForm): MediationActInput {
  const spec = medActSpec(action)
  const input: MediationActInput = { id: c.id, action, version: c.version }
  for (const field of spec.fields) FIELD_RULES[field].put(input, f, spec)
  const note = f.note.trim()
  if (spec.note && (note || spec.note.required)) input.note = note
  return input
}

/** Server `details` keys onto the form's fields. */
export function medActFieldOf(key: string): keyof MedActErrors | null {
  const k = key.replace(/^session\./, '')
  if (k === 'note') return 'note'
  if (k === 'mediatorId' || k === 'mediator') return 'mediatorId'
  if (k === 'at' || k === 'session') return 'at'
  if (k === 'mode') return 'mode'
  if (k === 'place') return 'place'
  if (k === 'sessionId') return 'sessionId'
  if (k.startsWith('terms')) return 'terms'
  if (k === 'referral') return 'referral'
  if (k === 'rating' || k === 'comment') return 'rating'
  return null
}

export function medActErrorsFromDetails(details: Record<string, string> | undefined, message: string): MedActErrors {
  const entries = Object.entries(details ?? {})
  const out: MedActErrors = {}
  for (const [k, v] of entries) {
    const f = medActFieldOf(k)
    // One complaint: the message says it best ("请填写原因"); several: each field's own note.
    if (f && !out[f]) out[f] = entries.length === 1 ? message : v
  }
  return out
}
