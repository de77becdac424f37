import type { Case } from '../../../src/core/case'
import { MODERATION_ACTIONS, REPORT, REPORT_CONFIRM_WINDOW_DAYS, type ModerationAction, type ReportAction } from '../../../src/core/kinds/report'
import { CLAIM_PROXIED } from '../../../src/core/proxyMark'
import { isTerminal, labelOf } from '../../../src/core/transition'
import { categoryName } from '../../config/district'
import type { Deps } from '../../deps'
import { caseRef } from '../inbox/caseName'
import { defineNotices, type CaseEventNote, type Telling } from '../inbox/noticeRegistry'
import { deliverModerationNotice } from './moderationNotice'
import { hasPublicView } from './publicView'

/** The report's detail page, for the reporter, followers and staff alike. */
const DETAIL = 'pages/report/detail/index'

/** Who reads a report's notice: the person who filed it, someone following it, or staff on it. */
export type ReportReader = 'reporter' | 'follower' | 'staff'

/** The events of a report told by `audience` (moderation is told on its own, moderationNotice.ts). */
export type ReportEvent = Exclude<ReportAction, ModerationAction> | 'submit' | typeof CLAIM_PROXIED

/** What one event says: a title that says what happened, and per reader a body naming the case and what to do next. */
interface ReportWords {
  title: string
  /** A different title for staff, where what happened reads differently at the desk. */
  staffTitle?: string
  reporter: (name: string) => string
  staff: (name: string) => string
}

const W = REPORT_CONFIRM_WINDOW_DAYS

/** Every event of the report table, in words; a new action fails to compile (and the notices test) until it has its own. */
export const REPORT_WORDS: Record<ReportEvent, ReportWords> = {
  submit: {
    title: '事项已收到',
    staffTitle: '新的网格事件',
    reporter: (n) => `您上报的${n}已收到，网格员将尽快受理，进展会在这里通知您`,
    staff: (n) => `${n}已上报，请及时受理`,
  },
  accept: {
    title: '事项已受理',
    reporter: (n) => `您上报的${n}已受理，工作人员将尽快处置，进展会在这里通知您`,
    staff: (n) => `${n}已受理，请及时处置`,
  },
  assign: {
    title: '事项已分派',
    staffTitle: '新分派给您的事项',
    reporter: (n) => `您上报的${n}已分派给处置人员，请等待现场处置`,
    staff: (n) => `${n}已分派给您，请及时处置`,
  },
  start: {
    title: '事项处置中',
    reporter: (n) => `您上报的${n}已开始处置，办结后会通知您查看结果`,
    staff: (n) => `${n}已开始处置，办结时请上传处置后照片`,
  },
  resolve: {
    title: '事项已办结',
    reporter: (n) => `您上报的${n}已办结，请在 ${W} 天内查看处置结果并评价；问题仍在可重新打开`,
    staff: (n) => `${n}已办结，等待居民确认评价`,
  },
  confirm: {
    title: '居民已确认评价',
    reporter: (n) => `您已确认${n}办结并评价，感谢您的参与`,
    staff: (n) => `居民已确认${n}办结并评价，事项已归档，可在事项中查看评价`,
  },
  reopen: {
    title: '事项被重新打开',
    reporter: (n) => `您上报的${n}已重新打开，工作人员将继续处置`,
    staff: (n) => `居民认为${n}的问题仍未解决，已重新打开，请查看原因并继续处置`,
  },
  // Only 12345 orders are followed up; their caller has no account, so staff alone hear of it.
  follow_up: {
    title: '已记录回访结果',
    reporter: (n) => `${n}的回访结果已记录`,
    staff: (n) => `${n}已记录 12345 回访结果，结果已发回热线平台，可在事项中查看`,
  },
  auto_close: {
    title: '事项已归档',
    reporter: (n) => `您上报的${n}办结已满 ${W} 天，已自动归档，感谢您的参与`,
    staff: (n) => `${n}办结已满 ${W} 天，居民未评价，已自动归档，无需操作`,
  },
  reject: {
    title: '事项不予受理',
    reporter: (n) => `您上报的${n}不予受理，原因请在事项详情中查看`,
    staff: (n) => `${n}不予受理，原因已告知居民`,
  },
  merge: {
    title: '事项已合并办理',
    reporter: (n) => `您上报的${n}与其他事项重复，已合并办理，请在事项详情中查看合并后的进展`,
    staff: (n) => `${n}与其他事项重复，已合并办理，无需另行处置`,
  },
  escalate: {
    title: '事项已上报上级',
    reporter: (n) => `您上报的${n}已转交上一级协调处理，请耐心等待，进展会在这里通知您`,
    staff: (n) => `${n}已上报至上一级，请及时受理或分派`,
  },
  mark_overdue: {
    title: '事项已超时',
    reporter: (n) => `您上报的${n}已超过办理期限，已提醒工作人员尽快处置`,
    staff: (n) => `${n}已超过办理期限，请尽快处置`,
  },
  to_mediation: {
    title: '事项已转为调解',
    reporter: (n) => `您上报的${n}已转为人民调解，调解员将联系您和对方当事人，请在「我的调解」中查看`,
    staff: (n) => `${n}已转为人民调解，由调解委员会办理，无需另行处置`,
  },
  // 本人认领 (proxyMark.ts): the person now follows their own report.
  [CLAIM_PROXIED]: {
    title: '事项已由本人认领',
    reporter: (n) => `您已认领${n}，进展会在这里通知您`,
    staff: (n) => `${n}已由居民本人认领，后续进展将同时通知居民`,
  },
  note: {
    title: '事项有新的回复',
    staffTitle: '事项有新的备注',
    reporter: (n) => `工作人员回复了您上报的${n}，请在事项详情中查看`,
    staff: (n) => `${n}有新的备注，请在事项中查看`,
  },
}

/** A follower hears the status in the words the public view uses, never staff instructions. */
function followerWords(name: string, e: CaseEventNote['e'], fromStatus: string | null): { title: string; body: string } {
  const status = labelOf(REPORT.statusLabels, e.toStatus)
  if (e.action === 'note') return { title: '关注的事项有新回复', body: `您关注的${name}有新的公开回复，请在事项详情中查看` }
  if (fromStatus === e.toStatus) return { title: '关注的事项有新进展', body: `您关注的${name}有新进展：${labelOf(REPORT.actionLabels, e.action)}，可在事项详情中查看` }
  return { title: `关注的事项${status}`, body: `您关注的${name}当前状态：${status}，可在事项详情中查看进展` }
}

/** How a report's notices name it: its number and category (the public view shows the category too). */
export function reportRef(d: Deps, c: Case): string {
  return caseRef(c, '事项', categoryName(d.config, c.category))
}

function readerOf(c: Case, userId: string, followers: ReadonlySet<string>): ReportReader {
  if (userId === c.creatorId) return 'reporter'
  if (followers.has(userId) && userId !== c.assigneeId) return 'follower'
  return 'staff'
}

/** The words for one reader of one report event. */
export function describeReport(d: Deps, c: Case, e: CaseEventNote['e'], reader: ReportReader, fromStatus: string | null = null): { title: string; body: string } {
  const name = reportRef(d, c)
  if (reader === 'follower') return followerWords(name, e, fromStatus)
  const words = REPORT_WORDS[e.action as ReportEvent]
  if (!words) {
    const status = labelOf(REPORT.statusLabels, e.toStatus)
    return { title: `事项${status}`, body: `${name}当前状态：${status}，请在事项详情中查看` }
  }
  return reader === 'staff' ? { title: words.staffTitle ?? words.title, body: words.staff(name) } : { title: words.title, body: words.reporter(name) }
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
        const from = followers.size > 0 ? ((await note.storedEvent())?.fromStatus ?? null) : null
        return users.map((userId) => ({ userId, ...describeReport(d, note.c, note.e, readerOf(note.c, userId, followers), from) }))
      },
      page: (c) => `${DETAIL}?id=${c.id}`,
      // The consent asked at 上报 is for the outcome: 办结, or why not.
      push: { notice: 'caseProgress', keyEvent: (e) => ['resolved', 'rejected', 'merged', 'converted'].includes(e.toStatus) },
    },
  ],
})
