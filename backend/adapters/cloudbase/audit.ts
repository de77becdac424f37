/** CloudBase side of the audit log: append (insert, so an existing id is never overwritten) and list. */
import type { AuditRepo, AuditTx } from '../../ports'
import { AUDIT_FIELDS } from '../tables'
import { guard } from './cloudbaseErrors'
import { checked, docsOf, type CloudbaseAccess, type Coll } from './db'
import { docMapper } from './docs'

const auditDocs = docMapper('jf_audit_log', AUDIT_FIELDS, 'id')

export function cloudbaseAuditTx(coll: Coll): AuditTx {
  return {
    appendAudit: async (e) => void checked(await guard(() => coll('audit_log').add(auditDocs.toDoc(e)))),
  }
}

export function cloudbaseAudit(c: CloudbaseAccess): AuditRepo {
  return {
    /** One insert is atomic alone: a transaction around it would cost its start and commit as well. */
    appendAudit: async (e) => void checked(await guard(() => c.coll('audit_log').add(auditDocs.toDoc(e)))),
    async listAudit(unitCodes, opts = {}) {
      if (unitCodes.length === 0) return []
      const _ = c.db.command
      const limit = Math.min(100, Math.max(1, Math.floor(opts.limit ?? 20) || 20))
      const where: Record<string, unknown> = { unitCode: _.in([...unitCodes]) }
      if (opts.before !== undefined) where._id = _.lt(opts.before)
      const docs = docsOf(await guard(() => c.coll('audit_log').where(where).orderBy('_id', 'desc').limit(limit).get()))
      return docs.map(auditDocs.fromDoc)
    },
  }
}
