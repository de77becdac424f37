import type { Case, TimelineEvent } from '../../src/core/case'
import { REPORT } from '../../src/core/kinds/report'
import { labelOf } from '../../src/core/transition'
import type { InboxItem, OutboxMessage } from '../ports'
import type { Deps } from '../deps'
import { CASE_EVENT } from './shared/persist'
import { MEDIATION } from '../../src/core/kinds/mediation'
import { KINDS } from '../../src/core/kinds'
import { ACCESS_GRANT, ACCESS_REVOKE, deliverAccess } from './rental/access'
import { hasPublicView, publicDescription } from './report/publicView'
import type { ReportPayload } from '../../src/core/kinds/report'
import { isTerminal } from '../../src/core/transition'
import { categoryName } from '../config/district'
import { describeCheckin, checkinRecipients, describeMisuse, misuseRecipients } from './rental/notices'
import { MODERATION_ACTIONS } from '../../src/core/kinds/report'
import { deliverModerationNotice } from './report/moderationNotice'

export const CASE_MESSAGE = 'case.message'
import { GRID_ANNOUNCEMENT, GRID_QR_EXPIRING, GRID_REMIND } from './grid/staff'

const BACKOFF_SECONDS = [5, 30, 120, 600, 1800, 3600]

/** Retry later, longer each time, capped at an hour: a broken channel never blocks the others. */
export function nextAttempt(now: Date, attempts: number): string {
  const s = BACKOFF_SECONDS[Math.min(attempts, BACKOFF_SECONDS.length - 1)]!
  return new Date(now.getTime() + s * 1000).toISOString()
}

interface CaseEventPayload {
  caseId: string
  eventId: string
  action: string
  toStatus: string
  actorId: string
}

function describeMediation(c: Case, e: CaseEventPayload): { title: string; body: string } {
  const status = labelOf(MEDIATION.statusLabels, e.toStatus)
  const action = labelOf(MEDIATION.actionLabels, e.action)
  switch (e.action) {
    case 'apply':
      return { title: '新的调解申请', body: '有新的在线调解申请，请及时受理' }
    case 'remind':
      return { title: '调解期限提醒', body: '调解案件即将到期，请抓紧调解' }
    case 'mark_overdue':
      return { title: '调解案件已超期', body: '调解案件已超过办理期限，请综治中心督办' }
    default:
      return { title: `调解${status}`, body: `您的调解案件：${action}，当前状态：${status}` }
  }
}

/**
 * A follower reads only what the public view shows: the published (or redacted) description,
 * else the category; the reporter and staff the description itself.
 */
function subjectFor(d: Deps, c: Case, asFollower: boolean): string {
  const p = c.payload as unknown as ReportPayload
  const text = asFollower ? (publicDescription(p) ?? categoryName(d.config, c.category)) : String(p.description ?? '')
  return `「${text.length > 16 ? `${text.slice(0, 16)}…` : text}」`
}

function describe(d: Deps, c: Case, e: CaseEventPayload, userId: string, followers: ReadonlySet<string>): { title: string; body: string } {
  if (c.kind === 'mediation') return describeMediation(c, e)
  if (c.kind === 'checkin') return describeCheckin(c, e)
  if (c.kind === 'misuse') return describeMisuse(c, e)
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
async function followersToTell(d: Deps, c: Case, e: CaseEventPayload, storedEvent: () => Promise<TimelineEvent | undefined>): Promise<Set<string>> {
  if (c.kind !== 'report') return new Set(await d.store.followers(c.id))
  if (isTerminal(REPORT, c.status) || isTerminal(REPORT, e.toStatus) || !hasPublicView(d, c)) return new Set()
  const followers = await d.store.followers(c.id)
  if (followers.length === 0) return new Set()
  const event = await storedEvent()
  // The submission itself goes to staff; a follower arrives later.
  if (!event || event.action === 'submit' || (event.fromStatus === event.toStatus && event.visibility !== 'public')) return new Set()
  return new Set(followers)
}

/** An internal note (添加备注 kept 内部) is staff business: the reporter is not told of it. */
async function isInternalNote(c: Case, e: CaseEventPayload, storedEvent: () => Promise<TimelineEvent | undefined>): Promise<boolean> {
  if (c.kind !== 'report' || e.action !== 'note') return false
  return (await storedEvent())?.visibility !== 'public'
}

/** Everyone who should hear of the event, except whoever caused it. */
async function recipients(d: Deps, c: Case, e: CaseEventPayload, followers: ReadonlySet<string>): Promise<string[]> {
  if (c.kind === 'checkin') return checkinRecipients(c, e)
  if (c.kind === 'misuse') return misuseRecipients(d, c, e)
  const out = new Set<string>([c.creatorId, ...followers])
  if (c.assigneeId) out.add(c.assigneeId)
  if (c.kind === 'mediation') {
    // The centre hears of new applications and overdue cases; the parties and mediator of the rest.
    if (e.action === 'apply' || e.action === 'mark_overdue') {
      const tree = await d.orgTree()
      for (const u of await d.store.listStaff(tree.chain(c.unitCode).map((x) => x.code), ['dispatcher'])) out.add(u.id)
    }
    if (e.action === 'apply') out.delete(c.creatorId)
    out.delete(e.actorId)
    return [...out]
  }
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

/** A new message in a mediation thread: everyone else on the case hears of it in the app. */
async function deliverCaseMessage(d: Deps, msg: OutboxMessage): Promise<void> {
  const { caseId, authorId } = msg.payload as { caseId: string; authorId: string }
  const c = await d.store.getCase(caseId)
  if (!c) return
  const users = new Set<string>([c.creatorId, ...(await d.store.followers(c.id))])
  if (c.assigneeId) users.add(c.assigneeId)
  users.delete(authorId)
  await d.store.addInbox([...users].map((userId) => ({ id: `${msg.id}-${userId}`, userId, caseId, title: '调解新消息', body: '您的调解案件有新的沟通消息', createdAt: msg.createdAt, readAt: null })))
}

/** Due a day before the group QR expires; a code replaced since then needs no reminder. */
async function deliverQrReminder(d: Deps, msg: OutboxMessage): Promise<void> {
  const { gridCode, expiresAt } = msg.payload as { gridCode: string; expiresAt: string }
  const board = await d.store.getBoard(gridCode)
  if (board?.qr?.expiresAt !== expiresAt) return
  const tree = await d.orgTree()
  const workers = await d.store.listStaff(tree.chain(gridCode).map((u) => u.code), ['grid_worker'])
  const name = tree.get(gridCode)?.name ?? gridCode
  await d.store.addInbox(workers.map((u) => ({ id: `${msg.id}-${u.id}`, userId: u.id, caseId: null, title: '群二维码即将过期', body: `「${name}」网格群二维码将于明天过期，请在微信中重新生成并上传`, createdAt: msg.createdAt, readAt: null })))
}

async function joinedMembers(d: Deps, gridCodes: readonly string[]): Promise<string[]> {
  const out = new Set<string>()
  for (const g of gridCodes) for (const m of await d.store.listMemberships(g, 'joined', 100_000)) out.add(m.userId)
  return [...out]
}

/** "提醒未读": an inbox message to each member who has not read the announcement yet. */
async function deliverUnreadReminder(d: Deps, msg: OutboxMessage): Promise<void> {
  const a = await d.store.getAnnouncement((msg.payload as { announcementId: string }).announcementId)
  if (!a) return
  const read = new Set((await d.store.announcementReads(a.id)).map((r) => r.userId))
  const items = (await joinedMembers(d, a.gridCodes))
    .filter((u) => !read.has(u))
    .map((userId) => ({ id: `${msg.id}-${userId}`, userId, caseId: null, title: `请阅读：${a.title}`.slice(0, 40), body: '网格员提醒您阅读一条网格公告', createdAt: msg.createdAt, readAt: null }))
  for (let i = 0; i < items.length; i += 500) await d.store.addInbox(items.slice(i, i + 500))
}

/** Emergencies (紧急) go out as subscribe messages to every member who consented. */
async function pushEmergency(d: Deps, msg: OutboxMessage): Promise<void> {
  const a = await d.store.getAnnouncement((msg.payload as { announcementId: string }).announcementId)
  const template = d.config.subscribeTemplates.caseStatus
  if (!a || !template) return
  for (const userId of await joinedMembers(d, a.gridCodes)) {
    const u = await d.store.getUser(userId)
    if (!u?.openid || !(await d.store.takeSubscribeQuota(userId, template))) continue
    await d.notifier.sendSubscribe({ openid: u.openid, templateId: template, page: 'pages/grid/news/index', data: { thing1: { value: `紧急：${a.title}`.slice(0, 20) }, phrase2: { value: '紧急' }, time3: { value: a.publishedAt.slice(0, 16).replace('T', ' ') } } })
  }
}

async function deliverCaseEvent(d: Deps, msg: OutboxMessage): Promise<void> {
  const e = msg.payload as unknown as CaseEventPayload
  const c = await d.store.getCase(e.caseId)
  if (!c) return
  // Moderation is told to the reporter alone, in its own words (or to nobody).
  if (c.kind === 'report' && MODERATION_ACTIONS.has(e.action)) return deliverModerationNotice(d, c, e.eventId, msg)
  // The event's stored row (visibility, who moved), read once and only if a rule needs it.
  let read: Promise<TimelineEvent | undefined> | undefined
  const storedEvent = () => (read ??= d.store.timeline(c.id).then((t) => t.find((x) => x.id === e.eventId)))
  const followers = await followersToTell(d, c, e, storedEvent)
  const everyone = await recipients(d, c, e, followers)
  const users = (await isInternalNote(c, e, storedEvent)) ? everyone.filter((u) => u !== c.creatorId) : everyone
  // A check-in is no 事项 the inbox can open (its link leads to the case detail page).
  const caseId = c.kind === 'checkin' || c.kind === 'misuse' ? null : c.id
  const items: InboxItem[] = users.map((userId) => ({ id: `${msg.id}-${userId}`, userId, caseId, ...describe(d, c, e, userId, followers), createdAt: msg.createdAt, readAt: null }))
  await d.store.addInbox(items)
  const template = d.config.subscribeTemplates.caseStatus
  if (!template) return
  for (const userId of users) {
    const { title } = describe(d, c, e, userId, followers)
    const u = await d.store.getUser(userId)
    if (!u?.openid || !(await d.store.takeSubscribeQuota(userId, template))) continue
    await d.notifier.sendSubscribe({
      openid: u.openid,
      templateId: template,
      page: c.kind === 'mediation' ? `pages/mediation/detail/index?id=${c.id}` : c.kind === 'checkin' ? 'pages/rental/mine/index' : c.kind === 'misuse' ? (userId === c.creatorId ? 'pages/rental/mine/index' : 'pages/rental-staff/police/area/index') : `pages/report/detail/index?id=${c.id}`,
      data: { thing1: { value: title.slice(0, 20) }, phrase2: { value: labelOf(KINDS[c.kind].statusLabels, c.status).slice(0, 5) }, time3: { value: msg.createdAt.slice(0, 16).replace('T', ' ') } },
    })
  }
}

/** How long one message's delivery may take before it counts as failed (a receiver that hangs). */
export const DELIVERY_TIMEOUT_MS = 10_000

async function deliverOne(d: Deps, msg: OutboxMessage): Promise<void> {
  if (msg.topic === CASE_EVENT) await deliverCaseEvent(d, msg)
  if (msg.topic === CASE_MESSAGE) await deliverCaseMessage(d, msg)
  if (msg.topic === GRID_QR_EXPIRING) await deliverQrReminder(d, msg)
  if (msg.topic === GRID_REMIND) await deliverUnreadReminder(d, msg)
  if (msg.topic === GRID_ANNOUNCEMENT) await pushEmergency(d, msg)
  if (msg.topic === ACCESS_GRANT || msg.topic === ACCESS_REVOKE) await deliverAccess(d, msg)
}

/** Rejects when `work` has not settled within `ms`; the work itself may still finish later. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`delivery timed out after ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Delivers due outbox messages. Each is marked delivered only after its inbox rows are written
 * (ids are deterministic, so a retry after a crash writes nothing twice); failures and deliveries
 * that hang past the timeout back off and go again (at least once, in order per key).
 */
export async function deliverDue(d: Deps, limit = 100, opts: { timeoutMs?: number } = {}): Promise<{ delivered: number; failed: number }> {
  const now = d.clock.now()
  const timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS
  let delivered = 0
  let failed = 0
  for (const msg of await d.store.dueMessages(now.toISOString(), limit)) {
    try {
      await within(deliverOne(d, msg), timeoutMs)
      await d.store.markDelivered(msg.id, d.clock.now().toISOString())
      delivered++
    } catch (err) {
      failed++
      await d.store.markFailed(msg.id, err instanceof Error ? err.message.slice(0, 200) : 'unknown', nextAttempt(now, msg.attempts))
    }
  }
  return { delivered, failed }
}
