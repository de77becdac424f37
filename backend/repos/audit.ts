/** The append-only audit log of reveals and exports: there is no update or delete, here or anywhere. */

export interface AuditEntry {
  id: string
  actorId: string
  actorRole: string
  /** reveal / export of personal data, a search by identity number, an audited read of a case, a person's own account deletion, a key, platform or subscription of 对外接口 added or revoked. */
  action: 'reveal' | 'export' | 'search' | 'read' | 'moderate' | 'erase' | 'integration'
  /** A registration or case id, or a description of an export or search ("rental.exportCsv 440111010"). */
  target: string
  reason: string
  /** The unit whose data was read; audits are listed by unit. */
  unitCode: string
  at: string
}

export interface AuditTx {
  appendAudit(e: AuditEntry): Promise<void>
}

export interface AuditRepo {
  /** One row, inserted alone (atomic by itself: no transaction's start and commit around it on CloudBase). */
  appendAudit(e: AuditEntry): Promise<void>
  /** Newest first within the units; `before` is an entry id from the previous page. */
  listAudit(unitCodes: readonly string[], opts: { before?: string; limit?: number }): Promise<AuditEntry[]>
}
