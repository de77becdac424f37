/**
 * The notification registry: each area registers its outbox topics and how its case kinds'
 * events are told (backend/usecases/<area>/notices.ts); delivery only looks them up. A topic or
 * kind nobody registers fails with its reason and is never counted as delivered; every page a
 * notice links to is a page of the mini-program.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { monotonicFactory } from 'ulid'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { OutboxMessage, Store } from '../../backend/ports'
import type { Deps } from '../../backend/runtime'
import { gridNotices } from '../../backend/usecases/grid/notices'
import { NOTICES } from '../../backend/usecases/inbox/notices'
import { NoticeRegistry, UndeliverableError, defineNotices } from '../../backend/usecases/inbox/noticeRegistry'
import { deliverDue } from '../../backend/usecases/inbox/deliver'
import type { Case, CaseKind } from '../../src/core/case'
import { KINDS } from '../../src/core/kinds'
import { OrgTree } from '../../src/core/org'
import { HOTLINE_REPLY } from '../../backend/usecases/hotline/replies'

const ROOT = join(__dirname, '../..')

/** Topic names are stored in outbox rows: they stay as they are, whichever file declares them. */
const CASE_EVENT = 'case.event'
const CASE_MESSAGE = 'case.message'
const GRID_ANNOUNCEMENT = 'grid.announcement'
const GRID_QR_EXPIRING = 'grid.qr_expiring'
const GRID_REMIND = 'grid.remind_unread'
const ACCESS_GRANT = 'access.grant'
const ACCESS_REVOKE = 'access.revoke'
const SUBSCRIBE_PUSH = 'subscribe.push'
const WEBHOOK_DELIVERY = 'webhook.delivery'
const NOW = Date.parse('2026-03-02T01:00:00Z')
const ulid = monotonicFactory(() => 0.5)

/** The mini-program's pages (TARO_ENV=weapp): where a subscribe message can lead. */
function weappPages(): Set<string> {
  const g = globalThis as { defineAppConfig?: unknown }
  const saved = { define: g.defineAppConfig, env: process.env.TARO_ENV }
  g.defineAppConfig = (c: unknown) => c
  process.env.TARO_ENV = 'weapp'
  try {
    let config: { pages: string[]; subPackages: { root: string; pages: string[] }[] } | undefined
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = (require('../../src/app.config') as { default: typeof config }).default
    })
    return new Set([...config!.pages, ...config!.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))])
  } finally {
    g.defineAppConfig = saved.define
    if (saved.env === undefined) delete process.env.TARO_ENV
    else process.env.TARO_ENV = saved.env
  }
}

function message(topic: string, payload: Record<string, unknown> = {}, key = 'k-1'): OutboxMessage {
  const at = new Date(NOW).toISOString()
  return { id: ulid(NOW), topic, key, payload, createdAt: at, attempts: 0, nextAttemptAt: at, deliveredAt: null, lastError: null }
}

function sampleCase(kind: CaseKind): Case {
  // A respondent who joined reads a mediation case as a party, like its creator.
  return { id: 'C-1', kind, creatorId: 'u-creator', assigneeId: 'u-staff', payload: { respondentIds: ['u-respondent'] } } as unknown as Case
}

describe('the notice registry', () => {
  it('registers every outbox topic with the area it belongs to', () => {
    const areaOf = Object.fromEntries(NOTICES.list().topics.map((t) => [t.topic, t.area]))
    expect(areaOf).toEqual({
      [CASE_MESSAGE]: 'mediation',
      [GRID_QR_EXPIRING]: 'grid',
      [GRID_REMIND]: 'grid',
      [GRID_ANNOUNCEMENT]: 'grid',
      [ACCESS_GRANT]: 'rental',
      [ACCESS_REVOKE]: 'rental',
      [SUBSCRIBE_PUSH]: 'inbox',
      [WEBHOOK_DELIVERY]: 'integrations',
      [HOTLINE_REPLY]: 'hotline',
    })
  })

  it('tells the events of every case kind, each from its own area', () => {
    const areaOf = Object.fromEntries(NOTICES.list().kinds.map((k) => [k.kind, k.area]))
    expect(Object.keys(areaOf).sort()).toEqual(Object.keys(KINDS).sort())
    expect(areaOf).toEqual({ report: 'report', mediation: 'mediation', checkin: 'rental', misuse: 'rental', help: 'help' })
    for (const kind of Object.keys(KINDS)) expect(NOTICES.kind(kind).kind).toBe(kind)
  })

  it('registers every topic a use case writes by name', () => {
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
    })(join(ROOT, 'backend'))
    const written = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\btopic: '([^']+)'/g)].map((m) => ({ file: relative(ROOT, f), topic: m[1]! })))
    expect(written.length).toBeGreaterThan(0)
    const known = new Set([CASE_EVENT, ...NOTICES.list().topics.map((t) => t.topic)])
    expect(written.filter((w) => !known.has(w.topic))).toEqual([])
  })

  it('refuses a topic or kind registered twice, and case.event from any area', () => {
    expect(() => new NoticeRegistry([gridNotices, gridNotices])).toThrow(/"grid\.qr_expiring" registered by grid and grid/)
    const again = defineNotices({ area: 'other', kinds: [NOTICES.kind('report')] })
    expect(() => new NoticeRegistry([again, { ...again, area: 'third' }])).toThrow(/case kind "report" notices registered by other and third/)
    const thief = defineNotices({ area: 'thief', topics: [{ topic: CASE_EVENT, pages: [], deliver: async () => undefined }] })
    expect(() => new NoticeRegistry([thief])).toThrow(/case events are told through the kind's notices/)
  })

  it('links only to pages the mini-program has', () => {
    const pages = weappPages()
    expect(pages.size).toBeGreaterThan(10)
    const { topics, kinds } = NOTICES.list()
    const linked = [...topics.flatMap((t) => t.pages), ...kinds.flatMap((k) => k.pages)]
    expect(linked.length).toBeGreaterThan(0)
    expect(linked.filter((p) => !pages.has(p))).toEqual([])
    // What a kind's page() answers is one of the pages it declares, for its reporter and for staff.
    for (const k of kinds) {
      const c = sampleCase(k.kind)
      for (const userId of [c.creatorId, 'u-respondent', 'u-staff', 'u-other']) {
        const [path, query] = k.page(c, userId).split('?')
        expect(k.pages).toContain(path)
        if (query !== undefined) expect(query).toBe(`id=${c.id}`)
      }
    }
    // The check would catch a page that does not exist.
    expect(pages.has('pages/nowhere/index')).toBe(false)
  })
})

describe('delivering through the registry', () => {
  let store: Store
  let d: Deps

  beforeAll(() => {
    store = openSqliteStore(mkdtempSync(join(tmpdir(), 'jf-notices-')))
    d = {
      mode: 'local',
      store,
      files: { put: async () => '', get: async () => null, remove: async () => undefined },
      fileUrl: async (m) => `https://files.example/${m.id}`,
      identity: { resolve: async () => null },
      notifier: { sendSubscribe: async () => undefined },
      // Delivery never checks content; a call here would be a bug.
      contentSecurity: { checkText: () => Promise.reject(new Error('unused')), checkImage: () => Promise.reject(new Error('unused')) },
      clock: { now: () => new Date(NOW) },
      newId: () => ulid(NOW),
      config: defaultDistrictConfig(),
      orgTree: async () => new OrgTree(await store.listUnits()),
    }
  })
  afterAll(() => store.close())

  /** Every undelivered message, due or not. */
  const pending = () => store.dueMessages('9999-12-31T00:00:00.000Z', 100)

  it('fails a message of an unknown topic with its reason, and never counts it delivered', async () => {
    const msg = message('nobody.knows_this', { x: 1 }, 'k-unknown')
    await store.transaction((tx) => tx.enqueue(msg))
    expect(await deliverDue(d)).toEqual({ delivered: 0, failed: 1 })
    const [left] = (await pending()).filter((m) => m.id === msg.id)
    expect(left).toMatchObject({ deliveredAt: null, attempts: 1, lastError: 'unknown outbox topic "nobody.knows_this": no area registers it' })
    expect(Date.parse(left!.nextAttemptAt)).toBeGreaterThan(NOW)
  })

  it('still delivers a registered topic beside it', async () => {
    // A QR reminder whose code was replaced since: nothing to tell, and delivered.
    const msg = message(GRID_QR_EXPIRING, { gridCode: 'G-none', expiresAt: '2026-03-03T00:00:00.000Z' }, 'k-grid')
    await store.transaction((tx) => tx.enqueue(msg))
    expect(await deliverDue(d)).toEqual({ delivered: 1, failed: 0 })
    expect((await pending()).map((m) => m.id)).not.toContain(msg.id)
  })

  it('starts no delivery once the run is past its time budget: the message stays due, untried', async () => {
    const msg = message(GRID_QR_EXPIRING, { gridCode: 'G-none', expiresAt: '2026-03-03T00:00:00.000Z' }, 'k-budget')
    await store.transaction((tx) => tx.enqueue(msg))
    expect(await deliverDue(d, 100, { budgetMs: 0 })).toEqual({ delivered: 0, failed: 0 })
    expect((await pending()).find((m) => m.id === msg.id)).toMatchObject({ attempts: 0, deliveredAt: null })
    expect(await deliverDue(d)).toEqual({ delivered: 1, failed: 0 })
  })

  it('refuses a case event of a kind no area registers', async () => {
    const registry = new NoticeRegistry([gridNotices])
    const stub = { ...d, store: { ...store, getCase: async () => sampleCase('mediation') } } as unknown as Deps
    await expect(registry.deliver(stub, message(CASE_EVENT, { caseId: 'C-1', eventId: 'E-1', action: 'apply', toStatus: 'applied', actorId: 'u-1' }))).rejects.toThrow(UndeliverableError)
    await expect(registry.deliver(stub, message(CASE_EVENT, { caseId: 'C-1' }))).rejects.toThrow(/no area registers notices for case kind "mediation"/)
    await expect(registry.deliver(d, message(ACCESS_GRANT))).rejects.toThrow(/unknown outbox topic "access\.grant"/)
  })
})

describe('which events also go out by WeChat', () => {
  const ev = (action: string, toStatus: string) => ({ caseId: 'C-1', eventId: 'E-1', action, toStatus, actorId: 'u-1' })
  const keyEvents = (kind: string, events: Array<[string, string]>) => events.filter(([a, s]) => NOTICES.kind(kind).push?.keyEvent(ev(a, s))).map(([a]) => a)

  it('spends a one-time consent on the outcome each flow asked for, one notice per kind', () => {
    expect(NOTICES.kind('report').push?.notice).toBe('caseProgress')
    expect(keyEvents('report', [['accept', 'accepted'], ['start', 'in_progress'], ['resolve', 'resolved'], ['reject', 'rejected'], ['merge', 'merged'], ['escalate', 'accepted']])).toEqual(['resolve', 'reject', 'merge'])
    expect(NOTICES.kind('mediation').push?.notice).toBe('mediation')
    expect(keyEvents('mediation', [['accept', 'accepted'], ['schedule', 'mediating'], ['draft_agreement', 'agreement_pending'], ['remind', 'mediating']])).toEqual(['schedule', 'draft_agreement'])
    expect(NOTICES.kind('checkin').push?.notice).toBe('checkinDecision')
    expect(keyEvents('checkin', [['check_in', 'pending'], ['confirm', 'active'], ['refuse', 'refused'], ['check_out', 'checked_out']])).toEqual(['confirm', 'refuse'])
    expect(NOTICES.kind('misuse').push).toBeUndefined()
  })

  it("names a mediation session's own time, not the moment it was scheduled", () => {
    const c = { ...sampleCase('mediation'), payload: { sessions: [{ id: 'E-1', at: '2026-03-05T06:30:00.000Z', place: '京溪街人民调解室' }] } } as unknown as Case
    expect(NOTICES.kind('mediation').push?.at?.(c, ev('schedule', 'mediating'))).toBe('2026-03-05T06:30:00.000Z')
    expect(NOTICES.kind('mediation').push?.at?.(c, ev('draft_agreement', 'agreement_pending'))).toBeUndefined()
  })
})
