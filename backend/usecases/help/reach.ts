import type { Unreachable } from '../../../src/core/kinds/help'
import type { Deps } from '../../deps'
import type { User } from '../../ports'

/**
 * Whether a WeChat subscribe message can reach an on-duty helper now: none without a WeChat
 * binding, none without the 一键求助 template or a consent left for it. The inbox notice goes
 * regardless; those a message cannot reach are shown to the console to phone. A consent is only
 * looked at here: the notice's delivery takes it (inbox/push.ts).
 */
export async function unreachables(d: Deps, users: readonly User[]): Promise<Array<Unreachable | null>> {
  const t = d.config.subscribeTemplates.help
  const bound = users.filter((u) => u.openid).map((u) => u.id)
  const quotas = t && bound.length ? await d.store.subscribeQuotasOf(bound) : new Map<string, Array<{ templateId: string; remaining: number }>>()
  return users.map((u) => {
    if (!u.openid) return 'no_binding'
    if (!t) return 'no_subscription'
    return (quotas.get(u.id) ?? []).some((q) => q.templateId === t.id && q.remaining > 0) ? null : 'no_subscription'
  })
}
