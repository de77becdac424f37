/**
 * The wire contract between the app and the cloud functions: one entry per function action,
 * assembled here from each area's file (report, mediation, grid, rental, admin, session, files,
 * inbox; shapes they share sit in common.ts). Every input is the zod schema's inferred type (the
 * schemas sit beside each area, in `<area>Schemas.ts`, and the functions validate with them); the
 * area files import them type-only, so the mini-program bundle pays nothing for zod. Limits the
 * forms count against are in limits.ts.
 *
 * A call is `callFunction({ name: <function>, data: { action, data } })`; the answer is
 * `{ ok: true, ...out }` or `{ ok: false, code, message }`.
 */
import type { Failure } from '../core/outcome'
import type { AccountApi } from './account'
import type { AdminApi } from './admin'
import type { FilesApi } from './files'
import type { GridApi } from './grid'
import type { HelpApi } from './help'
import type { VoipApi } from './voip'
import type { InboxApi } from './inbox'
import type { IntegrationsApi } from './integrations'
import type { MediationApi } from './mediation'
import type { ProxyApi } from './proxy'
import type { RentalApi } from './rental'
import type { ReportApi } from './report'
import type { SessionApi } from './session'

export type { MeView, RoleView } from './session'
export type { AccountExport, ConsentView, ExportSection, NoticeView, PhoneSource, PrivacyView, ProfileView } from './account'
export type {
  ActionView,
  NoteVisibility,
  PhotoView,
  TimelineView,
} from './common'
export type {
  ActInput,
  AssigneeView,
  CaseSummary,
  CaseView,
  CategoryView,
  GridCount,
  LocationInput,
  ModerateInput,
  ModerationDecision,
  ModerationItemView,
  ModerationPhotoView,
  ModerationStateView,
  ModerationTarget,
  ModerationView,
  ProxySubmitInput,
  PublicCaseView,
  PublicUpdateView,
  QueueFilter,
  StaffCaseSummary,
  StaffCaseView,
  StatsView,
  SubmitReportInput,
} from './report'
export type {
  ApplyMediationInput,
  DisputeTypeCode,
  LedgerView,
  MediationActInput,
  MediationPartyView,
  MediationSummary,
  MediationView,
  MessageView,
  ReferralCode,
} from './mediation'
export type {
  AnnouncementType,
  AnnouncementView,
  BoardView,
  GridShape,
  GridView,
  MemberView,
  ReceiptView,
  TeamMemberView,
  TeamRole,
} from './grid'
export type {
  InboxItemView,
} from './inbox'
export type {
  ConvertHelpInput,
  HelpKindCode,
  HelpLinkView,
  HelpShift,
  HelpStaffSummary,
  HelpSummary,
  HelpView,
  NotifiedView,
  RaiseHelpInput,
  ResponderView,
  RosterEntryView,
  RosterImportPlan,
  RosterView,
  SaveRosterInput,
} from './help'

export interface ApiMap extends SessionApi, AccountApi, ReportApi, InboxApi, MediationApi, GridApi, FilesApi, RentalApi, AdminApi, HelpApi, VoipApi, ProxyApi, IntegrationsApi {}

export type ApiKey = keyof ApiMap
export type ApiIn<K extends ApiKey> = ApiMap[K]['in']
export type ApiOut<K extends ApiKey> = ({ ok: true } & ApiMap[K]['out']) | Failure

export function splitKey(key: ApiKey): { name: string; action: string } {
  const [name, action] = key.split('.') as [string, string]
  return { name, action }
}
