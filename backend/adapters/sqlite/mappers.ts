/**
 * Row <-> core type mapping for the SQLite adapter. JSON columns are parsed and serialised
 * here only, so the store never hands a raw row out.
 */
import type { Case, CaseKind, TimelineEvent } from '../../../src/core/case'
import type { GeoPolygon, OrgLevel, OrgUnit } from '../../../src/core/org'
import type { ActorRole, RoleGrant } from '../../../src/core/roles'
import type { Announcement, FileMeta, GridBoard, InboxItem, Membership, OutboxMessage, User } from '../../ports'

/**
 * Canonical `toISOString()` form. Ordering and range filters compare instants as text, which
 * is only time order when every value has the same shape ('…:00Z' sorts after '…:00.000Z').
 * Throws RangeError on text that is not a date, so a bad instant never reaches the disk.
 */
export function instant(iso: string): string {
  return new Date(iso).toISOString()
}

function instantOrNull(iso: string | null): string | null {
  return iso === null ? null : instant(iso)
}

export interface CaseRow {
  id: string
  kind: string
  status: string
  unit_code: string
  grid_code: string | null
  assignee_id: string | null
  category: string
  payload: string
  creator_id: string
  idempotency_key: string
  created_at: string
  updated_at: string
  sla_deadline: string | null
  version: number
}

export function caseToRow(c: Case): CaseRow {
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    unit_code: c.unitCode,
    grid_code: c.gridCode,
    assignee_id: c.assigneeId,
    category: c.category,
    payload: JSON.stringify(c.payload),
    creator_id: c.creatorId,
    idempotency_key: c.idempotencyKey,
    created_at: instant(c.createdAt),
    updated_at: instant(c.updatedAt),
    sla_deadline: instantOrNull(c.slaDeadline),
    version: c.version,
  }
}

export function rowToCase(r: CaseRow): Case {
  return {
    id: r.id,
    kind: r.kind as CaseKind,
    status: r.status,
    unitCode: r.unit_code,
    gridCode: r.grid_code,
    assigneeId: r.assignee_id,
    category: r.category,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    creatorId: r.creator_id,
    idempotencyKey: r.idempotency_key,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    slaDeadline: r.sla_deadline,
    version: r.version,
  }
}

export interface TimelineRow {
  id: string
  case_id: string
  actor_id: string
  actor_role: string
  action: string
  from_status: string | null
  to_status: string
  note: string | null
  attachments: string
  at: string
  visibility: string
}

export function eventToRow(e: TimelineEvent): TimelineRow {
  return {
    id: e.id,
    case_id: e.caseId,
    actor_id: e.actorId,
    actor_role: e.actorRole,
    action: e.action,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    note: e.note,
    attachments: JSON.stringify(e.attachments),
    at: instant(e.at),
    visibility: e.visibility === 'public' ? 'public' : 'internal',
  }
}

export function rowToEvent(r: TimelineRow): TimelineEvent {
  return {
    id: r.id,
    caseId: r.case_id,
    actorId: r.actor_id,
    actorRole: r.actor_role as ActorRole,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    note: r.note,
    attachments: JSON.parse(r.attachments) as string[],
    at: r.at,
    visibility: r.visibility === 'public' ? 'public' : 'internal',
  }
}

export interface UserRow {
  id: string
  name: string
  phone: string | null
  openid: string | null
  web_uid: string | null
  grants: string
  created_at: string
}

export function userToRow(u: User): UserRow {
  return {
    id: u.id,
    name: u.name,
    phone: u.phone,
    openid: u.openid,
    web_uid: u.webUid ?? null,
    grants: JSON.stringify(u.grants),
    created_at: instant(u.createdAt),
  }
}

export function rowToUser(r: UserRow): User {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    openid: r.openid,
    ...(r.web_uid ? { webUid: r.web_uid } : {}),
    grants: JSON.parse(r.grants) as RoleGrant[],
    createdAt: r.created_at,
  }
}

export interface UnitRow {
  code: string
  name: string
  level: string
  parent_code: string | null
  polygon: string | null
  phone: string | null
}

export function unitToRow(u: OrgUnit): UnitRow {
  return {
    code: u.code,
    name: u.name,
    level: u.level,
    parent_code: u.parentCode,
    polygon: u.polygon === undefined ? null : JSON.stringify(u.polygon),
    phone: u.phone ?? null,
  }
}

/** Optional fields are left out rather than set to undefined, as the seed data writes them. */
export function rowToUnit(r: UnitRow): OrgUnit {
  const u: OrgUnit = { code: r.code, name: r.name, level: r.level as OrgLevel, parentCode: r.parent_code }
  if (r.polygon !== null) u.polygon = JSON.parse(r.polygon) as GeoPolygon
  if (r.phone !== null) u.phone = r.phone
  return u
}

export interface FileRow {
  id: string
  owner_id: string
  content_type: string
  size: number
  storage_key: string
  created_at: string
}

export function fileToRow(f: FileMeta): FileRow {
  return {
    id: f.id,
    owner_id: f.ownerId,
    content_type: f.contentType,
    size: f.size,
    storage_key: f.storageKey,
    created_at: instant(f.createdAt),
  }
}

export function rowToFile(r: FileRow): FileMeta {
  return {
    id: r.id,
    ownerId: r.owner_id,
    contentType: r.content_type as FileMeta['contentType'],
    size: r.size,
    storageKey: r.storage_key,
    createdAt: r.created_at,
  }
}

export interface OutboxRow {
  id: string
  topic: string
  key: string
  payload: string
  created_at: string
  attempts: number
  next_attempt_at: string
  delivered_at: string | null
  last_error: string | null
}

export function messageToRow(m: OutboxMessage): OutboxRow {
  return {
    id: m.id,
    topic: m.topic,
    key: m.key,
    payload: JSON.stringify(m.payload),
    created_at: instant(m.createdAt),
    attempts: m.attempts,
    next_attempt_at: instant(m.nextAttemptAt),
    delivered_at: instantOrNull(m.deliveredAt),
    last_error: m.lastError,
  }
}

export function rowToMessage(r: OutboxRow): OutboxMessage {
  return {
    id: r.id,
    topic: r.topic,
    key: r.key,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    createdAt: r.created_at,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
    lastError: r.last_error,
  }
}

export interface InboxRow {
  id: string
  user_id: string
  case_id: string | null
  title: string
  body: string
  created_at: string
  read_at: string | null
}

export function inboxToRow(i: InboxItem): InboxRow {
  return {
    id: i.id,
    user_id: i.userId,
    case_id: i.caseId,
    title: i.title,
    body: i.body,
    created_at: instant(i.createdAt),
    read_at: instantOrNull(i.readAt),
  }
}

export function rowToInbox(r: InboxRow): InboxItem {
  return {
    id: r.id,
    userId: r.user_id,
    caseId: r.case_id,
    title: r.title,
    body: r.body,
    createdAt: r.created_at,
    readAt: r.read_at,
  }
}

export interface BoardRow {
  grid_code: string
  scope: string
  households: number
  team: string
  services: string
  office_hours: string
  join_policy: string
  qr: string | null
  updated_at: string
}

export function boardToRow(b: GridBoard): BoardRow {
  return {
    grid_code: b.gridCode,
    scope: b.scope,
    households: b.households,
    team: JSON.stringify(b.team.map((t) => ({ role: t.role, name: t.name, phone: t.phone }))),
    services: JSON.stringify(b.services),
    office_hours: b.officeHours,
    join_policy: b.joinPolicy,
    qr:
      b.qr === null
        ? null
        : JSON.stringify({ fileId: b.qr.fileId, uploadedAt: instant(b.qr.uploadedAt), expiresAt: instant(b.qr.expiresAt) }),
    updated_at: instant(b.updatedAt),
  }
}

export function rowToBoard(r: BoardRow): GridBoard {
  return {
    gridCode: r.grid_code,
    scope: r.scope,
    households: r.households,
    team: JSON.parse(r.team) as GridBoard['team'],
    services: JSON.parse(r.services) as string[],
    officeHours: r.office_hours,
    joinPolicy: r.join_policy as GridBoard['joinPolicy'],
    qr: r.qr === null ? null : (JSON.parse(r.qr) as GridBoard['qr']),
    updatedAt: r.updated_at,
  }
}

export interface MembershipRow {
  grid_code: string
  user_id: string
  status: string
  building: string | null
  requested_at: string
  decided_at: string | null
  decided_by: string | null
}

export function membershipToRow(m: Membership): MembershipRow {
  return {
    grid_code: m.gridCode,
    user_id: m.userId,
    status: m.status,
    building: m.building,
    requested_at: instant(m.requestedAt),
    decided_at: instantOrNull(m.decidedAt),
    decided_by: m.decidedBy,
  }
}

export function rowToMembership(r: MembershipRow): Membership {
  return {
    gridCode: r.grid_code,
    userId: r.user_id,
    status: r.status as Membership['status'],
    building: r.building,
    requestedAt: r.requested_at,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
  }
}

export interface AnnouncementRow {
  id: string
  author_id: string
  idempotency_key: string
  type: string
  title: string
  body: string
  grid_codes: string
  scope_label: string
  published_at: string
}

export function announcementToRow(a: Announcement): AnnouncementRow {
  return {
    id: a.id,
    author_id: a.authorId,
    idempotency_key: a.idempotencyKey,
    type: a.type,
    title: a.title,
    body: a.body,
    grid_codes: JSON.stringify(a.gridCodes),
    scope_label: a.scopeLabel,
    published_at: instant(a.publishedAt),
  }
}

export function rowToAnnouncement(r: AnnouncementRow): Announcement {
  return {
    id: r.id,
    authorId: r.author_id,
    idempotencyKey: r.idempotency_key,
    type: r.type as Announcement['type'],
    title: r.title,
    body: r.body,
    gridCodes: JSON.parse(r.grid_codes) as string[],
    scopeLabel: r.scope_label,
    publishedAt: r.published_at,
  }
}
