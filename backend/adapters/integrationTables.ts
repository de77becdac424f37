/**
 * Field tables of the outside-systems aggregate (../repos/integrations.ts), shared by the SQLite
 * and CloudBase mappers like tables.ts.
 */
import { CASE_EVENT_NAMES, SUBSCRIBABLE_KINDS, type EventSelection } from '../../src/core/caseEvents'
import type { DeliveryRecord, IntegrationPartner, WebhookSubscription } from '../repos/integrations'
import type { FieldTable } from './fieldTable'

const text = 'text' as const
const textOrNull = { kind: 'text', nullable: true } as const
const at = 'instant' as const
const atOrNull = { kind: 'instant', nullable: true } as const

export const PARTNER_FIELDS: FieldTable<IntegrationPartner> = [
  { field: 'id', kind: text },
  { field: 'kind', kind: text },
  { field: 'name', kind: text },
  { field: 'jurisdictionId', kind: text },
  { field: 'keyHash', ...textOrNull },
  { field: 'keyHint', ...textOrNull },
  { field: 'secretSealed', ...textOrNull },
  { field: 'webhookUrl', ...textOrNull },
  { field: 'createdAt', kind: at },
  { field: 'createdBy', kind: text },
  { field: 'revokedAt', ...atOrNull },
]

/** Known kinds and events only, each once, in the vocabulary's order. */
function selectionOnly(s: EventSelection): EventSelection {
  const out: EventSelection = {}
  for (const kind of SUBSCRIBABLE_KINDS) {
    const events = s[kind]
    if (Array.isArray(events)) out[kind] = CASE_EVENT_NAMES.filter((e) => events.includes(e))
  }
  return out
}

export const SUBSCRIPTION_FIELDS: FieldTable<WebhookSubscription> = [
  { field: 'id', kind: text },
  { field: 'name', kind: text },
  { field: 'url', kind: text },
  { field: 'secretSealed', kind: text },
  { field: 'events', kind: 'object', encode: selectionOnly },
  { field: 'createdAt', kind: at },
  { field: 'createdBy', kind: text },
  { field: 'revokedAt', ...atOrNull },
]

export const DELIVERY_FIELDS: FieldTable<DeliveryRecord> = [
  { field: 'id', kind: text },
  { field: 'target', kind: text },
  { field: 'messageId', kind: text },
  { field: 'event', kind: text },
  { field: 'caseNumber', ...textOrNull },
  { field: 'attempt', kind: 'int' },
  { field: 'at', kind: at },
  { field: 'ok', kind: 'bool' },
  { field: 'httpStatus', kind: 'int', nullable: true },
  { field: 'durationMs', kind: 'num' },
  { field: 'error', ...textOrNull },
  { field: 'dead', kind: 'bool' },
]

/** A delivery-log page holds 1 to 100 attempts (20 when the limit is not a number). */
export function deliveryLimit(limit: number): number {
  return Math.min(100, Math.max(1, Math.floor(limit) || 20))
}
