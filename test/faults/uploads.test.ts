/**
 * Uploads: the type comes from the magic bytes, not the name or the claim; the 5 MB limit holds;
 * metadata (EXIF GPS, XMP, IPTC, comments, PNG text/eXIf/tIME, WebP EXIF/XMP) is stripped while
 * the image data and colour information stay, and the photo stays a valid image — through the
 * pure module and through the deployed files function (and a group QR through grid.setQr).
 */
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { loadOrCreateSecret } from '../../backend/adapters/local/secret'
import { LocalSessions } from '../../backend/adapters/local/session'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import { createHost } from '../../backend/host'
import { loadBundle } from '../support/bundles'
import type { Store } from '../../backend/ports'
import { seedDemo } from '../../backend/seed/seed'
import type { Deps } from '../../backend/runtime'
import { MAX_PHOTO_BYTES } from '../../backend/usecases/files/photo'
import { register } from '../../backend/usecases/files/register'
import { ticket } from '../../backend/usecases/files/ticket'
import { exifOrientation, MalformedImage, stripImageMetadata } from '../../backend/usecases/shared/imageMetadata'
import { recordFaults } from '../support/faultReport'
import { GRID1_CODE, TINY_JPEG } from '../support/fixtures'
import { ICC_BODY, jpegMarkers, jpegWithMetadata, PERSONAL, PNG_PIXELS, pngChunks, pngWithMetadata, TINY_WEBP_VP8L, webpChunks, webpWithMetadata } from '../support/images'

const carriesPersonal = (b: Uint8Array) => PERSONAL.filter((p) => Buffer.from(b).includes(Buffer.from(p, 'utf8')))

describe('stripImageMetadata (pure)', () => {
  it('JPEG: drops EXIF/XMP/IPTC/COM, keeps JFIF and ICC, rewrites only the orientation, leaves the image data as it was', () => {
    const { bytes, original } = jpegWithMetadata(6)
    expect(carriesPersonal(bytes).length).toBeGreaterThan(0)
    const out = Buffer.from(stripImageMetadata(bytes, 'image/jpeg'))
    expect(carriesPersonal(out)).toEqual([])
    const markers = jpegMarkers(out)
    expect(markers[0]!.marker).toBe(0xe0)
    const exif = markers.filter((m) => m.marker === 0xe1)
    expect(exif).toHaveLength(1)
    expect(exif[0]!.body.subarray(0, 6).toString('latin1')).toBe('Exif\0\0')
    expect(exifOrientation(exif[0]!.body.subarray(6))).toBe(6)
    expect(exif[0]!.body.length).toBe(32)
    expect(markers.filter((m) => m.marker === 0xe2).map((m) => m.body)).toEqual([ICC_BODY])
    expect(markers.some((m) => m.marker === 0xed || m.marker === 0xfe)).toBe(false)
    // Everything from the first non-APP segment on is byte-identical to the camera's image.
    const app0End = 4 + ((original[4]! << 8) | original[5]!)
    expect(out.subarray(out.length - (original.length - app0End)).equals(original.subarray(app0End))).toBe(true)
  })

  it('JPEG: an upright photo loses its EXIF entirely; one without metadata comes back unchanged', () => {
    const out = Buffer.from(stripImageMetadata(jpegWithMetadata(1).bytes, 'image/jpeg'))
    expect(jpegMarkers(out).some((m) => m.marker === 0xe1)).toBe(false)
    expect(Buffer.from(stripImageMetadata(TINY_JPEG, 'image/jpeg')).equals(TINY_JPEG)).toBe(true)
  })

  it('PNG: drops tEXt/zTXt/iTXt/eXIf/tIME, keeps the rest with valid CRCs and the same pixels', () => {
    const out = Buffer.from(stripImageMetadata(pngWithMetadata(), 'image/png'))
    expect(carriesPersonal(out)).toEqual([])
    const chunks = pngChunks(out)
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'gAMA', 'pHYs', 'IDAT', 'IEND'])
    expect(inflateSync(chunks.find((c) => c.type === 'IDAT')!.data).equals(PNG_PIXELS)).toBe(true)
  })

  it('WebP: drops EXIF and XMP chunks, clears their VP8X flags, fixes the RIFF size, keeps the bitstream', () => {
    const out = Buffer.from(stripImageMetadata(webpWithMetadata(), 'image/webp'))
    expect(carriesPersonal(out)).toEqual([])
    const chunks = webpChunks(out)
    expect(chunks.map((c) => c.fourcc)).toEqual(['VP8X', 'VP8L'])
    expect(chunks[0]!.data[0]! & 0x0c).toBe(0)
    expect(chunks[1]!.data.equals(webpChunks(TINY_WEBP_VP8L)[0]!.data)).toBe(true)
    expect(Buffer.from(stripImageMetadata(TINY_WEBP_VP8L, 'image/webp')).equals(TINY_WEBP_VP8L)).toBe(true)
  })

  it.each([
    ['JPEG cut inside a segment', () => jpegWithMetadata().bytes.subarray(0, 40), 'image/jpeg'],
    ['JPEG without a scan', () => Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'image/jpeg'],
    ['PNG without IEND', () => pngWithMetadata().subarray(0, 60), 'image/png'],
    ['WebP whose chunk overruns the file', () => Buffer.concat([TINY_WEBP_VP8L.subarray(0, 16), Buffer.from([0xff, 0xff, 0, 0])]), 'image/webp'],
  ] as const)('refuses a broken container: %s', (_name, make, type) => {
    expect(() => stripImageMetadata(make(), type)).toThrow(MalformedImage)
  })
})

describe('files.upload and grid.setQr (deployed bundles)', () => {
  type Main = (event: unknown, context: unknown) => Promise<any>
  let store: Store
  let dataDir: string
  let files: Main, grid: Main
  let resident: unknown, worker: unknown

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jf-upload-'))
    process.env.DATA_DIR = dataDir
    process.env.JIEFANG_MODE = 'local'
    const host = createHost()
    store = openSqliteStore(dataDir, {}, host.sqliteStores)
    await seedDemo(store)
    const sessions = new LocalSessions(loadOrCreateSecret(dataDir))
    resident = { jiefangLocal: { authorization: `Bearer ${sessions.issue('demo-resident')}` } }
    worker = { jiefangLocal: { authorization: `Bearer ${sessions.issue('demo-grid-worker')}` } }
    files = loadBundle('files', host)
    grid = loadBundle('grid', host)
  })
  afterAll(async () => {
    await store?.close()
  })

  const upload = (bytes: Buffer, contentType: string, who = resident) => files({ action: 'upload', data: { contentBase64: bytes.toString('base64'), contentType } }, who)
  /** Rows of the files table and files on disk. */
  function storedFiles(): { rows: number; onDisk: number } {
    const db = new Database(join(dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true })
    const rows = db.prepare('SELECT count(*) FROM files').pluck().get() as number
    db.close()
    const dir = join(dataDir, 'files')
    const onDisk = existsSync(dir) ? readdirSync(dir, { recursive: true }).length : 0
    return { rows, onDisk }
  }
  async function storedBytes(fileId: string): Promise<Buffer> {
    const meta = await store.getFileMeta(fileId)
    return readFileSync(join(dataDir, 'files', meta!.storageKey))
  }

  it.each([
    ['image/jpeg', () => jpegWithMetadata().bytes],
    ['image/png', pngWithMetadata],
    ['image/webp', webpWithMetadata],
  ] as const)('%s: the stored photo carries none of the metadata and its size is the stripped size', async (type, make) => {
    const r = await upload(make(), type)
    expect(r).toMatchObject({ ok: true, fileId: expect.any(String) })
    const stored = await storedBytes(r.fileId)
    expect(carriesPersonal(stored)).toEqual([])
    expect((await store.getFileMeta(r.fileId))!.size).toBe(stored.length)
    recordFaults({ name: `upload ${type} with camera metadata`, injected: 1, survived: 1, note: 'stored stripped' })
  })

  it.each([
    ['a PNG declared as JPEG', pngWithMetadata(), 'image/jpeg', '照片格式与声明不符'],
    ['HTML declared as JPEG', Buffer.from('<html><script>alert(1)</script></html>'), 'image/jpeg', '只支持 JPG、PNG、WebP 格式的照片'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 'image/png', '只支持 JPG、PNG、WebP 格式的照片'],
    ['a JPEG over 5 MB', Buffer.concat([TINY_JPEG, Buffer.alloc(MAX_PHOTO_BYTES)]), 'image/jpeg', '照片不能超过 5 MB'],
    ['a truncated JPEG', jpegWithMetadata().bytes.subarray(0, 60), 'image/jpeg', '照片文件已损坏，请重新选择'],
  ])('refuses %s and stores nothing', async (_name, bytes, type, message) => {
    const before = storedFiles()
    const r = await upload(bytes, type)
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message })
    expect(storedFiles()).toEqual(before)
  })

  it('a group QR uploaded with metadata is stored stripped and still a valid PNG the board serves', async () => {
    const r = await upload(pngWithMetadata(), 'image/png', worker)
    expect(r).toMatchObject({ ok: true })
    expect(await grid({ action: 'setQr', data: { code: GRID1_CODE, fileId: r.fileId } }, worker)).toMatchObject({ ok: true })
    const board = await store.getBoard(GRID1_CODE)
    expect(board?.qr?.fileId).toBe(r.fileId)
    const chunks = pngChunks(await storedBytes(r.fileId))
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'gAMA', 'pHYs', 'IDAT', 'IEND'])
    expect(inflateSync(chunks.find((c) => c.type === 'IDAT')!.data).equals(PNG_PIXELS)).toBe(true)
  })
})

describe('files.register (mini-program uploads straight to CloudBase storage)', () => {
  let store: Store
  const blobs = new Map<string, Uint8Array>()
  let n = 0
  const d = () =>
    ({
      mode: 'cloudbase',
      store,
      files: {
        put: async (id: string, bytes: Uint8Array) => {
          blobs.set(`cloud://env.bucket/jiefang/files/${id}`, bytes)
          return `cloud://env.bucket/jiefang/files/${id}`
        },
        get: async (key: string) => blobs.get(key) ?? null,
        remove: async (key: string) => void blobs.delete(key),
        uploadedPath: (key: string) => (key.startsWith('cloud://env.bucket/') ? key.slice('cloud://env.bucket/'.length) : null),
      },
      clock: { now: () => new Date('2026-03-01T08:00:00Z') },
      newId: () => `01J0000000000000000000${String(++n).padStart(4, '0')}`,
    }) as unknown as Deps
  const actor = { userId: 'demo-resident', name: '陈小梅', grants: [] }

  beforeAll(() => {
    store = openSqliteStore(mkdtempSync(join(tmpdir(), 'jf-register-')))
  })
  afterAll(async () => {
    await store?.close()
  })

  /** A direct upload as the mini-program makes it: a ticket, then the bytes at its path. */
  async function uploaded(bytes: Uint8Array): Promise<string> {
    const t = (await ticket(d(), actor, { contentType: 'image/jpeg' })) as { ok: true; cloudPath: string }
    const key = `cloud://env.bucket/${t.cloudPath}`
    blobs.set(key, bytes)
    return key
  }

  it('records a stripped copy when the upload carries metadata (and deletes the original), and the upload itself when it is clean', async () => {
    const aKey = await uploaded(jpegWithMetadata().bytes)
    const bKey = await uploaded(TINY_JPEG)
    const a = (await register(d(), actor, { cloudFileId: aKey, contentType: 'image/jpeg', size: 100 })) as { ok: true; fileId: string }
    expect(a.ok).toBe(true)
    const metaA = (await store.getFileMeta(a.fileId))!
    expect(metaA.storageKey).not.toBe(aKey)
    expect(carriesPersonal(blobs.get(metaA.storageKey)!)).toEqual([])
    expect(blobs.has(aKey)).toBe(false)
    const b = (await register(d(), actor, { cloudFileId: bKey, contentType: 'image/jpeg', size: 100 })) as { ok: true; fileId: string }
    expect((await store.getFileMeta(b.fileId))!.storageKey).toBe(bKey)
    expect(blobs.has(bKey)).toBe(true)
  })

  it('refuses a type mismatch and a file larger than 5 MB whatever size the client declared', async () => {
    const cKey = await uploaded(pngWithMetadata())
    const dKey = await uploaded(Buffer.concat([TINY_JPEG, Buffer.alloc(MAX_PHOTO_BYTES)]))
    expect(await register(d(), actor, { cloudFileId: cKey, contentType: 'image/jpeg', size: 100 })).toMatchObject({ ok: false, code: 'VALIDATION', message: '照片格式与声明不符' })
    expect(await register(d(), actor, { cloudFileId: dKey, contentType: 'image/jpeg', size: 100 })).toMatchObject({ ok: false, code: 'VALIDATION', message: '照片不能超过 5 MB' })
  })

  it('refuses a file no ticket of the caller named (SQLite store)', async () => {
    blobs.set('cloud://env.bucket/u/e.jpg', TINY_JPEG)
    expect(await register(d(), actor, { cloudFileId: 'cloud://env.bucket/u/e.jpg', contentType: 'image/jpeg', size: 100 })).toMatchObject({ ok: false, code: 'VALIDATION', message: '上传凭证无效或已过期，请重新选择照片上传' })
    const key = await uploaded(TINY_JPEG)
    expect(await register(d(), { ...actor, userId: 'demo-resident-2' }, { cloudFileId: key, contentType: 'image/jpeg', size: 100 })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await register(d(), actor, { cloudFileId: key, contentType: 'image/jpeg', size: 100 })).toMatchObject({ ok: true })
    expect(await register(d(), actor, { cloudFileId: key, contentType: 'image/jpeg', size: 100 })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })
})
