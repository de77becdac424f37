import { addStaff } from '../usecases/admin/addStaff'
import { applyOrg } from '../usecases/admin/applyOrg'
import { getConfig } from '../usecases/admin/config'
import { configHistory } from '../usecases/admin/configHistory'
import { importBuildings } from '../usecases/admin/importBuildings'
import { importStaff } from '../usecases/admin/importStaff'
import { listInvitations } from '../usecases/admin/invitations'
import { invite } from '../usecases/admin/invite'
import { planOrg } from '../usecases/admin/planOrg'
import { revokeInvitation } from '../usecases/admin/revokeInvitation'
import { revokeStaff } from '../usecases/admin/revokeStaff'
import { saveConfig } from '../usecases/admin/saveConfig'
import { listStaffViews } from '../usecases/admin/staff'
import { listUnits } from '../usecases/admin/units'
import * as s from '../../src/contracts/adminSchemas'
import { action, defineFunction } from './handler'
import { byId, empty } from '../../src/contracts/commonSchemas'

/** Putting a district on Jiefang: org and staff import, invitations, the district configuration. */
export const main = defineFunction('admin', {
  units: action(empty, listUnits),
  planOrg: action(s.orgFiles, planOrg),
  applyOrg: action(s.applyOrgFiles, applyOrg),
  importStaff: action(s.importStaff, importStaff),
  importBuildings: action(s.importStaff, importBuildings),
  addStaff: action(s.addStaff, addStaff),
  staff: action(empty, listStaffViews),
  revokeStaff: action(s.staffOnly, revokeStaff),
  invite: action(s.invite, invite),
  invitations: action(s.invitations, listInvitations),
  revokeInvitation: action(byId, revokeInvitation),
  config: action(empty, getConfig),
  saveConfig: action(s.saveConfig, saveConfig),
  configHistory: action(empty, configHistory),
})
