import type { Case } from '../../../src/core/case'
import { DISPUTE_TYPE_LABELS, MEDIATION, REFERRAL_LABELS, type MediationAction } from '../../../src/core/kinds/mediation'
import { formatFull } from '../../../src/core/time'
import { respondentIds } from '../../../src/core/scope'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import type { OutboxMessage } from '../../ports'
import { caseRef, clip } from '../inbox/caseName'
import { defineNotices, type CaseEventNote, type Telling } from '../inbox/noticeRegistry'
import { forTheLiving } from '../inbox/living'
import { centreTakesIntake, INTAKE_WORDS, type IntakeEvent } from './intakeNotices'
import { hasApplicant } from '../../../src/core/kinds/mediationIntake'
import { helperIds } from '../../../src/core/kinds/mediationHelpers'
import { HELPER_WORDS, helperAudience, threadFollowers } from './helperNotices'
import { LEVEL_WORDS } from './levelNotices'
import { VIDEO_WORDS } from './videoNotices'
import { HANDOFF_WORDS } from './handoffNotices'
import { PROXY_WORDS, type ProxyEvent } from './proxyNotices'

/** A new message in a mediation thread (written by mediation/thread.ts). */
export const CASE_MESSAGE = 'case.message'

/** The parties' and the mediator's page of the case. */
const DETAIL = 'pages/mediation/detail/index'
const STAFF_CASE = 'pages/mediation-staff/case/index'

/** A party opens the case as a party; the mediator, the centre and helpers on the staff page. */
const pageFor = (c: Case, userId: string) => `${c.creatorId === userId || respondentIds(c).includes(userId) ? DETAIL : STAFF_CASE}?id=${c.id}`

import type { MediationReader } from './mediationReader'

/** Every event of a mediation case: the table's moves and the events recorded outside it. */
export type MediationEvent = MediationAction | 'apply' | 'join' | 'party_erased' | IntakeEvent | ProxyEvent

interface Said {
  title: string
  body: string
}

/** What one event says to each reader: the case named, what happened and what to do next. */
type MediationWords = (name: string, reader: MediationReader, c: Case, e: CaseEventNote['e']) => Said

function sessionOf(c: Case, e: CaseEventNote['e']) {
  return (c.payload as { sessions?: { id: string; at: string; mode?: string; place: string }[] }).sessions?.find((x) => x.id === e.eventId)
}

const same = (title: string, body: (name: string) => string): MediationWords => (n) => ({ title, body: body(n) })

/**
 * Every event in words; `null` is told to nobody (an erasure). A new action fails to compile
 * (and the notices test) until it has its own.
 */
export const MEDIATION_WORDS: Record<MediationEvent, MediationWords | null> = {
  apply: same('新的调解申请', (n) => `${n}已提交申请，请及时审核受理并指派调解员`),
  // 录入纠纷 / 转入调解 (mediationIntake.ts): the centre accepts it, or the mediator who entered it has it.
  ...INTAKE_WORDS,
  join: (n, r) =>
    r === 'staff'
      ? { title: '对方已加入调解', body: `对方当事人已加入${n}并同意调解，请继续邀请或安排调解` }
      : { title: '对方已加入调解', body: `对方当事人已加入${n}并同意调解，请留意调解员的安排` },
  accept: (n, r) =>
    r === 'staff'
      ? { title: '新分派给您的调解案件', body: `${n}已指派给您承办，请邀请对方当事人参加调解` }
      : { title: '调解申请已受理', body: `您的${n}已受理，调解员将邀请对方当事人参加调解` },
  reject: same('调解申请不予受理', (n) => `${n}不予受理，原因请在案件详情中查看；可通过其他途径依法解决`),
  reassign: (n, r) =>
    r === 'staff'
      ? { title: '改派给您的调解案件', body: `${n}已改派给您承办，请查看案件记录并继续调解` }
      : { title: '调解员已更换', body: `${n}已改由新的调解员承办，请留意新调解员的消息` },
  invite: (n, r) =>
    r === 'staff'
      ? { title: '已邀请对方当事人', body: `${n}已邀请对方当事人，请等待对方同意调解` }
      : { title: '已邀请对方当事人', body: `${n}已邀请对方当事人参加调解，请等待对方同意` },
  consent: (n, r, _c, e) => {
    const started = e.toStatus === 'mediating'
    if (!started) return { title: '对方已同意调解', body: `${n}有当事人已同意调解，仍在等待其他当事人表态` }
    return r === 'staff'
      ? { title: '对方已同意调解', body: `对方当事人已同意${n}的调解，请安排调解时间和地点` }
      : { title: '对方已同意调解', body: `对方当事人已同意${n}的调解，调解员将安排调解时间和地点` }
  },
  decline: (n, r) =>
    r === 'staff'
      ? { title: '对方不同意调解', body: `对方当事人不同意${n}的调解，案件已结束，无需再安排` }
      : { title: '对方不同意调解', body: `对方当事人不同意${n}的调解，您可依法向人民法院起诉或通过其他途径解决` },
  // Also goes out by WeChat (push below): the title is what the message shows.
  schedule: (n, _r, c, e) => {
    const s = sessionOf(c, e)
    // A video session is entered from the case page; its link is only the fallback.
    const where = s ? `，时间：${formatFull(s.at)}，${s.mode === 'video' ? '方式：视频调解' : `地点：${s.place}`}` : ''
    return { title: '调解已安排', body: clip(`${n}已安排调解${where}，请按时参加`, 120) }
  },
  record_session: same('调解记录已更新', (n) => `${n}的调解记录已更新，请在案件详情中查看`),
  // Also goes out by WeChat.
  draft_agreement: same('调解协议待确认', (n) => `${n}的调解协议书已拟定，请阅读后在案件详情中确认`),
  confirm_agreement: (n, r, _c, e) =>
    e.toStatus === 'succeeded'
      ? { title: '调解成功', body: r === 'staff' ? `${n}各方已确认协议，调解成功，可申请司法确认或归档` : `${n}各方已确认协议，调解成功，请按协议履行` }
      : { title: '有当事人已确认协议', body: `${n}有当事人已确认调解协议，请尚未确认的当事人尽快阅读并确认` },
  fail: (n, r, c) => {
    const ref = (c.payload as { referral?: { type: string } | null }).referral
    const way = ref && ref.type in REFERRAL_LABELS ? REFERRAL_LABELS[ref.type as keyof typeof REFERRAL_LABELS] : ''
    return r === 'staff'
      ? { title: '调解未达成协议', body: `${n}未能达成协议，已告知当事人后续处理途径` }
      : { title: '调解未达成协议', body: `${n}未能达成协议${way ? `，可通过${way}继续解决` : ''}，详情请在案件中查看` }
  },
  rate: same('当事人已评价', (n) => `${n}有当事人评价了本次调解，可在案件详情中查看`),
  remind: (n, r) =>
    r === 'staff'
      ? { title: '调解期限将至', body: `${n}即将到期，请抓紧调解或及时办结` }
      : { title: '调解期限将至', body: `${n}的调解期限即将届满，请留意调解员的安排` },
  mark_overdue: (n, r) =>
    r === 'staff'
      ? { title: '调解案件已超期', body: `${n}已超过办理期限，请尽快办结或说明情况，综治中心将督办` }
      : { title: '调解案件已超期', body: `${n}已超过调解期限，街道调解中心将督促办理` },
  // 注销账号: the other parties see 已注销用户 on the case; nobody is told.
  party_erased: null,
  ...HELPER_WORDS,
  ...VIDEO_WORDS,
  ...HANDOFF_WORDS,
  ...LEVEL_WORDS,
  ...PROXY_WORDS,
}

/** How a mediation notice names its case: its number and dispute type, never an id or a party's name. */
export function mediationRef(c: Case): string {
  const type = (c.payload as { disputeType?: string }).disputeType ?? c.category
  const label = type in DISPUTE_TYPE_LABELS ? DISPUTE_TYPE_LABELS[type as keyof typeof DISPUTE_TYPE_LABELS] : '调解'
  return caseRef(c, '调解案件', label)
}

/** The mediator on the case and the centre's staff read as staff; the applicant, respondents and followers as parties. */
function readerOf(c: Case, userId: string, followers: readonly string[]): MediationReader {
  const p = c.payload as { respondentIds?: string[] }
  if (userId === c.assigneeId) return 'staff'
  if (helperIds(c).includes(userId)) return 'helper'
  return userId === c.creatorId || (p.respondentIds ?? []).includes(userId) || followers.includes(userId) ? 'party' : 'staff'
}

/** The words for one reader of one mediation event (null: told to nobody). */
export function describeMediation(c: Case, e: CaseEventNote['e'], reader: MediationReader): Said | null {
  const words = MEDIATION_WORDS[e.action as MediationEvent]
  if (words === null) return null
  const name = mediationRef(c)
  if (!words) {
    const status = labelOf(MEDIATION.statusLabels, e.toStatus)
    return { title: '调解案件有新进展', body: `${name}当前状态：${status}，请在案件详情中查看` }
  }
  return words(name, reader, c, e)
}

/** The parties, followers and mediator; the centre hears of new applications and overdue cases. Never whoever caused it. */
async function recipients(d: Deps, { c, e }: CaseEventNote): Promise<string[]> {
  const followers = await d.store.followers(c.id)
  const out = new Set<string>([c.creatorId, ...followers])
  if (c.assigneeId) out.add(c.assigneeId)
  if (e.action === 'apply' || e.action === 'proxy_apply' || e.action === 'mark_overdue' || centreTakesIntake(e)) {
    const tree = await d.orgTree()
    for (const u of await d.store.listStaff(tree.chain(c.unitCode).map((x) => x.code), ['dispatcher'])) out.add(u.id)
  }
  if (e.action === 'apply') out.delete(c.creatorId)
  helperAudience(c, e, out, followers)
  // A dispute staff entered has no applicant: its creator is a marker, nobody to tell (mediationIntake.ts).
  if (!hasApplicant(c)) out.delete(c.creatorId)
  out.delete(e.actorId)
  return [...out]
}

/** A new message in a mediation thread: everyone else on the case hears of it in the app. */
async function deliverCaseMessage(d: Deps, msg: OutboxMessage): Promise<void> {
  const { caseId, authorId } = msg.payload as { caseId: string; authorId: string }
  const c = await d.store.getCase(caseId)
  if (!c) return
  const users = new Set<string>([c.creatorId, ...threadFollowers(c, await d.store.followers(c.id))])
  if (c.assigneeId) users.add(c.assigneeId)
  if (!hasApplicant(c)) users.delete(c.creatorId)
  users.delete(authorId)
  await d.store.addInbox(
    await forTheLiving(d, [...users].map((userId) => ({ id: `${msg.id}-${userId}`, userId, caseId, page: pageFor(c, userId), title: '调解新消息', body: `${mediationRef(c)}有新的沟通消息，请在案件中查看并回复`, createdAt: msg.createdAt, readAt: null }))),
  )
}

/** 在线调解: the case's moves and its thread's messages. */
export const mediationNotices = defineNotices({
  area: 'mediation',
  topics: [{ topic: CASE_MESSAGE, pages: [], deliver: deliverCaseMessage }],
  kinds: [
    {
      kind: 'mediation',
      pages: [DETAIL, STAFF_CASE],
      inboxOpensCase: true,
      async audience(d, note): Promise<Telling[]> {
        if (MEDIATION_WORDS[note.e.action as MediationEvent] === null) return []
        const told: Telling[] = []
        const followers = await d.store.followers(note.c.id)
        for (const userId of await recipients(d, note)) {
          const said = describeMediation(note.c, note.e, readerOf(note.c, userId, followers))
          if (said) told.push({ userId, ...said })
        }
        return told
      },
      page: pageFor,
      // The consent asked at applying and joining is for the session time and the agreement.
      push: {
        notice: 'mediation',
        keyEvent: (e) => e.action === 'schedule' || e.action === 'draft_agreement',
        at: (c, e) => (e.action === 'schedule' ? (c.payload as { sessions?: { id: string; at: string }[] }).sessions?.find((s) => s.id === e.eventId)?.at : undefined),
      },
    },
  ],
})
