import type { AudioType } from '../../ports'

/** 60 s of speech at the recorders' rates (weapp AAC 48 kbps, H5 Opus) is well under this. */
export const MAX_VOICE_BYTES = 1024 * 1024

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.slice(from, to))

/**
 * The audio type a file really is, from its first bytes; the name and any claimed type are not
 * trusted. ADTS AAC and MPEG audio share the frame sync (12 set bits): the layer bits tell them apart.
 */
export function sniffAudioType(b: Uint8Array): AudioType | null {
  if (b.length < 12) return null
  if (ascii(b, 4, 8) === 'ftyp') return 'audio/mp4'
  if (ascii(b, 0, 4) === 'OggS') return 'audio/ogg'
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'audio/webm'
  if (ascii(b, 0, 3) === 'ID3') return 'audio/mpeg'
  if (b[0] === 0xff && (b[1]! & 0xf0) === 0xf0 && (b[1]! & 0x06) === 0x00) return 'audio/aac'
  if (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && (b[1]! & 0x06) !== 0x00) return 'audio/mpeg'
  return null
}
