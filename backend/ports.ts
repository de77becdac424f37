/**
 * Ports between the use cases and the outside world. Each has an embedded adapter (SQLite,
 * local disk, signed local sessions) and a CloudBase one.
 *
 * Storage is split by aggregate (backend/repos/): each repository is a small port with one
 * adapter file per backend (backend/adapters/<sqlite|cloudbase>/<aggregate>.ts). `Store` is
 * their composition and `Tx` the composition of their transactional writes, so one
 * `transaction()` spans aggregates.
 */
import type { AuditRepo, AuditTx } from './repos/audit'
import type { CaseRepo, CaseTx } from './repos/cases'
import type { CounterTx } from './repos/counters'
import type { DutyRosterRepo } from './repos/dutyRosters'
import type { FileMeta, FileMetaRepo } from './repos/files'
import type { GridRepo } from './repos/grid'
import type { IntegrationRepo } from './repos/integrations'
import type { NotificationRepo, NotificationTx } from './repos/notifications'
import type { OnboardingRepo } from './repos/onboarding'
import type { RateLimitRepo, RateLimitTx } from './repos/rateLimits'
import type { RentalRepo, RentalTx } from './repos/rental'
import type { UserRepo } from './repos/users'

export type { AuditEntry, AuditRepo, AuditTx } from './repos/audit'
export type { CaseMessage, CaseQuery, CaseRepo, CaseStats, CaseTx } from './repos/cases'
export type { CounterTx } from './repos/counters'
export type { DutyRoster, DutyRosterRepo, DutyShift } from './repos/dutyRosters'
export type { AudioType, FileMeta, FileMetaRepo, ImageType, UploadTicket } from './repos/files'
export { FILE_EXT } from './repos/files'
export type { Announcement, GridBoard, GridRepo, Membership } from './repos/grid'
export type { DeliveryRecord, DeliveryTarget, IntegrationPartner, IntegrationRepo, PartnerKind, WebhookSubscription } from './repos/integrations'
export type { InboxItem, NotificationRepo, NotificationTx, OutboxMessage } from './repos/notifications'
export { redeemedBy } from './repos/onboarding'
export type { ConfigChange, ConfigVersion, Invitation, OnboardingRepo, RedeemRequest } from './repos/onboarding'
export type { RateLimitRepo, RateLimitTx } from './repos/rateLimits'
export type { Building, FireInspection, RegistrationSecret, RentalRepo, RentalTx } from './repos/rental'
export type { ConsentRecord, User, UserProfile, UserRepo } from './repos/users'

/** Writes that must commit together, whatever aggregates they touch. */
export interface Tx extends CaseTx, NotificationTx, RentalTx, AuditTx, RateLimitTx, CounterTx {}

/** The repositories' reads and single writes, outside a transaction. */
export interface Repos extends CaseRepo, UserRepo, GridRepo, NotificationRepo, RentalRepo, OnboardingRepo, AuditRepo, FileMetaRepo, DutyRosterRepo, IntegrationRepo, RateLimitRepo {}

export interface Store extends Repos {
  readonly name: string
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface FileStore {
  /** Stores bytes and returns the storage key. */
  put(id: string, bytes: Uint8Array, contentType: FileMeta['contentType']): Promise<string>
  get(storageKey: string): Promise<Uint8Array | null>
  /** Deletes the bytes (a client's original once a stripped copy replaced it); a missing file is fine. */
  remove(storageKey: string): Promise<void>
  /**
   * For storage clients upload to directly (CloudBase): the path inside this environment's storage
   * that a client's file id names, or null when it names another environment or is malformed.
   */
  uploadedPath?(fileId: string): string | null
}

/** Who is calling, taken from the platform (CloudBase context) or a verified local session. */
export interface Identity {
  /** The user id behind the call, or null when it carries no valid identity. */
  resolve(context: unknown): Promise<{ userId: string } | { openid: string } | { webUid: string } | null>
}

export interface SubscribeMessage {
  openid: string
  templateId: string
  /** Mini-program page opened from the message. */
  page: string
  data: Record<string, { value: string }>
  /** `miniprogram_state`: the version a tap opens (district configuration). */
  state: 'formal' | 'trial' | 'developer'
}

/**
 * Pushes outside the app (WeChat subscribe messages). Throws `DeliveryRefusedError` (errors.ts) for
 * an answer no retry changes (a refusal, bad data); anything else it throws is retried a few times.
 */
export interface Notifier {
  sendSubscribe(msg: SubscribeMessage): Promise<void>
}

/** The door-access system: one signed webhook per event; throws to have the outbox retry. */
export interface AccessEvent {
  id: string
  type: 'grant' | 'revoke'
  registrationId: string
  buildingCode: string
  room: string
  name: string | null
  validFrom: string
  validUntil: string
  at: string
}

/** One try at the door-access system, as the delivery log records it (adapters/webhook postSigned's result). */
export interface AccessAttempt {
  ok: boolean
  httpStatus: number | null
  durationMs: number
  error: string | null
}

/**
 * Resolves once the door system acknowledged, with the try when the adapter measures one; rejects
 * otherwise — with a `WebhookAttemptError` (errors.ts) carrying the try when a request went out.
 */
/** One signed POST to an outside system, as the delivery log records it. */
export interface PostResult {
  ok: boolean
  httpStatus: number | null
  durationMs: number
  /** Why it failed, short (English, for the outbox's last error; the log shows a Chinese reason). */
  error: string | null
}

/**
 * Signed POSTs to outside systems (case webhooks, 12345 replies): headers x-jiefang-event-id /
 * -timestamp / -signature as the door-access webhook sends them. Never throws: a failure is a result.
 */
export interface OutboundWebhooks {
  post(url: string, secret: Buffer, eventId: string, body: string): Promise<PostResult>
}

export interface AccessControl {
  send(e: AccessEvent): Promise<AccessAttempt | void>
}
