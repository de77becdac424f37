import type { Case } from '../../../src/core/case'
import { MODERATION_ACTIONS, REPORT, type ReportPayload } from '../../../src/core/kinds/report'
import { isTerminal, labelOf } from '../../../src/core/transition'
import { categoryName } from '../../config/district'
import type { Deps } from '../../deps'
import { defineNotices, type CaseEventNote, type Telling } from '../inbox/noticeRegistry'
import { deliverModerationNotice } from './moderationNotice'
import { hasPublicView, publicDescription } from './publicView'

/** The report's detail page, for the reporter, followers and staff alike. */
const DETAIL = 'pages/report/detail/index'

/**
 * A follower reads only what the public view shows: the published (or redacted) description,
 * else the category; the reporter and staff the description itself.
 */
function subjectFor(d: Deps, c: Case, asFollower: boolean): string {
  const p = c.payload as unknown as ReportPayload
  const text = asFollower ? (publicDescription(p) ?? categoryName(d.config, c.category)) : String(p.description ?? '')
  return `「${text.length > 16 ? `${text.slice(0, 16)}…` : text}」`
}

function describe(d: Deps, { c, e }: CaseEventNote, userId: string, followers: ReadonlySet<string>): { title: string; body: string } {
  const asFollower = followers.has(userId) && userId !== c.creatorId && userId !== c.assigneeId
  const subject = subjectFor(d, c, asFollower)
  const status = labelOf(REPORT.statusLabels, e.toStatus)
  // A follower hears the status in the words the public view uses, never staff instructions.
  switch (asFollower ? '' : e.action) {
    case 'submit':
      return { title: '新的网格事件', body: `${subject}已上报，请及时受理` }
    case 'mark_overdue':
      return { title: '事项已超时', body: `${subject}已超过办理期限，请尽快处置` }
    case 'escalate':
      return { title: '事项已上报上级', body: `${subject}已上报至上一级处理` }
    case 'assign':
      return { title: '事项已分派', body: `${subject}已分派，请及时处置` }
    default:
      return {
        title: `事项${status}`,
        body: `${userId === c.creatorId ? '您上报的' : '您关注的'}事项${subject}${labelOf(REPORT.actionLabels, e.action)}，当前状态：${status}`,
      }
  }
}

/**
 * Followers of a report who should hear of this event: none once the case is closed (or the
 * event closes it), none when the report has no public view (sensitive, 找网格员, hidden), and
 * only for a change of status or a public update — never for an internal note.
 */
async function followersToTell(d: Deps, { c, e, storedEvent }: CaseEventNote): Promise<Set<string>> {
  if (isTerminal(REPORT, c.status) || isTerminal(REPORT, e.toStatus) || !hasPublicView(d, c)) return new Set()
  const followers = await d.store.followers(c.id)
  if (followers.length === 0) return new Set()
  const event = await storedEvent()
  // The submission itself goes to staff; a follower arrives later.
  if (!event || event.action === 'submit' || (event.fromStatus === event.toStatus && event.visibility !== 'public')) return new Set()
  return new Set(followers)
}

/** Everyone who should hear of the event, except whoever caused it. */
async function recipients(d: Deps, { c, e }: CaseEventNote, followers: ReadonlySet<string>): Promise<string[]> {
  const out = new Set<string>([c.creatorId, ...followers])
  if (c.assigneeId) out.add(c.assigneeId)
  if (e.action === 'submit' || e.action === 'mark_overdue' || e.action === 'escalate') {
    // New and overdue work goes to whoever holds the case's unit now: the grid's workers while it
    // sits at the grid, the command centre above it.
    const tree = await d.orgTree()
    const chain = tree.chain(c.gridCode ?? c.unitCode).map((u) => u.code)
    const atGrid = c.unitCode === c.gridCode
    const roles = atGrid ? (['grid_worker', 'dispatcher'] as const) : (['dispatcher'] as const)
    for (const u of await d.store.listStaff(chain, roles)) out.add(u.id)
  }
  out.delete(e.actorId)
  return [...out]
}

/** An internal note (添加备注 kept 内部) is staff business: the reporter is not told of it. */
async function isInternalNote({ e, storedEvent }: CaseEventNote): Promise<boolean> {
  if (e.action !== 'note') return false
  return (await storedEvent())?.visibility !== 'public'
}

/** Reports (网格事件): staff, the reporter and the report's followers hear of its moves. */
export const reportNotices = defineNotices({
  area: 'report',
  kinds: [
    {
      kind: 'report',
      pages: [DETAIL],
      inboxOpensCase: true,
      // Moderation is told to the reporter alone, in its own words (or to nobody).
      async deliverOwn(d, { c, e }, msg) {
        if (!MODERATION_ACTIONS.has(e.action)) return false
        await deliverModerationNotice(d, c, e.eventId, msg)
        return true
      },
      async audience(d, note): Promise<Telling[]> {
        const followers = await followersToTell(d, note)
        const everyone = await recipients(d, note, followers)
        const users = (await isInternalNote(note)) ? everyone.filter((u) => u !== note.c.creatorId) : everyone
        return users.map((userId) => ({ userId, ...describe(d, note, userId, followers) }))
      },
      page: (c) => `${DETAIL}?id=${c.id}`,
      // The consent asked at 上报 is for the outcome: 办结, or why not.
      push: { notice: 'caseProgress', keyEvent: (e) => ['resolved', 'rejected', 'merged'].includes(e.toStatus) },
    },
  ],
})
