import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { boardView, emptyBoard } from './boardView'
import { managed } from './gridAccess'
import { outboxMessage } from './outboxMessage'
import { QR_LIFETIME_MS, QR_WARNING_MS } from './rules'
import { GRID_QR_EXPIRING } from './topics'

/** A new group QR: valid 7 days; the outbox holds a reminder due a day before it expires. */
export async function setQr(d: Deps, actor: Actor, input: { code: string; fileId: string }) {
  const m = await managed(d, actor, input.code)
  if ('ok' in m) return m
  const meta = await d.store.getFileMeta(input.fileId)
  if (!meta || meta.ownerId !== actor.userId) return fail('VALIDATION', '二维码图片无效，请重新上传', { fileId: '无效' })
  const now = d.clock.now()
  const expiresAt = new Date(now.getTime() + QR_LIFETIME_MS).toISOString()
  const cur = (await d.store.getBoard(m.g.code)) ?? emptyBoard(m.g, now.toISOString())
  await d.store.putBoard({ ...cur, qr: { fileId: meta.id, uploadedAt: now.toISOString(), expiresAt }, updatedAt: now.toISOString() })
  await d.store.transaction(async (tx) =>
    tx.enqueue(outboxMessage(d, GRID_QR_EXPIRING, `qr:${m.g.code}`, { gridCode: m.g.code, expiresAt }, new Date(now.getTime() + QR_LIFETIME_MS - QR_WARNING_MS).toISOString())),
  )
  return { ok: true as const, board: await boardView(d, m.tree, actor, m.g) }
}
