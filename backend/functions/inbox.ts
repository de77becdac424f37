import * as inbox from '../usecases/inbox'
import { action, defineFunction } from './handler'
import { empty } from '../../src/contracts/commonSchemas'
import { inboxPage, markRead, subscribe } from '../../src/contracts/inboxSchemas'

export const main = defineFunction('inbox', {
  list: action(inboxPage, inbox.list),
  markRead: action(markRead, inbox.markRead),
  templates: action(empty, async (d) => inbox.templates(d)),
  subscribe: action(subscribe, inbox.subscribe),
})
