export { openSqliteStore, DB_FILE_NAME } from './openSqliteStore'
export { SqliteStore, DEFAULT_BUSY_TIMEOUT_MS, type SqliteStoreOptions } from './sqliteStore'
export { MIGRATIONS, applyMigrations, type Migration } from './migrations'
