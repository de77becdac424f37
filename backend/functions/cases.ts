import { fail } from '../../src/core/outcome'
import * as commands from '../usecases/caseCommands'
import * as q from '../usecases/queue'
import { submit } from '../usecases/reports'
import { moderate } from '../usecases/moderation/moderate'
import { moderationQueue } from '../usecases/moderation/queue'
import { isMediaCheckPush } from '../contentSecurityPort'
import { mediaCheckPush } from './mediaCheckPush'
import { action, defineFunction } from './handler'
import { byId, empty, page } from '../../src/contracts/commonSchemas'
import { act, bulkAssign, moderate as moderateInput, proxySubmit, queueFilter, queuePage } from '../../src/contracts/reportSchemas'

/** The staff workbench: grid workers, the street command centre (综治中心), departments. */
const workbench = defineFunction('cases', {
  queue: action(queuePage, q.queue),
  get: action(byId, commands.get),
  act: action(act, commands.act),
  bulkAssign: action(bulkAssign, commands.bulkAssign),
  proxySubmit: action(proxySubmit, async (d, actor, input) => {
    if (!actor.grants.some((g) => g.role === 'grid_worker')) return fail('FORBIDDEN', '仅网格员可代办上报')
    const { proxy, ...report } = input
    return submit(d, actor, report, proxy)
  }),
  assignees: action(empty, (d, actor) => q.assignees(d, actor)),
  stats: action(queueFilter, q.stats),
  exportCsv: action(queueFilter, q.exportCsv),
  moderationQueue: action(page, moderationQueue),
  moderate: action(moderateInput, moderate),
})

/** WeChat's message push of an image check's verdict comes here too, with no action and no caller. */
export async function main(event: unknown, context: unknown): Promise<object> {
  return isMediaCheckPush(event) ? mediaCheckPush(event, context) : workbench(event, context)
}
