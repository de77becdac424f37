/** SQLite side of the case aggregate: cases, timeline, idempotency, follows and thread messages. */
import type { Case, TimelineEvent } from '../../../src/core/case'
import type { CaseMessage, CaseQuery, CaseRepo, CaseStats, CaseTx } from '../../ports'
import { byCase } from '../byCase'
import { CASE_FIELDS, EVENT_FIELDS, MESSAGE_FIELDS } from '../tables'
import { andWhere, caseWhere, countSql, listSql, newestAfter, slaAfter, type SqlPart } from './caseQuery'
import { caseStatsSql, emptyStats, rowsToStats, type StatsRow } from './caseStats'
import { instant, rowMapper, type Row } from './rows'
import { jsonList, type SqliteAccess, type Statements, type TxUse } from './statements'

export const caseRows = rowMapper(CASE_FIELDS)
export const eventRows = rowMapper(EVENT_FIELDS)
const messageRows = rowMapper(MESSAGE_FIELDS)

/** For the bench, which writes cases straight into the table. */
export const caseToRow = (c: Case): Row => caseRows.toRow(c)

const INSERT_CASE = caseRows.insertSql('cases')
const UPDATE_CASE = `UPDATE cases SET ${caseRows.columns
  .filter((c) => c !== 'id')
  .map((c) => `${c} = @${c}`)
  .join(', ')} WHERE id = @id AND version = @expected_version`
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
      use((s) => s.get(UPDATE_CASE).run({ ...caseRows.toRow(c), expected_version: expectedVersion }).changes === 1),
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

function listCases(s: Statements, q: CaseQuery): Case[] {
  let where: SqlPart | null = caseWhere(q)
  if (where === null) return []
  if (q.before !== undefined) {
    if (q.order === 'sla') {
      const cursor = s.get('SELECT id, sla_deadline FROM cases WHERE id = ?').get(q.before) as { id: string; sla_deadline: string | null } | undefined
      // Cases are never deleted, so an unknown cursor did not come from a previous page.
      if (!cursor) return []
      where = andWhere(where, slaAfter({ id: cursor.id, slaDeadline: cursor.sla_deadline }))
    } else {
      where = andWhere(where, newestAfter(q.before))
    }
  }
  const list = listSql(where, q.order, q.limit)
  return caseRows.all(s, list.sql, ...list.params)
}

export function sqliteCases(db: SqliteAccess): CaseRepo {
  return {
    getCase: (id) => db.read('getCase', (s) => getCase(s, id)),
    listCases: (q) => db.read('listCases', (s) => listCases(s, q)),
    countCases: (q) =>
      db.read('countCases', (s) => {
        const where = caseWhere(q)
        if (where === null) return 0
        const count = countSql(where)
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
    caseStats: (q, now, terminalStatuses): Promise<CaseStats> =>
      db.read('caseStats', (s) => {
        const stmt = caseStatsSql(q, now, terminalStatuses)
        if (stmt === null) return emptyStats()
        return rowsToStats(s.get(stmt.sql).all(...stmt.params) as StatsRow[])
      }),

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
