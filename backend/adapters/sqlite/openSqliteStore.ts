import fs from 'node:fs'
import path from 'node:path'
import { SqliteStore, type SqliteStoreOptions } from './sqliteStore'

export const DB_FILE_NAME = 'jiefang.sqlite'

/** The stores of this module's callers that bring no cache of their own (tests, tools). */
const ownStores = new Map<string, SqliteStore>()

/**
 * The store for `<dataDir>/jiefang.sqlite`, created and migrated on first use. Returns the
 * same instance for the same file until it is closed; options apply only when it is opened.
 * `stores` is where open stores are kept: the local server passes its host's (backend/host.ts),
 * since each bundled function has its own copy of this module and all must share one
 * connection and one transaction mutex per file.
 */
export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}, stores: Map<string, SqliteStore> = ownStores): SqliteStore {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  // realpath: two spellings of one directory (symlink, trailing slash) must share the store.
  const file = path.join(fs.realpathSync(dataDir), DB_FILE_NAME)
  const existing = stores.get(file)
  if (existing) return existing
  ownerOnly(path.dirname(file), file)
  const store = SqliteStore.open(file, options, () => {
    if (stores.get(file) === store) stores.delete(file)
  })
  // SQLite gives the WAL and SHM files the database file's mode; older ones are narrowed here.
  for (const f of [file, `${file}-wal`, `${file}-shm`]) chmodIfThere(f, 0o600)
  stores.set(file, store)
  return store
}

/**
 * The database holds residents' reports and phones: readable by the server's user only, like
 * the key files. The file is created 0600 before SQLite opens it, so it is never briefly wider.
 */
function ownerOnly(dir: string, file: string): void {
  chmodIfThere(dir, 0o700)
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_RDWR, 0o600))
  } catch {
    // Not a file that can be opened: SQLite says why (StoreUnavailableError) when it tries.
    return
  }
  fs.chmodSync(file, 0o600)
}

function chmodIfThere(f: string, mode: number): void {
  try {
    fs.chmodSync(f, mode)
  } catch (e) {
    // Missing (no WAL yet), or a directory this user does not own (a shared DATA_DIR): leave it.
    const code = (e as NodeJS.ErrnoException).code
    if (code !== 'ENOENT' && code !== 'EPERM') throw e
  }
}
