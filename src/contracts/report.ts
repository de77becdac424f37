/**
 * Wire contract of reports (functions `reports` and `cases`): a resident's report and its public
 * view, the staff queue and case moves, and content moderation. Inputs are inferred from their
 * zod schemas (reportSchemas.ts); type-only imports, so the app pays nothing for them.
 */
import type { z } from 'zod'
import type * as c from './commonSchemas'
import type * as s from './reportSchemas'
import type { ActionView, PhotoView, Tally, TimelineView } from './common'
import type { GridShape, GridView } from './grid'
import type { CaseLinkView } from './mediationIntake'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>
type Common<K extends keyof typeof c> = z.infer<(typeof c)[K]>

export interface CategoryView {
  code: string
  name: string
  parentCode: string | null
  /** No public view: never shown to neighbours, never followed (family disputes, public-security tips). */
  sensitive: boolean
}

export type LocationInput = In<'location'>

/**
 * `idempotencyKey` is made once per draft on the device (a retry with the same key returns the
 * first case); `photos` are file ids from files.upload / files.register.
 */
export type SubmitReportInput = In<'submitReport'>

export interface CaseSummary {
  id: string
  /** The number people read and say (京溪-2026-00042); null only for a case stored before numbers and not yet numbered. */
  number: string | null
  kind: 'report'
  status: string
  statusLabel: string
  category: string
  categoryName: string
  title: string
  gridName: string
  createdAt: string
  updatedAt: string
  slaDeadline: string | null
}

export type ModerationStateView = 'pending' | 'published' | 'hidden' | 'edited'

/** Where the reporter's content stands with the public (待审核 / 已公开 / 已隐藏 / 已编辑). */
export interface ModerationView {
  description: ModerationStateView
  descriptionLabel: string
  /** The redacted text the public sees when description is 'edited'. */
  publicDescription: string | null
  photos: Array<{ fileId: string; state: 'pending' | 'published' | 'hidden'; stateLabel: string }>
  /** The whole report is hidden from the public view. */
  hidden: boolean
}

export interface CaseView extends CaseSummary {
  /** Empty when a voice note alone describes it. */
  description: string
  /** The reporter's voice note to play, for the reporter and staff only (never in PublicCaseView); null when none. */
  voiceUrl: string | null
  photos: PhotoView[]
  location: LocationInput
  anonymous: boolean
  unitName: string
  unitPhone: string | null
  assigneeName: string | null
  /** The reporter's 1–5 stars and comment once closed. */
  rating?: number | null
  ratingComment?: string | null
  /** Only for the reporter and staff in scope. */
  moderation: ModerationView
  /** The mediation case it became (已转调解). */
  convertedTo: CaseLinkView | null
  version: number
}

/** A public update (公开回复) as followers and neighbours see it. */
export interface PublicUpdateView {
  id: string
  at: string
  /** The case's status after the update, in Chinese. */
  statusLabel: string
  note: string | null
}

/**
 * What anyone who may see a report at all sees (a follower, a neighbour, a duplicates card):
 * never the reporter, a phone, an address, an internal note or an unpublished photo.
 */
export interface PublicCaseView {
  id: string
  kind: 'report'
  category: string
  categoryName: string
  status: string
  statusLabel: string
  /** Rounded to about 50 m; no address text. */
  location: { lng: number; lat: number }
  createdAt: string
  /** Null until staff published it (or the redacted text once edited). */
  description: string | null
  /** Only the photos staff published. */
  photos: PhotoView[]
  /** Notes staff marked as public updates, oldest first. */
  updates: PublicUpdateView[]
}

/** The staff view of a case: who may do what next, and the reporter where the viewer may see them. */
export interface StaffCaseView extends CaseView {
  unitCode: string
  gridCode: string | null
  assigneeId: string | null
  department: string | null
  departmentName: string | null
  overdue: boolean
  escalationLevel: 'grid' | 'community' | 'street' | 'district' | 'city'
  /**
   * Null when anonymous and the viewer is not the dispatcher. `email`: only for a reporter an outside
   * system (Open311) named.
   */
  reporter: { name: string; phone: string | null; proxy: boolean; email?: string | null } | null
  /** Filed by an outside system: 「来源：<name>（Open311）」 / 「来源：12345（<name>）工单 …」, and the photo links it sent. */
  source?: { line: string; mediaUrls: string[] }
  mergedInto: string | null
  /** The number of the case it was merged into (京溪-2026-00042), shown instead of its id. */
  mergedIntoNumber: string | null
  rating: number | null
  ratingComment: string | null
  /** 12345 回访 as staff recorded it (记录回访): 满意 / 基本满意 / 不满意 and when; absent or null before. */
  followUp?: { satisfactionLabel: string; at: string } | null
  /** Its category is marked 可转为调解 in the district data (a dispute: 转为调解 is offered when the move is). */
  mediable: boolean
}

export interface StaffCaseSummary extends CaseSummary {
  gridCode: string | null
  unitName: string
  assigneeName: string | null
  departmentName: string | null
  overdue: boolean
  anonymous: boolean
  /** Where the problem is (WGS-84, the reporter's address): the worker's map and its 导航. */
  location: LocationInput
}

/** What a moderator decides about one piece of a report (内容审核). */
export type ModerationTarget = ModerateInput['target']

export type ModerationDecision = ModerateInput['decision']

/**
 * description: publish | hide | redact (with `text`, the version the public reads);
 * photo (with `fileId`): publish | hide; report: hide | unhide. `reason` is required for hide and
 * redact (a photo's quick reasons: 人脸 / 车牌 / 其他) and goes to the timeline, the audit and the
 * reporter's notice. Publishing passes WeChat content security first: text at once (refused
 * unless it passes), a photo asynchronously (it stays 待审核 with `checking` until the verdict).
 */
export type ModerateInput = In<'moderate'>

export interface ModerationPhotoView extends PhotoView {
  state: 'pending' | 'published' | 'hidden'
  stateLabel: string
  /** A content-security check of this photo is under way (it becomes 已公开 or 已隐藏 by itself). */
  checking: boolean
}

/** One report in the moderation queue, as staff in scope see it. */
export interface ModerationItemView {
  case: StaffCaseSummary
  version: number
  /** The original text (staff only) and where it stands with the public. */
  description: { text: string; state: ModerationStateView; stateLabel: string; publicText: string | null }
  photos: ModerationPhotoView[]
  /** The whole report is hidden from the public view. */
  hidden: boolean
}

/** `mine`: only cases assigned to me; `from`/`to`: an inclusive day range in Asia/Shanghai. */
export type QueueFilter = In<'queueFilter'>

export interface AssigneeView {
  kind: 'user' | 'department'
  id: string
  name: string
  /** 网格员 · 云景社区第1网格, or 职能部门. */
  detail: string
}

export interface StatsView {
  total: number
  open: number
  overdue: number
  overdueRate: number
  /** 已办结 and 已评价 together (status resolved or closed): the 已办结 card. */
  closed: number
  avgHoursToResolve: number | null
  byStatus: Tally[]
  byCategory: Tally[]
  byGrid: Tally[]
  byDay: Array<{ day: string; count: number }>
  /** The grids in scope (and filter) with their outline and count: the dashboard's choropleth. */
  gridMap: GridCount[]
}

/** One grid on the dashboard's map: how many reports of the scope and filter lie in it. */
export interface GridCount {
  code: string
  name: string
  count: number
  /** GeoJSON ring(s) in [lng, lat], WGS-84. */
  polygon: number[][][]
}

/**
 * `version` is the one the page showed (a stale one answers CONFLICT); `noteVisibility` says
 * whether the note is a public update (公开回复) or an internal note (internal when omitted).
 */
export type ActInput = In<'act'>

export type ProxySubmitInput = In<'proxySubmit'>

export interface ReportApi {
  'reports.categories': { in: Common<'empty'>; out: { categories: CategoryView[] } }
  'reports.locate': { in: Common<'point'>; out: { grid: GridView } }
  /** Grids near a point (or the caller's street), for the in-app point picker. */
  'reports.gridMap': { in: In<'gridMap'>; out: { grids: GridShape[] } }
  'reports.submit': { in: SubmitReportInput; out: { case: CaseView; replayed: boolean } }
  'reports.mine': { in: Common<'page'>; out: { cases: CaseSummary[]; next: string | null } }
  /**
   * 'full' for the reporter (own case, public updates and own rows only) and staff in scope;
   * 'public' for a follower or a neighbour. NOT_FOUND where there is no public view.
   */
  'reports.get': {
    in: Common<'byId'>
    out: { view: 'full'; case: CaseView; timeline: TimelineView[] } | { view: 'public'; case: PublicCaseView }
  }
  /**
   * Public cards of open cases of the same category within 100 m of the point in the last 7 days:
   * at most 5, never sensitive, 找网格员 or hidden ones; 20 calls per 10 minutes per WeChat identity.
   */
  'reports.duplicates': { in: In<'duplicates'>; out: { cases: PublicCaseView[] } }
  /** Follow someone else's case instead of filing a duplicate: its public view. */
  'reports.follow': { in: Common<'byId'>; out: { following: boolean; case: PublicCaseView } }
  /** The reporter confirms the fix (1–5 stars) or reopens it with a reason within 7 days. */
  'reports.confirm': { in: In<'confirm'>; out: { case: CaseView } }
  'reports.reopen': { in: In<'reopen'>; out: { case: CaseView } }
  /** Staff queue: a grid worker's grids, a dispatcher's street, a department's cases; SLA order. */
  /** `total` is exact up to 10,000; above it `totalCapped` is true, total is 10,000 and pages show 「1万+」 (src/core/queueTotal.ts). */
  'cases.queue': { in: In<'queuePage'>; out: { cases: StaffCaseSummary[]; next: string | null; total: number; totalCapped?: boolean } }
  'cases.get': { in: Common<'byId'>; out: { case: StaffCaseView; timeline: TimelineView[]; actions: ActionView[] } }
  'cases.act': { in: ActInput; out: { case: StaffCaseView; timeline: TimelineView[]; actions: ActionView[] } }
  'cases.bulkAssign': {
    in: In<'bulkAssign'>
    out: { results: Array<{ id: string; ok: boolean; code?: string; message?: string }> }
  }
  /** 代办: a grid worker files for a resident without a phone. */
  'cases.proxySubmit': { in: ProxySubmitInput; out: { case: CaseView; replayed: boolean } }
  'cases.assignees': { in: Common<'empty'>; out: { assignees: AssigneeView[] } }
  'cases.stats': { in: QueueFilter; out: { stats: StatsView } }
  /** CSV (UTF-8 with BOM, for Excel) of the filtered queue, at most 10 000 rows. */
  'cases.exportCsv': { in: QueueFilter; out: { filename: string; csv: string; rows: number } }
  /**
   * Reports in the caller's scope (street dispatcher: the street; grid worker: own grids) whose
   * description or photos are still 待审核, newest first. Sensitive, 找网格员 and hidden reports
   * have no public view and are not listed.
   */
  'cases.moderationQueue': { in: Common<'page'>; out: { items: ModerationItemView[]; next: string | null } }
  'cases.moderate': { in: ModerateInput; out: { item: ModerationItemView } }
}
