/**
 * The wire contract between the app and the cloud functions: one entry per function action.
 * Types only, so the mini-program bundle pays nothing for it; the functions validate the
 * same shapes with zod schemas (backend/functions/schemas.ts).
 *
 * A call is `callFunction({ name: <function>, data: { action, data } })`; the answer is
 * `{ ok: true, ...out }` or `{ ok: false, code, message }`.
 */
import type { Failure } from '../core/outcome'
import type { AdminApi } from './admin'
import type { RentalApi } from './rental'
import type { MeView } from './session'

export type { MeView, RoleView } from './session'

export interface PhotoView {
  fileId: string
  /** Short-lived URL the app can show directly. */
  url: string
}

export interface GridView {
  code: string
  name: string
  /** "白云区 京溪街道 云景社区" — where the grid sits. */
  path: string
  phone: string | null
}

export interface GridShape extends GridView {
  /** GeoJSON ring(s) in [lng, lat]. */
  polygon: number[][][]
}

export interface CategoryView {
  code: string
  name: string
  parentCode: string | null
  /** No public view: never shown to neighbours, never followed (family disputes, public-security tips). */
  sensitive: boolean
}

export interface LocationInput {
  lng: number
  lat: number
  address: string
}

export interface SubmitReportInput {
  /** Made once per draft on the device; a retry with the same key returns the first case. */
  idempotencyKey: string
  category: string
  description: string
  /** File ids from files.upload / files.register, at most 9. */
  photos: string[]
  location: LocationInput
  anonymous: boolean
}

export interface CaseSummary {
  id: string
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

export type NoteVisibility = 'public' | 'internal'
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
  description: string
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

export interface TimelineView {
  id: string
  action: string
  actionLabel: string
  fromStatus: string | null
  toStatus: string
  toStatusLabel: string
  /** "居民", "网格员 李明" — never a resident's name to staff when anonymous. */
  actorLabel: string
  note: string | null
  attachments: PhotoView[]
  at: string
  /** 'public': a public update followers see; 'internal': staff only (and the reporter's own rows). */
  visibility: NoteVisibility
  visibilityLabel: string
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
  /** Null when anonymous and the viewer is not the dispatcher. */
  reporter: { name: string; phone: string | null; proxy: boolean } | null
  mergedInto: string | null
  rating: number | null
  ratingComment: string | null
}

/** A move the viewer may make now, straight from the transition table. */
export interface ActionView {
  action: string
  label: string
  needs: Array<'note' | 'attachments' | 'assignee' | 'target' | 'rating'>
}

export interface StaffCaseSummary extends CaseSummary {
  gridCode: string | null
  unitName: string
  assigneeName: string | null
  departmentName: string | null
  overdue: boolean
  anonymous: boolean
}

/** What a moderator decides about one piece of a report (内容审核). */
export type ModerationTarget = 'description' | 'photo' | 'report'
export type ModerationDecision = 'publish' | 'hide' | 'redact' | 'unhide'

/**
 * description: publish | hide | redact (with `text`, the version the public reads);
 * photo (with `fileId`): publish | hide; report: hide | unhide. `reason` is required for hide and
 * redact (a photo's quick reasons: 人脸 / 车牌 / 其他) and goes to the timeline, the audit and the
 * reporter's notice. Publishing passes WeChat content security first: text at once (refused
 * unless it passes), a photo asynchronously (it stays 待审核 with `checking` until the verdict).
 */
export interface ModerateInput {
  id: string
  version: number
  target: ModerationTarget
  fileId?: string
  decision: ModerationDecision
  text?: string
  reason?: string
}

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

export interface QueueFilter {
  statuses?: string[]
  category?: string
  gridCode?: string
  overdue?: boolean
  /** Only cases assigned to me. */
  mine?: boolean
  /** Inclusive day range in Asia/Shanghai, YYYY-MM-DD. */
  from?: string
  to?: string
}

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
  closed: number
  avgHoursToResolve: number | null
  byStatus: Array<{ key: string; label: string; count: number }>
  byCategory: Array<{ key: string; label: string; count: number }>
  byGrid: Array<{ key: string; label: string; count: number }>
  byDay: Array<{ day: string; count: number }>
}

export interface InboxItemView {
  id: string
  caseId: string | null
  title: string
  body: string
  createdAt: string
  read: boolean
}

export interface ActInput {
  id: string
  action: string
  /** The version the page showed; a stale one answers CONFLICT. */
  version: number
  note?: string
  attachments?: string[]
  assigneeId?: string
  department?: string
  targetCaseId?: string
  rating?: number
  comment?: string
  /** Whether the note is a public update (公开回复) or an internal note; internal when omitted. */
  noteVisibility?: NoteVisibility
}

export interface ProxySubmitInput extends SubmitReportInput {
  proxy: { name: string; phone: string }
}

export type DisputeTypeCode = 'neighbour' | 'family' | 'tenancy' | 'labour' | 'traffic' | 'commerce' | 'property' | 'other'
export type ReferralCode = 'court' | 'arbitration' | 'administrative' | 'police'

export interface ApplyMediationInput {
  idempotencyKey: string
  disputeType: DisputeTypeCode
  /** The street whose mediation centre should take it (from mediation.options). */
  streetCode: string
  applicantPhone: string
  /** The other side(s): 1–5 parties. */
  respondents: Array<{ name: string; phone: string }>
  facts: string
  claims: string
  /** File ids from files.upload, at most 9. */
  evidence: string[]
  preferredWay: 'online' | 'in_person'
}

export interface MediationPartyView {
  side: 'applicant' | 'respondent'
  sideLabel: string
  name: string
  /** Masked (138****5678) except for staff and the party themself. */
  phone: string
  joined: boolean
  consent: 'pending' | 'consented' | 'declined'
  consentLabel: string
  isMe: boolean
}

export interface MediationView {
  id: string
  kind: 'mediation'
  status: string
  statusLabel: string
  disputeType: DisputeTypeCode
  disputeTypeLabel: string
  facts: string
  claims: string
  evidence: PhotoView[]
  preferredWay: 'online' | 'in_person'
  streetName: string
  committee: { code: string; name: string } | null
  mediatorName: string | null
  mediatorPhone: string | null
  deadline: string | null
  overdue: boolean
  parties: MediationPartyView[]
  sessions: Array<{ id: string; at: string; mode: 'online' | 'in_person'; modeLabel: string; place: string; notes: string | null }>
  agreement: {
    version: number
    text: string
    terms: string[]
    draftedAt: string
    confirmations: Array<{ name: string; sideLabel: string; at: string }>
    confirmedByMe: boolean
  } | null
  referral: { type: ReferralCode; label: string; note: string } | null
  judicialConfirmation: boolean
  /** How the viewer relates to the case. */
  myRole: 'applicant' | 'respondent' | 'mediator' | 'dispatcher' | null
  myRating: number | null
  /** For the applicant: one invitation per respondent to forward (code and in-app path). */
  invites: Array<{ name: string; code: string; path: string; used: boolean }>
  createdAt: string
  version: number
}

export interface MediationSummary {
  id: string
  status: string
  statusLabel: string
  disputeTypeLabel: string
  title: string
  committeeName: string | null
  mediatorName: string | null
  createdAt: string
  deadline: string | null
  overdue: boolean
  myRole: MediationView['myRole']
}

export interface MessageView {
  id: string
  authorName: string
  authorRoleLabel: string
  mine: boolean
  text: string
  photos: PhotoView[]
  at: string
}

export interface MediationActInput {
  id: string
  action: string
  version: number
  note?: string
  mediatorId?: string
  session?: { at: string; mode: 'online' | 'in_person'; place: string }
  sessionId?: string
  /** Agreement terms (协议内容), one per item; the server fills the 调解协议书 template around them. */
  terms?: string[]
  agreementVersion?: number
  referral?: ReferralCode
  rating?: number
  comment?: string
}

export interface LedgerView {
  total: number
  open: number
  succeeded: number
  failed: number
  /** Succeeded ÷ (succeeded + failed), 0–1. */
  successRate: number
  avgDaysToClose: number | null
  byType: Array<{ key: string; label: string; count: number }>
  byCommittee: Array<{ key: string; label: string; count: number }>
  byStreet: Array<{ key: string; label: string; count: number }>
  byStatus: Array<{ key: string; label: string; count: number }>
  byMonth: Array<{ month: string; count: number }>
}

export type TeamRole = 'leader' | 'full_time' | 'party_leader' | 'council' | 'supervisor' | 'police' | 'volunteer'

/** Public contact of one member of the grid team "1+1+5+N". */
export interface TeamMemberView {
  role: TeamRole
  roleLabel: string
  name: string
  /** A work number published on the street board; never a resident's private phone. */
  phone: string | null
}

export interface BoardView {
  grid: GridView
  /** Streets, buildings and estates the grid covers (网格范围). */
  scope: string
  households: number
  team: TeamMemberView[]
  services: string[]
  officeHours: string
  joinPolicy: 'open' | 'approval'
  /** The group QR code while valid, only for admitted members (and the grid's staff). */
  qr: { url: string; expiresAt: string } | null
  qrStatus: 'none' | 'valid' | 'expiring' | 'expired'
  membership: { status: 'requested' | 'joined' | 'refused' | 'left'; statusLabel: string; building: string | null } | null
  members: number
  /** The grid's own workers may edit the board and see its roster. */
  canManage: boolean
  polygon: number[][][]
}

export type AnnouncementType = 'notice' | 'activity' | 'reminder' | 'emergency'

export interface AnnouncementView {
  id: string
  type: AnnouncementType
  typeLabel: string
  title: string
  body: string
  authorName: string
  scopeLabel: string
  publishedAt: string
  read: boolean
}

export interface ReceiptView {
  announcementId: string
  roster: number
  read: number
  /** Emergencies: share of the roster that read within 15 minutes. */
  readWithin15m: number | null
  unread: Array<{ userId: string; name: string; building: string | null }>
  readers: Array<{ userId: string; name: string; readAt: string }>
}

export interface MemberView {
  userId: string
  name: string
  building: string | null
  status: 'requested' | 'joined' | 'refused' | 'left'
  statusLabel: string
  requestedAt: string
}

export interface ApiMap extends RentalApi, AdminApi {
  'session.me': { in: Record<string, never>; out: { user: MeView } }
  'reports.categories': { in: Record<string, never>; out: { categories: CategoryView[] } }
  'reports.locate': { in: { lng: number; lat: number }; out: { grid: GridView } }
  /** Grids near a point (or the caller's street), for the in-app point picker. */
  'reports.gridMap': { in: { lng?: number; lat?: number }; out: { grids: GridShape[] } }
  'reports.submit': { in: SubmitReportInput; out: { case: CaseView; replayed: boolean } }
  'reports.mine': { in: { before?: string; limit?: number }; out: { cases: CaseSummary[]; next: string | null } }
  /**
   * 'full' for the reporter (own case, public updates and own rows only) and staff in scope;
   * 'public' for a follower or a neighbour. NOT_FOUND where there is no public view.
   */
  'reports.get': {
    in: { id: string }
    out: { view: 'full'; case: CaseView; timeline: TimelineView[] } | { view: 'public'; case: PublicCaseView }
  }
  /**
   * Public cards of open cases of the same category within 100 m of the point in the last 7 days:
   * at most 5, never sensitive, 找网格员 or hidden ones; 20 calls per 10 minutes per WeChat identity.
   */
  'reports.duplicates': { in: { category: string; lng: number; lat: number }; out: { cases: PublicCaseView[] } }
  /** Follow someone else's case instead of filing a duplicate: its public view. */
  'reports.follow': { in: { id: string }; out: { following: boolean; case: PublicCaseView } }
  /** The reporter confirms the fix (1–5 stars) or reopens it with a reason within 7 days. */
  'reports.confirm': { in: { id: string; version: number; rating: number; comment?: string }; out: { case: CaseView } }
  'reports.reopen': { in: { id: string; version: number; note: string }; out: { case: CaseView } }
  /** Staff queue: a grid worker's grids, a dispatcher's street, a department's cases; SLA order. */
  'cases.queue': { in: QueueFilter & { before?: string; limit?: number }; out: { cases: StaffCaseSummary[]; next: string | null; total: number } }
  'cases.get': { in: { id: string }; out: { case: StaffCaseView; timeline: TimelineView[]; actions: ActionView[] } }
  'cases.act': { in: ActInput; out: { case: StaffCaseView; timeline: TimelineView[]; actions: ActionView[] } }
  'cases.bulkAssign': {
    in: { ids: string[]; assigneeId?: string; department?: string }
    out: { results: Array<{ id: string; ok: boolean; code?: string; message?: string }> }
  }
  /** 代办: a grid worker files for a resident without a phone. */
  'cases.proxySubmit': { in: ProxySubmitInput; out: { case: CaseView; replayed: boolean } }
  'cases.assignees': { in: Record<string, never>; out: { assignees: AssigneeView[] } }
  'cases.stats': { in: QueueFilter; out: { stats: StatsView } }
  /** CSV (UTF-8 with BOM, for Excel) of the filtered queue, at most 10 000 rows. */
  'cases.exportCsv': { in: QueueFilter; out: { filename: string; csv: string; rows: number } }
  /**
   * Reports in the caller's scope (street dispatcher: the street; grid worker: own grids) whose
   * description or photos are still 待审核, newest first. Sensitive, 找网格员 and hidden reports
   * have no public view and are not listed.
   */
  'cases.moderationQueue': { in: { before?: string; limit?: number }; out: { items: ModerationItemView[]; next: string | null } }
  'cases.moderate': { in: ModerateInput; out: { item: ModerationItemView } }
  'inbox.list': { in: { before?: string; limit?: number }; out: { items: InboxItemView[]; next: string | null; unread: number } }
  'inbox.markRead': { in: { ids?: string[]; all?: boolean }; out: { unread: number } }
  /** Subscribe-message template ids to ask consent for, from configuration (empty when none). */
  'inbox.templates': { in: Record<string, never>; out: { templates: { caseStatus: string | null } } }
  /** Records consents the user gave in wx.requestSubscribeMessage (one message each). */
  'inbox.subscribe': { in: { accepted: string[] }; out: { recorded: number } }
  'mediation.options': {
    in: Record<string, never>
    out: {
      disputeTypes: Array<{ code: DisputeTypeCode; label: string }>
      streets: Array<{ code: string; name: string }>
      committees: Array<{ code: string; name: string; disputeTypes: DisputeTypeCode[] }>
      referrals: Array<{ code: ReferralCode; label: string }>
    }
  }
  'mediation.apply': { in: ApplyMediationInput; out: { case: MediationView; replayed: boolean } }
  /** Cases where I am the applicant or a respondent. */
  'mediation.mine': { in: { before?: string; limit?: number }; out: { cases: MediationSummary[]; next: string | null } }
  'mediation.get': { in: { id: string }; out: { case: MediationView; timeline: TimelineView[]; actions: ActionView[] } }
  /** What an invitation shows before it is accepted: the application summary only. */
  'mediation.invitation': {
    in: { invite: string }
    out: { summary: { disputeTypeLabel: string; applicantName: string; facts: string; claims: string; streetName: string; statusLabel: string; createdAt: string } }
  }
  'mediation.join': { in: { invite: string }; out: { case: MediationView } }
  'mediation.act': { in: MediationActInput; out: { case: MediationView; timeline: TimelineView[]; actions: ActionView[] } }
  'mediation.messages': { in: { id: string; after?: string }; out: { messages: MessageView[] } }
  'mediation.send': { in: { id: string; text: string; photos: string[] }; out: { message: MessageView } }
  /** Mediator: own committee's cases (mine = assigned to me); dispatcher: the street's. Deadline order. */
  'mediation.queue': {
    /** `phone`: only cases with a party of that number (a caller phoning the centre). */
    in: { statuses?: string[]; disputeType?: DisputeTypeCode; mine?: boolean; phone?: string; before?: string; limit?: number }
    out: { cases: MediationSummary[]; next: string | null; total: number }
  }
  'mediation.mediators': { in: { committee?: string }; out: { mediators: Array<{ id: string; name: string; committee: string; committeeName: string; openCases: number }> } }
  'mediation.ledger': { in: { from?: string; to?: string }; out: { ledger: LedgerView } }
  'mediation.ledgerCsv': { in: { from?: string; to?: string }; out: { filename: string; csv: string; rows: number } }
  /** Find my grid: by point, or by searching grid/community/street names. */
  'grid.find': { in: { lng?: number; lat?: number; q?: string }; out: { grids: GridView[]; why: string | null } }
  'grid.board': { in: { code: string }; out: { board: BoardView; announcements: AnnouncementView[] } }
  /** Ask to join the grid's WeChat group; open grids admit at once. */
  'grid.join': { in: { code: string; building?: string }; out: { board: BoardView } }
  'grid.leave': { in: { code: string }; out: { board: BoardView } }
  /** Announcements of the grids I joined, newest first; unread emergencies are pinned first. */
  'grid.announcements': { in: { before?: string; limit?: number }; out: { pinned: AnnouncementView[]; items: AnnouncementView[]; next: string | null } }
  'grid.markRead': { in: { id: string }; out: { read: true } }
  /** 找网格员: a question to my grid's worker; it becomes a report case in their queue. */
  'grid.ask': { in: { code: string; idempotencyKey: string; question: string }; out: { caseId: string } }
  /** Grid workers and the street. */
  'grid.saveBoard': {
    in: { code: string; scope: string; households: number; team: Array<{ role: TeamRole; name: string; phone: string | null }>; services: string[]; officeHours: string; joinPolicy: 'open' | 'approval' }
    out: { board: BoardView }
  }
  /** The group QR image (files.upload id); it expires 7 days after upload. */
  'grid.setQr': { in: { code: string; fileId: string }; out: { board: BoardView } }
  'grid.members': { in: { code: string; status?: 'requested' | 'joined' | 'refused' | 'left' }; out: { members: MemberView[] } }
  'grid.decide': { in: { code: string; userId: string; approve: boolean }; out: { member: MemberView } }
  'grid.publish': {
    in: { idempotencyKey: string; type: AnnouncementType; title: string; body: string; target: { kind: 'grids'; codes: string[] } | { kind: 'community'; code: string } | { kind: 'street'; code: string } }
    out: { announcement: AnnouncementView; grids: number }
  }
  'grid.published': { in: { before?: string }; out: { items: AnnouncementView[] } }
  'grid.receipts': { in: { id: string }; out: { receipts: ReceiptView } }
  /** A reminder to those who have not read it, in their inbox. */
  'grid.remindUnread': { in: { id: string }; out: { reminded: number } }
  /** The street's view per grid: members, pending requests, QR status. */
  'grid.overview': { in: { street?: string }; out: { grids: Array<{ code: string; name: string; members: number; pending: number; qrStatus: BoardView['qrStatus']; qrExpiresAt: string | null }> } }
  'files.upload': {
    in: { contentBase64: string; contentType: 'image/jpeg' | 'image/png' | 'image/webp' }
    out: { fileId: string }
  }
  /** Where to upload one photo straight to CloudBase storage, for this caller only, for 10 minutes. */
  'files.ticket': {
    in: { contentType: 'image/jpeg' | 'image/png' | 'image/webp' }
    out: { cloudPath: string; expiresAt: string }
  }
  /** Records a direct upload; the file must sit at a ticket's path of this caller, unused and unexpired. */
  'files.register': {
    in: { cloudFileId: string; contentType: 'image/jpeg' | 'image/png' | 'image/webp'; size: number }
    out: { fileId: string }
  }
}

export type ApiKey = keyof ApiMap
export type ApiIn<K extends ApiKey> = ApiMap[K]['in']
export type ApiOut<K extends ApiKey> = ({ ok: true } & ApiMap[K]['out']) | Failure

export function splitKey(key: ApiKey): { name: string; action: string } {
  const [name, action] = key.split('.') as [string, string]
  return { name, action }
}
