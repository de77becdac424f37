/**
 * The cases part of a person's export: reports they filed, reports they follow (only what the
 * public view shows), mediation cases they are a party to (their own details; the facts only when
 * they wrote them), and their check-in registrations (the identity number masked).
 */
import type { ExportRecord, ExportSection } from '../../../src/contracts/account'
import type { Case } from '../../../src/core/case'
import { CHECKIN, type CheckinPayload } from '../../../src/core/kinds/checkin'
import { DISPUTE_TYPE_LABELS, MEDIATION_STATUS_LABELS, type MediationPayload } from '../../../src/core/kinds/mediationTerms'
import { REPORT_STATUS_LABELS, type ReportPayload } from '../../../src/core/kinds/reportTerms'
import type { OrgTree } from '../../../src/core/org'
import { DOC_TYPE_LABELS } from '../../../src/core/rental'
import { labelOf } from '../../../src/core/transition'
import { categoryName } from '../../config/district'
import type { Vault } from '../../crypto/vault'
import type { Deps } from '../../deps'
import { partyName } from '../mediation/names'
import { partyPhone } from '../mediation/phones'
import { Buildings, casePages } from '../rental/reads'
import { openSecret } from '../rental/secrets'
import { tenantNames } from '../rental/tenantNames'
import { openContact } from '../report/contactPhone'
import { dayText, record, section, timeText, yesNo, type Line } from './exportRecord'
import { committeeNameOf } from '../mediation/committees'

const CONSENT_LABELS = { pending: '待表态', consented: '已同意调解', declined: '不同意调解' } as const

async function allCases(d: Deps, kind: Case['kind'], creatorId: string): Promise<Case[]> {
  const out: Case[] = []
  for await (const page of casePages(d, { kind, creatorId, order: 'newest' })) out.push(...page)
  return out
}

/** The cases of these ids (a person's follows, at most 500), read in pages the store allows. */
async function casesByIds(d: Deps, kind: Case['kind'], ids: readonly string[]): Promise<Case[]> {
  const out: Case[] = []
  for (let i = 0; i < ids.length; i += 200) out.push(...(await d.store.listCases({ kind, ids: ids.slice(i, i + 200), order: 'newest', limit: 200 })))
  return out.sort((a, b) => b.id.localeCompare(a.id))
}

/** What the person wrote on a case's timeline themselves (a reopen reason, a refusal of mediation, a name corrected). */
async function ownNotes(d: Deps, caseId: string, userId: string): Promise<Line[]> {
  const mine = (await d.store.timeline(caseId)).filter((e) => e.actorId === userId && e.note)
  return mine.map((e, i): Line => [`我的说明${mine.length > 1 ? ` ${i + 1}` : ''}（${timeText(e.at)}）`, e.note])
}

const gridName = (tree: OrgTree, c: Case) => (c.gridCode ? (tree.get(c.gridCode)?.name ?? null) : null)

async function reportRecord(d: Deps, tree: OrgTree, c: Case): Promise<ExportRecord> {
  const p = c.payload as unknown as ReportPayload
  const category = categoryName(d.config, c.category)
  return record(`${category}（${timeText(c.createdAt)}）`, [
    ['编号', c.number],
    ['类别', category],
    ['状态', labelOf(REPORT_STATUS_LABELS, c.status)],
    ['问题描述', p.description],
    ['语音描述', p.voiceFileId ? '有一段语音' : null],
    ['地点', p.location?.address],
    ['所在网格', gridName(tree, c)],
    ['照片', p.photos?.length ? `${p.photos.length} 张` : null],
    ['联系电话', openContact(d.vault, c)],
    ['匿名上报', yesNo(p.anonymous === true)],
    ['上报时间', timeText(c.createdAt)],
    ['最近更新', timeText(c.updatedAt)],
    ['我的评价', p.rating ? `${p.rating} 星${p.ratingComment ? `：${p.ratingComment}` : ''}` : null],
    ...(await ownNotes(d, c.id, c.creatorId)),
  ])
}

/** Another person's report the caller follows: only what its public view shows anyone. */
function followedRecord(d: Deps, tree: OrgTree, c: Case): ExportRecord {
  const category = categoryName(d.config, c.category)
  return record(`${category}（${timeText(c.createdAt)}）`, [
    ['编号', c.number],
    ['类别', category],
    ['状态', labelOf(REPORT_STATUS_LABELS, c.status)],
    ['所在网格', gridName(tree, c)],
    ['上报时间', timeText(c.createdAt)],
  ])
}

export async function reportSections(d: Deps, tree: OrgTree, userId: string, followedIds: readonly string[]): Promise<ExportSection[]> {
  const own = await allCases(d, 'report', userId)
  const followed = await casesByIds(d, 'report', followedIds)
  const records: ExportRecord[] = []
  for (const c of own) records.push(await reportRecord(d, tree, c))
  return [
    section('我上报的事项', records),
    section(
      '我关注的事项',
      followed.filter((c) => c.creatorId !== userId).map((c) => followedRecord(d, tree, c)),
      '他人上报的事项只含公开信息。',
    ),
  ]
}

async function mediationRecord(d: Deps, tree: OrgTree, vault: Vault, c: Case, userId: string): Promise<ExportRecord> {
  const p = c.payload as unknown as MediationPayload
  const applicant = c.creatorId === userId
  const party = p.parties.find((x) => x.userId === userId)
  const committee = committeeNameOf(d.config, tree, c)
  const lines: Line[] = [
    ['编号', c.number],
    ['我的身份', applicant ? '申请人' : '被申请人'],
    ['状态', labelOf(MEDIATION_STATUS_LABELS, c.status)],
    ['纠纷类型', DISPUTE_TYPE_LABELS[p.disputeType]],
    ['受理街道', (tree.ancestorAt(c.unitCode, 'street') ?? tree.get(c.unitCode))?.name ?? null],
    ['调解委员会', committee],
    ['申请时间', timeText(c.createdAt)],
    ['我的姓名', party ? partyName(vault, c.id, party) : null],
    ['我的电话', party ? partyPhone(vault, c.id, party) : null],
    ['我的表态', party && !applicant ? `${CONSENT_LABELS[party.consent]}${party.consentAt ? `（${timeText(party.consentAt)}）` : ''}` : null],
  ]
  // The facts and claims are the applicant's own words; a respondent's export keeps to their own.
  if (applicant) lines.push(['事实与理由', p.facts], ['请求事项', p.claims], ['证据材料', p.evidence?.length ? `${p.evidence.length} 份` : null])
  const confirmed = (p.agreement?.confirmations ?? []).filter((x) => x.userId === userId)
  confirmed.forEach((x, i) => lines.push([`确认协议${confirmed.length > 1 ? ` ${i + 1}` : ''}`, `第 ${x.version} 版，${timeText(x.at)}`]))
  lines.push(...(await ownNotes(d, c.id, userId)))
  const rating = p.ratings?.[userId]
  if (rating) lines.push(['我的评价', `${rating.rating} 星${rating.comment ? `：${rating.comment}` : ''}`])
  let n = 0
  for (let after: string | undefined; ; ) {
    const page = await d.store.listMessages(c.id, { after })
    for (const m of page) if (m.authorId === userId) lines.push([`我的留言 ${++n}（${timeText(m.at)}）`, m.text])
    if (page.length < 500) break
    after = page[page.length - 1]!.id
  }
  return record(`${DISPUTE_TYPE_LABELS[p.disputeType]}（${timeText(c.createdAt)}）`, lines)
}

export async function mediationSection(d: Deps, tree: OrgTree, vault: Vault, userId: string, followedIds: readonly string[]): Promise<ExportSection> {
  const own = await allCases(d, 'mediation', userId)
  const joined = await casesByIds(d, 'mediation', followedIds)
  const cases = [...own, ...joined.filter((c) => c.creatorId !== userId)].sort((a, b) => b.id.localeCompare(a.id))
  const records: ExportRecord[] = []
  for (const c of cases) records.push(await mediationRecord(d, tree, vault, c, userId))
  return section('我的调解', records)
}

async function checkinRecord(d: Deps, tree: OrgTree, vault: Vault, buildings: Buildings, c: Case): Promise<ExportRecord> {
  const p = c.payload as unknown as CheckinPayload
  const b = await buildings.of(p.buildingId)
  const phone = openSecret(vault, await d.store.getSecret(c.id)).phone
  const purged = c.status === 'purged'
  const own = tenantNames(vault, c)
  return record(`${b?.name ?? '出租屋'} ${p.room}`, [
    ['编号', c.number],
    ['状态', labelOf(CHECKIN.statusLabels, c.status)],
    ['楼栋', b?.name],
    ['地址', b?.address],
    ['所在网格', gridName(tree, c)],
    ['房间', p.room],
    ['姓名', own.name ?? (purged ? '已清除' : null)],
    ['证件类型', DOC_TYPE_LABELS[p.docType]],
    ['证件号码（脱敏）', p.docNumberMasked ?? (purged ? '已清除' : null)],
    ['手机号', phone ?? (purged ? '已清除' : null)],
    ['入住日期', dayText(p.moveInDate)],
    ['租约到期', dayText(p.leaseEnd)],
    ['同住人', own.cohabitants.length ? own.cohabitants.map((x) => `${x.name}（${x.relation}）`).join('、') : null],
    ['登记时间', timeText(c.createdAt)],
    ['同意登记须知', timeText(p.consent?.at)],
    ['驳回原因', p.refusedReason],
    ['退租时间', timeText(p.checkedOutAt)],
    ['信息清除时间', timeText(p.purgedAt)],
  ])
}

export async function checkinSection(d: Deps, tree: OrgTree, vault: Vault, userId: string): Promise<ExportSection> {
  const buildings = new Buildings(d)
  const records: ExportRecord[] = []
  for (const c of await allCases(d, 'checkin', userId)) records.push(await checkinRecord(d, tree, vault, buildings, c))
  return section(
    '我的租住登记',
    records,
    `证件号码只显示脱敏形式；完整号码和手机号加密保存，退租后保存 ${d.config.rental.retentionDays} 天，期满自动清除。`,
  )
}
