import { accept } from '../usecases/help/accept'
import { close } from '../usecases/help/close'
import { convert } from '../usecases/help/convert'
import { get } from '../usecases/help/get'
import { live } from '../usecases/help/live'
import { mine } from '../usecases/help/mine'
import { queue } from '../usecases/help/queue'
import { proxyRaise } from '../usecases/help/proxyRaise'
import { raise } from '../usecases/help/raise'
import { importRoster } from '../usecases/help/importRoster'
import { roster } from '../usecases/help/roster'
import { saveRoster } from '../usecases/help/saveRoster'
import { action, defineFunction } from './handler'
import { byId, page } from '../../src/contracts/commonSchemas'
import * as schema from '../../src/contracts/helpSchemas'

/** 一键求助: a person raises a request where they are; the community's on-duty helpers take it, the centre watches. */
const handle = defineFunction('help', {
  raise: action(schema.raiseHelp, raise),
  proxyRaise: action(schema.proxyRaiseHelp, proxyRaise),
  mine: action(page, mine),
  get: action(byId, get),
  accept: action(schema.helpAct, accept),
  close: action(schema.closeHelp, close),
  convert: action(schema.convertHelp, convert),
  queue: action(schema.helpQueue, queue),
  live: action(schema.helpLive, live),
  roster: action(schema.rosterOf, roster),
  saveRoster: action(schema.saveRoster, saveRoster),
  importRoster: action(schema.importRoster, importRoster),
})

/**
 * Every refusal of a request for help (the person's own, or an agent's for them) — not signed in, a
 * bad field, too many requests — carries `emergency: true`: whatever went wrong, the page shows
 * 110 / 120 / 119 (we never stand in for them).
 */
export async function main(event: unknown, context: unknown): Promise<object> {
  const out = await handle(event, context)
  const name = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined
  const raising = name === 'raise' || name === 'proxyRaise'
  return raising && (out as { ok?: unknown }).ok === false ? { ...out, emergency: true } : out
}
