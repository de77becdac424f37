import type { Case } from '../../../src/core/case'
import { QUEUE_TOTAL_CAP } from '../../../src/core/queueTotal'
import type { Deps } from '../../deps'
import type { CaseQuery } from '../../ports'

/**
 * The total of one queue query, given the rows its page read (`limit + 1` at most): a first page
 * that came back short is the whole query, so its length is the total without a count (a request
 * on CloudBase; most grid workers' and mediators' queues fit one page). Otherwise a count, capped
 * just above QUEUE_TOTAL_CAP so the caller can tell 「1万+」.
 */
export async function queryTotal(d: Deps, q: CaseQuery, rows: readonly Case[], limit: number, before: string | undefined): Promise<number> {
  return before === undefined && rows.length <= limit ? rows.length : d.store.countCases(q, QUEUE_TOTAL_CAP + 1)
}
