import { list } from '../usecases/inbox/list'
import { markRead } from '../usecases/inbox/markRead'
import { subscribe } from '../usecases/inbox/subscribe'
import { templates } from '../usecases/inbox/templates'
import { action, defineFunction } from './handler'
import { empty } from '../../src/contracts/commonSchemas'
import * as s from '../../src/contracts/inboxSchemas'

export const main = defineFunction('inbox', {
  list: action(s.inboxPage, list),
  markRead: action(s.markRead, markRead),
  templates: action(empty, templates),
  subscribe: action(s.subscribe, subscribe),
})
