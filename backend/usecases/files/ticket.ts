import type { ApiIn } from '../../../src/contracts/api'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { windowStart } from '../shared/rateLimit'
import { hashPath, newTicketPath } from './ticketPath'

/** How long a direct-upload ticket stays good: time to pick, upload and register one photo. */
export const TICKET_MINUTES = 10
/** Tickets one account may take per 10 minutes (a report holds at most 9 photos). */
export const TICKETS_PER_WINDOW = 60

/**
 * Where the caller may put one photo in CloudBase storage, for a few minutes. The path is random
 * and bound to the caller, so files.register accepts exactly the file this caller just uploaded —
 * never another environment's object, another folder, or someone else's upload.
 */
export async function ticket(d: Deps, actor: Actor, input: ApiIn<'files.ticket'>) {
  if (d.mode !== 'cloudbase') return fail('VALIDATION', '本地模式不支持这种上传方式，请直接上传照片')
  const now = d.clock.now()
  const counted = await d.store.transaction((tx) => tx.countRateHit(actor.userId, 'files.ticket', windowStart(now, 10), TICKETS_PER_WINDOW))
  if (!counted) return fail('RATE_LIMITED', '上传过于频繁，请稍后再试')
  const cloudPath = newTicketPath(now, input.contentType)
  const expiresAt = new Date(now.getTime() + TICKET_MINUTES * 60_000).toISOString()
  await d.store.putUploadTicket({ pathHash: hashPath(cloudPath), ownerId: actor.userId, expiresAt })
  return { ok: true as const, cloudPath, expiresAt }
}
