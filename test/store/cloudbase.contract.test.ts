/**
 * The store contracts of every aggregate against a real CloudBase environment. Needs CLOUDBASE_ENV_ID,
 * TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (optionally CLOUDBASE_REGION); writes only
 * to collections named CLOUDBASE_TEST_PREFIX + name (default `jftest_`), which it creates if
 * missing and empties before and after every test. Never point the prefix at `jf_`.
 */
import { initApp } from '../../backend/adapters/cloudbase/wiring'
import { CloudbaseStore, COLLECTIONS } from '../../backend/adapters/cloudbase/store'
import { describeStoreContracts } from '../contract/all'

const env = process.env
const configured = Boolean(env.CLOUDBASE_ENV_ID && env.TENCENTCLOUD_SECRETID && env.TENCENTCLOUD_SECRETKEY)
const prefix = env.CLOUDBASE_TEST_PREFIX || 'jftest_'

if (!configured) {
  describe.skip('Store contract: cloudbase — skipped: set CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY to run against CloudBase', () => {
    it('runs the shared Store contract against a real environment', () => undefined)
  })
} else {
  if (prefix === 'jf_') throw new Error('CLOUDBASE_TEST_PREFIX must not be the production prefix jf_')
  jest.setTimeout(120_000)
  const app = initApp(env)
  const db = app.database()
  let collectionsReady: Promise<void> | undefined

  /** Removes every document of the test collections (the SDK has no drop collection). */
  async function wipe(store: CloudbaseStore): Promise<void> {
    const _ = db.command
    for (const key of COLLECTIONS) {
      await db.collection(store.collections[key]).where({ _id: _.exists(true) }).remove()
    }
  }

  describeStoreContracts('cloudbase (real environment)', async () => {
    const store = new CloudbaseStore(db, { prefix })
    collectionsReady ??= store.ensureCollections()
    await collectionsReady
    await wipe(store)
    return {
      store,
      cleanup: async () => {
        await wipe(store)
        await store.close()
      },
    }
  })
}
