import type { OutboxMessage } from '../../ports'
import type { Deps } from '../../deps'

/** A fresh outbox row for one of the grid's topics, due now or at `dueAt`. */
export function outboxMessage(d: Deps, topic: string, key: string, payload: Record<string, unknown>, dueAt?: string): OutboxMessage {
  const now = d.clock.now().toISOString()
  return { id: d.newId(), topic, key, payload, createdAt: now, attempts: 0, nextAttemptAt: dueAt ?? now, deliveredAt: null, lastError: null }
}
