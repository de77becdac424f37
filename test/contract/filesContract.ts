/**
 * The files aggregate every adapter must keep: file metadata, and upload tickets used once, by
 * their owner, before they expire (nothing else marks one used).
 */
import { makeFile, type OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

export function describeFilesContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`File metadata contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)

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

    describe('upload tickets', () => {
      const min = (m: number) => new Date(Date.UTC(2026, 11, 6, 3, m)).toISOString()

      it('is used once, by its owner only, before it expires', async () => {
        await store.putUploadTicket({ pathHash: 'a'.repeat(64), ownerId: 'u1', expiresAt: min(10) })
        expect(await store.useUploadTicket('a'.repeat(64), 'u2', min(1))).toBe(false)
        expect(await store.useUploadTicket('b'.repeat(64), 'u1', min(1))).toBe(false)
        expect(await store.useUploadTicket('a'.repeat(64), 'u1', min(1))).toBe(true)
        expect(await store.useUploadTicket('a'.repeat(64), 'u1', min(2))).toBe(false)
      })

      it('is not used at or after its expiry', async () => {
        await store.putUploadTicket({ pathHash: 'c'.repeat(64), ownerId: 'u1', expiresAt: min(10) })
        expect(await store.useUploadTicket('c'.repeat(64), 'u1', min(10))).toBe(false)
        expect(await store.useUploadTicket('c'.repeat(64), 'u1', min(11))).toBe(false)
      })

      it('lets exactly one of several registrations at once use it', async () => {
        await store.putUploadTicket({ pathHash: 'd'.repeat(64), ownerId: 'u1', expiresAt: min(10) })
        const results = await Promise.all(Array.from({ length: 6 }, () => store.useUploadTicket('d'.repeat(64), 'u1', min(1))))
        expect(results.filter(Boolean)).toHaveLength(1)
      })
    })
  })
}
