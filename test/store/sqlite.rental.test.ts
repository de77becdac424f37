import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'

describe('SQLite audit log', () => {
  it('refuses UPDATE and DELETE at the database, whoever connects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jf-audit-'))
    const store = openSqliteStore(dir)
    await store.transaction((tx) => tx.appendAudit({ id: '01JNA00000000000000000000001'.slice(0, 26), actorId: 'p1', actorRole: 'police', action: 'reveal', target: 'r1', reason: '核查', unitCode: 'S1', at: new Date().toISOString() }))
    const raw = new Database(join(dir, DB_FILE_NAME))
    try {
      expect(() => raw.prepare("UPDATE audit_log SET reason = 'x'").run()).toThrow(/append-only/)
      expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
      expect(raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1)
    } finally {
      raw.close()
      await store.close()
    }
  })
})
