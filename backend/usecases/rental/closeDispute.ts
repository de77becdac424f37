import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act } from '../shared/act'
import { MISUSE_COMMANDS } from './commands'
import { misuseView } from './misuseView'
import { Buildings, Names } from './reads'

/** The police of the area close a dispute with what they found (核实处理). */
export async function closeDispute(d: Deps, actor: Actor, input: { id: string; version: number; note: string }) {
  const out = await act(d, actor, MISUSE_COMMANDS, { ...input, action: 'close' })
  if (!out.ok) return out
  return { ok: true as const, dispute: await misuseView(d, out.tree, actor, out.case, new Buildings(d), new Names(d)) }
}
