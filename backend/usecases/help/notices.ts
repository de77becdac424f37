import type { Case } from '../../../src/core/case'
import { linkText, readLink } from '../../../src/core/caseLink'
import { EMERGENCY_KINDS, HELP_KIND_LABELS, helpPayload, type HelpAction, type HelpKind } from '../../../src/core/kinds/help'
import { CLAIM_PROXIED, isProxiedCreator, proxiedBy } from '../../../src/core/proxyMark'
import type { Deps } from '../../deps'
import { caseRef, clip } from '../inbox/caseName'
import { defineNotices, type CaseEventNote, type Telling } from '../inbox/noticeRegistry'
import { responderLabel } from './duty'

/** The person's status page and the helpers' request page (src/app.config.ts). */
const PERSON_PAGE = 'pages/help/status/index'
const STAFF_PAGE = 'pages/help-staff/case/index'

/** Every event of a request: the table's moves and the request itself. */
export type HelpEvent = HelpAction | 'raise' | typeof CLAIM_PROXIED

/** Who reads a help notice: the person who asked, an on-duty helper, the 综治中心 (street or district). */
export type HelpReader = 'person' | 'helper' | 'centre'

interface Said {
  title: string
  body: string
}

type HelpWords = (ref: string, reader: HelpReader, c: Case, extra: { responder: string | null }) => Said

/** 一键求助 京溪-2026-00042（邻里纠纷）, or 「邻里纠纷」一键求助 before it has a number. */
export function helpRef(c: Case): string {
  const kind = helpPayload(c).helpKind
  return caseRef(c, '一键求助', HELP_KIND_LABELS[kind as HelpKind] ?? '求助')
}

const urgent = (c: Case) => EMERGENCY_KINDS.includes(helpPayload(c).helpKind)

/** Every event in words; a new action fails to compile (and the notices test) until it has its own. */
export const HELP_WORDS: Record<HelpEvent, HelpWords> = {
  raise: (n, r, c) =>
    r === 'centre'
      ? { title: '一键求助无人值班', body: `${n}所在社区当前无人值班，请立即联系求助人并调派人员` }
      : { title: urgent(c) ? '紧急：人身安全求助' : '新的一键求助', body: `${n}，请立即查看并响应；先响应者负责到场处置` },
  accept: (n, r, _c, x) =>
    r === 'person'
      ? { title: '已有人响应您的求助', body: `您的${n}已由${x.responder ?? '工作人员'}响应，正在赶来，可在求助详情中拨打电话联系` }
      : { title: '求助已有人响应', body: `${n}已由${x.responder ?? '其他人员'}响应，您无需前往` },
  close: (n, r) =>
    r === 'person'
      ? { title: '求助已结束', body: `您的${n}已结束，处理结果请在求助详情中查看` }
      : { title: '求助已结束', body: `${n}已由响应人员处理结束` },
  convert: (n, r, c) => {
    const link = readLink(helpPayload(c).convertedTo)
    const to = link ? linkText(link) : '调解案件或网格事件'
    return r === 'person'
      ? { title: '求助已转办', body: `您的${n}已转为${to}，后续进展请在该事项中查看` }
      : { title: '求助已转办', body: `${n}已转为${to}` }
  },
  escalate: (n, r) =>
    r === 'person'
      ? { title: '求助已上报街道', body: `您的${n}暂无人响应，已上报街道综治中心，请保持电话畅通；遇到危险请立即拨打110` }
      : { title: '一键求助超时未响应', body: `${n}超时无人响应，请立即联系求助人并调派人员` },
  escalate_district: (n, r) =>
    r === 'person'
      ? { title: '求助已上报区级', body: `您的${n}仍无人响应，已上报区级，请保持电话畅通；遇到危险请立即拨打110` }
      : { title: '一键求助仍无人响应', body: `${n}上报街道后仍无人响应，请督促街道综治中心处置` },
  [CLAIM_PROXIED]: (n, r) =>
    r === 'person'
      ? { title: '求助已由本人认领', body: `您已认领${n}，进展会在这里通知您` }
      : { title: '求助已由本人认领', body: `${n}已由求助人本人认领，进展会同时通知求助人` },
}

/** The street's 综治中心 (and no higher), or the district's centre (its administrators when it has no desk). */
async function centre(d: Deps, c: Case, level: 'street' | 'district'): Promise<string[]> {
  const chain = (await d.orgTree()).chain(c.unitCode)
  if (level === 'street') {
    const below = chain.filter((u) => u.level !== 'district' && u.level !== 'city').map((u) => u.code)
    return (await d.store.listStaff(below, ['dispatcher'])).map((u) => u.id)
  }
  const district = chain.filter((u) => u.level === 'district').map((u) => u.code)
  const desk = await d.store.listStaff(district, ['dispatcher'])
  return (desk.length ? desk : await d.store.listStaff(district, ['admin'])).map((u) => u.id)
}

/** Who hears of an event, as what; never whoever caused it. */
async function readers(d: Deps, { c, e }: CaseEventNote): Promise<Map<string, HelpReader>> {
  const p = helpPayload(c)
  const out = new Map<string, HelpReader>()
  const helpers = p.notified.map((n) => n.userId)
  // Asked for by an agent (代办) and not yet claimed: the agent, who is with the person, hears for them.
  const person = isProxiedCreator(c.creatorId) ? proxiedBy(c) : c.creatorId
  switch (e.action as HelpEvent) {
    case 'raise':
      for (const id of helpers) out.set(id, 'helper')
      // Nobody on duty: it opened at the street's centre.
      if (e.toStatus === 'escalated') for (const id of await centre(d, c, 'street')) out.set(id, 'centre')
      break
    case 'accept':
      if (person) out.set(person, 'person')
      for (const id of helpers) out.set(id, 'helper')
      if (p.escalation) for (const id of await centre(d, c, 'street')) out.set(id, 'centre')
      break
    case 'close':
    case 'convert':
      if (person) out.set(person, 'person')
      if (p.escalation) for (const id of await centre(d, c, 'street')) out.set(id, 'centre')
      break
    case 'escalate':
      if (person) out.set(person, 'person')
      for (const id of await centre(d, c, 'street')) out.set(id, 'centre')
      break
    case 'escalate_district':
      if (person) out.set(person, 'person')
      for (const id of await centre(d, c, 'district')) out.set(id, 'centre')
      break
    // 本人认领 (代办): whoever took it, or while nobody has, whoever was told, now that the person follows it.
    case CLAIM_PROXIED:
      if (p.takenBy) out.set(p.takenBy, 'helper')
      else if (c.status !== 'closed') for (const id of helpers) out.set(id, 'helper')
      break
  }
  out.delete(e.actorId)
  return out
}

async function responderName(d: Deps, c: Case): Promise<string | null> {
  const p = helpPayload(c)
  const u = p.takenBy ? await d.store.getUser(p.takenBy) : null
  if (!u) return null
  const grant = u.grants?.find((g) => g.unitCode && (g.role === 'grid_worker' || g.role === 'mediator' || g.role === 'helper' || g.role === 'dispatcher'))
  return `${responderLabel(grant)}${u.name}`
}

/** 一键求助: on-duty helpers at once (inbox and subscribe message), the person of every step, the centre when it is theirs. */
export const helpNotices = defineNotices({
  area: 'help',
  kinds: [
    {
      kind: 'help',
      pages: [PERSON_PAGE, STAFF_PAGE],
      inboxOpensCase: true,
      async audience(d, note): Promise<Telling[]> {
        const words = HELP_WORDS[note.e.action as HelpEvent]
        const ref = helpRef(note.c)
        const extra = { responder: note.e.action === 'accept' ? await responderName(d, note.c) : null }
        const told: Telling[] = []
        for (const [userId, reader] of await readers(d, note)) {
          const said = words ? words(ref, reader, note.c, extra) : { title: '一键求助有新进展', body: `${ref}有新进展，请在求助详情中查看` }
          told.push({ userId, title: said.title, body: clip(said.body, 120) })
        }
        return told
      },
      page: (c, userId) => `${userId === c.creatorId ? PERSON_PAGE : STAFF_PAGE}?id=${c.id}`,
      // Spent only on what cannot wait: the request to the helpers, who is coming, nobody came.
      push: { notice: 'help', keyEvent: (e) => e.action === 'raise' || e.action === 'accept' || e.action === 'escalate' },
    },
  ],
})
