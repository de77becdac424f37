/** The grid's outline as a small SVG data URI (the mini-program has no inline <svg>). */
import { fitProjection } from '../geo-fit'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string (our SVG has no other characters); btoa is missing in the mini-program. */
export function asciiBase64(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i) & 0xff
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) & 0xff : 0
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) & 0xff : 0
    const n = (a << 16) | (b << 8) | c
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
    out += i + 1 < s.length ? B64[(n >> 6) & 63] : '='
    out += i + 2 < s.length ? B64[n & 63] : '='
  }
  return out
}

export interface GridShapeImage {
  uri: string
  width: number
  height: number
}

/**
 * The grid's outline fitted to its own bounds inside a width × maxHeight box (a tall grid is drawn
 * narrower, not cut off); null when the server sent no usable ring.
 */
export function gridShapeImage(polygon: number[][][] | null | undefined, width = 320, maxHeight = 180): GridShapeImage | null {
  const rings = (polygon ?? []).filter((r) => Array.isArray(r) && r.length >= 3 && r.every((p) => Number.isFinite(p?.[0]) && Number.isFinite(p?.[1])))
  if (!rings.length) return null
  const PAD = 12
  let proj = fitProjection(rings, width, PAD)
  if (proj.height > maxHeight) {
    // Same projection at a smaller scale, centred in the full width.
    const inner = Math.max(((width - 2 * PAD) * (maxHeight - 2 * PAD)) / (proj.height - 2 * PAD), 1)
    const narrow = fitProjection(rings, inner + 2 * PAD, PAD)
    const dx = (width - narrow.width) / 2
    proj = {
      ...narrow,
      width,
      toXY: (p) => {
        const [x, y] = narrow.toXY(p)
        return [x + dx, y]
      },
    }
  }
  const height = Math.min(Math.max(proj.height, 60), maxHeight)
  // Holes punched with evenodd, as GeoJSON means them.
  const d = rings
    .map((ring) => 'M' + ring.map((p) => proj.toXY(p).map((v) => v.toFixed(1)).join(',')).join('L') + 'Z')
    .join('')
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<rect width="${width}" height="${height}" fill="#eef3f7"/>` +
    `<path d="${d}" fill="rgba(250,44,25,0.14)" stroke="#fa2c19" stroke-width="2" fill-rule="evenodd" stroke-linejoin="round"/>` +
    `</svg>`
  return { uri: `data:image/svg+xml;base64,${asciiBase64(svg)}`, width, height }
}
