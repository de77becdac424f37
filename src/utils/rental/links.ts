/**
 * The building code from the page's query: `?b=<code>` from the printed link, `scene=b%3D<code>`
 * from a 小程序码 (WeChat hands the scene over still encoded), or `q=<the whole link>` when the
 * printed link's QR is scanned into the mini-program (扫普通链接二维码打开小程序).
 */
export function buildingCodeFrom(params: Record<string, string | undefined>): string {
  const b = params.b ? safeDecode(params.b) : ''
  if (b) return b.trim()
  const scene = params.scene ? safeDecode(params.scene) : ''
  const m = /(?:^|&)b=([^&]+)/.exec(scene)
  if (m) return safeDecode(m[1]!).trim()
  const q = params.q ? safeDecode(params.q) : ''
  const l = /[?&]b=([^&#]+)/.exec(q)
  return l ? safeDecode(l[1]!).trim() : ''
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
