import * as reports from '../usecases/reports'
import { action, defineFunction } from './handler'
import { residentAct } from '../usecases/caseCommands'
import { byId, empty, page, point } from '../../src/contracts/commonSchemas'
import { confirm, duplicates, gridMap, reopen, submitReport } from '../../src/contracts/reportSchemas'

export const main = defineFunction('reports', {
  categories: action(empty, async (d) => reports.categories(d)),
  locate: action(point, (d, _actor, p) => reports.locate(d, p)),
  gridMap: action(gridMap, (d, _a, p) => reports.gridMap(d, p)),
  submit: action(submitReport, (d, actor, i) => reports.submit(d, actor, i)),
  mine: action(page, reports.mine),
  get: action(byId, reports.get),
  duplicates: action(duplicates, reports.duplicates),
  follow: action(byId, reports.follow),
  confirm: action(confirm, (d, actor, i) => residentAct(d, actor, { ...i, action: 'confirm' })),
  reopen: action(reopen, (d, actor, i) => residentAct(d, actor, { ...i, action: 'reopen' })),
})
