/** SQLite side of the case aggregate: cases, timeline, idempotency, follows and thread messages. */
import type { Case, TimelineEvent } from '../../../src/core/case'
import type { CaseMessage, CaseQuery, CaseRepo, CaseStats, CaseTx } from '../../ports'
import { byCase } from '../byCase'
import { caseLimit } from '../limits'
import { CASE_FIELDS, EVENT_FIELDS, MESSAGE_FIELDS } from '../tables'
import { andWhere, caseWhere, countSql, listSql, newestAfter, slaAfter, slaKeyOrder, slaMergeSql, slaParts, slaRanges, type SlaCursor, type SlaKey, type SqlPart } from './caseQuery'
import { readCaseStats } from './caseStats'
import { STREET_OF_CASE } from './caseStreets'
import { countedTotal } from './caseTotals'
import { instant, rowMapper, type Row } from './rows'
import { jsonList, type SqliteAccess, type Statements, type TxUse } from './statements'
import { withFields } from '../../../src/core/withFields'

export const caseRows = rowMapper(CASE_FIELDS)
export const eventRows = rowMapper(EVENT_FIELDS)
const messageRows = rowMapper(MESSAGE_FIELDS)

/** For the bench, which writes cases straight into the table. */
export const caseToRow = (c: Case): Row => caseRows.toRow(c)

// Every case write sets its street key from unit_streets in the same statement (caseStreets.ts).
const INSERT_CASE = `INSERT INTO cases (${caseRows.columns.join(', ')}, street_code) VALUES (${caseRows.columns.map((c) => `@${c}`).join(', ')}, ${STREET_OF_CASE})`
const UPDATE_CASE = `UPDATE cases SET ${caseRows.columns
  .filter((c) => c !== 'id')
  .map((c) => `${c} = @${c}`)
  .join(', ')}, street_code = ${STREET_OF_CASE} WHERE id = @id AND version = @expected_version`
const INSERT_EVENT = eventRows.insertSql('timeline')
const INSERT_MESSAGE = messageRows.insertSql('messages')

function getCase(s: Statements, id: string): Case | null {
  return caseRows.one(s, 'SELECT * FROM cases WHERE id = ?', id)
}

export function sqliteCaseTx(use: TxUse): CaseTx {
  return {
    getCase: (id) => use((s) => getCase(s, id)),
    insertCase: (c) =>
      use((s) => {
        s.get(INSERT_CASE).run(caseRows.toRow(c))
      }),
    updateCase: (c, expectedVersion) =>
      use((s) => s.get(UPDATE_CASE).run(withFields(caseRows.toRow(c), { expected_version: expectedVersion })).changes === 1),
    appendEvent: (e: TimelineEvent) =>
      use((s) => {
        s.get(INSERT_EVENT).run(eventRows.toRow(e))
      }),
    // Transactions are serialised (mutex in-process, BEGIN IMMEDIATE across processes), so
    // insert-or-read cannot race with another claim of the same key.
    claimIdempotency: (creatorId, key, caseId) =>
      use((s) => {
        const inserted = s
          .get('INSERT INTO idempotency (creator_id, key, case_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
          .run(creatorId, key, caseId)
        if (inserted.changes === 1) return null
        const row = s.get('SELECT case_id FROM idempotency WHERE creator_id = ? AND key = ?').get(creatorId, key) as { case_id: string }
        return row.case_id
      }),
  }
}

function slaCursor(s: Statements, before: string): SlaCursor | null {
  const row = s.get('SELECT id, sla_deadline FROM cases WHERE id = ?').get(before) as { id: string; sla_deadline: string | null } | undefined
  return row ? { id: row.id, slaDeadline: row.sla_deadline } : null
}

/**
 * A deadline-ordered page merged from index ranges (slaRanges) in one statement per part
 * (slaMergeSql): the dated ranges, then the undated ones only when the dated fall short; only the
 * page's rows are read whole. Deep pages cost the same as the first, the cursor being a bound of
 * each range.
 */
function rangedSlaPage(s: Statements, ranges: CaseQuery[], cursor: SlaCursor | null, limit: number): Case[] {
  const wheres = ranges.map(caseWhere).filter((w): w is SqlPart => w !== null)
  const keys: SlaKey[] = []
  if (wheres.length === 0) return []
  // Dated cases first, then (if the page is not full) those without a deadline.
  for (const part of slaParts(cursor)) {
    if (part.undated && keys.length >= limit) break
    const st = slaMergeSql(wheres, part, limit)
    keys.push(...(s.get(st.sql).all(...st.params) as SlaKey[]))
  }
  const page = keys.slice(0, limit)
  if (page.length === 0) return []
  const rows = caseRows.all(s, 'SELECT * FROM cases WHERE rowid IN (SELECT value FROM json_each(?))', JSON.stringify(page.map((k) => k.r)))
  return rows.sort((a, b) => slaKeyOrder({ s: a.slaDeadline, id: a.id }, { s: b.slaDeadline, id: b.id }))
}

function listCases(s: Statements, q: CaseQuery): Case[] {
  let where: SqlPart | null = caseWhere(q)
  if (where === null) return []
  if (q.order === 'sla') {
    // Cases are never deleted, so an unknown cursor did not come from a previous page.
    const cursor = q.before === undefined ? null : slaCursor(s, q.before)
    if (q.before !== undefined && cursor === null) return []
    const ranges = slaRanges(q)
    if (ranges) return rangedSlaPage(s, ranges, cursor, caseLimit(q.limit))
    if (cursor) where = andWhere(where, slaAfter(cursor))
  } else if (q.before !== undefined) {
    where = andWhere(where, newestAfter(q.before))
  }
  const list = listSql(where, q.order, q.limit)
  return caseRows.all(s, list.sql, ...list.params)
}

export function sqliteCases(db: SqliteAccess): CaseRepo {
  return {
    getCase: (id) => db.read('getCase', (s) => getCase(s, id)),
    listCases: (q) => db.read('listCases', (s) => listCases(s, q)),
    countCases: (q, cap) =>
      db.read('countCases', (s) => {
        const where = caseWhere(q)
        if (where === null) return 0
        const counted = countedTotal(s, q, cap)
        if (counted !== null) return counted
        const count = countSql(where, cap)
        return (s.get(count.sql).get(...count.params) as { n: number }).n
      }),
    timeline: (caseId) =>
      db.read('timeline', (s) => eventRows.all(s, 'SELECT * FROM timeline WHERE case_id = ? ORDER BY seq', caseId)),
    timelines: async (caseIds) =>
      byCase(caseIds.length === 0 ? [] : await db.read('timelines', (s) => eventRows.all(s, 'SELECT * FROM timeline WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY seq', jsonList([...new Set(caseIds)])))),
    findCaseByIdempotency: (creatorId, key) =>
      db.read('findCaseByIdempotency', (s) => caseRows.one(s, 'SELECT * FROM cases WHERE creator_id = ? AND idempotency_key = ?', creatorId, key)),
    claimedCase: (creatorId, key) =>
      db.read('claimedCase', (s) => {
        const row = s.get('SELECT case_id FROM idempotency WHERE creator_id = ? AND key = ?').get(creatorId, key) as { case_id: string } | undefined
        return row?.case_id ?? null
      }),
    caseStats: (q, now, terminalStatuses): Promise<CaseStats> => db.read('caseStats', (s) => readCaseStats(s, q, now, terminalStatuses)),

    async addMessage(m: CaseMessage) {
      const row = messageRows.toRow(m)
      return db.write('addMessage', (s) => {
        s.get(INSERT_MESSAGE).run(row)
      })
    },
    listMessages: (caseId, opts) =>
      db.read('listMessages', (s) =>
        messageRows.all(s, 'SELECT * FROM messages WHERE case_id = ? AND id > ? ORDER BY id LIMIT 500', caseId, opts.after ?? ''),
      ),

    async follow(caseId, userId, at) {
      const followedAt = instant(at)
      // Following again keeps the first time, and so the place in the followers' order.
      return db.write('follow', (s) => {
        s.get('INSERT INTO follows (case_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(caseId, userId, followedAt)
      })
    },
    followers: (caseId) =>
      db.read('followers', (s) =>
        (s.get('SELECT user_id FROM follows WHERE case_id = ? ORDER BY created_at, user_id').all(caseId) as Array<{ user_id: string }>).map((r) => r.user_id),
      ),
    followedBy: (userId) =>
      db.read('followedBy', (s) =>
        (s.get('SELECT case_id FROM follows WHERE user_id = ? ORDER BY created_at DESC, case_id DESC LIMIT 500').all(userId) as Array<{ case_id: string }>).map(
          (r) => r.case_id,
        ),
      ),
    unfollowAll: (userId) => db.write('unfollowAll', (s) => s.get('DELETE FROM follows WHERE user_id = ?').run(userId).changes),
  }
}
