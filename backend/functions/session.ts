import { me } from '../usecases/session'
import { action, defineFunction } from './handler'
import { empty } from './schemas'

export const main = defineFunction('session', {
  me: action(empty, (d, actor) => me(d, actor)),
})
