import * as inbox from '../usecases/inbox'
import { action, defineFunction } from './handler'
import { empty, inboxPage, markRead, subscribe } from './schemas'

export const main = defineFunction('inbox', {
  list: action(inboxPage, inbox.list),
  markRead: action(markRead, inbox.markRead),
  templates: action(empty, async (d) => inbox.templates(d)),
  subscribe: action(subscribe, inbox.subscribe),
})
