import { isMediaCheckPush } from '../contentSecurityPort'
import { act } from '../usecases/report/act'
import { assignees } from '../usecases/report/assignees'
import { bulkAssign } from '../usecases/report/bulkAssign'
import { exportCsv } from '../usecases/report/exportCsv'
import { moderate } from '../usecases/report/moderate'
import { moderationQueue } from '../usecases/report/moderationQueue'
import { proxySubmit } from '../usecases/report/proxySubmit'
import { queue } from '../usecases/report/queue'
import { staffGet } from '../usecases/report/staffGet'
import { stats } from '../usecases/report/stats'
import { mediaCheckPush } from './mediaCheckPush'
import { action, defineFunction } from './handler'
import { provideWechat } from '../runtime'
import { contentSecurity } from './wechatParts'
import { byId, empty, page } from '../../src/contracts/commonSchemas'
import { act as actInput, bulkAssign as bulkAssignInput, moderate as moderateInput, proxySubmit as proxySubmitInput, queueFilter, queuePage } from '../../src/contracts/reportSchemas'

// Report moderation checks text and photos (moderate) and receives WeChat's photo verdicts (mediaCheckPush).
provideWechat(contentSecurity)

/**
 * The staff workbench (grid workers, the street command centre 综治中心, departments): each action
 * runs `usecases/report/<action>.ts`, except `cases.get`, the staff detail, which is report/staffGet.ts
 * (report/get.ts is the resident's `reports.get`).
 */
const workbench = defineFunction('cases', {
  queue: action(queuePage, queue),
  get: action(byId, staffGet),
  act: action(actInput, act),
  bulkAssign: action(bulkAssignInput, bulkAssign),
  proxySubmit: action(proxySubmitInput, proxySubmit),
  assignees: action(empty, assignees),
  stats: action(queueFilter, stats),
  exportCsv: action(queueFilter, exportCsv),
  moderationQueue: action(page, moderationQueue),
  moderate: action(moderateInput, moderate),
})

/** WeChat's message push of an image check's verdict comes here too, with no action and no caller. */
export async function main(event: unknown, context: unknown): Promise<object> {
  return isMediaCheckPush(event) ? mediaCheckPush(event, context) : workbench(event, context)
}
