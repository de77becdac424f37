import * as buildings from '../usecases/admin/buildings'
import * as cfg from '../usecases/admin/config'
import * as invitations from '../usecases/admin/invitations'
import * as org from '../usecases/admin/orgImport'
import * as staff from '../usecases/admin/staff'
import * as s from '../../src/contracts/adminSchemas'
import { action, defineFunction } from './handler'
import { byId, empty } from '../../src/contracts/commonSchemas'

/** Putting a district on Jiefang: org and staff import, invitations, the district configuration. */
export const main = defineFunction('admin', {
  units: action(empty, org.listUnits),
  planOrg: action(s.orgFiles, org.planOrg),
  applyOrg: action(s.applyOrgFiles, org.applyOrg),
  importStaff: action(s.importStaff, staff.importStaff),
  importBuildings: action(s.importStaff, buildings.importBuildings),
  addStaff: action(s.addStaff, staff.addStaff),
  staff: action(empty, staff.listStaffViews),
  revokeStaff: action(s.staffOnly, staff.revokeStaff),
  invite: action(s.invite, invitations.invite),
  invitations: action(s.invitations, invitations.listInvitations),
  revokeInvitation: action(byId, invitations.revokeInvitation),
  config: action(empty, cfg.getConfig),
  saveConfig: action(s.saveConfig, cfg.saveConfig),
  configHistory: action(empty, cfg.configHistory),
})
