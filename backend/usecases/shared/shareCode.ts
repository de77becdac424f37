import { createHash } from 'node:crypto'
import { fail, type Failure } from '../../../src/core/outcome'
import type { ShareCodeView } from '../../../src/contracts/shareCode'
import type { Deps } from '../../deps'
import { requestOrigin } from './requestOrigin'

/** WeChat refuses a longer `scene` (getUnlimited: at most 32 visible characters). */
export const MAX_SCENE = 32
/** Owner of the stored 小程序码 images: no person, so no one's upload check ever accepts them. */
const CODE_OWNER = 'system:wxacode'

/** A page the code opens, the `scene` a 小程序码 carries to it, and the query its H5 link carries. */
export interface ShareTarget {
  page: string
  scene: string
  query: string
}

/** The H5 site's address locally: JIEFANG_PUBLIC_URL, else the host the request came to. */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.JIEFANG_PUBLIC_URL || requestOrigin() || `http://127.0.0.1:${env.PORT || 8080}`).replace(/\/+$/, '')
}

export function h5Link(t: Pick<ShareTarget, 'page' | 'query'>): string {
  return `${publicBaseUrl()}/#/${t.page.replace(/^\//, '')}?${t.query}`
}

/**
 * The page on the H5 site, for people who work there (staff redeem invitations on the web console
 * too): locally as above; on CloudBase only at JIEFANG_PUBLIC_URL (the static hosting address),
 * never guessed, so no printed link points at 127.0.0.1.
 */
export function webLink(d: Pick<Deps, 'mode'>, t: Pick<ShareTarget, 'page' | 'query'>, env: Record<string, string | undefined> = process.env): string | null {
  if (d.mode === 'local') return h5Link(t)
  return env.JIEFANG_PUBLIC_URL ? `${env.JIEFANG_PUBLIC_URL.replace(/\/+$/, '')}/#/${t.page.replace(/^\//, '')}?${t.query}` : null
}

/**
 * The printable code of a page. On CloudBase a 小程序码 (wxacode.getUnlimited), made once per
 * (version, page, scene), kept in cloud storage and reused, since WeChat counts and rate-limits
 * the calls. Locally, with no WeChat, an ordinary QR of the same page's H5 link.
 */
export async function shareCode(d: Deps, t: ShareTarget): Promise<ShareCodeView | Failure> {
  if (t.scene.length > MAX_SCENE || !/^[\x21-\x7e]+$/.test(t.scene)) throw new Error(`scene must be 1–${MAX_SCENE} visible ASCII characters: ${t.scene}`)
  if (d.mode === 'local') {
    const link = h5Link(t)
    if (!d.qrSvg) return fail('UNAVAILABLE', '暂时无法生成二维码')
    return { kind: 'qr', link, svg: d.qrSvg(link, 4) }
  }
  if (!d.miniCodes) return fail('UNAVAILABLE', '暂时无法生成小程序码：未配置微信接口')
  const page = t.page.replace(/^\//, '')
  const id = `wxacode-${createHash('sha256').update(JSON.stringify([d.miniCodes.envVersion, page, t.scene])).digest('hex').slice(0, 40)}`
  let meta = await d.store.getFileMeta(id)
  if (!meta) {
    const made = await d.miniCodes.unlimited({ page, scene: t.scene })
    if (!made.ok) return made
    const storageKey = await d.files.put(id, made.png, 'image/png')
    meta = { id, ownerId: CODE_OWNER, contentType: 'image/png', size: made.png.length, storageKey, createdAt: d.clock.now().toISOString() }
    await d.store.putFileMeta(meta)
  }
  return { kind: 'wxacode', image: await d.fileUrl(meta), page, scene: t.scene }
}
