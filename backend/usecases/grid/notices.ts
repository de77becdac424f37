import type { Deps } from '../../deps'
import type { OutboxMessage } from '../../ports'
import type { MembershipKey } from '../../repos/grid'
import { defineNotices } from '../inbox/noticeRegistry'
import { offerPushPage } from '../inbox/push'
import { GRID_ANNOUNCEMENT, GRID_QR_EXPIRING, GRID_REMIND } from './topics'

/** Residents' announcements page, where an emergency's subscribe message leads. */
const NEWS = 'pages/grid/news/index'

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

/** Unread members reminded per inbox write. */
const REMIND_PAGE = 500

/**
 * "提醒未读": an inbox message to each member who has not read the announcement yet, a page of
 * the unread roster at a time (a street's is 50,000); a person in two of its grids gets one.
 */
async function deliverUnreadReminder(d: Deps, msg: OutboxMessage): Promise<void> {
  const a = await d.store.getAnnouncement((msg.payload as { announcementId: string }).announcementId)
  if (!a) return
  const reminded = new Set<string>()
  let after: MembershipKey | undefined
  for (;;) {
    const page = await d.store.unreadMembers(a, { after, limit: REMIND_PAGE })
    const fresh = [...new Set(page.map((m) => m.userId))].filter((u) => !reminded.has(u))
    for (const u of fresh) reminded.add(u)
    const items = fresh.map((userId) => ({ id: `${msg.id}-${userId}`, userId, caseId: null, title: `请阅读：${a.title}`.slice(0, 40), body: `网格员提醒您阅读公告「${a.title}」，请打开网格公告查看`.slice(0, 100), createdAt: msg.createdAt, readAt: null }))
    if (items.length) await d.store.addInbox(items)
    if (page.length < REMIND_PAGE) return
    after = page[page.length - 1]
  }
}

/** Members offered an emergency's push per page (users, consents, queued pushes: a read each). */
const PUSH_PAGE = 500

/**
 * Emergencies (紧急): a subscribe message queued for every member with a consent left (each sent
 * and retried on its own), a page of members at a time, so a street's 50,000 cost about five
 * requests per 500 rather than three per member; the board and 网格公告 carry them for everyone.
 */
async function pushEmergency(d: Deps, msg: OutboxMessage): Promise<void> {
  const a = await d.store.getAnnouncement((msg.payload as { announcementId: string }).announcementId)
  if (!a || !d.config.subscribeTemplates.gridEmergency) return
  const members = await joinedMembers(d, a.gridCodes)
  for (let i = 0; i < members.length; i += PUSH_PAGE) {
    const page = members.slice(i, i + PUSH_PAGE)
    await offerPushPage(d, msg.id, 'gridEmergency', page.map((userId) => ({ userId, page: NEWS, title: `紧急：${a.title}`, status: '紧急', at: a.publishedAt })))
  }
}

/** 网格服务群: the group QR's expiry, reminders to read, emergency announcements. */
export const gridNotices = defineNotices({
  area: 'grid',
  topics: [
    { topic: GRID_QR_EXPIRING, pages: [], deliver: deliverQrReminder },
    { topic: GRID_REMIND, pages: [], deliver: deliverUnreadReminder },
    { topic: GRID_ANNOUNCEMENT, pages: [NEWS], deliver: pushEmergency },
  ],
})
