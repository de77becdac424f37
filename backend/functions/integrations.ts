import { addHotline } from '../usecases/integrations/addHotline'
import { deliveries } from '../usecases/integrations/deliveries'
import { issueKey } from '../usecases/integrations/issueKey'
import { partners } from '../usecases/integrations/partners'
import { revokePartner } from '../usecases/integrations/revokePartner'
import { revokeSubscription } from '../usecases/integrations/revokeSubscription'
import { subscribe } from '../usecases/integrations/subscribe'
import { subscriptions } from '../usecases/integrations/subscriptions'
import * as s from '../../src/contracts/integrationSchemas'
import { empty } from '../../src/contracts/commonSchemas'
import { action, defineFunction } from './handler'

/** 对外接口 (district administrators): Open311 keys, 12345 platforms, case-event subscriptions and their delivery log. */
export const main = defineFunction('integrations', {
  partners: action(empty, partners),
  issueKey: action(s.issueKey, issueKey),
  addHotline: action(s.addHotline, addHotline),
  revokePartner: action(s.revokePartner, revokePartner),
  subscriptions: action(empty, subscriptions),
  subscribe: action(s.subscribe, subscribe),
  revokeSubscription: action(s.revokeSubscription, revokeSubscription),
  deliveries: action(s.deliveries, deliveries),
})
