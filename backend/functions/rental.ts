import { area } from '../usecases/rental/area'
import { audit } from '../usecases/rental/audit'
import { building } from '../usecases/rental/building'
import { buildingQr } from '../usecases/rental/buildingQr'
import { checkIn } from '../usecases/rental/checkIn'
import { checkOut } from '../usecases/rental/checkOut'
import { closeDispute } from '../usecases/rental/closeDispute'
import { decide } from '../usecases/rental/decide'
import { exportCsv } from '../usecases/rental/exportCsv'
import { inspect } from '../usecases/rental/inspect'
import { inspectionItems } from '../usecases/rental/inspectionItems'
import { inspections } from '../usecases/rental/inspections'
import { mine } from '../usecases/rental/mine'
import { myBuildings } from '../usecases/rental/myBuildings'
import { overdueInspections } from '../usecases/rental/overdueInspections'
import { proxyBuildings } from '../usecases/rental/proxyBuildings'
import { proxyCheckIn } from '../usecases/rental/proxyCheckIn'
import { registerBuilding } from '../usecases/rental/registerBuilding'
import { registrations } from '../usecases/rental/registrations'
import { reportMisuse } from '../usecases/rental/reportMisuse'
import { reveal } from '../usecases/rental/reveal'
import { update } from '../usecases/rental/update'
import { action, defineFunction } from './handler'
import { provideWechat } from '../runtime'
import { miniCodes } from './wechatParts'
import { empty } from '../../src/contracts/commonSchemas'
import * as s from '../../src/contracts/rentalSchemas'

provideWechat(miniCodes)

/** 出租屋实名登记: tenants check in by a building's QR, managers keep the roster, police see their area. */
export const main = defineFunction('rental', {
  building: action(s.byCode, building),
  checkIn: action(s.checkIn, checkIn),
  // 代办登记: a grid worker or 代办员 registers a tenant who is present.
  proxyBuildings: action(empty, proxyBuildings),
  proxyCheckIn: action(s.proxyCheckIn, proxyCheckIn),
  mine: action(empty, mine),
  update: action(s.updateRegistration, update),
  checkOut: action(s.checkOut, checkOut),
  reportMisuse: action(s.reportMisuse, reportMisuse),
  registerBuilding: action(s.registerBuilding, registerBuilding),
  myBuildings: action(empty, myBuildings),
  buildingQr: action(s.byBuilding, buildingQr),
  registrations: action(s.registrations, registrations),
  decide: action(s.decide, decide),
  inspectionItems: action(empty, inspectionItems),
  inspect: action(s.inspect, inspect),
  inspections: action(s.byBuilding, inspections),
  overdueInspections: action(s.overdueInspections, overdueInspections),
  area: action(s.area, area),
  reveal: action(s.reveal, reveal),
  exportCsv: action(s.exportCsv, exportCsv),
  audit: action(s.auditPage, audit),
  closeDispute: action(s.closeDispute, closeDispute),
})
