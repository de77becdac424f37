import type { DeliveryView } from '../../../src/contracts/integrations'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { DeliveryTarget } from '../../ports'
import { requireDistrictAdmin } from '../admin/access'
import { deliveryView } from './views'

export const DELIVERY_PAGE = 20

type TargetInput = 'access' | { subscriptionId: string } | { partnerId: string }

/** The log's key for what the admin picked, and its name as the page titles it. */
async function resolveTarget(d: Deps, t: TargetInput): Promise<{ target: DeliveryTarget; name: string } | Failure> {
  if (t === 'access') return { target: 'access', name: '门禁系统' }
  if ('subscriptionId' in t) {
    const s = await d.store.getSubscription(t.subscriptionId)
    return s ? { target: `sub:${s.id}`, name: s.name } : fail('NOT_FOUND', '事件订阅不存在')
  }
  const p = await d.store.getPartner(t.partnerId)
  if (!p) return fail('NOT_FOUND', '对接系统不存在')
  // An Open311 client calls us; nothing is ever sent to it.
  if (p.kind !== 'hotline') return fail('VALIDATION', '该对接系统只接收对方的请求，没有发送记录', { target: '该对接系统没有发送记录' })
  return { target: `hotline:${p.id}`, name: p.name }
}

const encodeCursor = (r: { at: string; id: string }) => `${r.at}|${r.id}`

/** 发送记录: one target's delivery attempts, newest first, 20 a page. */
export async function deliveries(d: Deps, actor: Actor, input: { target: TargetInput; before?: string }) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const t = await resolveTarget(d, input.target)
  if ('ok' in t) return t
  const before = input.before ? { at: input.before.slice(0, input.before.indexOf('|')), id: input.before.slice(input.before.indexOf('|') + 1) } : undefined
  const found = await d.store.deliveries(t.target, { before, limit: DELIVERY_PAGE + 1 })
  const page = found.slice(0, DELIVERY_PAGE)
  const rows: DeliveryView[] = page.map(deliveryView)
  return { ok: true as const, targetName: t.name, rows, next: found.length > DELIVERY_PAGE ? encodeCursor(page[page.length - 1]!) : null }
}
