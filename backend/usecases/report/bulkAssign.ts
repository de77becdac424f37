import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { Store, User } from '../../ports'
import { act } from '../shared/act'
import { REPORT_COMMANDS } from './commands'

/**
 * `cases.bulkAssign`: `assign` on each case in turn, each with its own answer. The cases are read
 * in one query and no detail is answered, so each case costs only its own move's transaction.
 */
export async function bulkAssign(d: Deps, actor: Actor, input: { ids: string[]; assigneeId?: string; department?: string }) {
  const results: Array<{ id: string; ok: boolean; code?: string; message?: string }> = []
  const ids = [...new Set(input.ids)]
  const read = new Map((await d.store.listCases({ ids, limit: ids.length })).map((c) => [c.id, c]))
  // Each case's assign checks the same assignee: read them once for the batch.
  const people = new Map<string, Promise<User | null>>()
  const store = Object.create(d.store) as Store
  store.getUser = (uid) => {
    if (!people.has(uid)) people.set(uid, d.store.getUser(uid))
    return people.get(uid)!
  }
  const once: Deps = { ...d, store }
  for (const id of ids) {
    const c = read.get(id) ?? null
    const r = await act(once, actor, REPORT_COMMANDS, { id, action: 'assign', version: c?.version ?? 0, assigneeId: input.assigneeId, department: input.department }, c)
    results.push(r.ok ? { id, ok: true } : { id, ok: false, code: r.code, message: r.message })
  }
  return { ok: true as const, results }
}
