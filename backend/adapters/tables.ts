/**
 * The field table of every stored type, shared by the SQLite and CloudBase mappers
 * (fieldTable.ts says what a kind means). Order is the column order of generated SQL.
 */
import type { Case, TimelineEvent } from '../../src/core/case'
import type { OrgUnit } from '../../src/core/org'
import type { AnnouncementHead } from '../repos/grid'
import type {
  Announcement,
  AuditEntry,
  Building,
  CaseMessage,
  ConfigVersion,
  DutyRoster,
  FileMeta,
  FireInspection,
  GridBoard,
  InboxItem,
  Invitation,
  Membership,
  OutboxMessage,
  RegistrationSecret,
  User,
} from '../ports'
import { instant, type FieldTable } from './fieldTable'

const text = 'text' as const
const textOrNull = { kind: 'text', nullable: true } as const
const at = 'instant' as const
const atOrNull = { kind: 'instant', nullable: true } as const

export const CASE_FIELDS: FieldTable<Case> = [
  { field: 'id', kind: text },
  { field: 'kind', kind: text },
  { field: 'status', kind: text },
  { field: 'unitCode', kind: text },
  { field: 'gridCode', ...textOrNull },
  { field: 'assigneeId', ...textOrNull },
  { field: 'category', kind: text },
  { field: 'payload', kind: 'object' },
  { field: 'creatorId', kind: text },
  { field: 'idempotencyKey', kind: text },
  { field: 'createdAt', kind: at },
  { field: 'updatedAt', kind: at },
  { field: 'slaDeadline', ...atOrNull },
  { field: 'version', kind: 'int' },
  // The number people read (京溪-2026-00042): given at create; stored cases are numbered by a migration.
  { field: 'number', ...textOrNull, optional: 'null', default: null },
]

export const EVENT_FIELDS: FieldTable<TimelineEvent> = [
  { field: 'id', kind: text },
  { field: 'caseId', kind: text },
  { field: 'actorId', kind: text },
  { field: 'actorRole', kind: text },
  { field: 'action', kind: text },
  { field: 'fromStatus', ...textOrNull },
  { field: 'toStatus', kind: text },
  { field: 'note', ...textOrNull },
  { field: 'attachments', kind: 'strings' },
  { field: 'at', kind: at },
  // Rows and documents written before note visibility existed are internal notes.
  { field: 'visibility', kind: text, values: ['public', 'internal'], default: 'internal' },
]

export const MESSAGE_FIELDS: FieldTable<CaseMessage> = [
  { field: 'id', kind: text },
  { field: 'caseId', kind: text },
  { field: 'authorId', kind: text },
  { field: 'authorRole', kind: text },
  { field: 'text', kind: text },
  { field: 'photos', kind: 'strings', default: () => [] },
  { field: 'at', kind: at },
]

export const USER_FIELDS: FieldTable<User> = [
  { field: 'id', kind: text },
  { field: 'name', kind: text },
  { field: 'phone', ...textOrNull },
  { field: 'openid', ...textOrNull },
  { field: 'webUid', ...textOrNull, optional: 'empty', default: null },
  { field: 'grants', kind: 'array', encode: (gs: User['grants']) => gs.map((g) => ({ ...g })) },
  { field: 'createdAt', kind: at },
  // Rows and documents from before 我的 have no profile and were never deleted.
  { field: 'profile', kind: 'object', nullable: true, optional: 'null', default: null, encode: profileOnly },
  { field: 'deletedAt', ...atOrNull, optional: 'null', default: null },
]

/** The profile's known keys only, so nothing a caller slipped into the object is ever stored. */
function profileOnly(p: NonNullable<User['profile']>): NonNullable<User['profile']> {
  return {
    nicknameSet: p.nicknameSet === true,
    avatarFileId: p.avatarFileId ?? null,
    phoneSealed: p.phoneSealed ?? null,
    phoneSource: p.phoneSource ?? null,
    consents: (p.consents ?? []).map((c) => ({ key: c.key, version: c.version, at: instant(c.at) })),
  }
}

export const UNIT_FIELDS: FieldTable<OrgUnit> = [
  { field: 'code', kind: text },
  { field: 'name', kind: text },
  { field: 'level', kind: text },
  { field: 'parentCode', ...textOrNull },
  { field: 'polygon', kind: 'object', nullable: true, optional: 'null', default: null },
  { field: 'phone', ...textOrNull, optional: 'null', default: null },
  { field: 'shortName', ...textOrNull, optional: 'null', default: null },
]

export const FILE_FIELDS: FieldTable<FileMeta> = [
  { field: 'id', kind: text },
  { field: 'ownerId', kind: text },
  { field: 'contentType', kind: text },
  { field: 'size', kind: 'num' },
  { field: 'storageKey', kind: text },
  { field: 'createdAt', kind: at },
]

export const OUTBOX_FIELDS: FieldTable<OutboxMessage> = [
  { field: 'id', kind: text },
  { field: 'topic', kind: text },
  { field: 'key', kind: text },
  { field: 'payload', kind: 'object' },
  { field: 'createdAt', kind: at },
  { field: 'attempts', kind: 'num' },
  { field: 'nextAttemptAt', kind: at },
  { field: 'deliveredAt', ...atOrNull },
  { field: 'lastError', ...textOrNull },
  { field: 'deadAt', ...atOrNull, optional: 'null', default: null },
]

export const INBOX_FIELDS: FieldTable<InboxItem> = [
  { field: 'id', kind: text },
  { field: 'userId', kind: text },
  { field: 'caseId', ...textOrNull },
  { field: 'page', ...textOrNull, optional: 'null', default: null },
  { field: 'title', kind: text },
  { field: 'body', kind: text },
  { field: 'createdAt', kind: at },
  { field: 'readAt', ...atOrNull },
]

export const BOARD_FIELDS: FieldTable<GridBoard> = [
  { field: 'gridCode', kind: text },
  { field: 'scope', kind: text },
  { field: 'households', kind: 'num' },
  { field: 'team', kind: 'array', encode: (team: GridBoard['team']) => team.map((t) => ({ role: t.role, name: t.name, phone: t.phone })) },
  { field: 'services', kind: 'strings' },
  { field: 'officeHours', kind: text },
  { field: 'joinPolicy', kind: text },
  {
    field: 'qr',
    kind: 'object',
    nullable: true,
    encode: (qr: NonNullable<GridBoard['qr']>) => ({ fileId: qr.fileId, uploadedAt: instant(qr.uploadedAt), expiresAt: instant(qr.expiresAt) }),
  },
  { field: 'updatedAt', kind: at },
]

export const MEMBERSHIP_FIELDS: FieldTable<Membership> = [
  { field: 'gridCode', kind: text },
  { field: 'userId', kind: text },
  { field: 'status', kind: text },
  { field: 'building', ...textOrNull },
  { field: 'requestedAt', kind: at },
  { field: 'decidedAt', ...atOrNull },
  { field: 'decidedBy', ...textOrNull },
]

/** What a list of announcements reads (AnnouncementHead): every field but the target grids. */
export const ANNOUNCEMENT_HEAD_FIELDS: FieldTable<AnnouncementHead> = [
  { field: 'id', kind: text },
  { field: 'authorId', kind: text },
  { field: 'idempotencyKey', kind: text },
  { field: 'type', kind: text },
  { field: 'title', kind: text },
  { field: 'body', kind: text },
  { field: 'scopeLabel', kind: text },
  { field: 'publishedAt', kind: at },
]

export const ANNOUNCEMENT_FIELDS: FieldTable<Announcement> = [...ANNOUNCEMENT_HEAD_FIELDS, { field: 'gridCodes', kind: 'strings' }]

export const BUILDING_FIELDS: FieldTable<Building> = [
  { field: 'id', kind: text },
  { field: 'code', kind: text },
  { field: 'name', kind: text },
  { field: 'address', kind: text },
  { field: 'location', kind: 'point' },
  { field: 'gridCode', kind: text },
  { field: 'floors', kind: 'num' },
  { field: 'rooms', kind: 'strings', default: () => [] },
  { field: 'managerId', kind: text },
  { field: 'creatorId', kind: text },
  { field: 'idempotencyKey', kind: text },
  { field: 'createdAt', kind: at },
  { field: 'lastInspectionAt', ...atOrNull, default: null },
]

export const INSPECTION_FIELDS: FieldTable<FireInspection> = [
  { field: 'id', kind: text },
  { field: 'buildingId', kind: text },
  { field: 'inspectorId', kind: text },
  { field: 'idempotencyKey', kind: text },
  { field: 'at', kind: at },
  {
    field: 'items',
    kind: 'array',
    default: () => [],
    encode: (items: FireInspection['items']) => items.map((x) => ({ code: x.code, passed: x.passed, note: x.note })),
  },
  { field: 'photos', kind: 'strings', default: () => [] },
  { field: 'caseIds', kind: 'strings', default: () => [] },
]

export const SECRET_FIELDS: FieldTable<RegistrationSecret> = [
  { field: 'caseId', kind: text },
  { field: 'buildingId', kind: text },
  { field: 'docCipher', ...textOrNull, default: null },
  { field: 'phoneCipher', ...textOrNull, default: null },
  { field: 'docHmac', ...textOrNull, default: null },
  { field: 'purgedAt', ...atOrNull, default: null },
]

export const AUDIT_FIELDS: FieldTable<AuditEntry> = [
  { field: 'id', kind: text },
  { field: 'actorId', kind: text },
  { field: 'actorRole', kind: text },
  { field: 'action', kind: text },
  { field: 'target', kind: text },
  { field: 'reason', kind: text },
  { field: 'unitCode', kind: text },
  { field: 'at', kind: at },
]

export const INVITATION_FIELDS: FieldTable<Invitation> = [
  { field: 'id', kind: text },
  { field: 'codeHash', kind: text },
  { field: 'userId', kind: text },
  { field: 'createdBy', kind: text },
  { field: 'createdAt', kind: at },
  { field: 'expiresAt', kind: at },
  { field: 'usedAt', ...atOrNull, default: null },
  { field: 'usedBy', ...textOrNull, default: null },
  { field: 'revokedAt', ...atOrNull, default: null },
]

export const CONFIG_VERSION_FIELDS: FieldTable<ConfigVersion> = [
  { field: 'version', kind: 'int' },
  { field: 'config', kind: 'jsonText' },
  { field: 'changes', kind: 'jsonText' },
  { field: 'authorId', kind: text },
  { field: 'at', kind: at },
]

export const DUTY_ROSTER_FIELDS: FieldTable<DutyRoster> = [
  { field: 'communityCode', kind: text },
  {
    field: 'entries',
    kind: 'array',
    // Known keys only: nothing a caller slipped into an entry is stored.
    encode: (entries: DutyRoster['entries']) =>
      entries.map((e) => ({ userId: e.userId, shifts: e.shifts.map((s) => ({ days: [...s.days], from: s.from, to: s.to })) })),
  },
  { field: 'updatedAt', kind: at },
  { field: 'updatedBy', kind: text },
]
