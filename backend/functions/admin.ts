import { addStaff } from '../usecases/admin/addStaff'
import { applyOrg } from '../usecases/admin/applyOrg'
import { config } from '../usecases/admin/config'
import { configHistory } from '../usecases/admin/configHistory'
import { deadLetters } from '../usecases/admin/deadLetters'
import { importBuildings } from '../usecases/admin/importBuildings'
import { importStaff } from '../usecases/admin/importStaff'
import { importCommittees } from '../usecases/admin/importCommittees'
import { invitations } from '../usecases/admin/invitations'
import { invite } from '../usecases/admin/invite'
import { planOrg } from '../usecases/admin/planOrg'
import { revokeInvitation } from '../usecases/admin/revokeInvitation'
import { revokeStaff } from '../usecases/admin/revokeStaff'
import { saveConfig } from '../usecases/admin/saveConfig'
import { staff } from '../usecases/admin/staff'
import { units } from '../usecases/admin/units'
import * as s from '../../src/contracts/adminSchemas'
import * as levels from '../../src/contracts/mediationLevelSchemas'
import { action, defineFunction } from './handler'
import { byId, empty } from '../../src/contracts/commonSchemas'

/** Putting a district on Jiefang: org and staff import, invitations, the district configuration. */
export const main = defineFunction('admin', {
  units: action(empty, units),
  planOrg: action(s.orgFiles, planOrg),
  applyOrg: action(s.applyOrgFiles, applyOrg),
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
