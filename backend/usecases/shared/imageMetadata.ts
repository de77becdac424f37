/**
 * Strips metadata from uploaded photos without re-encoding them: the product needs the picture,
 * never the camera's GPS position, owner name, timestamps or embedded thumbnails (EXIF, XMP,
 * IPTC, comments, PNG text chunks). Pure byte surgery on the container; the image data is copied
 * unchanged, so the photo stays the same photo (and a group QR stays scannable).
 *
 * Kept on purpose: JPEG APP0 (JFIF), APP2 ICC_PROFILE and APP14 (Adobe), which decoders need for
 * colour; the EXIF orientation, rewritten as a one-entry EXIF, so phone photos keep standing up.
 */

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp'

/** Why a container could not be read; the upload is refused rather than stored unstripped. */
export class MalformedImage extends Error {}

export function stripImageMetadata(bytes: Uint8Array, type: ImageType): Uint8Array {
  if (type === 'image/jpeg') return stripJpeg(bytes)
  if (type === 'image/png') return stripPng(bytes)
  return stripWebp(bytes)
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const ascii = (b: Uint8Array, from: number, length: number) => String.fromCharCode(...b.subarray(from, from + length))

// ---------------------------------------------------------------------------------------- JPEG

const APP0 = 0xe0
const APP1 = 0xe1
const APP2 = 0xe2
const APP14 = 0xee
const SOS = 0xda
const EOI = 0xd9

/** Markers that stand alone, without a length: TEM and RST0–7. */
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7)

function keepJpegSegment(marker: number, body: Uint8Array): boolean {
  if (marker === 0xfe) return false // COM
  if (marker < APP0 || marker > 0xef) return true
  if (marker === APP0 || marker === APP14) return true
  return marker === APP2 && ascii(body, 0, 12) === 'ICC_PROFILE\0'
}

function stripJpeg(b: Uint8Array): Uint8Array {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) throw new MalformedImage('not a JPEG')
  const parts: Uint8Array[] = [b.subarray(0, 2)]
  let orientation = 1
  let i = 2
  for (;;) {
    if (i >= b.length) throw new MalformedImage('JPEG ends before its image data')
    if (b[i] !== 0xff) throw new MalformedImage(`JPEG marker expected at ${i}`)
    while (b[i] === 0xff && i < b.length) i++ // fill bytes
    const marker = b[i++]!
    if (marker === EOI) throw new MalformedImage('JPEG has no image data')
    if (standalone(marker)) {
      parts.push(new Uint8Array([0xff, marker]))
      continue
    }
    if (i + 2 > b.length) throw new MalformedImage('JPEG segment header truncated')
    const length = (b[i]! << 8) | b[i + 1]!
    if (length < 2 || i + length > b.length) throw new MalformedImage('JPEG segment length out of range')
    const body = b.subarray(i + 2, i + length)
    if (marker === APP1 && ascii(body, 0, 6) === 'Exif\0\0') orientation = exifOrientation(body.subarray(6)) ?? orientation
    if (marker === SOS) {
      if (orientation !== 1) parts.splice(firstAfterApp0(parts), 0, orientationExif(orientation))
      // From the first scan on: entropy-coded data and whatever follows it, as it is.
      parts.push(b.subarray(i - 2))
      return concat(parts)
    }
    if (keepJpegSegment(marker, body)) parts.push(b.subarray(i - 2, i + length))
    i += length
  }
}

/** EXIF goes after JFIF's APP0 when there is one (JFIF wants APP0 first). */
function firstAfterApp0(parts: Uint8Array[]): number {
  return parts.length > 1 && parts[1]![1] === APP0 ? 2 : 1
}

/** The orientation (1–8) in an EXIF TIFF block, or null when absent or unreadable. */
export function exifOrientation(tiff: Uint8Array): number | null {
  if (tiff.length < 8) return null
  const little = tiff[0] === 0x49 && tiff[1] === 0x49
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null
  const u16 = (at: number) => (little ? tiff[at]! | (tiff[at + 1]! << 8) : (tiff[at]! << 8) | tiff[at + 1]!)
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 0x10000 : u16(at) * 0x10000 + u16(at + 2))
  if (u16(2) !== 42) return null
  const ifd = u32(4)
  if (ifd + 2 > tiff.length) return null
  const count = u16(ifd)
  for (let n = 0; n < count; n++) {
    const e = ifd + 2 + n * 12
    if (e + 12 > tiff.length) return null
    if (u16(e) === 0x0112 && u16(e + 2) === 3) {
      const v = u16(e + 8)
      return v >= 1 && v <= 8 ? v : null
    }
  }
  return null
}

/** APP1 holding only IFD0 with the orientation tag (big-endian TIFF). */
function orientationExif(orientation: number): Uint8Array {
  const body = [
    ...[0x45, 0x78, 0x69, 0x66, 0, 0], // "Exif\0\0"
    ...[0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8], // MM, 42, IFD0 at 8
    ...[0, 1], // one entry
    ...[0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0, orientation, 0, 0], // Orientation, SHORT, 1
    ...[0, 0, 0, 0], // no next IFD
  ]
  const length = body.length + 2
  return new Uint8Array([0xff, APP1, length >> 8, length & 0xff, ...body])
}

// ----------------------------------------------------------------------------------------- PNG

/** Ancillary chunks that carry text, EXIF or a timestamp, never pixels or colour. */
const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME'])

function stripPng(b: Uint8Array): Uint8Array {
  if (b.length < 8 + 12) throw new MalformedImage('PNG too short')
  const parts: Uint8Array[] = [b.subarray(0, 8)]
  let i = 8
  let ended = false
  while (i < b.length) {
    if (i + 12 > b.length) throw new MalformedImage('PNG chunk header truncated')
    const length = ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!
    const type = ascii(b, i + 4, 4)
    const end = i + 12 + length
    if (!/^[A-Za-z]{4}$/.test(type) || end > b.length) throw new MalformedImage('PNG chunk out of range')
    if (!PNG_DROP.has(type)) parts.push(b.subarray(i, end))
    i = end
    if (type === 'IEND') {
      ended = true
      break
    }
  }
  if (!ended || ascii(b, 12, 4) !== 'IHDR') throw new MalformedImage('PNG without IHDR or IEND')
  return concat(parts)
}

// ---------------------------------------------------------------------------------------- WebP

const VP8X_XMP = 0x04
const VP8X_EXIF = 0x08

function stripWebp(b: Uint8Array): Uint8Array {
  if (b.length < 12 + 8 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') throw new MalformedImage('not a WebP')
  const le32 = (at: number) => b[at]! + (b[at + 1]! << 8) + (b[at + 2]! << 16) + ((b[at + 3]! << 24) >>> 0)
  const riffEnd = Math.min(b.length, 8 + le32(4))
  const chunks: Uint8Array[] = []
  let i = 12
  while (i + 8 <= riffEnd) {
    const fourcc = ascii(b, i, 4)
    const size = le32(i + 4)
    const end = i + 8 + size + (size & 1)
    if (i + 8 + size > riffEnd) throw new MalformedImage('WebP chunk out of range')
    if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      const chunk = b.slice(i, Math.min(end, riffEnd))
      if (fourcc === 'VP8X' && size >= 1) chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP)
      chunks.push(chunk)
    }
    i = end
  }
  if (chunks.length === 0) throw new MalformedImage('WebP without chunks')
  const body = concat(chunks)
  const size = 4 + body.length
  const header = new Uint8Array([0x52, 0x49, 0x46, 0x46, size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, (size >>> 24) & 0xff, 0x57, 0x45, 0x42, 0x50])
  return concat([header, body])
}
