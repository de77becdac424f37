import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { FakeCloudbase } from '../cloudbase/fakeCloudbase'
import { quietSdkRuntime, sdkApp } from '../cloudbase/sdkApp'
import { describeRateLimitContract } from '../contract/rateLimitContract'

quietSdkRuntime()

describeRateLimitContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-rate-'))
  const store = openSqliteStore(dir)
  return {
    store,
    cleanup: async () => {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})

describeRateLimitContract('cloudbase (real SDK, loopback fake service)', async () => {
  const fake = new FakeCloudbase()
  await fake.start()
  // Enough reruns for twelve creates colliding on one counter document.
  const store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 2, transactionAttempts: 30 })
  return {
    store,
    cleanup: async () => {
      await store.close()
      await fake.stop()
    },
  }
})
