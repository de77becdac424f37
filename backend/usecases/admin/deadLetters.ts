import type { DeadLetterView } from '../../../src/contracts/admin'
import type { Actor } from '../../../src/core/roles'
import { NOTICE_KIND_LABELS, type NoticeKind } from '../../config/subscribeTemplates'
import type { Deps } from '../../deps'
import type { PushPayload } from '../inbox/push'
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
