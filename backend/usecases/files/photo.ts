import { fail } from '../../../src/core/outcome'
import type { ImageType } from '../../ports'
import { MalformedImage, stripImageMetadata } from '../shared/imageMetadata'

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

/** The type a file really is, from its first bytes; the name and the claimed type are not trusted. */
export function sniffImageType(b: Uint8Array): ImageType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png'
  const ascii = (from: number, to: number) => String.fromCharCode(...b.slice(from, to))
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return null
}

/** The photo without its metadata (location, device, time), or null when its container is broken. */
export function stripped(bytes: Uint8Array, type: ImageType): Uint8Array | null {
  try {
    return stripImageMetadata(bytes, type)
  } catch (e) {
    if (e instanceof MalformedImage) return null
    throw e
  }
}

export const damaged = () => fail('VALIDATION', '照片文件已损坏，请重新选择', { contentBase64: '无法读取' })
