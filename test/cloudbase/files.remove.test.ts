/** CloudbaseFileStore.remove on the wire (real SDK, loopback fake): deletes, tolerates a missing file, maps outages. */
import { CloudbaseFileStore } from '../../backend/adapters/cloudbase/files'
import { StoreUnavailableError } from '../../backend/errors'
import { FakeCloudbase } from './fakeCloudbase'
import { quietSdkRuntime, sdkApp } from './sdkApp'

quietSdkRuntime()

let fake: FakeCloudbase
let app: ReturnType<typeof sdkApp>
beforeAll(async () => {
  fake = new FakeCloudbase()
  await fake.start()
  app = sdkApp(fake, 1500)
})
afterAll(async () => {
  await fake.stop()
})

it('deletes an uploaded file, and a second delete of it is not an error', async () => {
  const files = new CloudbaseFileStore(app)
  const key = await files.put('01JNCREMOVE01', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg')
  expect(await files.get(key)).not.toBeNull()
  await files.remove(key)
  expect(fake.calls('storage.batchDeleteFile').at(-1)!.body.fileid_list).toEqual([key])
  expect(fake.files.has('jiefang/files/01/01JNCREMOVE01.jpg')).toBe(false)
  await expect(files.remove(key)).resolves.toBeUndefined()
})

it('ignores keys that are not CloudBase file ids, and turns outages into StoreUnavailableError', async () => {
  const files = new CloudbaseFileStore(app)
  const before = fake.requests.length
  await files.remove('../../etc/passwd')
  expect(fake.requests.length).toBe(before)
  fake.inject('storage.batchDeleteFile', { status: 500 })
  await expect(files.remove('cloud://test-env.bucket/x.jpg')).rejects.toBeInstanceOf(StoreUnavailableError)
})
