/** The named-sequence contract (case and agreement numbers) on SQLite and on CloudBase through the real SDK and the loopback fake. */
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { FakeCloudbase } from '../cloudbase/fakeCloudbase'
import { quietSdkRuntime, sdkApp } from '../cloudbase/sdkApp'
import { describeCountersContract } from '../contract/countersContract'
import { openTempSqliteStore } from './tempSqlite'

quietSdkRuntime()

describeCountersContract('sqlite', () => openTempSqliteStore('jiefang-counters-'))

describeCountersContract('cloudbase (real SDK, loopback fake service)', async () => {
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
