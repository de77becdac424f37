import type { HelpLinkView, HelpStaffSummary, HelpSummary, HelpView, NotifiedView } from '../../../src/contracts/help'
import type { Case } from '../../../src/core/case'
import { linkText, readLink } from '../../../src/core/caseLink'
import {
  EMERGENCY_KINDS,
  HELP,
  HELP_ESCALATION_LABELS,
  HELP_KIND_LABELS,
  HELP_STATUS_LABELS,
  helpPayload,
  UNREACHABLE_LABELS,
  type HelpStatus,
} from '../../../src/core/kinds/help'
import type { OrgTree } from '../../../src/core/org'
import { isProxiedCreator, proxyNote } from '../../../src/core/proxyMark'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import type { User } from '../../ports'
import { ownPhone } from '../account/ownPhone'
import { openProxy } from '../report/proxyPerson'
import { voiceUrlOf } from '../files/voiceNote'
import { dutyGrant, responderLabel } from './duty'

/** The other side of a conversion as a tappable line, never an id on screen. */
export function linkView(x: unknown): HelpLinkView | null {
  const l = readLink(x)
  return l ? { kind: l.kind as HelpLinkView['kind'], caseId: l.caseId, number: l.number ?? null, text: linkText(l), readable: false } : null
}

/** The link on the request's own page: opened with a tap only by someone who may read that case. */
export async function openableLink(d: Deps, tree: OrgTree, actor: Actor, x: unknown): Promise<HelpLinkView | null> {
  const l = linkView(x)
  if (!l) return null
  const target = await d.store.getCase(l.caseId)
  return { ...l, readable: target !== null && canRead(tree, actor, target) }
}

const secondsBetween = (from: string, to: string | null) => (to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : null)

/** Users by id, read once each. */
/** Everyone a staff view names: who asked, who took it, who was told. */
const everyoneNamed = (c: Case) => {
  const p = helpPayload(c)
  return [c.creatorId, p.takenBy, ...p.notified.map((n) => n.userId)]
}

/** Who a person's own list names: the responder. */
export const responderNamed = (c: Case) => [helpPayload(c).takenBy]

class People {
  private readonly seen = new Map<string, Promise<User | null>>()
  constructor(private readonly d: Deps) {}
  /**
   * Reads everyone `cases` name (who asked, who took them, who was told) in one round trip, so a
   * page of requests costs one read of people however many it shows.
   */
  async load(cases: readonly Case[], named: (c: Case) => Array<string | null> = everyoneNamed): Promise<this> {
    const ids = new Set<string>()
    for (const c of cases) for (const id of named(c)) if (id && !this.seen.has(id)) ids.add(id)
    if (ids.size === 0) return this
    const read = this.d.store.getUsers([...ids]).then((us) => new Map(us.map((u) => [u.id, u])))
    for (const id of ids) this.seen.set(id, read.then((m) => m.get(id) ?? null))
    await read
    return this
  }
  get(id: string | null): Promise<User | null> {
    if (!id) return Promise.resolve(null)
    let p = this.seen.get(id)
    if (!p) this.seen.set(id, (p = this.d.store.getUser(id)))
    return p
  }
}

async function responderOf(tree: OrgTree, people: People, c: Case) {
  const p = helpPayload(c)
  const u = await people.get(p.takenBy)
  if (!u) return null
  return { name: u.name, roleLabel: responderLabel(dutyGrant(tree, u, p.communityCode) ?? u.grants.find((g) => g.role === 'dispatcher')), phone: u.phone }
}

async function notifiedViews(tree: OrgTree, people: People, c: Case): Promise<NotifiedView[]> {
  const p = helpPayload(c)
  const out: NotifiedView[] = []
  for (const n of p.notified) {
    const u = await people.get(n.userId)
    out.push({
      name: u && !u.deletedAt ? u.name : '已注销用户',
      roleLabel: responderLabel(u ? dutyGrant(tree, u, p.communityCode) : undefined),
      phone: u?.phone ?? null,
      reached: n.unreachable === null,
      reason: n.unreachable,
      reasonLabel: n.unreachable ? UNREACHABLE_LABELS[n.unreachable] : null,
    })
  }
  return out
}

function unitNames(tree: OrgTree, c: Case) {
  const p = helpPayload(c)
  return { communityName: tree.get(p.communityCode)?.name ?? '', streetName: tree.ancestorAt(p.communityCode, 'street')?.name ?? '' }
}

/** Who asked, for staff to call back: the person an agent asked for (代办) until they claim it, else the account. */
async function personOf(d: Deps, people: People, c: Case): Promise<{ name: string; phone: string | null }> {
  const p = helpPayload(c)
  if (p.proxy && isProxiedCreator(c.creatorId)) return openProxy(d.vault, c.id, p.proxy)
  const u = await people.get(c.creatorId)
  return u && !u.deletedAt ? { name: u.name, phone: ownPhone(d, u) } : { name: '已注销用户', phone: null }
}

/**
 * One request as the viewer may see it: the person who asked sees the status, who is coming and
 * how to call them; staff in scope also see where, who asked (to call back) and who was told.
 */
export async function helpView(d: Deps, tree: OrgTree, actor: Actor, c: Case, people = new People(d)): Promise<HelpView> {
  const p = helpPayload(c)
  const isPerson = c.creatorId === actor.userId
  const staff = !isPerson
  const voiceUrl = await voiceUrlOf(d, p.voiceFileId)
  const person = staff ? await personOf(d, people, c) : null
  return {
    id: c.id,
    number: c.number ?? null,
    kind: 'help',
    helpKind: p.helpKind,
    helpKindLabel: HELP_KIND_LABELS[p.helpKind] ?? '其他',
    emergency: EMERGENCY_KINDS.includes(p.helpKind),
    status: c.status as HelpStatus,
    statusLabel: labelOf(HELP.statusLabels, c.status),
    text: p.text,
    voiceUrl,
    ...unitNames(tree, c),
    createdAt: c.createdAt,
    takenAt: p.takenAt,
    secondsToAccept: secondsBetween(c.createdAt, p.takenAt),
    escalation: p.escalation,
    escalationLabel: p.escalation ? HELP_ESCALATION_LABELS[p.escalation] : null,
    escalatedAt: p.escalatedAt,
    closedAt: p.closedAt,
    closeNote: p.closeNote,
    responder: await responderOf(tree, people, c),
    convertedTo: await openableLink(d, tree, actor, p.convertedTo),
    myRole: isPerson ? 'person' : p.takenBy === actor.userId ? 'responder' : 'staff',
    location: staff ? { lat: p.location.lat, lng: p.location.lng } : null,
    person,
    proxyNote: p.proxy ? proxyNote(p.proxy) : null,
    notified: staff ? await notifiedViews(tree, people, c) : null,
    version: c.version,
  }
}

/** 「楼上漏水，找不到人」, or 语音求助 when only a voice note says it. */
function titleOf(c: Case): string {
  const t = helpPayload(c).text.trim()
  if (!t) return '语音求助'
  const chars = Array.from(t)
  return chars.length <= 30 ? t : `${chars.slice(0, 29).join('')}…`
}

export async function helpSummary(d: Deps, c: Case, people = new People(d)): Promise<HelpSummary> {
  const p = helpPayload(c)
  return {
    id: c.id,
    number: c.number ?? null,
    helpKind: p.helpKind,
    helpKindLabel: HELP_KIND_LABELS[p.helpKind] ?? '其他',
    status: c.status as HelpStatus,
    statusLabel: HELP_STATUS_LABELS[c.status as HelpStatus] ?? c.status,
    title: titleOf(c),
    createdAt: c.createdAt,
    responderName: (await people.get(p.takenBy))?.name ?? null,
    convertedTo: linkView(p.convertedTo),
  }
}

/** Danger, or nobody came in time: such requests go first. */
export function isUrgent(c: Case): boolean {
  const p = helpPayload(c)
  return c.status !== 'closed' && (EMERGENCY_KINDS.includes(p.helpKind) || c.status === 'escalated')
}

export async function staffSummary(d: Deps, tree: OrgTree, c: Case, people = new People(d)): Promise<HelpStaffSummary> {
  const p = helpPayload(c)
  const notified = await notifiedViews(tree, people, c)
  return {
    ...(await helpSummary(d, c, people)),
    urgent: isUrgent(c),
    emergency: EMERGENCY_KINDS.includes(p.helpKind),
    communityName: unitNames(tree, c).communityName,
    takenAt: p.takenAt,
    secondsToAccept: secondsBetween(c.createdAt, p.takenAt),
    escalation: p.escalation,
    escalationLabel: p.escalation ? HELP_ESCALATION_LABELS[p.escalation] : null,
    unreachable: notified.filter((n) => !n.reached).map((n) => ({ name: n.name, roleLabel: n.roleLabel, phone: n.phone, reasonLabel: n.reasonLabel ?? '' })),
    notifiedCount: notified.length,
    updatedAt: c.updatedAt,
  }
}

/** Urgent first, then the longest waiting. */
export function byUrgency(a: Case, b: Case): number {
  const u = Number(isUrgent(b)) - Number(isUrgent(a))
  return u !== 0 ? u : a.createdAt.localeCompare(b.createdAt)
}

export { People }
