import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { describeOnboardingContract } from '../contract/onboardingContract'
import { describeStoreContract } from '../contract/storeContract'

const open = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-store-'))
  const store = openSqliteStore(dir)
  return {
    store,
    cleanup: async () => {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

describeStoreContract('sqlite', open)
describeOnboardingContract('sqlite', open)
