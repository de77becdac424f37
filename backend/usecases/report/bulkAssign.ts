import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act } from './act'

/** `cases.bulkAssign`: `assign` on each case in turn, each with its own answer. */
export async function bulkAssign(d: Deps, actor: Actor, input: { ids: string[]; assigneeId?: string; department?: string }) {
  const results: Array<{ id: string; ok: boolean; code?: string; message?: string }> = []
  for (const id of [...new Set(input.ids)]) {
    const c = await d.store.getCase(id)
    const r = await act(d, actor, { id, action: 'assign', version: c?.version ?? 0, assigneeId: input.assigneeId, department: input.department })
    results.push(r.ok ? { id, ok: true } : { id, ok: false, code: r.code, message: r.message })
  }
  return { ok: true as const, results }
}
