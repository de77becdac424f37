/**
 * Pure helpers for the 在线调解 pages (parties and mediators, mini-program + H5): no Taro, no React,
 * so jest tests them directly (test/app/mediation-logic.test.ts).
 */
import type { ActionView, ApplyMediationInput, MediationActInput, MediationView, MessageView, ReferralCode } from '../../contracts/api'

// ---- statuses ----

export const MED_OPEN = ['applied', 'accepted', 'awaiting_consent', 'mediating', 'agreement_pending'] as const
export const MED_CLOSED = ['succeeded', 'failed', 'declined', 'rejected'] as const

export type Tone = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'

/** Waiting on someone in warm colours, success green, the three ways it ends without agreement red/grey. */
const TONE: Record<string, Tone> = {
  applied: 'info',
  accepted: 'warning',
  awaiting_consent: 'warning',
  mediating: 'primary',
  agreement_pending: 'warning',
  succeeded: 'success',
  failed: 'danger',
  declined: 'default',
  rejected: 'danger',
}

export function medTone(status: string): Tone {
  return TONE[status] ?? 'default'
}

export function isOpen(status: string): boolean {
  return (MED_OPEN as readonly string[]).includes(status)
}

/** One line under the status saying what happens next, in the reader's terms. */
export function statusHint(status: string, myRole: string | null): string {
  const staff = myRole === 'mediator' || myRole === 'dispatcher'
  if (staff) {
    const s: Record<string, string> = {
      applied: '新申请：请审核后受理并指派调解员，或说明不予受理的原因',
      accepted: '已受理：请邀请对方当事人参加调解',
      awaiting_consent: '已发出邀请，等待对方当事人同意调解',
      mediating: '调解中：安排调解、记录调解过程，达成一致后起草协议',
      agreement_pending: '协议已发出，等待各方当事人确认',
      succeeded: '各方已确认协议，调解成功',
      failed: '调解不成，已告知当事人后续处理途径',
      declined: '对方当事人不同意调解',
      rejected: '已决定不予受理',
    }
    return s[status] ?? ''
  }
  const p: Record<string, string> = {
    applied: '申请已提交，等待街道调解中心受理',
    accepted: '已受理，调解员将邀请对方当事人参加调解',
    awaiting_consent: myRole === 'respondent' ? '请阅读申请内容，选择是否同意参加调解' : '已邀请对方当事人，等待对方同意调解',
    mediating: '调解进行中，请留意调解安排和调解员的消息',
    agreement_pending: '调解员已起草调解协议，请阅读后确认',
    succeeded: '各方已确认协议，调解成功，请按协议履行',
    failed: '调解未能达成协议，可按下方途径继续解决',
    declined: '对方不同意调解，可依法通过其他途径解决',
    rejected: '申请未被受理，原因见办理记录',
  }
  return p[status] ?? ''
}

/** Parties who have not confirmed the current agreement yet (by name; the view has no ids). */
export function unconfirmedParties(c: Pick<MediationView, 'parties' | 'agreement'>): string[] {
  if (!c.agreement) return []
  const done = new Set(c.agreement.confirmations.map((x) => `${x.sideLabel}|${x.name}`))
  return c.parties.filter((p) => p.side === 'applicant' || p.joined).filter((p) => !done.has(`${p.sideLabel}|${p.name}`)).map((p) => p.name)
}

// ---- time limit (30 days from acceptance) ----

const DAY = 86_400_000
const HOUR = 3_600_000

export interface DeadlineInfo {
  text: string
  overdue: boolean
  /** Three days or less left: the mediator should act first on these. */
  urgent: boolean
}

/** "还剩 12 天" / "还剩 5 小时" / "已超期 2 天" for open cases; a closed case's deadline is history. */
export function deadlineInfo(deadline: string | null, status: string, now: Date, serverOverdue = false): DeadlineInfo | null {
  if (!deadline || !isOpen(status)) return null
  const left = Date.parse(deadline) - now.getTime()
  if (Number.isNaN(left)) return null
  const span = (ms: number) => {
    const a = Math.abs(ms)
    if (a < HOUR) return `${Math.max(1, Math.floor(a / 60_000))} 分钟`
    if (a < DAY) return `${Math.floor(a / HOUR)} 小时`
    return `${Math.floor(a / DAY)} 天`
  }
  if (left <= 0) return { text: `已超期 ${span(left)}`, overdue: true, urgent: false }
  // The server's word wins: a phone clock that disagrees must not show time left on an overdue case.
  if (serverOverdue) return { text: '已超期', overdue: true, urgent: false }
  return { text: `还剩 ${span(left)}`, overdue: false, urgent: left <= 3 * DAY }
}

// ---- phones ----

/** Spaces and dashes people type are dropped; a landline keeps one dash after the area code. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[\s\-－—()（）]/g, '')
  const m = /^(0[12]\d|0[3-9]\d{2})(\d{7,8})$/.exec(digits)
  return m ? `${m[1]}-${m[2]}` : digits
}

/** Mainland mobile (1 + 10 digits) or a landline with area code. */
export function isPhone(raw: string): boolean {
  const p = normalizePhone(raw)
  return /^1[3-9]\d{9}$/.test(p) || /^0\d{2,3}-\d{7,8}$/.test(p)
}

/** tel: wants digits only; a masked number (138****5678) cannot be dialled. */
export function dialable(phone: string | null | undefined): string | null {
  if (!phone || phone.includes('*')) return null
  const d = phone.replace(/[^\d]/g, '')
  return d.length >= 7 ? d : null
}

// ---- the application form ----

export const FACTS_MIN = 10
export const FACTS_MAX = 2000
export const CLAIMS_MIN = 5
export const CLAIMS_MAX = 1000
export const MAX_RESPONDENTS = 5
export const MAX_EVIDENCE = 9
export const NAME_MAX = 20

export interface RespondentDraft {
  /** Local only: keeps React rows stable while parties are added and removed. */
  key: string
  name: string
  phone: string
}

export interface ApplyDraft {
  disputeType: string
  streetCode: string
  applicantPhone: string
  respondents: RespondentDraft[]
  facts: string
  claims: string
  preferredWay: 'online' | 'in_person'
}

/** Field keys: the plain ones, plus `respondents.<i>.name|phone` per party row. */
export type ApplyErrors = Record<string, string | undefined>

export function emptyApplyDraft(key: string): ApplyDraft {
  return {
    disputeType: '',
    streetCode: '',
    applicantPhone: '',
    respondents: [{ key, name: '', phone: '' }],
    facts: '',
    claims: '',
    preferredWay: 'online',
  }
}

const len = (s: string) => Array.from(s.trim()).length

export interface EvidenceState {
  uploading: number
  failed: number
}

export function validateApply(d: ApplyDraft, evidence: EvidenceState = { uploading: 0, failed: 0 }): ApplyErrors {
  const e: ApplyErrors = {}
  if (!d.disputeType) e.disputeType = '请选择纠纷类型'
  if (!d.streetCode) e.streetCode = '请选择受理街道'
  if (!d.applicantPhone.trim()) e.applicantPhone = '请填写您的联系电话'
  else if (!isPhone(d.applicantPhone)) e.applicantPhone = '请填写 11 位手机号或带区号的固定电话'
  if (!d.respondents.length) e.respondents = '请至少填写一位对方当事人'
  if (d.respondents.length > MAX_RESPONDENTS) e.respondents = `对方当事人最多 ${MAX_RESPONDENTS} 位`
  d.respondents.forEach((r, i) => {
    const name = r.name.trim()
    if (!name) e[`respondents.${i}.name`] = '请填写对方姓名'
    else if (Array.from(name).length > NAME_MAX) e[`respondents.${i}.name`] = `姓名不能超过 ${NAME_MAX} 个字`
    if (!r.phone.trim()) e[`respondents.${i}.phone`] = '请填写对方联系电话'
    else if (!isPhone(r.phone)) e[`respondents.${i}.phone`] = '请填写 11 位手机号或带区号的固定电话'
    else if (normalizePhone(r.phone) === normalizePhone(d.applicantPhone)) e[`respondents.${i}.phone`] = '对方电话不能与您的电话相同'
  })
  const facts = len(d.facts)
  if (facts < FACTS_MIN) e.facts = `请描述事实经过，至少 ${FACTS_MIN} 个字`
  else if (facts > FACTS_MAX) e.facts = `事实经过不能超过 ${FACTS_MAX} 个字`
  const claims = len(d.claims)
  if (claims < CLAIMS_MIN) e.claims = `请写明您的请求，至少 ${CLAIMS_MIN} 个字`
  else if (claims > CLAIMS_MAX) e.claims = `请求不能超过 ${CLAIMS_MAX} 个字`
  if (evidence.uploading) e.evidence = '证据照片还在上传，请稍候'
  else if (evidence.failed) e.evidence = '有照片上传失败，请重试或删除'
  return e
}

export function toApplyInput(d: ApplyDraft, idempotencyKey: string, evidence: string[]): ApplyMediationInput {
  return {
    idempotencyKey,
    disputeType: d.disputeType as ApplyMediationInput['disputeType'],
    streetCode: d.streetCode,
    applicantPhone: normalizePhone(d.applicantPhone),
    respondents: d.respondents.map((r) => ({ name: r.name.trim(), phone: normalizePhone(r.phone) })),
    facts: d.facts.trim(),
    claims: d.claims.trim(),
    evidence,
    preferredWay: d.preferredWay,
  }
}

/**
 * The server's `details` onto the form's keys: zod paths come as `respondents.0.name` or
 * `respondents[0].name`; `evidence.3` is about the photos as a whole.
 */
export function applyErrorsFromDetails(details: Record<string, string> | undefined): ApplyErrors {
  const out: ApplyErrors = {}
  for (const [raw, msg] of Object.entries(details ?? {})) {
    const k = raw.replace(/\[(\d+)\]/g, '.$1')
    if (/^respondents\.\d+\.(name|phone)$/.test(k)) out[k] = msg
    else if (k.startsWith('respondents')) out.respondents = msg
    else if (k.startsWith('evidence')) out.evidence = msg
    else if (k === 'streetCode' || k === 'street') out.streetCode = msg
    else out[k] = msg
  }
  return out
}

/** Removing a party row renumbers the rows after it; their errors move with them. */
export function shiftRespondentErrors(e: ApplyErrors, removed: number): ApplyErrors {
  const out: ApplyErrors = {}
  for (const [k, v] of Object.entries(e)) {
    const m = /^respondents\.(\d+)\.(name|phone)$/.exec(k)
    if (!m) out[k] = v
    else {
      const i = Number(m[1])
      if (i < removed) out[k] = v
      else if (i > removed) out[`respondents.${i - 1}.${m[2]}`] = v
    }
  }
  return out
}

// ---- invitations ----

/** Codes are forwarded through chat apps: drop the spaces and line breaks that come along. */
export function cleanInviteCode(raw: string): string {
  return raw.replace(/[\s\u3000]/g, '')
}

/** The text the applicant forwards to the other party with 复制邀请码. */
export function inviteMessage(name: string, code: string): string {
  return `${name}您好，我在「街坊通」申请了人民调解，邀请您一起参加。请打开街坊通小程序，进入「在线调解」→「输入邀请码」，填写邀请码：${code}`
}

// ---- the message thread ----

/** New messages joined onto the shown ones: no duplicates (a poll may overlap a send), oldest first. */
export function mergeMessages(shown: MessageView[], incoming: MessageView[]): MessageView[] {
  if (!incoming.length) return shown
  const byId = new Map(shown.map((m) => [m.id, m]))
  for (const m of incoming) byId.set(m.id, m)
  return [...byId.values()].sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? -1 : 1))
}

/** The `after` cursor for the next poll: the newest message's id (ids sort by time). */
export function afterCursor(messages: MessageView[]): string | undefined {
  return messages.length ? messages[messages.length - 1]!.id : undefined
}

export const MESSAGE_MAX = 1000
export const POLL_MS = 5000

// ---- agreement ----

export const TERM_MAX = 500
export const MAX_TERMS = 20

export function cleanTerms(terms: string[]): string[] {
  return terms.map((t) => t.trim()).filter(Boolean)
}

const CN_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 一 … 九十九: enough for numbered 协议条款. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUM[n]!
  if (n < 20) return `十${CN_NUM[n - 10]}`
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${CN_NUM[tens]}十${ones ? CN_NUM[ones] : ''}`
}

/** 编号 of the 人民调解协议书: year of the case and the tail of its id, e.g. （2026）调字第 7F3K9Q 号. */
export function agreementNumber(caseId: string, createdAt: string): string {
  const year = new Date(createdAt).getUTCFullYear()
  return `（${Number.isNaN(year) ? '' : year}）调字第 ${caseId.slice(-6).toUpperCase()} 号`
}

/** Terms about how and when the agreement is carried out (履行方式 / 期限), shown in their own block. */
export function performanceTerms(terms: string[]): string[] {
  return terms.filter((t) => /履行|支付|给付|付清|期限|之前|以前|日前|分期|转账/.test(t))
}

type PreviewCase = Pick<MediationView, 'parties' | 'facts' | 'committee' | 'mediatorName' | 'disputeTypeLabel'>

/**
 * The mediator's live preview while typing terms: the 调解协议书 as the server will fill it around
 * them (the server's own text is what the parties confirm).
 */
export function agreementPreview(c: PreviewCase, terms: string[]): string {
  const parties = c.parties.map((p) => `${p.sideLabel}：${p.name}`).join('\n')
  const clean = cleanTerms(terms)
  const body = clean.length ? clean.map((t, i) => `${chineseNumber(i + 1)}、${t}`).join('\n') : '（请填写协议条款）'
  return [
    '人民调解协议书',
    parties,
    `纠纷类型：${c.disputeTypeLabel}`,
    `纠纷事实：${c.facts}`,
    '经调解，各方当事人自愿达成如下协议：',
    body,
    '本协议经各方当事人确认后生效。各方当事人应当按照约定履行。',
    `调解组织：${c.committee?.name ?? '人民调解委员会'}`,
    `调解员：${c.mediatorName ?? ''}`,
  ].join('\n')
}

// ---- staff actions ----

/** Moves that can be made with one tap (no form); everything else opens its form. */
const ONE_TAP = new Set(['invite', 'consent', 'mark_judicial'])

export function needsMedForm(action: string): boolean {
  return !ONE_TAP.has(action)
}

/** Moves that cannot be undone are asked twice. */
export function confirmText(action: string): string | null {
  if (action === 'consent') return '同意参加调解？同意后调解员将安排调解。'
  if (action === 'mark_judicial') return '确认已为本协议申请司法确认？'
  if (action === 'invite') return '向对方当事人发出调解邀请？'
  return null
}

export function medActionTone(action: string): 'primary' | 'danger' | 'default' {
  if (['reject', 'decline', 'fail'].includes(action)) return 'danger'
  if (['accept', 'consent', 'invite', 'schedule', 'draft_agreement', 'confirm_agreement', 'rate'].includes(action)) return 'primary'
  return 'default'
}

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

const REASON_REQUIRED = new Set(['reject', 'reassign', 'record_session', 'fail', 'decline'])

export function noteRequired(action: string): boolean {
  return REASON_REQUIRED.has(action)
}

/** Checks the form before sending; the server checks again and its message wins. */
export function validateMedAct(action: string, f: MedActForm, now: Date = new Date()): MedActErrors {
  const e: MedActErrors = {}
  if (noteRequired(action) && !f.note.trim()) e.note = action === 'record_session' ? '请填写调解记录' : action === 'fail' ? '请填写调解不成的情况说明' : '请填写原因'
  if (action === 'reassign' && !f.mediatorId) e.mediatorId = '请选择调解员'
  if (action === 'schedule') {
    const at = shanghaiInstant(f.sessionDate, f.sessionTime)
    if (!at) e.at = '请选择调解日期和时间'
    else if (Date.parse(at) < now.getTime()) e.at = '调解时间不能早于现在'
    if (!f.sessionPlace.trim()) e.place = f.sessionMode === 'online' ? '请填写会议链接或会议号' : '请填写调解室地点'
  }
  if (action === 'record_session' && !f.sessionId) e.sessionId = '请选择调解场次'
  if (action === 'draft_agreement') {
    if (!cleanTerms(f.terms).length) e.terms = '请至少填写一条协议条款'
    else if (f.terms.some((t) => Array.from(t.trim()).length > TERM_MAX)) e.terms = `每条不超过 ${TERM_MAX} 个字`
  }
  if (action === 'fail' && !f.referral) e.referral = '请选择后续处理途径'
  if (action === 'rate' && !(f.rating >= 1 && f.rating <= 5)) e.rating = '请点击星星评分'
  return e
}

/** The mediation.act input for one move: only what that move uses, trimmed. */
export function buildMedActInput(c: { id: string; version: number }, action: string, f: MedActForm): MediationActInput {
  const input: MediationActInput = { id: c.id, action, version: c.version }
  const note = f.note.trim()
  switch (action) {
    case 'accept':
      // No mediator picked: the server chooses one from the committee it routes to.
      if (f.mediatorId) input.mediatorId = f.mediatorId
      if (note) input.note = note
      break
    case 'reassign':
      input.mediatorId = f.mediatorId
      input.note = note
      break
    case 'schedule':
      input.session = { at: shanghaiInstant(f.sessionDate, f.sessionTime) ?? '', mode: f.sessionMode, place: f.sessionPlace.trim() }
      if (note) input.note = note
      break
    case 'record_session':
      input.sessionId = f.sessionId
      input.note = note
      break
    case 'draft_agreement':
      input.terms = cleanTerms(f.terms)
      if (note) input.note = note
      break
    case 'fail':
      input.referral = f.referral as ReferralCode
      input.note = note
      break
    case 'rate':
      input.rating = f.rating
      if (f.comment.trim()) input.comment = f.comment.trim()
      break
    default:
      if (note) input.note = note
  }
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

/** The action the server lists, if it does: pages show exactly the server's moves. */
export function findAction(actions: ActionView[], action: string): ActionView | undefined {
  return actions.find((a) => a.action === action)
}

/** Words in a committee's name that show which disputes it takes (交调委, 婚姻家庭纠纷人民调解委员会 …). */
const COMMITTEE_WORDS: Record<string, string[]> = {
  traffic: ['交调', '交通'],
  commerce: ['商调', '商事', '消费'],
  family: ['婚调', '婚姻', '家庭'],
}

/**
 * Whether a committee is the one the server routes this dispute type to: the specialised ones by
 * name, every other type to the general 人民调解委员会.
 */
export function committeeMatches(disputeType: string, committeeName: string): boolean {
  const words = COMMITTEE_WORDS[disputeType]
  if (words) return words.some((w) => committeeName.includes(w))
  return !Object.values(COMMITTEE_WORDS).some((ws) => ws.some((w) => committeeName.includes(w)))
}

// ---- queue ----

export interface MedQueueTab {
  key: 'applied' | 'open' | 'closed'
  label: string
  statuses: string[]
  dispatcherOnly?: boolean
}

export const MED_QUEUE_TABS: MedQueueTab[] = [
  { key: 'applied', label: '待受理', statuses: ['applied'], dispatcherOnly: true },
  { key: 'open', label: '进行中', statuses: ['accepted', 'awaiting_consent', 'mediating', 'agreement_pending'] },
  { key: 'closed', label: '已结束', statuses: [...MED_CLOSED] },
]

export function queueTabsFor(isDispatcher: boolean): MedQueueTab[] {
  return MED_QUEUE_TABS.filter((t) => isDispatcher || !t.dispatcherOnly)
}

// ---- ledger ----

export function percentText(rate: number): string {
  if (!Number.isFinite(rate)) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

export function daysText(days: number | null): string {
  if (days === null || !Number.isFinite(days)) return '—'
  return `${Math.round(days * 10) / 10} 天`
}

/** Inclusive YYYY-MM-DD range; empty ends are open. */
export function ledgerRangeError(from: string, to: string): string {
  const ok = (s: string) => !s || /^\d{4}-\d{2}-\d{2}$/.test(s)
  if (!ok(from) || !ok(to)) return '日期格式应为 YYYY-MM-DD'
  if (from && to && from > to) return '开始日期不能晚于结束日期'
  return ''
}

/** Share of each row in a table, for the bar behind the count. */
export function shareOf(count: number, total: number): number {
  return total > 0 ? Math.min(1, count / total) : 0
}
