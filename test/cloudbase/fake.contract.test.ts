/**
 * The store contracts of every aggregate, run through the real @cloudbase/node-sdk against the loopback
 * fake: checks the adapter's queries, orderings and transaction use end to end on the wire.
 * The fake models CloudBase; test/store/cloudbase.contract.test.ts runs the same suite
 * against a real environment when credentials are given.
 */
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { describeStoreContracts } from '../contract/all'
import { FakeCloudbase } from './fakeCloudbase'
import { sdkApp, quietSdkRuntime } from './sdkApp'

quietSdkRuntime()

const open = async () => {
  const fake = new FakeCloudbase()
  await fake.start()
  const store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 5 })
  return {
    store,
    cleanup: async () => {
      await store.close()
      await fake.stop()
    },
  }
}

describeStoreContracts('cloudbase (real SDK, loopback fake service)', open)
