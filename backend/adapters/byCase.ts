import type { TimelineEvent } from '../../src/core/case'

/** Timeline rows of several cases, read in order, split by case (order kept). */
export function byCase(events: readonly TimelineEvent[]): Map<string, TimelineEvent[]> {
  const out = new Map<string, TimelineEvent[]>()
  for (const e of events) {
    const list = out.get(e.caseId)
    if (list) list.push(e)
    else out.set(e.caseId, [e])
  }
  return out
}
