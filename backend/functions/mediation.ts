import { act } from '../usecases/mediation/act'
import { apply } from '../usecases/mediation/apply'
import { get } from '../usecases/mediation/get'
import { invitation } from '../usecases/mediation/invitation'
import { inviteQr } from '../usecases/mediation/inviteQr'
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
import { provideWechat } from '../runtime'
import { miniCodes } from './wechatParts'
import { byId, empty, page } from '../../src/contracts/commonSchemas'
import * as schema from '../../src/contracts/mediationSchemas'
import * as helperSchema from '../../src/contracts/mediationHelperSchemas'
import { helpers } from '../usecases/mediation/helpers'
import { helping } from '../usecases/mediation/helping'
import * as intakeSchema from '../../src/contracts/mediationIntakeSchemas'
import { fromReport } from '../usecases/mediation/fromReport'
import { intake } from '../usecases/mediation/intake'
import { intakeOptions } from '../usecases/mediation/intakeOptions'
import * as proxySchema from '../../src/contracts/proxyMediationSchemas'
import { proxyApply } from '../usecases/mediation/proxyApply'

provideWechat(miniCodes)

/** 在线调解: parties apply, join by invitation and follow the case; mediators and the centre work it. */
export const main = defineFunction('mediation', {
  options: action(empty, options),
  apply: action(schema.applyMediation, apply),
  mine: action(page, mine),
  get: action(byId, get),
  invitation: action(schema.invite, invitation),
  inviteQr: action(schema.invite, inviteQr),
  join: action(schema.joinMediation, join),
  act: action(schema.mediationAct, act),
  messages: action(schema.messages, messages),
  send: action(schema.sendMessage, send),
  queue: action(schema.mediationQueue, queue),
  mediators: action(schema.mediators, mediators),
  ledger: action(schema.dateRange, ledger),
  ledgerCsv: action(schema.dateRange, ledgerCsv),
  helpers: action(helperSchema.helperCandidates, helpers),
  helping: action(page, helping),
  intakeOptions: action(intakeSchema.intakeOptions, intakeOptions),
  intake: action(intakeSchema.mediationIntake, intake),
  fromReport: action(intakeSchema.mediationFromReport, fromReport),
  proxyApply: action(proxySchema.proxyApplyMediation, proxyApply),
})
