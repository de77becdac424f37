import * as cases from '../usecases/mediation/cases'
import * as q from '../usecases/mediation/queue'
import * as thread from '../usecases/mediation/thread'
import { action, defineFunction } from './handler'
import { byId, empty, page } from '../../src/contracts/commonSchemas'
import { applyMediation, dateRange, invite, mediationAct, mediationQueue, mediators, messages, sendMessage } from '../../src/contracts/mediationSchemas'

/** 在线调解: parties apply, join by invitation and follow the case; mediators and the centre work it. */
export const main = defineFunction('mediation', {
  options: action(empty, async (d) => q.options(d, await d.orgTree())),
  apply: action(applyMediation, cases.apply),
  mine: action(page, q.mine),
  get: action(byId, cases.get),
  invitation: action(invite, cases.invitation),
  join: action(invite, cases.join),
  act: action(mediationAct, cases.act),
  messages: action(messages, thread.messages),
  send: action(sendMessage, thread.send),
  queue: action(mediationQueue, q.queue),
  mediators: action(mediators, q.mediators),
  ledger: action(dateRange, q.ledger),
  ledgerCsv: action(dateRange, q.ledgerCsv),
})
