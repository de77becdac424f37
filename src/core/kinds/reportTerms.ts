import type { Case } from '../case'
import type { CaseLink } from '../caseLink'
import type { GeoPoint } from '../geo'
import type { ProxyMark } from '../proxyMark'

/**
 * The words of a report the app shares with the backend: statuses, the payload and its
 * moderation. No schema library here, so the mini-program's main package can import it.
 */

export interface ReportLocation extends GeoPoint {
  address: string
}

/** 待审核 已公开 已隐藏 已编辑: where a piece of a report stands before the public may see it. */
export type ModerationState = 'pending' | 'published' | 'hidden' | 'edited'
export type PhotoModerationState = 'pending' | 'published' | 'hidden'

export const MODERATION_LABELS: Record<ModerationState, string> = {
  pending: '待审核',
  published: '已公开',
  hidden: '已隐藏',
  edited: '已编辑',
}

export interface ReportModeration {
  /** 'edited': the public sees publicDescription; payload.description keeps the original for staff. */
  description: ModerationState
  /** The redacted text shown to the public when description is 'edited'. */
  publicDescription?: string
  /** By file id; a photo missing here is pending. */
  photos: Record<string, PhotoModerationState>
  /** The whole report is hidden from the public view. */
  hidden: boolean
  /** File id → content-security trace id while an asynchronous image check runs. */
  checking?: Record<string, string>
}

/**
 * The moderation of a report as it stands; reports stored before moderation existed (no field)
 * read as all pending and not hidden, so nothing old becomes public by default.
 */
export function moderationOf(p: { photos?: readonly string[]; moderation?: ReportModeration }): ReportModeration {
  const m = p.moderation
  const photos: Record<string, PhotoModerationState> = {}
  for (const id of p.photos ?? []) {
    const s = m?.photos && Object.prototype.hasOwnProperty.call(m.photos, id) ? m.photos[id] : undefined
    photos[id] = s === 'published' || s === 'hidden' ? s : 'pending'
  }
  const description = m && Object.prototype.hasOwnProperty.call(MODERATION_LABELS, m.description) ? m.description : 'pending'
  return {
    description,
    ...(m?.publicDescription !== undefined ? { publicDescription: m.publicDescription } : {}),
    photos,
    hidden: m?.hidden === true,
    ...(m?.checking ? { checking: { ...m.checking } } : {}),
  }
}

/**
 * A type alias, not an interface: aliases get an implicit index signature, so a `ReportCase`
 * is assignable to the generic `Case` that `transition` and the store take.
 */
export type ReportPayload = {
  /** May be empty when the voice note describes it. */
  description: string
  /** 语音描述: the reporter's own voice note (files.uploadVoice); staff and the reporter hear it, the public never. */
  voiceFileId?: string
  photos: string[]
  location: ReportLocation
  anonymous: boolean
  /** Department code when a department handles the case (城管, 住建 …). */
  department?: string
  resolvedAt?: string
  rating?: number
  ratingComment?: string
  mergedInto?: string
  /**
   * 代办: filed by a grid worker or 代办员 for a resident without a phone (proxyMark.ts). At rest (once
   * `sealed` is set) the name and phone are masks; `sealed` holds both, sealed by the backend's vault.
   */
  proxy?: ProxyMark
  /**
   * 联系电话 the reporter left (选填): `phone` is its mask (138****0000), `sealed` the number sealed by
   * the backend's vault. Staff on the case see it; the public view never.
   */
  contact?: { phone: string; sealed: string }
  /** 找网格员: a question to the grid worker rather than a problem on the ground. */
  consult?: boolean
  /** Set by the SLA timer when the deadline passed; escalation clears it. */
  overdueSince?: string
  /** What of it the public may see; absent (stored before moderation) means all pending. */
  moderation?: ReportModeration
  /** The mediation case it became (转为调解, status converted); that case's `origin` points back. */
  convertedTo?: CaseLink
  /** Filed by an outside system (Open311 client, 12345 platform) rather than in the app; staff only. */
  source?: ReportSource
  /** 回访: what the 12345 caller said when staff called back after 办结 (follow_up); the hotline hears it. */
  followUp?: FollowUp
}

/** 回访结果: the caller's satisfaction as 12345 platforms grade it. */
export const FOLLOW_UP_SATISFACTION_LABELS = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
} as const

export type FollowUpSatisfaction = keyof typeof FOLLOW_UP_SATISFACTION_LABELS

export const FOLLOW_UP_SATISFACTIONS = Object.keys(FOLLOW_UP_SATISFACTION_LABELS) as [FollowUpSatisfaction, ...FollowUpSatisfaction[]]

export interface FollowUp {
  satisfaction: FollowUpSatisfaction
  at: string
}

/** The outside systems a report may come in from (对外接口). */
export type ReportChannel = 'open311' | 'hotline'

/**
 * Where a report filed from outside came from. The case's creator is then `partner:<partnerId>`.
 * Staff read it as one line (sourceLine); the public view and webhooks never carry any of it.
 */
export interface ReportSource {
  channel: ReportChannel
  partnerId: string
  /** The partner's name as the admin gave it when the case came in. */
  partnerName: string
  /** 12345: the hotline's ticket number (工单号). */
  ticket?: string
  /** Open311: the id the client gave its request (attribute[client_request_id] or attribute[fixmystreet_id]). */
  clientId?: string
  /** Open311: the random token answered while the case had no public view (GET tokens/{token}). */
  token?: string
  /** The reporter or caller as the outside system named them (their phone goes to `contact`). */
  reporter?: SourceReporter
  /** Open311 media_url: the partner's own links to its photos, shown to staff as links and never fetched. */
  mediaUrls?: string[]
}

/** A reporter known only to an outside system: masks in clear, the full words sealed. */
export interface SourceReporter {
  /** 张*明 */
  name?: string
  /** a***@example.org */
  email?: string
  /** `{ name?, email? }` as JSON, sealed by the backend's vault with the case id as associated data. */
  sealed: string
}

/** Staff's line: 「来源：12345（广州市12345热线）工单 GZ2026-001」 or 「来源：某某平台（Open311）」. */
export function sourceLine(s: ReportSource): string {
  if (s.channel === 'hotline') return `来源：12345（${s.partnerName}）${s.ticket ? `工单 ${s.ticket}` : ''}`
  return `来源：${s.partnerName}（Open311）`
}

export type ReportCase = Case<ReportPayload>

export const REPORT_CONFIRM_WINDOW_DAYS = 7

export const REPORT_STATUS_LABELS = {
  submitted: '已上报',
  accepted: '已受理',
  assigned: '已分派',
  in_progress: '处置中',
  resolved: '已办结',
  closed: '已评价',
  rejected: '不予受理',
  merged: '已合并',
  converted: '已转调解',
} as const

export type ReportStatus = keyof typeof REPORT_STATUS_LABELS

export const REPORT_TERMINAL_STATUSES: readonly ReportStatus[] = ['closed', 'rejected', 'merged', 'converted']

/** The quick reasons for hiding a photo in one tap. */
export const PHOTO_HIDE_REASONS = ['人脸', '车牌', '其他'] as const

/** WeChat content security's verdict: publishable, a person should look, not publishable. */
export type ContentSuggest = 'pass' | 'review' | 'risky'

/**
 * What the moderation use case hands a moderation row (`params.moderation`): the photo, the
 * redacted text, the content-security verdict on whatever would become public, the trace id of
 * an image check. A move without it (e.g. through `cases.act`) is refused: moderation is audited.
 */
export interface ModerationParams {
  fileId?: string
  text?: string
  textSuggest?: ContentSuggest
  traceId?: string
}
