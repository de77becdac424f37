import fs from 'node:fs'
import path from 'node:path'
import { SqliteStore, type SqliteStoreOptions } from './sqliteStore'

export const DB_FILE_NAME = 'jiefang.sqlite'

const MEMO_KEY = Symbol.for('jiefang.sqliteStores')

/**
 * Lives on globalThis, not in this module: several bundled cloud functions run in one local
 * server process, each with its own copy of this module, and must share one connection and
 * one transaction mutex per file (two writers in one process would only meet at SQLite's lock
 * and fail with SQLITE_BUSY under load).
 */
function memo(): Map<string, SqliteStore> {
  const g = globalThis as unknown as Record<symbol, Map<string, SqliteStore> | undefined>
  let m = g[MEMO_KEY]
  if (!m) {
    m = new Map()
    g[MEMO_KEY] = m
  }
  return m
}

/**
 * The store for `<dataDir>/jiefang.sqlite`, created and migrated on first use. Returns the
 * same instance for the same file until it is closed; options apply only when it is opened.
 */
export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): SqliteStore {
  fs.mkdirSync(dataDir, { recursive: true })
  // realpath: two spellings of one directory (symlink, trailing slash) must share the store.
  const file = path.join(fs.realpathSync(dataDir), DB_FILE_NAME)
  const stores = memo()
  const existing = stores.get(file)
  if (existing) return existing
  const store = SqliteStore.open(file, options, () => {
    if (stores.get(file) === store) stores.delete(file)
  })
  stores.set(file, store)
  return store
}
