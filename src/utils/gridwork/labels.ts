/** Labels and hints of the grid staff pages: team roles, announcement types, the group QR's states. */
import type { AnnouncementType, BoardView, TeamRole } from '../../contracts/api'

/** The grid team "1+1+5+N" in the order the street's board lists it. */
export const TEAM_ROLES: Array<{ key: TeamRole; label: string }> = [
  { key: 'leader', label: '网格长' },
  { key: 'full_time', label: '专职网格员' },
  { key: 'party_leader', label: '党小组长' },
  { key: 'council', label: '议事长' },
  { key: 'supervisor', label: '监事长' },
  { key: 'police', label: '警长' },
  { key: 'volunteer', label: '志愿者' },
]

export function teamRoleLabel(role: TeamRole): string {
  return TEAM_ROLES.find((r) => r.key === role)?.label ?? role
}

export const ANNOUNCEMENT_TYPES: Array<{ key: AnnouncementType; label: string }> = [
  { key: 'notice', label: '通知' },
  { key: 'activity', label: '活动' },
  { key: 'reminder', label: '提醒' },
  { key: 'emergency', label: '紧急' },
]

export type QrStatus = BoardView['qrStatus']

export const QR_STATUS_LABELS: Record<QrStatus, string> = {
  none: '未上传',
  valid: '有效',
  expiring: '即将过期',
  expired: '已过期',
}

/** The worker's next step for each state of the group QR code. */
export const QR_HINTS: Record<QrStatus, string> = {
  none: '尚未上传群二维码，居民入群后看不到二维码',
  valid: '微信群二维码 7 天后失效，请在到期前重新上传',
  expiring: '即将过期，请及时更新',
  expired: '二维码已过期，居民无法扫码入群，请重新上传',
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** "剩余 3 天" / "剩余 5 小时" / "已过期 2 天": how long the group QR code still works. */
export function qrRemainingText(expiresAt: string, now: Date): string {
  const left = Date.parse(expiresAt) - now.getTime()
  const abs = Math.abs(left)
  const span = abs >= DAY ? `${Math.floor(abs / DAY)} 天` : abs >= HOUR ? `${Math.floor(abs / HOUR)} 小时` : `${Math.max(1, Math.floor(abs / 60_000))} 分钟`
  return left > 0 ? `剩余 ${span}` : `已过期 ${span}`
}
