/**
 * The form of a mediation move that needs more than a tap: its state, checks and the mediation.act
 * input. What a move asks for is the kind's declaration (`form` on the server's action view); each
 * field name has one rule here, whichever move it belongs to.
 */
import type { MediationActInput, MediationView, ReferralCode } from '../../contracts/api'
import type { FormField, FormFieldName } from '../../core/command'
import { wallToInstant } from '../../core/time'
import { TERM_MAX, cleanTerms } from './agreement'

export interface MedActForm {
  note: string
  mediatorId: string
  /** YYYY-MM-DD and HH:mm, in Asia/Shanghai as the mediator reads the clock. */
  sessionDate: string
  sessionTime: string
  sessionMode: 'online' | 'in_person' | 'video'
  sessionPlace: string
  sessionId: string
  terms: string[]
  referral: ReferralCode | ''
  /** The court's answer to a 司法确认 application, or a 移送函 receiver's (the move's choices). */
  answer: string
  rating: number
  comment: string
}

/** A move as the sheet sees it: its name and the declared fields (none for a one-tap move). */
export interface MedMove {
  action: string
  form?: readonly FormField[]
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
    answer: '',
    rating: 0,
    comment: '',
  }
}

/** A Beijing wall-clock date and time as an instant (China has no daylight saving: always +08:00). */
export function shanghaiInstant(date: string, time: string): string | null {
  return wallToInstant(date, time)
}

export type MedActErrors = Partial<Record<'note' | 'comment' | 'mediatorId' | 'at' | 'mode' | 'place' | 'sessionId' | 'terms' | 'referral' | 'answer' | 'rating', string>>

interface FieldRule {
  /** Where the field starts from on this case (redrafting starts from the current terms …). */
  init?: (f: MedActForm, c: MediationView) => void
  check: (f: MedActForm, field: FormField, now: Date) => MedActErrors
  put: (input: MediationActInput, f: MedActForm, field: FormField) => void
}

const FIELD_RULES: Partial<Record<FormFieldName, FieldRule>> = {
  note: {
    check: (f, field) => (field.required && !f.note.trim() ? { note: `请填写${field.label}` } : {}),
    put: (input, f, field) => {
      if (f.note.trim() || field.required) input.note = f.note.trim()
    },
  },
  comment: {
    check: () => ({}),
    put: (input, f) => {
      if (f.comment.trim()) input.comment = f.comment.trim()
    },
  },
  // Left empty where it is optional (受理), the server picks from the committee it routes the case to.
  assignee: {
    check: (f, field) => (field.required && !f.mediatorId ? { mediatorId: '请选择调解员' } : {}),
    put: (input, f, field) => {
      if (f.mediatorId || field.required) input.mediatorId = f.mediatorId
    },
  },
  session: {
    init: (f, c) => {
      f.sessionMode = c.preferredWay
    },
    check: (f, _field, now) => {
      const e: MedActErrors = {}
      const at = shanghaiInstant(f.sessionDate, f.sessionTime)
      if (!at) e.at = '请选择调解日期和时间'
      else if (Date.parse(at) < now.getTime()) e.at = '调解时间不能早于现在'
      if (!f.sessionPlace.trim()) e.place = f.sessionMode === 'in_person' ? '请填写调解室地点' : f.sessionMode === 'video' ? '请填写备用会议链接（无法使用微信视频时用）' : '请填写会议链接或会议号'
      return e
    },
    put: (input, f) => {
      input.session = { at: shanghaiInstant(f.sessionDate, f.sessionTime) ?? '', mode: f.sessionMode, place: f.sessionPlace.trim() }
    },
  },
  // A record is usually about the session that has none yet.
  sessionId: {
    init: (f, c) => {
      const open = [...c.sessions].reverse().find((s) => !s.notes) ?? c.sessions[c.sessions.length - 1]
      if (open) f.sessionId = open.id
    },
    check: (f, field) => (f.sessionId ? {} : { sessionId: `请选择${field.label}` }),
    put: (input, f) => {
      input.sessionId = f.sessionId
    },
  },
  // Redrafting starts from the current text: the mediator usually changes one term.
  terms: {
    init: (f, c) => {
      if (c.agreement?.terms.length) f.terms = [...c.agreement.terms]
    },
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
    check: (f, field) => (f.referral || !field.required ? {} : { referral: `请选择${field.label}` }),
    put: (input, f) => {
      if (f.referral) input.referral = f.referral
    },
  },
  answer: {
    check: (f, field) => (f.answer || !field.required ? {} : { answer: `请选择${field.label}` }),
    put: (input, f) => {
      if (f.answer) input.answer = f.answer as MediationActInput['answer']
    },
  },
  rating: {
    check: (f) => (f.rating >= 1 && f.rating <= 5 ? {} : { rating: '请点击星星评分' }),
    put: (input, f) => {
      input.rating = f.rating
    },
  },
}

const fieldsOf = (move: MedMove) => (move.form ?? []).flatMap((field) => (FIELD_RULES[field.name] ? [{ field, rule: FIELD_RULES[field.name]! }] : []))

/** The form a move opens with on this case. */
export function initialMedActForm(c: MediationView, move: MedMove): MedActForm {
  const f = emptyMedActForm()
  for (const { rule } of fieldsOf(move)) rule.init?.(f, c)
  return f
}

/** Checks the form before sending; the server checks again and its message wins. */
export function validateMedAct(move: MedMove, f: MedActForm, now: Date = new Date()): MedActErrors {
  const e: MedActErrors = {}
  for (const { field, rule } of fieldsOf(move)) Object.assign(e, rule.check(f, field, now))
  return e
}

/** The mediation.act input for one move: only what its fields collect, trimmed. */
export function buildMedActInput(c: { id: string; version: number }, move: MedMove, f: MedActForm): MediationActInput {
  const input: MediationActInput = { id: c.id, action: move.action, version: c.version }
  for (const { field, rule } of fieldsOf(move)) rule.put(input, f, field)
  return input
}

/** Server `details` keys (`session.place`, `terms.2` …) onto the form's fields. */
const DETAIL_FIELDS: Record<string, keyof MedActErrors> = {
  note: 'note',
  mediatorId: 'mediatorId',
  mediator: 'mediatorId',
  at: 'at',
  session: 'at',
  mode: 'mode',
  place: 'place',
  sessionId: 'sessionId',
  referral: 'referral',
  answer: 'answer',
  rating: 'rating',
  comment: 'rating',
}

export function medActFieldOf(key: string): keyof MedActErrors | null {
  const k = key.replace(/^session\./, '')
  if (k.startsWith('terms')) return 'terms'
  return Object.prototype.hasOwnProperty.call(DETAIL_FIELDS, k) ? DETAIL_FIELDS[k]! : null
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
