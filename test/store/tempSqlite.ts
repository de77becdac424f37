import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import type { OpenedStore } from '../contract/fixtures'

/** A SQLite store in a new temporary directory, removed again by its cleanup. */
export async function openTempSqliteStore(prefix = 'jiefang-store-'): Promise<OpenedStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  const store = openSqliteStore(dir)
  return {
    store,
    cleanup: async () => {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
