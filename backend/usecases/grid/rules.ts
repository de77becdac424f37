import type { GridBoard } from '../../ports'

/** WeChat group QR codes stop working 7 days after they are generated. */
export const QR_LIFETIME_MS = 7 * 86_400_000
/** The grid worker is reminded a day before the code expires. */
export const QR_WARNING_MS = 86_400_000
/** Reach of an emergency is judged at 15 minutes (应急发布). */
export const EMERGENCY_WINDOW_MS = 15 * 60_000

export type QrStatus = 'none' | 'valid' | 'expiring' | 'expired'

export function qrStatus(b: Pick<GridBoard, 'qr'> | null, now: Date): QrStatus {
  if (!b?.qr) return 'none'
  const left = Date.parse(b.qr.expiresAt) - now.getTime()
  if (left <= 0) return 'expired'
  return left <= QR_WARNING_MS ? 'expiring' : 'valid'
}

export const MEMBERSHIP_LABELS = { requested: '待审核', joined: '已入群', refused: '已拒绝', left: '已退出' } as const

export const ANNOUNCEMENT_TYPE_LABELS = { notice: '通知', activity: '活动', reminder: '提醒', emergency: '紧急' } as const

/** The join policy decides: an open grid admits at once, otherwise the grid worker approves. */
export function statusOnRequest(policy: GridBoard['joinPolicy']): 'joined' | 'requested' {
  return policy === 'open' ? 'joined' : 'requested'
}
