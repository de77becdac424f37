/** SQLite side of the audit log: append and list only (triggers of migration 7 refuse UPDATE, DELETE and REPLACE). */
import type { AuditRepo, AuditTx } from '../../ports'
import { AUDIT_FIELDS } from '../tables'
import { rowMapper } from './rows'
import { jsonList, type SqliteAccess, type TxUse } from './statements'

const auditRows = rowMapper(AUDIT_FIELDS)
const INSERT_AUDIT = auditRows.insertSql('audit_log')

export function sqliteAuditTx(use: TxUse): AuditTx {
  return {
    appendAudit: (e) =>
      use((s) => {
        s.get(INSERT_AUDIT).run(auditRows.toRow(e))
      }),
  }
}

export function sqliteAudit(db: SqliteAccess): AuditRepo {
  return {
    appendAudit: (e) =>
      db.write('appendAudit', (s) => {
        s.get(INSERT_AUDIT).run(auditRows.toRow(e))
      }),
    listAudit: (unitCodes, opts = {}) =>
      db.read('listAudit', (s) => {
        if (unitCodes.length === 0) return []
        const limit = Math.min(100, Math.max(1, Math.floor(opts.limit ?? 20) || 20))
        const sql = 'SELECT * FROM audit_log WHERE unit_code IN (SELECT value FROM json_each(?)) AND id < ? ORDER BY id DESC LIMIT ?'
        return auditRows.all(s, sql, jsonList(unitCodes), opts.before ?? '\uffff', limit)
      }),
  }
}
