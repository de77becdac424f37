import { gridAt } from '../../../src/core/geo'
import { isFailure } from '../../../src/core/outcome'
import { partnerActor } from '../../../src/core/partnerActor'
import { leafCategory } from '../../config/district'
import type { Deps } from '../../deps'
import type { IntegrationPartner } from '../../ports'
import { openPartnerReport } from '../report/partnerReport'
import { createOnce } from '../shared/persist'
import { hotlineError, type HotlineAnswer } from './answers'
import { categoryFor, readOrder } from './orderFields'

/** The idempotency key of a ticket: a retried or repeated order finds the first case. */
export const ticketKey = (ticket: string) => `12345:${ticket}`

/**
 * `POST /hotline/v1/orders` once the partner's signature holds: the order read through the
 * district's field map becomes a report at the grid its location falls in, as an in-app report
 * would, with the hotline's deadline; the caller's name and phone sealed. Answers 201 with the
 * case number, or 200 `duplicate: true` with the first case's number for a ticket seen before.
 */
export async function takeOrder(d: Deps, partner: IntegrationPartner, body: string): Promise<HotlineAnswer> {
  let doc: unknown
  try {
    doc = JSON.parse(body)
  } catch {
    return hotlineError(400, 'VALIDATION', '请求内容不是有效的 JSON')
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return hotlineError(400, 'VALIDATION', '请求内容应为 JSON 对象')
  const read = readOrder(d.config.hotline, doc)
  if (!read.ok) return hotlineError(400, 'VALIDATION', '工单内容不完整或格式不正确', read.details)
  const order = read.order
  const actor = partnerActor(partner.id, partner.name)
  const key = ticketKey(order.ticket)

  const seen = await d.store.findCaseByIdempotency(actor.userId, key)
  if (seen) return duplicate(seen.number ?? null)

  const category = leafCategory(d.config, categoryFor(d.config.hotline, order.category))
  if (!category) return hotlineError(500, 'INTERNAL', '工单分类对应的问题分类不存在，请联系区级管理员检查 12345 对接配置')
  const tree = await d.orgTree()
  const grid = gridAt(tree, { lat: order.lat, lng: order.lng })
  if (!grid) return hotlineError(422, 'OUT_OF_AREA', '工单位置不在本区网格范围内', { location: '不在网格范围内' })
  const deadline = new Date(order.deadline)
  // The caller's name and phone are sealed at rest; without the key nothing is stored in clear.
  if (!d.vault && (order.callerName || order.callerPhone)) return hotlineError(503, 'UNAVAILABLE', '系统暂时无法保存来电人信息，请稍后重试')

  const id = d.newId()
  const opened = openPartnerReport(d, {
    id,
    creatorId: actor.userId,
    idempotencyKey: key,
    category,
    grid,
    description: order.text,
    point: { lat: order.lat, lng: order.lng },
    address: order.address ?? null,
    reporter: { name: order.callerName, phone: order.callerPhone },
    source: { channel: 'hotline', partnerId: partner.id, partnerName: partner.name, ticket: order.ticket },
  })
  // The hotline's deadline is the case's: 受理 keeps it (report/commands.ts).
  const c = { ...opened.case, slaDeadline: deadline.toISOString() }
  const made = await createOnce(d, actor, key, c, opened.event, { limit: 'hotline.order' })
  if (isFailure(made)) {
    if (made.code === 'RATE_LIMITED') return hotlineError(429, 'RATE_LIMITED', '工单提交过于频繁，请稍后重试')
    if (made.code === 'UNAVAILABLE') return hotlineError(503, 'UNAVAILABLE', '系统繁忙，请稍后重试')
    return hotlineError(409, 'CONFLICT', '该工单号已用于其他事项')
  }
  if (made.replayed) return duplicate(made.case.number ?? null)
  return { status: 201, body: { ok: true, caseNumber: made.case.number ?? null } }
}

function duplicate(caseNumber: string | null): HotlineAnswer {
  return { status: 200, body: { ok: true, caseNumber, duplicate: true } }
}
