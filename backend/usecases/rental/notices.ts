import { defineNotices, type Telling } from '../inbox/noticeRegistry'
import { ACCESS_GRANT, ACCESS_REVOKE, deliverAccess } from './access'
import type { Case } from '../../../src/core/case'
import { CHECKIN } from '../../../src/core/kinds/checkin'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { pl } from './reads'

interface CaseEvent {
  action: string
  toStatus: string
  actorId: string
}

/** Inbox wording for a check-in event: the room, never a document or phone number. */
export function describeCheckin(c: Case, e: CaseEvent): { title: string; body: string } {
  const room = `${pl(c).room} 室`
  switch (e.action) {
    case 'check_in':
      return { title: '新的租户登记', body: `${room}有新的实名登记，请及时确认` }
    case 'confirm':
      return { title: '登记已确认', body: `您在 ${room}的实名登记已确认，门禁已开通` }
    case 'refuse':
      return { title: '登记被驳回', body: `您在 ${room}的实名登记被驳回：${pl(c).refusedReason ?? ''}`.slice(0, 100) }
    case 'flag_lease_overdue':
      return { title: '租约已到期', body: `${room}租户的租约已于 ${pl(c).leaseEnd} 到期仍未退租，请核实并办理退租注销` }
    case 'check_out':
      return { title: '已退租注销', body: `${room}的登记已退租注销，门禁权限已收回` }
    default:
      return { title: `登记${labelOf(CHECKIN.statusLabels, e.toStatus)}`, body: `${room}的实名登记：${labelOf(CHECKIN.actionLabels, e.action)}` }
  }
}

/** The tenant and the building's manager hear of each other's moves; the lease reminder goes to the manager; a purge to nobody. */
export function checkinRecipients(c: Case, e: CaseEvent): string[] {
  if (e.action === 'purge') return []
  const out = new Set<string>(e.action === 'flag_lease_overdue' ? [] : [c.creatorId])
  if (c.assigneeId) out.add(c.assigneeId)
  out.delete(e.actorId)
  return [...out]
}

/**
 * Inbox wording for a misuse dispute (有人冒用我的证件): the masked number at most, and nothing
 * of the police's finding — the reporter might not be the document's owner, so the notice must
 * not tell whether the number is registered.
 */
export function describeMisuse(c: Case, e: CaseEvent): { title: string; body: string } {
  const masked = (c.payload as { docNumberMasked?: string }).docNumberMasked ?? ''
  if (e.action === 'report_misuse') return { title: '新的证件冒用反映', body: `有人反映证件 ${masked} 被冒用登记，请在辖区登记中核实处理` }
  return { title: '证件冒用反映已处理', body: `您反映的证件 ${masked} 被冒用一事，社区民警已核实处理。如需了解详情，请联系辖区派出所。` }
}

/** A new dispute goes to the police over its grid; its closing to the person who raised it. */
export async function misuseRecipients(d: Deps, c: Case, e: CaseEvent): Promise<string[]> {
  const out = new Set<string>()
  if (e.action === 'report_misuse') {
    const tree = await d.orgTree()
    for (const u of await d.store.listStaff(tree.chain(c.gridCode ?? c.unitCode).map((x) => x.code), ['police'])) out.add(u.id)
  } else out.add(c.creatorId)
  out.delete(e.actorId)
  return [...out]
}

/** A tenant's registrations; the police's area list, where a misuse dispute is handled. */
const MINE = 'pages/rental/mine/index'
const POLICE_AREA = 'pages/rental-staff/police/area/index'

const told = (users: readonly string[], notice: { title: string; body: string }): Telling[] => users.map((userId) => ({ userId, ...notice }))

/** 出租屋实名登记: check-ins and misuse disputes (no case page the inbox opens), and the door-access webhook. */
export const rentalNotices = defineNotices({
  area: 'rental',
  topics: [
    { topic: ACCESS_GRANT, pages: [], deliver: deliverAccess },
    { topic: ACCESS_REVOKE, pages: [], deliver: deliverAccess },
  ],
  kinds: [
    {
      kind: 'checkin',
      pages: [MINE],
      inboxOpensCase: false,
      audience: async (_d, { c, e }) => told(checkinRecipients(c, e), describeCheckin(c, e)),
      page: () => MINE,
      // The consent asked at 实名登记 is for the building manager's decision.
      push: { notice: 'checkinDecision', keyEvent: (e) => e.action === 'confirm' || e.action === 'refuse' },
    },
    {
      kind: 'misuse',
      pages: [MINE, POLICE_AREA],
      inboxOpensCase: false,
      audience: async (d, { c, e }) => told(await misuseRecipients(d, c, e), describeMisuse(c, e)),
      page: (c, userId) => (userId === c.creatorId ? MINE : POLICE_AREA),
    },
  ],
})
