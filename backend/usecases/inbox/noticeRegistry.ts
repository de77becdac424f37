import type { Deps } from '../../deps'
import type { OutboxMessage } from '../../ports'
import { CASE_EVENT } from '../shared/persist'
import { deliverCaseEvent, type CaseNotices } from './caseEventNotices'

export type { CaseEventNote, CaseEventPayload, CaseNotices, Telling } from './caseEventNotices'

/** An outbox topic of an area's own (not a case event), with its own delivery. */
export interface TopicNotices {
  topic: string
  /** Every page its subscribe messages link to (none when it only writes the inbox or calls out). */
  pages: readonly string[]
  /** Throws to retry later with back-off; returns once delivered (or nothing is left to tell). */
  deliver(d: Deps, msg: OutboxMessage): Promise<void>
  /** Tries before a message that keeps failing is set aside (dead letter); unbounded when absent. */
  maxAttempts?: number
  /**
   * The outside system a message goes to (`sub:<id>`, `hotline:<id>`, 'access'): once one of its
   * messages fails, the rest of its messages wait for the next run instead of each waiting out a
   * receiver that is down (deliver.ts). Absent for topics whose failures are the message's own.
   */
  receiver?(msg: OutboxMessage): string | null
  /** Called once a message of the topic is set aside, with the error that did it. */
  setAside?(d: Deps, msg: OutboxMessage, err: unknown): Promise<void>
}

/** What one area registers: its outbox topics and how its kinds' case events are told. */
export interface AreaNotices {
  area: string
  topics?: readonly TopicNotices[]
  kinds?: readonly CaseNotices[]
}

export function defineNotices(area: AreaNotices): AreaNotices {
  return area
}

/** A message no registered area can deliver: it fails (and retries) with this reason, never "delivered". */
export class UndeliverableError extends Error {
  override name = 'UndeliverableError'
}

/**
 * Topics and case kinds by name, built once from the areas' registrations; a name taken twice is
 * a bug. `case.event` belongs to no area: it is told through the registered notices of the case's kind.
 */
export class NoticeRegistry {
  private readonly topics = new Map<string, TopicNotices & { area: string }>()
  private readonly kinds = new Map<string, CaseNotices & { area: string }>()

  constructor(areas: readonly AreaNotices[]) {
    for (const a of areas) {
      for (const t of a.topics ?? []) {
        if (t.topic === CASE_EVENT) throw new Error(`${a.area} registers "${CASE_EVENT}": case events are told through the kind's notices`)
        const taken = this.topics.get(t.topic)
        if (taken) throw new Error(`outbox topic "${t.topic}" registered by ${taken.area} and ${a.area}`)
        this.topics.set(t.topic, { ...t, area: a.area })
      }
      for (const k of a.kinds ?? []) {
        const taken = this.kinds.get(k.kind)
        if (taken) throw new Error(`case kind "${k.kind}" notices registered by ${taken.area} and ${a.area}`)
        this.kinds.set(k.kind, { ...k, area: a.area })
      }
    }
  }

  /** Delivers one outbox message, or throws: an unknown topic or kind is never taken as delivered. */
  async deliver(d: Deps, msg: OutboxMessage): Promise<void> {
    if (msg.topic === CASE_EVENT) return deliverCaseEvent(d, msg, (kind) => this.kind(kind))
    const t = this.topics.get(msg.topic)
    if (!t) throw new UndeliverableError(`unknown outbox topic "${msg.topic.slice(0, 64)}": no area registers it`)
    return t.deliver(d, msg)
  }

  /** How many tries a message of `topic` gets (case events and unknown topics: no bound). */
  attemptsAllowed(topic: string): number {
    return this.topics.get(topic)?.maxAttempts ?? Number.POSITIVE_INFINITY
  }

  receiverOf(msg: OutboxMessage): string | null {
    return this.topics.get(msg.topic)?.receiver?.(msg) ?? null
  }

  async setAside(d: Deps, msg: OutboxMessage, err: unknown): Promise<void> {
    await this.topics.get(msg.topic)?.setAside?.(d, msg, err)
  }

  kind(name: string): CaseNotices {
    const k = this.kinds.get(name)
    if (!k) throw new UndeliverableError(`no area registers notices for case kind "${name.slice(0, 32)}"`)
    return k
  }

  /** Every registration, with the area that made it (for the tests and the docs). */
  list(): { topics: (TopicNotices & { area: string })[]; kinds: (CaseNotices & { area: string })[] } {
    return { topics: [...this.topics.values()], kinds: [...this.kinds.values()] }
  }
}
