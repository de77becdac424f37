import { z } from 'zod'
import * as reports from '../usecases/reports'
import { action, defineFunction } from './handler'
import { empty, id, lat, lng, page, point, submitReport } from './schemas'

export const main = defineFunction('reports', {
  categories: action(empty, async (d) => reports.categories(d)),
  locate: action(point, (d, _actor, p) => reports.locate(d, p)),
  gridMap: action(z.object({ lng: lng.optional(), lat: lat.optional() }).strict(), (d, _a, p) => reports.gridMap(d, p)),
  submit: action(submitReport, reports.submit),
  mine: action(page, reports.mine),
  get: action(z.object({ id }).strict(), reports.get),
})
