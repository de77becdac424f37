import { bind, redeemFor } from '../usecases/session/bind'
import { me } from '../usecases/session/me'
import { bind as bindInput } from '../../src/contracts/adminSchemas'
import { action, defineFunction } from './handler'
import { empty } from '../../src/contracts/commonSchemas'

export const main = defineFunction('session', {
  me: action(empty, me),
  // The one action an H5 sign-in not yet bound to staff may call.
  bind: action(bindInput, bind, redeemFor),
})
