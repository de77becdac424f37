/**
 * Every kind of condition query the CloudBase adapters send (get, count, update or remove with
 * a `where`), by the fields it always bounds. A query matches an entry when it bounds at least
 * the entry's fields (it may bound more, e.g. kind or status), or, for a whole-collection walk,
 * when it has no condition and sorts first by the entry's sort key.
 *
 * deploy:check fails when an entry is served by no index of cloudbaserc.json (queryPlan.ts says
 * what "served" means); the test fake refuses any query that matches no entry, so a new query
 * cannot ship without being listed here and indexed. Reads by `_id` (doc(id)) need no entry.
 * The cases collection's entries are in caseQueries.ts, which the case adapters read on their own.
 */
import { CASE_QUERIES, type PlannedQuery } from './caseQueries'
import type { CollectionKey } from './db'

export type { PlannedQuery } from './caseQueries'

const q = (collection: CollectionKey, where: string[], forWhat: string, orderBy?: string[]): PlannedQuery => ({ collection, where, for: forWhat, ...(orderBy ? { orderBy } : {}) })

export const QUERIES: readonly PlannedQuery[] = [
  ...CASE_QUERIES,
  q('timeline', ['caseId'], "a case's timeline"),
  q('users', ['_id'], 'the names on a page (a queue, a timeline) in one read'),
  q('users', ['openid'], 'sign-in by OPENID'),
  q('users', ['webUid'], 'H5 staff sign-in'),
  q('users', ['grantKeys'], 'staff of units by role'),
  q('users', [], 'the user list (admin)', ['_id']),
  q('units', [], 'the org tree', ['_id']),
  q('outbox', ['deliveredAt'], 'the outbox: undelivered messages in order'),
  q('outbox', ['deadAt'], 'dead letters for the administrator'),
  q('outbox', ['_id'], 'which messages of a fan-out page are queued already'),
  q('inbox', ['userId'], "a person's inbox: list, unread count, mark read, erase"),
  q('inbox', ['_id'], 'which items of a fan-out page are written already'),
  q('follows', ['userId'], "a person's follows, unfollow all"),
  q('follows', ['caseId'], "a case's followers"),
  q('subscribe_quota', ['_id'], 'taking one subscribe consent'),
  q('subscribe_quota', ['userId'], "a person's subscribe consents, erase"),
  q('messages', ['caseId'], "a mediation case's messages"),
  q('memberships', ['gridCode'], "a grid's requests and roster, roster counts"),
  q('memberships', ['userId'], "a person's groups"),
  q('announcements', ['_id'], 'announcements of a page of targets'),
  q('announcements', ['authorId'], 'announcements published by a person'),
  q('announcement_targets', ['gridCode'], 'announcements of grids, newest first'),
  q('announcement_targets', ['announcementId'], 'a retried publish counting its targets'),
  q('announcement_reads', ['userId'], 'which announcements a person has read'),
  q('announcement_reads', ['announcementId'], 'who read an announcement'),
  q('invitations', ['codeHash'], 'redeeming an invitation'),
  q('invitations', ['userId'], "a staff member's invitations"),
  q('invitations', [], 'all invitations (admin)', ['_id']),
  q('config_versions', [], 'configuration versions, newest first', ['_id']),
  q('buildings', ['code'], 'a building by its QR code'),
  q('buildings', ['managerId'], "a building manager's buildings"),
  q('buildings', ['gridCode'], 'buildings of grids'),
  q('fire_inspections', ['buildingId'], "a building's fire inspections"),
  q('registration_secrets', ['docHmac'], 'registrations with one identity document'),
  q('audit_log', ['unitCode'], 'audit rows of units'),
  q('upload_tickets', ['_id'], 'using an upload ticket once'),
  q('rate_counters', ['_id'], "a probe's hit counted by one conditional update in the counter's window"),
  q('files', ['_id'], 'the file records of a page of photos in one read'),
  q('integration_partners', ['keyHash'], 'an Open311 call finding its partner by API key'),
  q('integration_partners', ['_id'], 'revoking a partner once'),
  q('integration_partners', ['kind'], 'partners of one kind (admin)'),
  q('integration_partners', [], 'all partners (admin)', ['createdAt']),
  q('webhook_subscriptions', ['_id'], 'revoking a subscription once'),
  q('webhook_subscriptions', [], 'case-event subscriptions (admin, fan-out)', ['createdAt']),
  q('webhook_deliveries', ['target'], "a target's delivery log, newest first"),
]

/** The entry a query on `collection` matches, or null (see the header). */
export function plannedQuery(collection: CollectionKey, where: ReadonlySet<string>, orderBy: readonly string[]): PlannedQuery | null {
  return (
    QUERIES.find((p) => {
      if (p.collection !== collection) return false
      if (p.where.length > 0) return p.where.every((f) => where.has(f))
      return where.size === 0 && p.orderBy !== undefined && p.orderBy[0] === orderBy[0]
    }) ?? null
  )
}
