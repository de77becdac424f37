import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act } from '../shared/act'
import { CHECKIN_COMMANDS } from './commands'
import { registrationAnswer } from './registrationView'

/** 人走注销 by the tenant or the manager; a confirmed stay's door access is revoked with it. */
export async function checkOut(d: Deps, actor: Actor, input: { id: string; version: number; note?: string }) {
  const moved = await act(d, actor, CHECKIN_COMMANDS, { id: input.id, version: input.version, note: input.note, action: 'check_out' })
  return moved.ok ? registrationAnswer(d, moved.case) : moved
}
