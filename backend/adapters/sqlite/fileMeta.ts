/** SQLite side of file metadata (the bytes are the FileStore's). */
import type { FileMetaRepo } from '../../ports'
import { FILE_FIELDS } from '../tables'
import { rowMapper, type Row } from './rows'
import type { SqliteAccess } from './statements'

const fileRows = rowMapper(FILE_FIELDS)
const UPSERT_FILE = fileRows.upsertSql('files', ['id'])

export function sqliteFileMeta(db: SqliteAccess): FileMetaRepo {
  return {
    putFileMeta: (f) =>
      db.write('putFileMeta', (s) => {
        s.get(UPSERT_FILE).run(fileRows.toRow(f))
      }),
    getFileMeta: (id) =>
      db.read('getFileMeta', (s) => {
        const row = s.get('SELECT * FROM files WHERE id = ?').get(id) as Row | undefined
        return row ? fileRows.fromRow(row) : null
      }),
  }
}
