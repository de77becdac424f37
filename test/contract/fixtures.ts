/**
 * Shared fixtures of the store contracts (one file per aggregate, <aggregate>Contract.ts):
 * fixed instants, ULID-shaped ids and one maker per stored type.
 */
import type { Case, TimelineEvent } from '../../src/core/case'
import type { Announcement, AuditEntry, FileMeta, GridBoard, InboxItem, Membership, OutboxMessage, Store, User } from '../../backend/ports'

export interface OpenedStore {
  store: Store
  cleanup: () => Promise<void>
}

const T0 = Date.parse('2026-03-01T08:00:00.000Z')

/** Fixed instant `minutes` after the suite's origin, in canonical ISO form. */
export function at(minutes: number): string {
  return new Date(T0 + minutes * 60_000).toISOString()
}

/** ULID-shaped ids that sort in `n` order, as real ULIDs sort by creation time. */
export function caseId(n: number): string {
  return `01JNC0000000000000000${String(n).padStart(5, '0')}`
}

export function makeCase(overrides: Partial<Case> = {}): Case {
  return {
    id: caseId(1),
    kind: 'report',
    status: 'submitted',
    unitCode: 'G1',
    gridCode: 'G1',
    assigneeId: null,
    category: 'road',
    payload: { description: '路灯不亮', photos: [], anonymous: false },
    creatorId: 'u1',
    idempotencyKey: `key-${overrides.id ?? caseId(1)}`,
    createdAt: at(0),
    updatedAt: at(0),
    slaDeadline: null,
    version: 1,
    ...overrides,
  }
}

export function makeEvent(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: 'ev-1',
    caseId: caseId(1),
    actorId: 'u1',
    actorRole: 'resident',
    action: 'submit',
    fromStatus: null,
    toStatus: 'submitted',
    note: null,
    attachments: [],
    at: at(0),
    visibility: 'internal',
    ...overrides,
  }
}

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u1',
    name: '张三',
    phone: null,
    openid: null,
    grants: [],
    createdAt: at(0),
    ...overrides,
  }
}

export function makeMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: 'm1',
    topic: 'case.changed',
    key: caseId(1),
    payload: { caseId: caseId(1) },
    createdAt: at(0),
    attempts: 0,
    nextAttemptAt: at(0),
    deliveredAt: null,
    lastError: null,
    ...overrides,
  }
}

export function makeFile(overrides: Partial<FileMeta> = {}): FileMeta {
  return {
    id: 'f1',
    ownerId: 'u1',
    contentType: 'image/jpeg',
    size: 123_456,
    storageKey: 'uploads/f1.jpg',
    createdAt: at(0),
    ...overrides,
  }
}

/** Inbox ids are '<ULID>-<userId>': time order within a user. */
export function inboxId(n: number, userId: string): string {
  return `${caseId(n)}-${userId}`
}

export function makeInbox(overrides: Partial<InboxItem> = {}): InboxItem {
  const userId = overrides.userId ?? 'u1'
  return {
    id: inboxId(1, userId),
    userId,
    caseId: caseId(1),
    title: '您的上报已受理',
    body: '网格员李网格已受理您上报的“路灯不亮”。',
    createdAt: at(0),
    readAt: null,
    ...overrides,
  }
}

export function makeBoard(overrides: Partial<GridBoard> = {}): GridBoard {
  return {
    gridCode: 'G1',
    scope: '幸福里 1-6 栋',
    households: 420,
    team: [
      { role: '网格长', name: '王网格', phone: '13800000001' },
      { role: '楼栋长', name: '赵楼长', phone: null },
    ],
    services: ['代办证明', '矛盾调解'],
    officeHours: '工作日 9:00-17:00',
    joinPolicy: 'approval',
    qr: null,
    updatedAt: at(0),
    ...overrides,
  }
}

export function makeMembership(overrides: Partial<Membership> = {}): Membership {
  return {
    gridCode: 'G1',
    userId: 'u1',
    status: 'requested',
    building: null,
    requestedAt: at(0),
    decidedAt: null,
    decidedBy: null,
    ...overrides,
  }
}

/** Announcement ids are ULIDs: they sort in `n` order. */
export function announcementId(n: number): string {
  return `01JNA0000000000000000${String(n).padStart(5, '0')}`
}

export function makeAnnouncement(overrides: Partial<Announcement> = {}): Announcement {
  const id = overrides.id ?? announcementId(1)
  return {
    id,
    authorId: 'w1',
    idempotencyKey: `key-${id}`,
    type: 'notice',
    title: '停水通知',
    body: '周六 9:00-12:00 管道检修停水。',
    gridCodes: ['G1'],
    scopeLabel: '幸福里网格',
    publishedAt: at(0),
    ...overrides,
  }
}

export const ids = (cases: Case[]): string[] => cases.map((c) => c.id)
export const byId = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
/** Inserts cases in one transaction. */
export async function insertCases(store: Store, ...cases: Case[]): Promise<void> {
  await store.transaction(async (tx) => {
    for (const c of cases) await tx.insertCase(c)
  })
}


export function makeAudit(n: number, o: Partial<AuditEntry> = {}): AuditEntry {
  return { id: `01JNA0000000000000000${String(n).padStart(5, '0')}`, actorId: 'p1', actorRole: 'police', action: 'reveal', target: caseId(1), reason: '核查', unitCode: 'S1', at: at(n), ...o }
}
