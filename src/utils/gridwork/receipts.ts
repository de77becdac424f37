/** 阅读回执: shares as text and the unread grouped by building. */
import type { ReceiptView } from '../../contracts/api'

/** "60%" of a part in a whole; "—" when there is nobody to read it. */
export function percentText(part: number, whole: number): string {
  if (!whole) return '—'
  return `${Math.round((part / whole) * 100)}%`
}

/** The emergency share (0–1) as a percent, "—" when the server has none. */
export function shareText(share: number | null): string {
  return share === null || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)}%`
}

/**
 * "2栋" before "10栋": digit runs compare as numbers. Written out because Intl.Collator's numeric
 * option is missing from some mini-program JS engines.
 */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? []
  const pb = b.match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!
    const y = pb[i]!
    if (x === y) continue
    const nx = /^\d/.test(x) && /^\d/.test(y)
    if (nx && Number(x) !== Number(y)) return Number(x) - Number(y)
    return x < y ? -1 : 1
  }
  return pa.length - pb.length
}

/** Unread members grouped by building (楼栋), buildings in natural order, unknown last. */
export function unreadByBuilding(unread: ReceiptView['unread']): Array<{ building: string; people: ReceiptView['unread'] }> {
  const groups = new Map<string, ReceiptView['unread']>()
  for (const u of unread) {
    const b = u.building?.trim() || '未填写楼栋'
    groups.set(b, [...(groups.get(b) ?? []), u])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '未填写楼栋' ? 1 : b === '未填写楼栋' ? -1 : naturalCompare(a, b)))
    .map(([building, people]) => ({ building, people }))
}
