import { z } from 'zod'
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
import { confirm as confirmInput, duplicates as duplicatesInput, empty, id, lat, lng, page, point, reopen as reopenInput, submitReport } from './schemas'

/**
 * The resident's side of the report area: each action runs `usecases/report/<action>.ts`.
 * `reports.get` is the resident's detail (report/get.ts); staff read through `cases.get` (report/staffGet.ts).
 */
export const main = defineFunction('reports', {
  categories: action(empty, categories),
  locate: action(point, locate),
  gridMap: action(z.object({ lng: lng.optional(), lat: lat.optional() }).strict(), gridMap),
  submit: action(submitReport, submit),
  mine: action(page, mine),
  get: action(z.object({ id }).strict(), get),
  duplicates: action(duplicatesInput, duplicates),
  follow: action(z.object({ id }).strict(), follow),
  confirm: action(confirmInput, confirm),
  reopen: action(reopenInput, reopen),
})
