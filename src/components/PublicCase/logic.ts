/**
 * What a neighbour or follower reads of someone else's report (the public view), and what the
 * reporter is told about who sees their own content. Pure, so jest tests it directly
 * (test/app/public-view-logic.test.ts).
 */
import type { ModerationView, PublicCaseView } from '../../contracts/api'
import { distanceMetres, type GeoPoint } from '../../core/geo'
import { REPORT } from '../../core/kinds/report'

/** The one line above every public view, so nobody takes a missing photo for a missing problem. */
export const PUBLIC_VIEW_NOTE = '为保护隐私，仅显示已公开的内容'

/** Shown in place of a description the staff have not published yet. */
export const DESCRIPTION_NOT_PUBLIC = '问题描述尚未公开'

export function publicDescription(c: Pick<PublicCaseView, 'description'>): { text: string; published: boolean } {
  const text = c.description?.trim()
  return text ? { text, published: true } : { text: DESCRIPTION_NOT_PUBLIC, published: false }
}

/**
 * "距您约 60 米" from where the resident stands to the case's rounded point. The point is only good
 * to about 50 m, so anything closer reads "50 米以内" and the rest is rounded to 10 m.
 */
export function distanceText(from: GeoPoint | null | undefined, to: GeoPoint): string {
  if (!from) return ''
  const m = distanceMetres(from, to)
  if (!Number.isFinite(m)) return ''
  if (m < 50) return '距您 50 米以内'
  if (m >= 1000) return `距您约 ${Math.round(m / 100) / 10} 公里`
  return `距您约 ${Math.round(m / 10) * 10} 米`
}

/** "暂无公开进展" until staff post a 公开回复; otherwise how many there are. */
export function updatesTitle(count: number): string {
  return count ? `公开进展（${count}）` : '公开进展'
}

/**
 * For the reporter: which of their own content other residents can see now. One line each, in the
 * words of the moderation labels (待审核 / 已公开 / 已隐藏 / 已编辑).
 */
export function moderationLines(m: ModerationView | undefined): string[] {
  if (!m) return []
  if (m.hidden) return ['此事项不向其他居民公开，只有您和办理人员可以看到']
  const lines = [`问题描述：${m.descriptionLabel}${m.description === 'edited' ? '（其他居民看到的是编辑后的内容）' : ''}`]
  if (m.photos.length) {
    const counts = new Map<string, number>()
    for (const p of m.photos) counts.set(p.stateLabel, (counts.get(p.stateLabel) ?? 0) + 1)
    lines.push(`照片：${[...counts].map(([label, n]) => `${n} 张${label}`).join('，')}`)
  }
  return lines
}

/** A follower of a finished case keeps the public view but hears no more (the server sends nothing). */
export function followingText(status: string): string {
  return REPORT.terminalStatuses.includes(status) ? '此事项已结束，不再发送进展通知' : '已关注此事项，办理进展会通过消息通知您'
}
