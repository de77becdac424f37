/**
 * What 扫一扫 found, as a page of ours to open: a building's check-in code, a staff invitation, a
 * mediation invitation or a grid's 公示牌, whether scanned as a 小程序码 (WeChat hands back its path,
 * `pages/…?scene=…`) or as a QR of our H5 link (`https://…/#/pages/…?b=…`). Anything else is
 * refused with a message: a scanned text never becomes a page or an address by itself.
 */

export type ScanRoute = { ok: true; url: string; what: string } | { ok: false; message: string }

export const SCAN_UNKNOWN = '无法识别这个二维码。请扫描街坊通的楼栋登记码、网格公示牌码、调解邀请码或工作人员邀请码'

/** Codes are letters, digits and dashes (older mediation invitations carry one). */
const CODE = /^[0-9A-Za-z-]{3,40}$/

/** Our pages a code opens: the parameter the page reads, and what the code is. */
const PAGES: Record<string, { param: string; scene: RegExp; what: string }> = {
  'pages/rental/checkin/index': { param: 'b', scene: /^b=(.+)$/, what: '楼栋登记' },
  'pages/join/index': { param: 'code', scene: /^(?:code=)?(.+)$/, what: '工作人员邀请' },
  'pages/mediation/join/index': { param: 'invite', scene: /^(?:invite=)?(.+)$/, what: '调解邀请' },
  'pages/grid/board/index': { param: 'code', scene: /^(?:code=)?(.+)$/, what: '网格公示牌' },
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The query's parameters (after the first `?`). */
function query(q: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of q.split('&')) {
    const i = part.indexOf('=')
    if (i > 0) out.set(part.slice(0, i), decode(part.slice(i + 1)))
  }
  return out
}

/** The page and query of a scanned path or link, when it names one of our pages. */
function pageOf(text: string): { page: string; q: string } | null {
  const m = /(?:^|[/#])(pages\/[a-z-]+(?:\/[a-z-]+)*\/index)\?([^#\s]*)$/.exec(text.trim())
  return m && m[1]! in PAGES ? { page: m[1]!, q: m[2]! } : null
}

export function scanRoute(scan: { result?: string; path?: string }): ScanRoute {
  for (const text of [scan.path, scan.result]) {
    const found = text ? pageOf(text) : null
    if (!found) continue
    const p = PAGES[found.page]!
    const params = query(found.q)
    const scene = params.get('scene')
    const code = (params.get(p.param) ?? (scene ? p.scene.exec(decode(scene))?.[1] : undefined) ?? '').trim()
    if (!CODE.test(code)) break
    return { ok: true, url: `/${found.page}?${p.param}=${encodeURIComponent(code)}`, what: p.what }
  }
  return { ok: false, message: SCAN_UNKNOWN }
}
