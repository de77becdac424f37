import { addStaff } from '../usecases/admin/addStaff'
import { config } from '../usecases/admin/config'
import { configHistory } from '../usecases/admin/configHistory'
import { deadLetters } from '../usecases/admin/deadLetters'
import { importBuildings } from '../usecases/admin/importBuildings'
import { importStaff } from '../usecases/admin/importStaff'
import { importCommittees } from '../usecases/admin/importCommittees'
import { invitations } from '../usecases/admin/invitations'
import { invite } from '../usecases/admin/invite'
import { revokeInvitation } from '../usecases/admin/revokeInvitation'
import { revokeStaff } from '../usecases/admin/revokeStaff'
import { saveConfig } from '../usecases/admin/saveConfig'
import { staff } from '../usecases/admin/staff'
import { units } from '../usecases/admin/units'
import * as s from '../../src/contracts/adminSchemas'
import * as levels from '../../src/contracts/mediationLevelSchemas'
import { action, defineFunction, lazyRun } from './handler'
import { provideWechat } from '../runtime'
import { miniCodes } from './wechatParts'
import { byId, empty } from '../../src/contracts/commonSchemas'

provideWechat(miniCodes)

/** The org-plan geometry, loaded by the two actions that use it (cloudfunctions/admin/org.js when built). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const org = () => require('./adminOrg') as typeof import('./adminOrg')

/** Putting a district on Jiefang: org and staff import, invitations, the district configuration. */
export const main = defineFunction('admin', {
  units: action(empty, units),
  planOrg: action(s.orgFiles, lazyRun(() => org().planOrg)),
  applyOrg: action(s.applyOrgFiles, lazyRun(() => org().applyOrg)),
  importStaff: action(s.importStaff, importStaff),
  importBuildings: action(s.importStaff, importBuildings),
  importCommittees: action(levels.importCommittees, importCommittees),
  addStaff: action(s.addStaff, addStaff),
  staff: action(empty, staff),
  revokeStaff: action(s.staffOnly, revokeStaff),
  invite: action(s.invite, invite),
  invitations: action(s.invitations, invitations),
  revokeInvitation: action(byId, revokeInvitation),
  config: action(empty, config),
  saveConfig: action(s.saveConfig, saveConfig),
  configHistory: action(empty, configHistory),
  deadLetters: action(empty, deadLetters),
})
