import type { DeadLetterView } from '../../../src/contracts/admin'
import type { Actor } from '../../../src/core/roles'
import { NOTICE_KIND_LABELS, type NoticeKind } from '../../config/subscribeTemplates'
import type { Deps } from '../../deps'
import { HOTLINE_REPLY, type HotlineReplyPayload } from '../hotline/replies'
import type { PushPayload } from '../inbox/push'
import { WEBHOOK_DELIVERY, type WebhookDeliveryPayload } from '../integrations/caseWebhooks'
import { requireDistrictAdmin } from './access'

const SHOWN = 50

/**
 * 发送失败的微信通知: the notices WeChat refused or that failed every try, with their reason, so
 * the administrator can fix a template, a page or the mini-program's release. Names, never ids;
 * the inbox had every one of them anyway.
 */
export async function deadLetters(d: Deps, actor: Actor) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const names = new Map<string, string>()
  const nameOf = async (userId: string) => {
    if (!names.has(userId)) {
      const u = await d.store.getUser(userId)
      names.set(userId, !u ? '（已删除的用户）' : u.deletedAt ? '已注销用户' : u.name || '未设置昵称的用户')
    }
    return names.get(userId)!
  }
  const items: DeadLetterView[] = []
  for (const m of await d.store.deadLetters(SHOWN)) {
    const p = m.payload as Partial<PushPayload>
    // A reply to a 12345 platform: the platform's name and which reply of which case.
    if (m.topic === HOTLINE_REPLY) {
      const r = m.payload as unknown as HotlineReplyPayload
      const partner = await d.store.getPartner(r.partnerId)
      const what = `${r.body?.typeLabel ?? '回复'} ${r.body?.caseNumber ?? ''}`.trim()
      items.push({ notice: '12345 热线回复', recipient: partner?.name ?? '（已删除的对接平台）', title: what, at: m.createdAt, failedAt: m.deadAt ?? m.deliveredAt ?? m.createdAt, tries: m.attempts, reason: m.lastError ?? '未知原因' })
      continue
    }
    // A case event to a subscribed system: the subscription's name, and which event of which case.
    if (m.topic === WEBHOOK_DELIVERY) {
      const w = m.payload as unknown as WebhookDeliveryPayload
      const sub = await d.store.getSubscription(w.subscriptionId)
      const what = w.title?.split(' → ')[0] ?? w.caseNumber ?? '—'
      items.push({ notice: '事件订阅', recipient: sub?.name ?? '（已删除的订阅）', title: what, at: m.createdAt, failedAt: m.deadAt ?? m.deliveredAt ?? m.createdAt, tries: m.attempts, reason: m.lastError ?? '未知原因' })
      continue
    }
    items.push({
      notice: NOTICE_KIND_LABELS[p.notice as NoticeKind] ?? '通知',
      recipient: typeof p.userId === 'string' ? await nameOf(p.userId) : '—',
      title: typeof p.title === 'string' ? p.title : '—',
      at: m.createdAt,
      failedAt: m.deadAt ?? m.deliveredAt ?? m.createdAt,
      tries: m.attempts,
      reason: m.lastError ?? '未知原因',
    })
  }
  return { ok: true as const, items }
}
