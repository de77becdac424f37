/** The grid pages' links, and the grid code a page is opened with (QR scene, link or plain code). */

const CODE_RE = /^[0-9A-Za-z]{3,32}$/

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

function paramOf(query: string, name: string): string | null {
  for (const part of query.replace(/^[^?]*\?/, '').split('&')) {
    const [k, v = ''] = part.split('=')
    if (k === name) return safeDecode(v)
  }
  return null
}

/**
 * The grid code of a street-board QR: `?code=` (our own links and H5), `scene=code%3D…` or a bare
 * code (a 小程序码 made with getUnlimited), or `q=` (a plain-link QR, the URL is in q).
 */
export function codeFromQuery(params: Record<string, string | undefined>): string | null {
  const pick = (v: string | null | undefined) => {
    if (!v) return null
    const s = safeDecode(v).trim()
    return CODE_RE.test(s) ? s : null
  }
  if (params.code) return pick(params.code)
  if (params.scene) {
    const scene = safeDecode(params.scene)
    return pick(scene.includes('=') ? paramOf('?' + scene, 'code') : scene)
  }
  if (params.q) return pick(paramOf(safeDecode(params.q), 'code'))
  return null
}

export const boardUrl = (code: string) => `/pages/grid/board/index?code=${encodeURIComponent(code)}`
export const FIND_URL = '/pages/grid/find/index'
