/**
 * Document <-> core type mapping for the CloudBase adapter. Every document keys on `_id`
 * (the core id); instants are stored as canonical ISO text so string order is time order and
 * range queries work without server dates. Reading picks known fields only, so CloudBase's
 * own fields (`_openid`, …) never reach the core.
 */
import type { Case, CaseKind, TimelineEvent, Visibility } from '../../../src/core/case'
import type { GeoPolygon, OrgLevel, OrgUnit } from '../../../src/core/org'
import type { ActorRole, RoleGrant } from '../../../src/core/roles'
import type { Announcement, FileMeta, GridBoard, InboxItem, Membership, OutboxMessage, User } from '../../ports'

export type Doc = Record<string, unknown>

/** Canonical `toISOString()` form; throws RangeError on text that is not a date. */
export function instant(iso: string): string {
  return new Date(iso).toISOString()
}

function instantOrNull(iso: string | null): string | null {
  return iso === null ? null : instant(iso)
}

export class CorruptDocumentError extends Error {
  constructor(collection: string, id: unknown, field: string) {
    super(`${collection} document ${String(id)}: field "${field}" is missing or has the wrong type`)
    this.name = 'CorruptDocumentError'
  }
}

/**
 * Undoes the SDK's read-side conversion: its formatField turns any object shaped like
 * GeoJSON (`{ type: 'Polygon', coordinates }`, a grid boundary, or a Point in a payload) into
 * its own Geo classes. Their `toJSON()` gives back the same GeoJSON, so documents read here
 * are plain JSON again, equal to what was written.
 */
export function plainJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainJson)
  if (v === null || typeof v !== 'object') return v
  const proto = Object.getPrototypeOf(v) as unknown
  if (proto !== Object.prototype && proto !== null) {
    const toJSON = (v as { toJSON?: unknown }).toJSON
    if (typeof toJSON === 'function') return plainJson(toJSON.call(v))
  }
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) out[k] = plainJson(x)
  return out
}

/** Typed field readers that fail loudly on a document not written by this adapter. */
function reader(collection: string, raw: Doc) {
  const d = plainJson(raw) as Doc
  const bad = (field: string): never => {
    throw new CorruptDocumentError(collection, d._id, field)
  }
  return {
    str(field: string): string {
      const v = d[field]
      return typeof v === 'string' ? v : bad(field)
    },
    strOrNull(field: string): string | null {
      const v = d[field]
      if (v === null || v === undefined) return null
      return typeof v === 'string' ? v : bad(field)
    },
    num(field: string): number {
      const v = d[field]
      return typeof v === 'number' && Number.isFinite(v) ? v : bad(field)
    },
    obj(field: string): Record<string, unknown> {
      const v = d[field]
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : bad(field)
    },
    arr(field: string): unknown[] {
      const v = d[field]
      return Array.isArray(v) ? v : bad(field)
    },
  }
}

/* ---------------------------------------------------------------- cases */

export function caseToDoc(c: Case): Doc {
  return {
    _id: c.id,
    kind: c.kind,
    status: c.status,
    unitCode: c.unitCode,
    gridCode: c.gridCode,
    assigneeId: c.assigneeId,
    category: c.category,
    payload: c.payload,
    creatorId: c.creatorId,
    idempotencyKey: c.idempotencyKey,
    createdAt: instant(c.createdAt),
    updatedAt: instant(c.updatedAt),
    slaDeadline: instantOrNull(c.slaDeadline),
    version: c.version,
  }
}

export function docToCase(d: Doc): Case {
  const r = reader('jf_cases', d)
  return {
    id: r.str('_id'),
    kind: r.str('kind') as CaseKind,
    status: r.str('status'),
    unitCode: r.str('unitCode'),
    gridCode: r.strOrNull('gridCode'),
    assigneeId: r.strOrNull('assigneeId'),
    category: r.str('category'),
    payload: r.obj('payload'),
    creatorId: r.str('creatorId'),
    idempotencyKey: r.str('idempotencyKey'),
    createdAt: r.str('createdAt'),
    updatedAt: r.str('updatedAt'),
    slaDeadline: r.strOrNull('slaDeadline'),
    version: r.num('version'),
  }
}

/* ------------------------------------------------------------- timeline */

/** `seq` keeps append order, as the SQLite adapter's autoincrement does. */
export function eventToDoc(e: TimelineEvent, seq: number): Doc {
  return {
    _id: e.id,
    caseId: e.caseId,
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    attachments: [...e.attachments],
    at: instant(e.at),
    visibility: e.visibility === 'public' ? 'public' : 'internal',
    seq,
  }
}

export function docToEvent(d: Doc): TimelineEvent {
  const r = reader('jf_timeline', d)
  return {
    id: r.str('_id'),
    caseId: r.str('caseId'),
    actorId: r.str('actorId'),
    actorRole: r.str('actorRole') as ActorRole,
    action: r.str('action'),
    fromStatus: r.strOrNull('fromStatus'),
    toStatus: r.str('toStatus'),
    note: r.strOrNull('note'),
    attachments: r.arr('attachments').map(String),
    at: r.str('at'),
    // Documents written before visibility existed carry none: they are internal notes.
    visibility: visibilityOf(r.strOrNull('visibility'), d._id),
  }
}

function visibilityOf(v: string | null, id: unknown): Visibility {
  if (v === null || v === 'internal') return 'internal'
  if (v === 'public') return 'public'
  throw new CorruptDocumentError('jf_timeline', id, 'visibility')
}

/* ---------------------------------------------------------------- users */

export function userToDoc(u: User): Doc {
  return {
    _id: u.id,
    name: u.name,
    phone: u.phone,
    openid: u.openid,
    webUid: u.webUid ?? null,
    grants: u.grants.map((g) => ({ ...g })),
    // Flattened "role@unit" keys: an indexable field for finding staff by unit without elemMatch.
    grantKeys: u.grants.map((g) => grantKey(g.role, g.unitCode)),
    createdAt: instant(u.createdAt),
  }
}

export function grantKey(role: string, unitCode: string): string {
  return `${role}@${unitCode}`
}

export function docToUser(d: Doc): User {
  const r = reader('jf_users', d)
  return {
    id: r.str('_id'),
    name: r.str('name'),
    phone: r.strOrNull('phone'),
    openid: r.strOrNull('openid'),
    ...(typeof d.webUid === 'string' && d.webUid ? { webUid: d.webUid } : {}),
    grants: r.arr('grants') as RoleGrant[],
    createdAt: r.str('createdAt'),
  }
}

/* ---------------------------------------------------------------- units */

export function unitToDoc(u: OrgUnit): Doc {
  return {
    _id: u.code,
    name: u.name,
    level: u.level,
    parentCode: u.parentCode,
    polygon: u.polygon ?? null,
    phone: u.phone ?? null,
  }
}

/** Optional fields are left out rather than set to undefined, as the seed data writes them. */
export function docToUnit(d: Doc): OrgUnit {
  const r = reader('jf_units', d)
  const u: OrgUnit = { code: r.str('_id'), name: r.str('name'), level: r.str('level') as OrgLevel, parentCode: r.strOrNull('parentCode') }
  if (d.polygon !== null && d.polygon !== undefined) u.polygon = r.obj('polygon') as unknown as GeoPolygon
  const phone = r.strOrNull('phone')
  if (phone !== null) u.phone = phone
  return u
}

/* ---------------------------------------------------------------- files */

export function fileToDoc(f: FileMeta): Doc {
  return {
    _id: f.id,
    ownerId: f.ownerId,
    contentType: f.contentType,
    size: f.size,
    storageKey: f.storageKey,
    createdAt: instant(f.createdAt),
  }
}

export function docToFile(d: Doc): FileMeta {
  const r = reader('jf_files', d)
  return {
    id: r.str('_id'),
    ownerId: r.str('ownerId'),
    contentType: r.str('contentType') as FileMeta['contentType'],
    size: r.num('size'),
    storageKey: r.str('storageKey'),
    createdAt: r.str('createdAt'),
  }
}

/* --------------------------------------------------------------- outbox */

/** `seq` breaks ties between messages created in the same millisecond (insertion order). */
export function messageToDoc(m: OutboxMessage, seq: number): Doc {
  return {
    _id: m.id,
    topic: m.topic,
    key: m.key,
    payload: m.payload,
    createdAt: instant(m.createdAt),
    attempts: m.attempts,
    nextAttemptAt: instant(m.nextAttemptAt),
    deliveredAt: instantOrNull(m.deliveredAt),
    lastError: m.lastError,
    seq,
  }
}

export function docToMessage(d: Doc): OutboxMessage {
  const r = reader('jf_outbox', d)
  return {
    id: r.str('_id'),
    topic: r.str('topic'),
    key: r.str('key'),
    payload: r.obj('payload'),
    createdAt: r.str('createdAt'),
    attempts: r.num('attempts'),
    nextAttemptAt: r.str('nextAttemptAt'),
    deliveredAt: r.strOrNull('deliveredAt'),
    lastError: r.strOrNull('lastError'),
  }
}

/* ---------------------------------------------------------------- inbox */

export function inboxToDoc(i: InboxItem): Doc {
  return {
    _id: i.id,
    userId: i.userId,
    caseId: i.caseId,
    title: i.title,
    body: i.body,
    createdAt: instant(i.createdAt),
    readAt: instantOrNull(i.readAt),
  }
}

export function docToInbox(d: Doc): InboxItem {
  const r = reader('jf_inbox', d)
  return {
    id: r.str('_id'),
    userId: r.str('userId'),
    caseId: r.strOrNull('caseId'),
    title: r.str('title'),
    body: r.str('body'),
    createdAt: r.str('createdAt'),
    readAt: r.strOrNull('readAt'),
  }
}

/* ---------------------------------------------------------- idempotency */

export interface IdempotencyClaim {
  creatorId: string
  key: string
  caseId: string
}

export function claimToDoc(id: string, c: IdempotencyClaim): Doc {
  return { _id: id, creatorId: c.creatorId, key: c.key, caseId: c.caseId }
}

export function docToClaim(d: Doc): IdempotencyClaim {
  const r = reader('jf_idempotency', d)
  return { creatorId: r.str('creatorId'), key: r.str('key'), caseId: r.str('caseId') }
}

/* ----------------------------------------------------------- grid boards */

export function boardToDoc(b: GridBoard): Doc {
  return {
    _id: b.gridCode,
    scope: b.scope,
    households: b.households,
    team: b.team.map((t) => ({ role: t.role, name: t.name, phone: t.phone })),
    services: [...b.services],
    officeHours: b.officeHours,
    joinPolicy: b.joinPolicy,
    qr: b.qr === null ? null : { fileId: b.qr.fileId, uploadedAt: instant(b.qr.uploadedAt), expiresAt: instant(b.qr.expiresAt) },
    updatedAt: instant(b.updatedAt),
  }
}

export function docToBoard(d: Doc): GridBoard {
  const r = reader('jf_boards', d)
  const team = r.arr('team').map((x) => {
    const t = reader('jf_boards', x as Doc)
    return { role: t.str('role'), name: t.str('name'), phone: t.strOrNull('phone') }
  })
  let qr: GridBoard['qr'] = null
  if (d.qr !== null && d.qr !== undefined) {
    const q = reader('jf_boards', r.obj('qr'))
    qr = { fileId: q.str('fileId'), uploadedAt: q.str('uploadedAt'), expiresAt: q.str('expiresAt') }
  }
  return {
    gridCode: r.str('_id'),
    scope: r.str('scope'),
    households: r.num('households'),
    team,
    services: r.arr('services').map(String),
    officeHours: r.str('officeHours'),
    joinPolicy: r.str('joinPolicy') as GridBoard['joinPolicy'],
    qr,
    updatedAt: r.str('updatedAt'),
  }
}

/* ----------------------------------------------------------- memberships */

/** `_id` is chosen by the store (a hash of grid and user); the fields carry the identity. */
export function membershipToDoc(id: string, m: Membership): Doc {
  return {
    _id: id,
    gridCode: m.gridCode,
    userId: m.userId,
    status: m.status,
    building: m.building,
    requestedAt: instant(m.requestedAt),
    decidedAt: instantOrNull(m.decidedAt),
    decidedBy: m.decidedBy,
  }
}

export function docToMembership(d: Doc): Membership {
  const r = reader('jf_memberships', d)
  return {
    gridCode: r.str('gridCode'),
    userId: r.str('userId'),
    status: r.str('status') as Membership['status'],
    building: r.strOrNull('building'),
    requestedAt: r.str('requestedAt'),
    decidedAt: r.strOrNull('decidedAt'),
    decidedBy: r.strOrNull('decidedBy'),
  }
}

/* --------------------------------------------------------- announcements */

export function announcementToDoc(a: Announcement): Doc {
  return {
    _id: a.id,
    authorId: a.authorId,
    idempotencyKey: a.idempotencyKey,
    type: a.type,
    title: a.title,
    body: a.body,
    gridCodes: [...a.gridCodes],
    scopeLabel: a.scopeLabel,
    publishedAt: instant(a.publishedAt),
  }
}

export function docToAnnouncement(d: Doc): Announcement {
  const r = reader('jf_announcements', d)
  return {
    id: r.str('_id'),
    authorId: r.str('authorId'),
    idempotencyKey: r.str('idempotencyKey'),
    type: r.str('type') as Announcement['type'],
    title: r.str('title'),
    body: r.str('body'),
    gridCodes: r.arr('gridCodes').map(String),
    scopeLabel: r.str('scopeLabel'),
    publishedAt: r.str('publishedAt'),
  }
}

/** A document without its `_id`: what `doc(id).set()` and `update()` accept. */
export function withoutId(d: Doc): Doc {
  const { _id: _ignored, ...rest } = d
  return rest
}
