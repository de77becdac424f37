import { z } from 'zod'
import * as cases from '../usecases/mediation/apply'
import * as q from '../usecases/mediation/queue'
import * as thread from '../usecases/mediation/messages'
import { action, defineFunction } from './handler'
import { applyMediation, dateRange, empty, id, invite, mediationAct, mediationQueue, page, sendMessage } from './schemas'

/** 在线调解: parties apply, join by invitation and follow the case; mediators and the centre work it. */
export const main = defineFunction('mediation', {
  options: action(empty, async (d) => q.options(d, await d.orgTree())),
  apply: action(applyMediation, cases.apply),
  mine: action(page, q.mine),
  get: action(z.object({ id }).strict(), cases.get),
  invitation: action(invite, cases.invitation),
  join: action(invite, cases.join),
  act: action(mediationAct, cases.act),
  messages: action(z.object({ id, after: id.optional() }).strict(), thread.messages),
  send: action(sendMessage, thread.send),
  queue: action(mediationQueue, q.queue),
  mediators: action(z.object({ committee: z.string().max(32).optional() }).strict(), q.mediators),
  ledger: action(dateRange, q.ledger),
  ledgerCsv: action(dateRange, q.ledgerCsv),
})
