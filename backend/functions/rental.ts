import * as buildings from '../usecases/rental/buildings'
import * as checkins from '../usecases/rental/checkins'
import * as inspections from '../usecases/rental/inspections'
import * as misuse from '../usecases/rental/misuse'
import * as police from '../usecases/rental/police'
import { action, defineFunction } from './handler'
import { empty } from '../../src/contracts/commonSchemas'
import * as s from '../../src/contracts/rentalSchemas'

/** 出租屋实名登记: tenants check in by a building's QR, managers keep the roster, police see their area. */
export const main = defineFunction('rental', {
  building: action(s.byCode, buildings.building),
  checkIn: action(s.checkIn, checkins.checkIn),
  mine: action(empty, (d, actor) => checkins.mine(d, actor)),
  update: action(s.updateRegistration, checkins.update),
  checkOut: action(s.checkOut, checkins.checkOut),
  reportMisuse: action(s.reportMisuse, misuse.reportMisuse),
  registerBuilding: action(s.registerBuilding, buildings.registerBuilding),
  myBuildings: action(empty, (d, actor) => buildings.myBuildings(d, actor)),
  buildingQr: action(s.byBuilding, buildings.buildingQr),
  registrations: action(s.registrations, checkins.registrations),
  decide: action(s.decide, checkins.decide),
  inspectionItems: action(empty, async (d) => inspections.inspectionItems(d)),
  inspect: action(s.inspect, inspections.inspect),
  inspections: action(s.byBuilding, inspections.inspections),
  overdueInspections: action(s.overdueInspections, buildings.overdueInspections),
  area: action(s.area, police.area),
  reveal: action(s.reveal, police.reveal),
  exportCsv: action(s.exportCsv, police.exportCsv),
  audit: action(s.auditPage, police.audit),
  closeDispute: action(s.closeDispute, misuse.closeDispute),
})
