import type { Failure } from '../core/outcome'

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp'

const BY_EXT: Record<string, PhotoType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

export function isPhotoType(t: string): t is PhotoType {
  return t === 'image/jpeg' || t === 'image/png' || t === 'image/webp'
}

/** Content type from a temp file path (`wxfile://tmp_ab.jpg`, `http://tmp/x.PNG?y`); null when not a photo. */
export function photoTypeOfPath(path: string): PhotoType | null {
  const m = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(path)
  return (m && BY_EXT[m[1].toLowerCase()]) || null
}

export function unsupportedPhoto(): Failure {
  return {
    ok: false,
    code: 'VALIDATION',
    message: '仅支持 JPG、PNG、WebP 格式的图片',
    details: { photos: '仅支持 JPG、PNG、WebP 格式的图片' },
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 without btoa, which mini-program runtimes lack and which wants a binary string. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63]
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i] << 16
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + '=='
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + '='
  }
  return out
}

/**
 * A picked photo that is no longer on the phone (a temporary file WeChat cleared, a browser blob
 * gone with the page). VALIDATION, so nothing retries it: the person removes the photo and sends.
 */
export function photoGone(): Failure {
  const message = '照片已不在手机上（可能已被清理），请删除这张照片后再发送'
  return { ok: false, code: 'VALIDATION', message, details: { photos: message } }
}

/**
 * The bytes of a photo picked in a browser. A `blob:` URL lives only as long as the page that made
 * it, so after a reload its fetch fails: that photo is gone (null), not the network. Anything else
 * that fails to load throws, as before, and counts as a network failure.
 */
export async function readPickedPhoto(localPath: string, load: (url: string) => Promise<{ blob(): Promise<Blob> }>): Promise<Blob | null> {
  if (!/^(blob|data):/i.test(localPath)) return (await load(localPath)).blob()
  try {
    return await (await load(localPath)).blob()
  } catch {
    return null
  }
}
