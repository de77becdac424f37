import type { Unreachable } from '../../../src/core/kinds/help'
import type { Deps } from '../../deps'
import type { User } from '../../ports'

/**
 * Whether a WeChat subscribe message can reach an on-duty helper now: none without a WeChat
 * binding, none without the 一键求助 template or a consent left for it. The inbox notice goes
 * regardless; those a message cannot reach are shown to the console to phone. A consent is only
 * looked at here: the notice's delivery takes it (inbox/push.ts).
 */
export async function unreachable(d: Deps, u: User): Promise<Unreachable | null> {
  if (!u.openid) return 'no_binding'
  const t = d.config.subscribeTemplates.help
  if (!t) return 'no_subscription'
  const quotas = await d.store.subscribeQuotas(u.id)
  return quotas.some((q) => q.templateId === t.id && q.remaining > 0) ? null : 'no_subscription'
}
