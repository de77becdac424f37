import { MEDIATION } from '../../../src/core/kinds/mediation'
import { formatFull } from '../../../src/core/time'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import type { OutboxMessage } from '../../ports'
import { defineNotices, type CaseEventNote, type Telling } from '../inbox/noticeRegistry'
import { forTheLiving } from '../inbox/living'

/** A new message in a mediation thread (written by mediation/thread.ts). */
export const CASE_MESSAGE = 'case.message'

/** The parties' and the mediator's page of the case. */
const DETAIL = 'pages/mediation/detail/index'

function describe({ c, e }: CaseEventNote): { title: string; body: string } {
  const status = labelOf(MEDIATION.statusLabels, e.toStatus)
  const action = labelOf(MEDIATION.actionLabels, e.action)
  switch (e.action) {
    case 'apply':
      return { title: '新的调解申请', body: '有新的在线调解申请，请及时受理' }
    case 'remind':
      return { title: '调解期限提醒', body: '调解案件即将到期，请抓紧调解' }
    case 'mark_overdue':
      return { title: '调解案件已超期', body: '调解案件已超过办理期限，请综治中心督办' }
    // These two also go out by WeChat (push below): the title is what the message shows.
    case 'schedule': {
      const s = (c.payload as { sessions?: { id: string; at: string; place: string }[] }).sessions?.find((x) => x.id === e.eventId)
      return { title: '调解已安排', body: s ? `调解时间：${formatFull(s.at)}，地点：${s.place}`.slice(0, 100) : '调解员已安排调解，请查看时间和地点' }
    }
    case 'draft_agreement':
      return { title: '调解协议待确认', body: '调解员已拟定调解协议书，请查看并确认' }
    default:
      return { title: `调解${status}`, body: `您的调解案件：${action}，当前状态：${status}` }
  }
}

/** The parties, followers and mediator; the centre hears of new applications and overdue cases. Never whoever caused it. */
async function recipients(d: Deps, { c, e }: CaseEventNote): Promise<string[]> {
  const out = new Set<string>([c.creatorId, ...(await d.store.followers(c.id))])
  if (c.assigneeId) out.add(c.assigneeId)
  if (e.action === 'apply' || e.action === 'mark_overdue') {
    const tree = await d.orgTree()
    for (const u of await d.store.listStaff(tree.chain(c.unitCode).map((x) => x.code), ['dispatcher'])) out.add(u.id)
  }
  if (e.action === 'apply') out.delete(c.creatorId)
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
  await d.store.addInbox(
    await forTheLiving(d, [...users].map((userId) => ({ id: `${msg.id}-${userId}`, userId, caseId, title: '调解新消息', body: '您的调解案件有新的沟通消息', createdAt: msg.createdAt, readAt: null }))),
  )
}

/** 在线调解: the case's moves and its thread's messages. */
export const mediationNotices = defineNotices({
  area: 'mediation',
  topics: [{ topic: CASE_MESSAGE, pages: [], deliver: deliverCaseMessage }],
  kinds: [
    {
      kind: 'mediation',
      pages: [DETAIL],
      inboxOpensCase: true,
      async audience(d, note): Promise<Telling[]> {
        const told = describe(note)
        return (await recipients(d, note)).map((userId) => ({ userId, ...told }))
      },
      page: (c) => `${DETAIL}?id=${c.id}`,
      // The consent asked at applying and joining is for the session time and the agreement.
      push: {
        notice: 'mediation',
        keyEvent: (e) => e.action === 'schedule' || e.action === 'draft_agreement',
        at: (c, e) => (e.action === 'schedule' ? (c.payload as { sessions?: { id: string; at: string }[] }).sessions?.find((s) => s.id === e.eventId)?.at : undefined),
      },
    },
  ],
})
