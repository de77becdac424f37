import { z } from 'zod'
import { act } from '../usecases/mediation/act'
import { apply } from '../usecases/mediation/apply'
import { get } from '../usecases/mediation/get'
import { invitation } from '../usecases/mediation/invitation'
import { join } from '../usecases/mediation/join'
import { ledger } from '../usecases/mediation/ledger'
import { ledgerCsv } from '../usecases/mediation/ledgerCsv'
import { mediators } from '../usecases/mediation/mediators'
import { messages } from '../usecases/mediation/messages'
import { mine } from '../usecases/mediation/mine'
import { options } from '../usecases/mediation/options'
import { queue } from '../usecases/mediation/queue'
import { send } from '../usecases/mediation/send'
import { action, defineFunction } from './handler'
import { applyMediation, dateRange, empty, id, invite, mediationAct, mediationQueue, page, sendMessage } from './schemas'

/** 在线调解: parties apply, join by invitation and follow the case; mediators and the centre work it. */
export const main = defineFunction('mediation', {
  options: action(empty, options),
  apply: action(applyMediation, apply),
  mine: action(page, mine),
  get: action(z.object({ id }).strict(), get),
  invitation: action(invite, invitation),
  join: action(invite, join),
  act: action(mediationAct, act),
  messages: action(z.object({ id, after: id.optional() }).strict(), messages),
  send: action(sendMessage, send),
  queue: action(mediationQueue, queue),
  mediators: action(z.object({ committee: z.string().max(32).optional() }).strict(), mediators),
  ledger: action(dateRange, ledger),
  ledgerCsv: action(dateRange, ledgerCsv),
})
