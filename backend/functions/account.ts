import * as s from '../../src/contracts/accountSchemas'
import * as proxy from '../../src/contracts/proxySchemas'
import { claimProxied } from '../usecases/account/claimProxied'
import { consent } from '../usecases/account/consent'
import { delete as deleteAccount } from '../usecases/account/delete'
import { export as exportData } from '../usecases/account/export'
import { privacy } from '../usecases/account/privacy'
import { profile } from '../usecases/account/profile'
import { proxiedCases } from '../usecases/account/proxiedCases'
import { removePhone } from '../usecases/account/removePhone'
import { setPhone } from '../usecases/account/setPhone'
import { update } from '../usecases/account/update'
import { action, defineFunction } from './handler'
import { provideWechat } from '../runtime'
import { contentSecurity, phoneNumbers } from './wechatParts'

provideWechat(phoneNumbers)
provideWechat(contentSecurity)

export const main = defineFunction('account', {
  profile: action(s.profile, profile),
  update: action(s.updateProfile, update),
  setPhone: action(s.setPhone, setPhone),
  removePhone: action(s.removePhone, removePhone),
  privacy: action(s.privacy, privacy),
  consent: action(s.consent, consent),
  export: action(s.exportData, exportData),
  delete: action(s.deleteAccount, deleteAccount),
  // 认领代办事项: what was filed 代办 for the caller's own phone.
  proxiedCases: action(proxy.proxiedCases, proxiedCases),
  claimProxied: action(proxy.claimProxied, claimProxied),
})
