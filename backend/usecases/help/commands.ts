import { HELP, type HelpAction } from '../../../src/core/kinds/help'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act, type ActCommand, type Acted, type KindCommands } from '../shared/act'
import { NOT_FOUND } from './detail'

export interface HelpCommand extends ActCommand {
  link?: { kind: 'mediation' | 'report'; caseId: string; number?: string }
}

export const HELP_COMMANDS: KindCommands<HelpAction, HelpCommand> = {
  def: HELP,
  notFound: NOT_FOUND,
  prepare: {},
  otherwise: async ({ input }) => ({ params: input.link ? { link: input.link } : {} }),
}

/** One move on a request, tried once more when someone moved first: the second try meets the new state (已有人响应). */
export async function actOnHelp(d: Deps, actor: Actor, input: HelpCommand): Promise<Acted> {
  const first = await act(d, actor, HELP_COMMANDS, input)
  if (first.ok || first.code !== 'CONFLICT' || input.version !== undefined) return first
  return act(d, actor, HELP_COMMANDS, input)
}
