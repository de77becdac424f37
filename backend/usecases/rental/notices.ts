import { defineNotices, type Telling } from '../inbox/noticeRegistry'
import { ACCESS_GRANT, ACCESS_REVOKE, deliverAccess } from './access'
import type { Case } from '../../../src/core/case'
import { CHECKIN, type CheckinAction } from '../../../src/core/kinds/checkin'
import type { MisuseAction } from '../../../src/core/kinds/misuse'
import { CLAIM_PROXIED, isProxiedCreator } from '../../../src/core/proxyMark'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { clip } from '../inbox/caseName'
import { pl } from './reads'

interface CaseEvent {
  action: string
  toStatus: string
  actorId: string
}

/** Who reads a check-in notice: the tenant who registered, or the building's manager. */
export type CheckinReader = 'tenant' | 'manager'

/** Every event of a check-in: the table's moves and the registration itself. */
export type CheckinEvent = CheckinAction | 'check_in' | typeof CLAIM_PROXIED

type CheckinWords = (name: string, reader: CheckinReader, c: Case) => { title: string; body: string }

/**
 * Every event in words, naming the room (never a document or phone number); `null` is told to
 * nobody (a purge). A new action fails to compile (and the notices test) until it has its own.
 */
export const CHECKIN_WORDS: Record<CheckinEvent, CheckinWords | null> = {
  check_in: (n) => ({ title: '新的租户登记', body: `${n}已提交，请核对证件和租约后确认或驳回` }),
  confirm: (n) => ({ title: '登记已确认', body: `您在 ${n}已确认，门禁已开通；退租时请在我的租住登记中办理退租` }),
  refuse: (n, _r, c) => ({ title: '登记被驳回', body: clip(`您在 ${n}被驳回，原因：${pl(c).refusedReason ?? '未说明'}。请按原因修改后重新登记`, 120) }),
  update: (n, r) =>
    r === 'manager'
      ? { title: '租户修改了登记信息', body: `${n}的租户修改了登记信息，请核对` }
      : { title: '登记信息已修改', body: `${n}的信息已修改，请在我的租住登记中查看` },
  check_out: (n, r) =>
    r === 'manager'
      ? { title: '已退租注销', body: `${n}已退租注销，门禁权限已收回，无需操作` }
      : { title: '已退租注销', body: `您在 ${n}已退租注销，门禁权限已收回；如有误请联系楼栋长` },
  flag_lease_overdue: (n, _r, c) => ({ title: '租约已到期', body: `${n}：租约已于 ${pl(c).leaseEnd} 到期仍未退租，请核实并办理退租注销` }),
  // Personal data removed after retention: nobody is told.
  purge: null,
  // 本人认领 of a registration a grid worker or 代办员 filed (代办): the tenant now hears of it themself.
  [CLAIM_PROXIED]: (n, r) =>
    r === 'manager'
      ? { title: '租户已认领登记', body: `${n}已由租户本人认领，后续通知将同时发给租户` }
      : { title: '登记已由本人认领', body: `您已认领${n}，修改信息和退租请在我的租住登记中办理` },
}

/** How a check-in notice names its case: the room, with the number when it has one. */
export function checkinRef(c: Case): string {
  const room = `${pl(c).room} 室的租住登记`
  return c.number ? `${room}（${c.number}）` : room
}

/** Inbox wording for a check-in event, for the tenant or the manager. */
export function describeCheckin(c: Case, e: CaseEvent, reader: CheckinReader): { title: string; body: string } | null {
  const words = CHECKIN_WORDS[e.action as CheckinEvent]
  if (words === null) return null
  if (!words) return { title: '租住登记有新进展', body: `${checkinRef(c)}当前状态：${labelOf(CHECKIN.statusLabels, e.toStatus)}` }
  return words(checkinRef(c), reader, c)
}

/** The tenant and the building's manager hear of each other's moves; the lease reminder goes to the manager; a purge to nobody. */
export function checkinRecipients(c: Case, e: CaseEvent): string[] {
  if (e.action === 'purge') return []
  // A registration filed for a tenant (代办) has nobody behind its creator until the tenant claims it.
  const tenant = isProxiedCreator(c.creatorId) ? [] : [c.creatorId]
  const out = new Set<string>(e.action === 'flag_lease_overdue' ? [] : tenant)
  if (c.assigneeId) out.add(c.assigneeId)
  out.delete(e.actorId)
  return [...out]
}

/**
 * Inbox wording for a misuse dispute (有人冒用我的证件): the masked number at most, and nothing
 * of the police's finding — the reporter might not be the document's owner, so the notice must
 * not tell whether the number is registered.
 */
export const MISUSE_WORDS: Record<MisuseAction | 'report_misuse', (name: string) => { title: string; body: string }> = {
  report_misuse: (n) => ({ title: '新的证件冒用反映', body: `有人反映${n}被冒用登记，请在辖区登记中核实处理` }),
  close: (n) => ({ title: '证件冒用反映已处理', body: `您反映的${n}被冒用一事，社区民警已核实处理。如需了解详情，请联系辖区派出所。` }),
}

/** How a misuse notice names its case: the masked document number, with the case number when it has one. */
export function misuseRef(c: Case): string {
  const masked = (c.payload as { docNumberMasked?: string }).docNumberMasked ?? ''
  const doc = masked ? `证件「${masked}」` : '证件'
  return c.number ? `${doc}（${c.number}）` : doc
}

export function describeMisuse(c: Case, e: CaseEvent): { title: string; body: string } {
  const words = MISUSE_WORDS[e.action as MisuseAction | 'report_misuse'] ?? MISUSE_WORDS.close
  return words(misuseRef(c))
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
    { topic: ACCESS_GRANT, pages: [], deliver: deliverAccess, receiver: () => 'access' },
    { topic: ACCESS_REVOKE, pages: [], deliver: deliverAccess, receiver: () => 'access' },
  ],
  kinds: [
    {
      kind: 'checkin',
      pages: [MINE],
      inboxOpensCase: false,
      audience: async (_d, { c, e }) =>
        checkinRecipients(c, e).flatMap((userId) => {
          const said = describeCheckin(c, e, userId === c.creatorId ? 'tenant' : 'manager')
          return said ? [{ userId, ...said }] : []
        }),
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
