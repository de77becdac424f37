import { isRetryableSqliteError, mapSqliteError } from '../../backend/adapters/sqlite/sqliteErrors'
import { StoreUnavailableError } from '../../backend/errors'

function sqliteError(code: string): Error & { code: string } {
  return Object.assign(new Error(`failure ${code}`), { code })
}

describe('SQLite error mapping', () => {
  it.each([
    'SQLITE_BUSY',
    'SQLITE_BUSY_SNAPSHOT',
    'SQLITE_BUSY_TIMEOUT',
    'SQLITE_FULL',
    'SQLITE_IOERR',
    'SQLITE_IOERR_WRITE',
    'SQLITE_IOERR_FSYNC',
    'SQLITE_READONLY',
    'SQLITE_READONLY_DBMOVED',
    'SQLITE_CANTOPEN',
  ])('maps %s to a retryable StoreUnavailableError keeping code and cause', (code) => {
    const original = sqliteError(code)
    const mapped = mapSqliteError(original)
    expect(mapped).toBeInstanceOf(StoreUnavailableError)
    expect(mapped).toMatchObject({ code, cause: original, name: 'StoreUnavailableError' })
    expect((mapped as Error).message).toContain(code)
  })

  it.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_FOREIGNKEY', 'SQLITE_ERROR', 'SQLITE_MISMATCH', 'SQLITE_FULLTEXT', 'SQLITE_BUSYX'])(
    'lets %s through unchanged',
    (code) => {
      const original = sqliteError(code)
      expect(isRetryableSqliteError(original)).toBe(false)
      expect(mapSqliteError(original)).toBe(original)
    },
  )

  it('lets non-SQLite errors through unchanged and does not wrap twice', () => {
    const plain = new TypeError('bug')
    expect(mapSqliteError(plain)).toBe(plain)
    const fsError = Object.assign(new Error('no space'), { code: 'ENOSPC' })
    expect(mapSqliteError(fsError)).toBe(fsError)
    const already = new StoreUnavailableError('busy', 'SQLITE_BUSY')
    expect(mapSqliteError(already)).toBe(already)
  })
})
