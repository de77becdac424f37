import { redeem, redeemFor } from '../usecases/session/bind'
import { me } from '../usecases/session/me'
import { bind } from '../../src/contracts/adminSchemas'
import { action, defineFunction } from './handler'
import { empty } from '../../src/contracts/commonSchemas'

export const main = defineFunction('session', {
  me: action(empty, (d, actor) => me(d, actor)),
  // The one action an H5 sign-in not yet bound to staff may call.
  bind: action(bind, redeem, redeemFor),
})
