import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act } from '../shared/act'
import { CHECKIN_COMMANDS } from './commands'
import { registrationAnswer } from './registrationView'
import { isVault, vaultOf } from './secrets'

/** The tenant corrects their phone or lease end (an event, no status change); a longer stay keeps its door access. */
export async function update(d: Deps, actor: Actor, input: { id: string; version: number; phone?: string; leaseEnd?: string }) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const moved = await act(d, actor, CHECKIN_COMMANDS, { ...input, action: 'update' })
  return moved.ok ? registrationAnswer(d, moved.case) : moved
}
