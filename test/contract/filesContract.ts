/**
 * File metadata every adapter must keep.
 */
import type { Store } from '../../backend/ports'
import { makeFile, type OpenedStore } from './fixtures'
import { openStoreForEachTest } from './openEach'

export function describeFilesContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`File metadata contract: ${adapterName}`, () => {
    let store: Store
    openStoreForEachTest(open, (s) => (store = s))
  describe('files', () => {
    it('stores and reads file metadata', async () => {
      const f = makeFile()
      const g = makeFile({ id: 'f2', contentType: 'image/webp', size: 1, storageKey: 'cloud://env/f2.webp', ownerId: 'u2' })
      await store.putFileMeta(f)
      await store.putFileMeta(g)
      expect(await store.getFileMeta('f1')).toEqual(f)
      expect(await store.getFileMeta('f2')).toEqual(g)
      expect(await store.getFileMeta('f3')).toBeNull()
    })
  })

  })
}
