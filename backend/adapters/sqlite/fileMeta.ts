/** SQLite side of the files aggregate: file metadata (the bytes are the FileStore's) and upload tickets. */
import type { FileMetaRepo } from '../../ports'
import { FILE_FIELDS } from '../tables'
import { instant, rowMapper } from './rows'
import { jsonList, type SqliteAccess } from './statements'

const fileRows = rowMapper(FILE_FIELDS)
const UPSERT_FILE = fileRows.upsertSql('files', ['id'])

export function sqliteFileMeta(db: SqliteAccess): FileMetaRepo {
  return {
    putFileMeta: (f) =>
      db.write('putFileMeta', (s) => {
        s.get(UPSERT_FILE).run(fileRows.toRow(f))
      }),
    getFileMeta: (id) =>
      db.read('getFileMeta', (s) => fileRows.one(s, 'SELECT * FROM files WHERE id = ?', id)),
    getFileMetas: async (ids) =>
      ids.length === 0 ? [] : db.read('getFileMetas', (s) => fileRows.all(s, 'SELECT * FROM files WHERE id IN (SELECT value FROM json_each(?))', jsonList([...new Set(ids)]))),
    putUploadTicket: (t) =>
      db.write('putUploadTicket', (s) => {
        // Tickets live minutes; those a day past their expiry are dropped as new ones come.
        s.get('DELETE FROM upload_tickets WHERE expires_at < ?').run(new Date(Date.parse(t.expiresAt) - 86_400_000).toISOString())
        s.get('INSERT INTO upload_tickets (path_hash, owner_id, expires_at, used_at) VALUES (?, ?, ?, NULL)').run(t.pathHash, t.ownerId, instant(t.expiresAt))
      }),
    useUploadTicket: (pathHash, ownerId, now) =>
      db.write('useUploadTicket', (s) => {
        const sql = 'UPDATE upload_tickets SET used_at = @now WHERE path_hash = @pathHash AND owner_id = @ownerId AND used_at IS NULL AND expires_at > @now'
        return s.get(sql).run({ now: instant(now), pathHash, ownerId }).changes === 1
      }),
  }
}
