/** Helpers of the queue suites: the order a deadline-ordered queue must show, and paging one through by its cursor. */
import type { Case } from '../../src/core/case'

/** Ids in the queues' deadline order: earliest deadline first, cases without one last, then by id. */
export function slaSorted(cs: readonly Case[]): string[] {
  return [...cs]
    .sort((a, b) => {
      if (a.slaDeadline !== b.slaDeadline) {
        if (a.slaDeadline === null) return 1
        if (b.slaDeadline === null) return -1
        return a.slaDeadline < b.slaDeadline ? -1 : 1
      }
      return a.id < b.id ? -1 : 1
    })
    .map((c) => c.id)
}

type QueuePage = { ok: true; cases: ReadonlyArray<{ id: string }>; next: string | null; total: number } | { ok: false; message: string }

/** Every page of a queue by its `next` cursor: the ids in the order shown and each page's total; fails past `maxPages`. */
export async function pageThrough(page: (input: { limit: number; before?: string }) => Promise<QueuePage>, limit: number, maxPages = 500): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = []
  const totals: number[] = []
  let before: string | undefined
  for (let i = 0; i < maxPages; i++) {
    const r = await page({ limit, ...(before ? { before } : {}) })
    if (!r.ok) throw new Error(r.message)
    ids.push(...r.cases.map((c) => c.id))
    totals.push(r.total)
    if (!r.next) return { ids, totals }
    before = r.next
  }
  throw new Error(`no end after ${maxPages} pages`)
}
