import type { DeliveryView, PartnerView, SubscriptionView } from '../../../src/contracts/integrations'
import { CASE_EVENT_LABELS, SUBSCRIBABLE_KIND_LABELS, SUBSCRIBABLE_KINDS, type CaseEventName } from '../../../src/core/caseEvents'
import { formatFull } from '../../../src/core/time'
import type { Deps } from '../../deps'
import type { DeliveryRecord, IntegrationPartner, PartnerKind, WebhookSubscription } from '../../ports'

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = { open311: 'Open311 接口', hotline: '12345 热线' }

const status = (revokedAt: string | null) => (revokedAt ? '已停用' : '使用中')

/** A partner without its hash or sealed secret: those never leave the store. */
export function partnerView(d: Deps, p: IntegrationPartner): PartnerView {
  return {
    id: p.id,
    kind: p.kind,
    kindLabel: PARTNER_KIND_LABELS[p.kind],
    name: p.name,
    keyHint: p.keyHint,
    jurisdiction: p.jurisdictionId,
    jurisdictionName: p.jurisdictionId === d.config.district.code ? d.config.district.name : p.jurisdictionId,
    webhookUrl: p.webhookUrl,
    created: formatFull(p.createdAt),
    revoked: p.revokedAt ? formatFull(p.revokedAt) : null,
    statusLabel: status(p.revokedAt),
  }
}

export function subscriptionView(s: WebhookSubscription): SubscriptionView {
  const events = SUBSCRIBABLE_KINDS.filter((k) => (s.events[k]?.length ?? 0) > 0).map((kind) => {
    const chosen = s.events[kind]!
    const eventLabels = chosen.map((e) => CASE_EVENT_LABELS[e] ?? e)
    return { kind, kindLabel: SUBSCRIBABLE_KIND_LABELS[kind], events: chosen, eventLabels, text: `${SUBSCRIBABLE_KIND_LABELS[kind]}：${eventLabels.join('、')}` }
  })
  return { id: s.id, name: s.name, url: s.url, events, created: formatFull(s.createdAt), revoked: s.revokedAt ? formatFull(s.revokedAt) : null, statusLabel: status(s.revokedAt) }
}

const ACCESS_EVENTS: Record<string, string> = { 'access.grant': '门禁授权', 'access.revoke': '门禁撤销' }
/** What a 12345 platform was told (backend/usecases/hotline/replies.ts REPLY_TYPES). */
const HOTLINE_REPLIES: Record<string, string> = { accepted: '受理', resolved: '办结', rejected: '退回', followUp: '回访' }

/** 「网格事件 · 受理」, 「门禁授权」, 「12345 回复 · 办结」: never the event's code. */
export function deliveryEventLabel(event: string): string {
  if (Object.prototype.hasOwnProperty.call(ACCESS_EVENTS, event)) return ACCESS_EVENTS[event]!
  const [head = '', tail = ''] = event.split('.', 2)
  if (head === 'hotline') return Object.prototype.hasOwnProperty.call(HOTLINE_REPLIES, tail) ? `12345 回复 · ${HOTLINE_REPLIES[tail]}` : '12345 回复'
  const kind = (SUBSCRIBABLE_KINDS as readonly string[]).includes(head) ? SUBSCRIBABLE_KIND_LABELS[head as keyof typeof SUBSCRIBABLE_KIND_LABELS] : null
  const what = Object.prototype.hasOwnProperty.call(CASE_EVENT_LABELS, tail) ? CASE_EVENT_LABELS[tail as CaseEventName] : null
  if (kind && what) return `${kind} · ${what}`
  return kind ?? '事件通知'
}

export function deliveryView(r: DeliveryRecord): DeliveryView {
  return {
    id: r.id,
    event: deliveryEventLabel(r.event),
    caseNumber: r.caseNumber,
    attempt: r.attempt,
    attemptText: `第 ${r.attempt} 次`,
    ok: r.ok,
    result: r.ok ? '成功' : `失败：${r.error || (r.httpStatus !== null ? `对方返回 HTTP ${r.httpStatus}` : '未知原因')}`,
    httpStatus: r.httpStatus,
    dead: r.dead,
    deadLabel: r.dead ? '已放弃' : null,
    at: formatFull(r.at),
  }
}
