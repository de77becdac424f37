import { z } from 'zod'
import * as reports from '../usecases/report/submit'
import { action, defineFunction } from './handler'
import { residentAct } from '../usecases/report/act'
import { confirm, duplicates, empty, id, lat, lng, page, point, reopen, submitReport } from './schemas'

export const main = defineFunction('reports', {
  categories: action(empty, async (d) => reports.categories(d)),
  locate: action(point, (d, _actor, p) => reports.locate(d, p)),
  gridMap: action(z.object({ lng: lng.optional(), lat: lat.optional() }).strict(), (d, _a, p) => reports.gridMap(d, p)),
  submit: action(submitReport, (d, actor, i) => reports.submit(d, actor, i)),
  mine: action(page, reports.mine),
  get: action(z.object({ id }).strict(), reports.get),
  duplicates: action(duplicates, reports.duplicates),
  follow: action(z.object({ id }).strict(), reports.follow),
  confirm: action(confirm, (d, actor, i) => residentAct(d, actor, { ...i, action: 'confirm' })),
  reopen: action(reopen, (d, actor, i) => residentAct(d, actor, { ...i, action: 'reopen' })),
})
