import { crc32, deflateSync } from 'node:zlib'
import { TINY_JPEG } from './fixtures'

/**
 * Real tiny images with the metadata a phone camera writes, built byte by byte, for the
 * metadata-stripping tests. Each carries the same personal markers, which must not survive.
 */
export const PERSONAL = ['陈小梅', '13800138000', 'GPSLatitude', '23.1810', 'iPhone 15']

const u8 = (...parts: Array<Uint8Array | number[] | string>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))))
const be16 = (n: number) => [n >> 8, n & 0xff]
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff]

function jpegSegment(marker: number, body: Buffer): Buffer {
  return u8([0xff, marker, ...be16(body.length + 2)], body)
}

/** EXIF TIFF (little-endian): IFD0 with Make, Orientation and a GPS IFD pointer; the GPS IFD holds a latitude. */
export function exifTiff(orientation: number): Buffer {
  const make = Buffer.from('iPhone 15\0')
  // Layout: header 8 | IFD0 (3 entries) 2+36+4 = 42 → 50 | GPS IFD (1 entry) 2+12+4 = 18 → 68 | make | lat text
  const ifd0 = 8
  const gps = 50
  const makeAt = 68
  const latAt = makeAt + make.length
  const lat = Buffer.from('GPSLatitude 23.1810 N\0')
  const le16 = (n: number) => [n & 0xff, n >> 8]
  return u8(
    [0x49, 0x49, 42, 0, ...le32(ifd0)],
    [...le16(3)],
    [...le16(0x010f), ...le16(2), ...le32(make.length), ...le32(makeAt)],
    [...le16(0x0112), ...le16(3), ...le32(1), ...le16(orientation), 0, 0],
    [...le16(0x8825), ...le16(4), ...le32(1), ...le32(gps)],
    [...le32(0)],
    [...le16(1)],
    [...le16(0x0002), ...le16(2), ...le32(lat.length), ...le32(latAt)],
    [...le32(0)],
    make,
    lat,
  )
}

export const ICC_BODY = u8('ICC_PROFILE\0', [1, 1], 'not a real profile, kept for colour')

/** TINY_JPEG with EXIF (GPS, orientation 6), XMP, IPTC (APP13), a comment and an ICC profile after its JFIF APP0. */
export function jpegWithMetadata(orientation = 6): { bytes: Buffer; original: Buffer } {
  const app0Length = (TINY_JPEG[4]! << 8) | TINY_JPEG[5]!
  const head = TINY_JPEG.subarray(0, 4 + app0Length) // SOI + APP0
  const rest = TINY_JPEG.subarray(4 + app0Length)
  const bytes = u8(
    head,
    jpegSegment(0xe1, u8('Exif\0\0', exifTiff(orientation))),
    jpegSegment(0xe1, u8('http://ns.adobe.com/xap/1.0/\0', '<x:xmpmeta><dc:creator>陈小梅</dc:creator></x:xmpmeta>')),
    jpegSegment(0xe2, ICC_BODY),
    jpegSegment(0xed, u8('Photoshop 3.0\0', '8BIM 13800138000')),
    jpegSegment(0xfe, u8('陈小梅 13800138000')),
    rest,
  )
  return { bytes, original: TINY_JPEG }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const td = u8(type, data)
  return u8(be32(data.length), td, be32(crc32(td)))
}

/** Raw RGB scanlines of a 2×2 image (filter byte 0 per row). */
export const PNG_PIXELS = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255])

export function pngWithMetadata(): Buffer {
  return u8(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk('IHDR', u8(be32(2), be32(2), [8, 2, 0, 0, 0])),
    pngChunk('gAMA', u8(be32(45455))),
    pngChunk('tEXt', u8('Author\0陈小梅')),
    pngChunk('zTXt', u8('Comment\0', [0], deflateSync(Buffer.from('13800138000')))),
    pngChunk('iTXt', u8('Description\0', [0, 0], '\0\0', 'GPSLatitude 23.1810')),
    pngChunk('eXIf', exifTiff(1)),
    pngChunk('tIME', u8(be16(2026), [3, 1, 8, 0, 0])),
    pngChunk('pHYs', u8(be32(2835), be32(2835), [1])),
    pngChunk('IDAT', deflateSync(PNG_PIXELS)),
    pngChunk('IEND', Buffer.alloc(0)),
  )
}

/** A real 1×1 lossless WebP (VP8L), the one Modernizr uses to detect support. */
export const TINY_WEBP_VP8L = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64')

function riffChunk(fourcc: string, data: Buffer): Buffer {
  return u8(fourcc, le32(data.length), data, data.length & 1 ? [0] : [])
}

/** The VP8L image in an extended (VP8X) container with EXIF and XMP chunks and their flags set. */
export function webpWithMetadata(): Buffer {
  const vp8l = TINY_WEBP_VP8L.subarray(12) // the VP8L chunk as it is
  const vp8x = Buffer.from([0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0]) // EXIF | XMP flags, canvas 1×1
  const body = u8('WEBP', riffChunk('VP8X', vp8x), vp8l, riffChunk('EXIF', exifTiff(1)), riffChunk('XMP ', u8('<x:xmpmeta>陈小梅 13800138000</x:xmpmeta>!')))
  return u8('RIFF', le32(body.length), body)
}

/** Chunk types of a PNG, checking every CRC on the way. */
export function pngChunks(b: Buffer): Array<{ type: string; data: Buffer }> {
  const out: Array<{ type: string; data: Buffer }> = []
  let i = 8
  while (i < b.length) {
    const length = b.readUInt32BE(i)
    const td = b.subarray(i + 4, i + 8 + length)
    if (b.readUInt32BE(i + 8 + length) !== crc32(td)) throw new Error(`bad CRC in ${td.subarray(0, 4).toString()}`)
    out.push({ type: td.subarray(0, 4).toString('latin1'), data: Buffer.from(td.subarray(4)) })
    i += 12 + length
  }
  return out
}

/** FourCCs of a WebP's chunks, checking the RIFF size on the way. */
export function webpChunks(b: Buffer): Array<{ fourcc: string; data: Buffer }> {
  if (b.readUInt32LE(4) !== b.length - 8) throw new Error(`RIFF size ${b.readUInt32LE(4)} for ${b.length} bytes`)
  const out: Array<{ fourcc: string; data: Buffer }> = []
  let i = 12
  while (i < b.length) {
    const size = b.readUInt32LE(i + 4)
    out.push({ fourcc: b.subarray(i, i + 4).toString('latin1'), data: Buffer.from(b.subarray(i + 8, i + 8 + size)) })
    i += 8 + size + (size & 1)
  }
  return out
}

/** JPEG markers up to the first scan, checking every length; throws when the structure is broken. */
export function jpegMarkers(b: Buffer): Array<{ marker: number; body: Buffer }> {
  if (b[0] !== 0xff || b[1] !== 0xd8 || b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) throw new Error('not SOI … EOI')
  const out: Array<{ marker: number; body: Buffer }> = []
  let i = 2
  for (;;) {
    if (b[i] !== 0xff) throw new Error(`no marker at ${i}`)
    const marker = b[i + 1]!
    const length = b.readUInt16BE(i + 2)
    out.push({ marker, body: Buffer.from(b.subarray(i + 4, i + 2 + length)) })
    if (marker === 0xda) return out
    i += 2 + length
  }
}
