import type { Case } from '../../../src/core/case'
import type { CaseEventName, SubscribableKind } from '../../../src/core/caseEvents'
import { qualifiedEvent } from '../../../src/core/caseEventMap'
import { statusLabel } from '../../../src/core/kinds'
import { HELP_KIND_LABELS } from '../../../src/core/kinds/helpTerms'
import { DISPUTE_TYPE_LABELS } from '../../../src/core/kinds/mediationTerms'
import type { OrgTree } from '../../../src/core/org'
import { toW3c } from '../../../src/core/time'
import { categoryName, type DistrictConfig } from '../../config/district'

/**
 * What a subscriber is told of a case: what it is, where, and how far it got. Never a person —
 * no names, phones, descriptions, voice, photos, locations or notes — so a subscriber holds
 * nothing a stranger could not be shown about the district's workload.
 */
export interface WebhookCase {
  number: string | null
  kind: SubscribableKind
  status: string
  statusLabel: string
  category: string
  categoryName: string
  unitName: string
  gridName?: string
  createdAt: string
  updatedAt: string
  slaDeadline: string | null
}

export interface WebhookBody {
  /** The delivery's id (the same in x-jiefang-event-id): a retried delivery repeats it. */
  id: string
  event: `${SubscribableKind}.${CaseEventName}`
  occurredAt: string
  case: WebhookCase
}

/** What the case is about, as people read it: the district's category, the dispute type, the kind of help. */
function categoryNameOf(cfg: DistrictConfig, c: Case): string {
  if (c.kind === 'mediation') return (DISPUTE_TYPE_LABELS as Record<string, string>)[c.category] ?? c.category
  if (c.kind === 'help') return (HELP_KIND_LABELS as Record<string, string>)[c.category] ?? c.category
  return categoryName(cfg, c.category)
}

/**
 * The body of one delivery: the case as the event left it (its status then and the event's time as
 * its last change; unit and deadline as read when the event is passed on, normally seconds later).
 * Times W3C with +08:00.
 */
export function webhookBody(
  cfg: DistrictConfig,
  tree: OrgTree,
  id: string,
  c: Case,
  kind: SubscribableKind,
  event: CaseEventName,
  e: { toStatus: string; at: string },
): WebhookBody {
  const grid = c.gridCode ? tree.get(c.gridCode)?.name : undefined
  return {
    id,
    event: qualifiedEvent(kind, event),
    occurredAt: toW3c(e.at),
    case: {
      number: c.number ?? null,
      kind,
      status: e.toStatus,
      statusLabel: statusLabel(kind, e.toStatus),
      category: c.category,
      categoryName: categoryNameOf(cfg, c),
      unitName: tree.get(c.unitCode)?.name ?? '',
      ...(grid ? { gridName: grid } : {}),
      createdAt: toW3c(c.createdAt),
      updatedAt: toW3c(e.at),
      slaDeadline: c.slaDeadline ? toW3c(c.slaDeadline) : null,
    },
  }
}
