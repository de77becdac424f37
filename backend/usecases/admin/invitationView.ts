import type { InvitationStatus, InvitationView } from '../../../src/contracts/admin'
import type { Invitation } from '../../ports'

const STATUS_LABELS: Record<InvitationStatus, string> = { open: '待使用', used: '已使用', expired: '已过期', revoked: '已撤销' }

export function statusOf(i: Invitation, now: string): InvitationStatus {
  if (i.revokedAt) return 'revoked'
  if (i.usedAt) return 'used'
  return i.expiresAt <= now ? 'expired' : 'open'
}

export function invitationView(i: Invitation, now: string): InvitationView {
  const status = statusOf(i, now)
  return { id: i.id, userId: i.userId, status, statusLabel: STATUS_LABELS[status], createdAt: i.createdAt, expiresAt: i.expiresAt, usedAt: i.usedAt }
}
