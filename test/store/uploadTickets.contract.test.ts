/**
 * Upload tickets behave alike on both stores: a ticket is used once, by its owner, before it
 * expires; nothing else marks it used.
 */
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import type { Store } from '../../backend/ports'
import { FakeCloudbase } from '../cloudbase/fakeCloudbase'
import { quietSdkRuntime, sdkApp } from '../cloudbase/sdkApp'
import { openTempSqliteStore } from './tempSqlite'

quietSdkRuntime()

const opened: Array<{ name: string; open: () => Promise<{ store: Store; cleanup: () => Promise<void> }> }> = [
  { name: 'sqlite', open: () => openTempSqliteStore('jiefang-tickets-') },
  {
    name: 'cloudbase (real SDK, loopback fake service)',
    open: async () => {
      const fake = new FakeCloudbase()
      await fake.start()
      const store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 2 })
      return { store, cleanup: async () => void (await store.close(), await fake.stop()) }
    },
  },
]

describe.each(opened)('upload tickets on $name', ({ open }) => {
  let store: Store
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    ;({ store, cleanup } = await open())
  })
  afterAll(async () => {
    await cleanup()
  })

  const at = (min: number) => new Date(Date.UTC(2026, 11, 6, 3, min)).toISOString()

  it('is used once, by its owner only, before it expires', async () => {
    await store.putUploadTicket({ pathHash: 'a'.repeat(64), ownerId: 'u1', expiresAt: at(10) })
    expect(await store.useUploadTicket('a'.repeat(64), 'u2', at(1))).toBe(false)
    expect(await store.useUploadTicket('b'.repeat(64), 'u1', at(1))).toBe(false)
    expect(await store.useUploadTicket('a'.repeat(64), 'u1', at(1))).toBe(true)
    expect(await store.useUploadTicket('a'.repeat(64), 'u1', at(2))).toBe(false)
  })

  it('is not used at or after its expiry', async () => {
    await store.putUploadTicket({ pathHash: 'c'.repeat(64), ownerId: 'u1', expiresAt: at(10) })
    expect(await store.useUploadTicket('c'.repeat(64), 'u1', at(10))).toBe(false)
    expect(await store.useUploadTicket('c'.repeat(64), 'u1', at(11))).toBe(false)
  })

  it('lets exactly one of several registrations at once use it', async () => {
    await store.putUploadTicket({ pathHash: 'd'.repeat(64), ownerId: 'u1', expiresAt: at(10) })
    const results = await Promise.all(Array.from({ length: 6 }, () => store.useUploadTicket('d'.repeat(64), 'u1', at(1))))
    expect(results.filter(Boolean)).toHaveLength(1)
  })
})
