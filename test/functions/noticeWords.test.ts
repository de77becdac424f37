/**
 * The words of every notice (issue 17, wording pass): walking each kind's transition table and its
 * recorded events, every one that tells anyone has a title that says what happened without a doubled
 * word (「调解调解成功」) and fits a WeChat `thing` keyword, and a body that names its case — by its
 * number (京溪-2026-00042) when it has one, else by what it is about — never by an internal id. A new
 * action without words fails here (and fails to compile in its area's table).
 */
import { defaultDistrictConfig } from '../../backend/config/district'
import type { InboxItem, OutboxMessage } from '../../backend/ports'
import type { Deps } from '../../backend/runtime'
import { NOTICES } from '../../backend/usecases/inbox/notices'
import type { CaseEventPayload, Telling } from '../../backend/usecases/inbox/noticeRegistry'
import { gridNotices } from '../../backend/usecases/grid/notices'
import { HELP_WORDS } from '../../backend/usecases/help/notices'
import { MEDIATION_WORDS, mediationNotices } from '../../backend/usecases/mediation/notices'
import { CHECKIN_WORDS, MISUSE_WORDS } from '../../backend/usecases/rental/notices'
import { MODERATION_WORDS } from '../../backend/usecases/report/moderationNotice'
import { REPORT_WORDS } from '../../backend/usecases/report/notices'
import type { Case, CaseKind, TimelineEvent } from '../../src/core/case'
import { KINDS } from '../../src/core/kinds'
import { MODERATION_ACTIONS } from '../../src/core/kinds/report'

const ID = '01M95DSDY1V3EXXT9F06XVTR6C'
const NUMBER = '京溪-2026-00042'
const AT = '2026-03-02T01:00:00.000Z'

/** Two characters said twice in a row: 调解调解, 事项事项. */
const DOUBLED = /(\S\S)\1/u
/** What a body must never carry: an internal id, a ULID, a topic name, a raw UTC instant. */
const ID_SHAPED = /[0-9A-HJKMNP-TV-Z]{20,}|C-1|u-[a-z]+|\d{4}-\d{2}-\d{2}T/

/** What names each kind's case when it has no number yet. */
const FALLBACK: Record<CaseKind, string> = { report: '消防通道堵塞', mediation: '婚姻家庭', checkin: '301 室', misuse: '4401**********123X', help: '邻里纠纷' }

function payloadOf(kind: CaseKind): Record<string, unknown> {
  switch (kind) {
    case 'report':
      return { description: '楼道里堆满了纸箱', photos: [] }
    case 'mediation':
      return {
        disputeType: 'family',
        parties: [],
        respondentIds: ['u-respondent'],
        sessions: [{ id: 'E-1', at: '2026-03-05T06:30:00.000Z', mode: 'in_person', place: '京溪街人民调解室', notes: null }],
        referral: { type: 'court', note: '对方不同意' },
        agreement: null,
        ratings: {},
        remindedDays: [],
      }
    case 'checkin':
      return { room: '301', leaseEnd: '2026-02-28', refusedReason: '证件照片不清晰', buildingId: 'B-1' }
    case 'misuse':
      return { docNumberMasked: '4401**********123X', buildingId: 'B-1', note: '' }
    case 'help':
      return {
        helpKind: 'neighbour_dispute',
        text: '楼上漏水吵起来了',
        notified: [{ userId: 'u-helper', role: 'helper', unreachable: null }],
        takenBy: 'u-staff',
        escalation: 'street',
        convertedTo: { kind: 'mediation', caseId: 'C-2', number: '京溪-2026-00043' },
      }
  }
}

function sampleCase(kind: CaseKind, numbered: boolean, status: string): Case {
  return {
    id: ID,
    kind,
    ...(numbered ? { number: NUMBER } : {}),
    status,
    unitCode: 'G-1',
    gridCode: 'G-1',
    assigneeId: 'u-staff',
    category: kind === 'report' ? 'XF01' : kind === 'mediation' ? 'family' : kind,
    payload: payloadOf(kind),
    creatorId: 'u-creator',
    idempotencyKey: 'k',
    createdAt: AT,
    updatedAt: AT,
    slaDeadline: null,
    version: 2,
  }
}

/** Deps for the words alone: a follower, staff over the unit, everyone alive, the event stored as public. */
function stubDeps(c: Case, stored: TimelineEvent, inbox: InboxItem[] = []): Deps {
  const store = {
    getCase: async () => c,
    followers: async () => ['u-follower'],
    listStaff: async () => [{ id: 'u-centre' }],
    timeline: async () => [stored],
    getUser: async (id: string) => ({ id, name: '某人' }),
    addInbox: async (items: InboxItem[]) => void inbox.push(...items),
    getBoard: async () => ({ qr: { expiresAt: AT } }),
    getAnnouncement: async () => ({ id: 'A-1', title: '停水通知', gridCodes: ['G-1'], publishedAt: AT }),
    announcementReads: async () => [],
    unreadMembers: async () => [{ gridCode: 'G-1', userId: 'u-member', status: 'joined', building: null, requestedAt: AT, decidedAt: AT, decidedBy: null }],
    listMemberships: async () => [{ userId: 'u-member' }],
  }
  return {
    store,
    config: defaultDistrictConfig(),
    orgTree: async () => ({ chain: () => [{ code: 'G-1' }], get: () => ({ name: '云景社区第一网格' }) }),
    clock: { now: () => new Date(AT) },
  } as unknown as Deps
}

/** Every event a kind records: its table's moves and the events written outside it (上报, 申请, 加入 …). */
function eventsOf(kind: CaseKind): string[] {
  const k = KINDS[kind]
  return [...new Set([...k.rules.map((r) => r.action), ...Object.keys(k.actionLabels)])]
}

/** A status the event may lead to (the first row's `to`, else where it starts). */
function toStatusOf(kind: CaseKind, action: string): string {
  const rows = KINDS[kind].rules.filter((r) => r.action === action)
  return rows.find((r) => r.to)?.to ?? rows[0]?.from[0] ?? KINDS[kind].initialStatus
}

async function tell(kind: CaseKind, action: string, numbered: boolean, toStatus = toStatusOf(kind, action)): Promise<Telling[]> {
  const c = sampleCase(kind, numbered, toStatus)
  const e: CaseEventPayload = { caseId: ID, eventId: 'E-1', action, toStatus, actorId: 'u-actor' }
  const stored: TimelineEvent = { id: 'E-1', caseId: ID, actorId: 'u-actor', actorRole: 'dispatcher', action, fromStatus: 'submitted', toStatus, note: '理由', attachments: [], at: AT, visibility: 'public' }
  const inbox: InboxItem[] = []
  const d = stubDeps(c, stored, inbox)
  const notices = NOTICES.kind(kind)
  const note = { c, e, storedEvent: async () => stored }
  const msg = { id: 'M-1', topic: 'case.event', key: ID, payload: { ...e }, createdAt: AT, attempts: 0, nextAttemptAt: AT, deliveredAt: null, lastError: null } as OutboxMessage
  if (notices.deliverOwn && (await notices.deliverOwn(d, note, msg))) return inbox.map(({ userId, title, body }) => ({ userId, title, body }))
  return notices.audience(d, note)
}

function expectWellSaid(told: Telling, named: string, where: string) {
  expect({ where, title: told.title, doubled: DOUBLED.test(told.title) }).toEqual({ where, title: told.title, doubled: false })
  // A WeChat `thing` keyword takes 20 characters: the title is what a subscribe message shows.
  expect(Array.from(told.title).length).toBeLessThanOrEqual(20)
  expect({ where, body: told.body }).toEqual({ where, body: expect.stringContaining(named) })
  expect(`${told.title} ${told.body}`).not.toMatch(ID_SHAPED)
  expect(told.body).not.toMatch(/[A-Za-z]{2,}/)
}

/** The events each area's words table says are told to nobody. */
const SILENT: Record<CaseKind, readonly string[]> = {
  report: Object.entries(MODERATION_WORDS)
    .filter(([, w]) => w === null)
    .map(([a]) => a),
  mediation: Object.entries(MEDIATION_WORDS)
    .filter(([, w]) => w === null)
    .map(([a]) => a),
  checkin: Object.entries(CHECKIN_WORDS)
    .filter(([, w]) => w === null)
    .map(([a]) => a),
  misuse: [],
  help: [],
}

describe('every case event that tells anyone is told in words of its own', () => {
  it('has words for every move of every transition table and every recorded event', () => {
    const tables: Record<CaseKind, string[]> = {
      report: [...Object.keys(REPORT_WORDS), ...Object.keys(MODERATION_WORDS)],
      mediation: Object.keys(MEDIATION_WORDS),
      checkin: Object.keys(CHECKIN_WORDS),
      misuse: Object.keys(MISUSE_WORDS),
      help: Object.keys(HELP_WORDS),
    }
    for (const kind of Object.keys(KINDS) as CaseKind[]) expect({ kind, events: tables[kind].sort() }).toEqual({ kind, events: eventsOf(kind).sort() })
  })

  it('names the case by its number, says what happened without a doubled word, and never shows an id', async () => {
    let walked = 0
    for (const kind of Object.keys(KINDS) as CaseKind[]) {
      for (const action of eventsOf(kind)) {
        for (const numbered of [true, false]) {
          const told = await tell(kind, action, numbered)
          if (SILENT[kind].includes(action)) {
            expect({ kind, action, told }).toEqual({ kind, action, told: [] })
            continue
          }
          // Someone hears of every other event (the actor is nobody else on the case).
          expect({ kind, action, heard: told.length > 0 }).toEqual({ kind, action, heard: true })
          for (const t of told) expectWellSaid(t, numbered ? NUMBER : FALLBACK[kind], `${kind}.${action} → ${t.userId}`)
          walked += told.length
        }
      }
    }
    expect(walked).toBeGreaterThan(80)
  })

  it('tells each reader in their own words: the reporter what to do next, staff what to do, a follower only the public status', async () => {
    const told = await tell('report', 'resolve', true)
    const by = (u: string) => told.find((t) => t.userId === u)!
    expect(by('u-creator')).toMatchObject({ title: '事项已办结', body: expect.stringMatching(/^您上报的事项 京溪-2026-00042（消防安全 \/ 消防通道堵塞）已办结，请在 7 天内查看处置结果并评价/) })
    expect(by('u-staff').body).toContain('等待居民确认评价')
    expect(by('u-follower')).toEqual({ userId: 'u-follower', title: '关注的事项已办结', body: expect.stringContaining('您关注的事项 京溪-2026-00042') })
    expect(by('u-follower').body).not.toContain('纸箱')
    // Without a number the category names it.
    expect((await tell('report', 'accept', false)).find((t) => t.userId === 'u-creator')?.body).toMatch(/^您上报的「消防安全 \/ 消防通道堵塞」事项已受理/)
  })

  it('ends mediation in words that do not repeat themselves, and a partial confirmation says who is still awaited', async () => {
    const done = await tell('mediation', 'confirm_agreement', true, 'succeeded')
    expect(done.map((t) => t.title)).toContain('调解成功')
    expect(done.find((t) => t.userId === 'u-creator')?.body).toBe('调解案件 京溪-2026-00042（婚姻家庭）各方已确认协议，调解成功，请按协议履行')
    const partial = await tell('mediation', 'confirm_agreement', true, 'agreement_pending')
    expect(partial[0]?.body).toContain('请尚未确认的当事人尽快阅读并确认')
    const scheduled = await tell('mediation', 'schedule', false, 'mediating')
    expect(scheduled[0]?.body).toBe('「婚姻家庭」调解案件已安排调解，时间：2026年3月5日 14:30，地点：京溪街人民调解室，请按时参加')
    // The mediator hears what to do; the applicant what will happen.
    const accepted = await tell('mediation', 'accept', true)
    expect(accepted.find((t) => t.userId === 'u-staff')?.body).toContain('请邀请对方当事人参加调解')
    expect(accepted.find((t) => t.userId === 'u-creator')?.body).toContain('调解员将邀请对方当事人')
  })

  it('would catch a doubled title and a body that names no case', () => {
    expect(DOUBLED.test('调解调解成功')).toBe(true)
    expect(DOUBLED.test('调解协议待确认')).toBe(false)
    expect(() => expectWellSaid({ userId: 'u', title: '调解调解中', body: '您的调解案件：确认协议，当前状态：调解中' }, NUMBER, 'old')).toThrow()
    expect(() => expectWellSaid({ userId: 'u', title: '事项已办结', body: `事项 ${ID} 已办结` }, ID, 'id')).toThrow()
  })
})

describe('the notices of outbox topics', () => {
  const msg = (topic: string, payload: Record<string, unknown>): OutboxMessage => ({ id: 'M-2', topic, key: 'k', payload, createdAt: AT, attempts: 0, nextAttemptAt: AT, deliveredAt: null, lastError: null })

  it('names the mediation case a new thread message belongs to', async () => {
    const inbox: InboxItem[] = []
    const c = sampleCase('mediation', true, 'mediating')
    const d = stubDeps(c, {} as TimelineEvent, inbox)
    const topic = mediationNotices.topics!.find((t) => t.topic === 'case.message')!
    await topic.deliver(d, msg('case.message', { caseId: ID, authorId: 'u-creator' }))
    expect(inbox.length).toBeGreaterThan(0)
    for (const i of inbox) expectWellSaid(i, NUMBER, 'case.message')
  })

  it('says what the grid reminders are about and what to do', async () => {
    const inbox: InboxItem[] = []
    const d = stubDeps(sampleCase('report', true, 'submitted'), {} as TimelineEvent, inbox)
    for (const t of gridNotices.topics!) {
      if (t.topic === 'grid.announcement') continue
      await t.deliver(d, msg(t.topic, { gridCode: 'G-1', expiresAt: AT, announcementId: 'A-1' }))
    }
    expect(inbox.map((i) => i.title).sort()).toEqual(['群二维码即将过期', '请阅读：停水通知'])
    expect(inbox.find((i) => i.title === '群二维码即将过期')?.body).toContain('「云景社区第一网格」')
    expect(inbox.find((i) => i.title.startsWith('请阅读'))?.body).toContain('「停水通知」')
    for (const i of inbox) expect(DOUBLED.test(i.title)).toBe(false)
  })
})

it('keeps moderation actions out of the audience: they are told on their own', () => {
  expect([...MODERATION_ACTIONS].every((a) => a in MODERATION_WORDS)).toBe(true)
})

describe('the title of a WeChat subscribe message', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pushTitle } = require('../../backend/usecases/inbox/caseName') as typeof import('../../backend/usecases/inbox/caseName')
  it('leads with the case number when both fit a thing keyword (20 characters)', () => {
    expect(pushTitle({ number: NUMBER }, '事项已办结')).toBe('京溪-2026-00042 事项已办结')
    expect(pushTitle({ number: NUMBER }, '调解协议待确认')).toBe('调解协议待确认')
    expect(pushTitle({}, '事项已办结')).toBe('事项已办结')
  })
})
