/** Mediation statuses as people read them: tone, what happens next, who has not confirmed, time left. */
import type { MediationView } from '../../contracts/api'

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
