/** What the SQLite aggregate adapters run on: a statement cache, and reads and writes through the store. */
import type Database from 'better-sqlite3'

/** One prepared statement per SQL text. */
export interface Statements {
  get(sql: string): Database.Statement
}

/** Prepared statements are compiled once per connection and SQL text. */
export class StatementCache implements Statements {
  private readonly cache = new Map<string, Database.Statement>()
  constructor(private readonly db: Database.Database) {}
  get(sql: string): Database.Statement {
    let s = this.cache.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.cache.set(sql, s)
    }
    return s
  }
}

/** The store's access paths, handed to each aggregate's repository. */
export interface SqliteAccess {
  /** On the reader connection: the last committed state. */
  read<T>(method: string, fn: (s: Statements) => T): Promise<T>
  /** A write outside `transaction`: serialised, and atomic on its own. */
  write<T>(method: string, fn: (s: Statements) => T): Promise<T>
}

/** Runs `fn` on the writer inside the current transaction; refuses once it has finished. */
export type TxUse = <T>(fn: (s: Statements) => T) => Promise<T>

/** A list bound as one JSON parameter: the SQL text stays the same whatever the list's length. */
export function jsonList(values: readonly string[]): string {
  return JSON.stringify(values)
}
