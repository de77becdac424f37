import { categories } from '../usecases/report/categories'
import { confirm } from '../usecases/report/confirm'
import { duplicates } from '../usecases/report/duplicates'
import { follow } from '../usecases/report/follow'
import { get } from '../usecases/report/get'
import { gridMap } from '../usecases/report/gridMap'
import { locate } from '../usecases/report/locate'
import { mine } from '../usecases/report/mine'
import { reopen } from '../usecases/report/reopen'
import { submit } from '../usecases/report/submit'
import { action, defineFunction } from './handler'
import { byId, empty, page, point } from '../../src/contracts/commonSchemas'
import { confirm as confirmInput, duplicates as duplicatesInput, gridMap as gridMapInput, reopen as reopenInput, submitReport } from '../../src/contracts/reportSchemas'

/**
 * The resident's side of the report area: each action runs `usecases/report/<action>.ts`.
 * `reports.get` is the resident's detail (report/get.ts); staff read through `cases.get` (report/staffGet.ts).
 */
export const main = defineFunction('reports', {
  categories: action(empty, categories),
  locate: action(point, locate),
  gridMap: action(gridMapInput, gridMap),
  submit: action(submitReport, submit),
  mine: action(page, mine),
  get: action(byId, get),
  duplicates: action(duplicatesInput, duplicates),
  follow: action(byId, follow),
  confirm: action(confirmInput, confirm),
  reopen: action(reopenInput, reopen),
})
