/**
 * Round trips per function action on CloudBase (issue 21, figure 8): the functions' own `main`
 * runs in process over the CloudBase adapters and the real @cloudbase/node-sdk, pointed at the
 * recording FakeCloudbase; each call's database and storage requests (a transaction's start and
 * commit included) are counted. Shared by the jest test that pins the counts
 * (test/cloudbase/roundtrips.test.ts) and the bench table (bench/figures/roundtrips.ts).
 *
 * The instance is warm, as most calls meet one: the org tree and the district configuration are
 * already cached (a cold instance adds their reads once). The caller resolves by user id, one
 * read, as an OPENID does in production (findUserByOpenid). Content security and subscribe
 * messages are WeChat's open API, not the database or storage, and are not counted.
 */
import { randomBytes } from 'node:crypto'
import { monotonicFactory } from 'ulid'
import { CloudbaseFileStore } from '../../backend/adapters/cloudbase/files'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { defaultDistrictConfig, type DistrictConfig } from '../../backend/config/district'
import { Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/deps'
import { useDeps } from '../../backend/runtime'
import { demoRoster } from '../../backend/seed/demoRoster'
import { seedDemo } from '../../backend/seed/seed'
import { GRID1_POINT, TINY_JPEG } from '../support/fixtures'
import { applyInput } from '../support/mediation'
import { localDeps } from '../support/localDeps'
import type { CollectionSpec } from '../../backend/adapters/cloudbase/indexes'
import { FakeCloudbase, type RoundTrips } from './fakeCloudbase'
import { sdkApp } from './sdkApp'

type Main = (event: unknown, context: unknown) => Promise<Record<string, any>>

/** One measured call: `fn.action`, the size it handled (photos, rows, cases), its round trips. */
export interface RoundTripRow extends RoundTrips {
  action: string
  /** What `items` counts for this call (e.g. "photos"); absent for a call of the usual size. */
  itemsOf?: string
  items?: number
}

async function mains(): Promise<Record<string, Main>> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    session: (await import('../../backend/functions/session')).main as Main,
    account: (await import('../../backend/functions/account')).main as Main,
    reports: (await import('../../backend/functions/reports')).main as Main,
    cases: (await import('../../backend/functions/cases')).main as Main,
    files: (await import('../../backend/functions/files')).main as Main,
    inbox: (await import('../../backend/functions/inbox')).main as Main,
    mediation: (await import('../../backend/functions/mediation')).main as Main,
    help: (await import('../../backend/functions/help')).main as Main,
    grid: (await import('../../backend/functions/grid')).main as Main,
  }
}

/** A 一键求助 template, so raising looks up whether each helper on duty can be messaged. */
function withHelpTemplate(c: DistrictConfig): DistrictConfig {
  return { ...c, subscribeTemplates: { ...c.subscribeTemplates, help: { id: 'tpl-help', long: false, fields: { title: 'thing1' } } } }
}

/** A Deps for the CloudBase mode over `fake`: real store and file store, a fixed clock moved by `later`. */
function cloudDeps(fake: FakeCloudbase, now: () => Date): Deps {
  const app = sdkApp(fake, 5000)
  const store = new CloudbaseStore(app.database(), { retryDelayMs: 1 })
  const files = new CloudbaseFileStore(app, 'jiefang/files', 'test-env')
  let n = 0
  const ulid = monotonicFactory()
  const base = localDeps(store, {
    clock: { now },
    newId: () => ulid(now().getTime()),
    config: withHelpTemplate(defaultDistrictConfig()),
  })
  return {
    ...base,
    mode: 'cloudbase',
    files,
    fileUrl: (meta) => files.tempUrl(meta.storageKey),
    fileUrls: (metas) => files.tempUrls(metas.map((m) => m.storageKey)),
    identity: { resolve: async (ctx) => ((ctx as { userId?: string } | null)?.userId ? { userId: (ctx as { userId: string }).userId } : null) },
    vault: new Vault(randomBytes(32)),
    notifier: { sendSubscribe: async () => undefined },
    contentSecurity: {
      checkText: async () => ({ ok: true as const, suggest: 'pass' as const, label: 100 }),
      checkImage: async () => ({ ok: true as const, traceId: `trace${++n}` }),
    },
  }
}

/**
 * Runs the scenario and answers one row per call. `TENCENTCLOUD`/`SILENCE` must be set (see
 * quietSdkRuntime) so the SDK neither probes the metadata server nor leaves timers behind.
 * `indexes`: cloudbaserc.json's collections, when this file is bundled away from the repository.
 */
export async function measureRoundTrips(opts: { indexes?: CollectionSpec[] } = {}): Promise<RoundTripRow[]> {
  const fake = new FakeCloudbase(opts)
  await fake.start()
  let now = new Date('2026-12-01T02:00:00.000Z')
  const d = cloudDeps(fake, () => now)
  const fns = await mains()
  const rows: RoundTripRow[] = []
  try {
    await seedDemo(d.store, d.vault)
    useDeps(d)

    /** Calls `fn.action` as `userId`, counts its round trips, and fails loudly on a refusal. */
    const call = async (fn: string, action: string, data: unknown, userId: string, size?: { itemsOf: string; items: number }) => {
      const from = fake.requests.length
      const r = await fns[fn]!({ action, data }, { userId })
      if (!r.ok) throw new Error(`${fn}.${action} as ${userId}: ${String(r.code)} ${String(r.message)}`)
      rows.push({ action: `${fn}.${action}`, ...fake.roundTrips(from), ...(size ?? {}) })
      return r
    }
    /** A warm instance: the first call of the run loads the org tree; not counted. */
    await fns.session!({ action: 'me', data: {} }, { userId: 'demo-resident' })

    /** 可能重复: the public cards of others' open reports nearby, sized by how many it shows. */
    const cards = async (userId: string) => {
      const r = await call('reports', 'duplicates', { category: 'HJ01', ...GRID1_POINT }, userId)
      Object.assign(rows[rows.length - 1]!, { itemsOf: 'cards', items: (r.cases as unknown[]).length })
    }
    const photo = async (userId: string) => (await call('files', 'upload', { contentType: 'image/jpeg', contentBase64: TINY_JPEG.toString('base64') }, userId)).fileId as string
    const key = () => randomBytes(12).toString('hex')
    const report = (photos: string[], description = '楼下垃圾堆了三天没人清理') => ({
      idempotencyKey: key(),
      category: 'HJ01',
      description,
      photos,
      location: { ...GRID1_POINT, address: '云景路 12 号' },
      anonymous: false,
    })

    await call('session', 'me', {}, 'demo-resident')
    await call('account', 'profile', {}, 'demo-resident')
    await call('reports', 'categories', {}, 'demo-resident')
    await call('reports', 'locate', GRID1_POINT, 'demo-resident')

    // A report with one photo, then one with nine: the second's counts must not grow.
    const one = [await photo('demo-resident')]
    const nine: string[] = []
    for (let i = 0; i < 9; i++) nine.push(await photo('demo-resident'))
    const small = (await call('reports', 'submit', report(one), 'demo-resident', { itemsOf: 'photos', items: 1 })).case
    const big = (await call('reports', 'submit', report(nine), 'demo-resident', { itemsOf: 'photos', items: 9 })).case
    await cards('demo-resident')
    await call('cases', 'queue', { limit: 20 }, 'demo-grid-worker', { itemsOf: 'rows', items: 2 })
    await call('reports', 'get', { id: small.id }, 'demo-resident', { itemsOf: 'photos', items: 1 })
    await call('reports', 'get', { id: big.id }, 'demo-resident', { itemsOf: 'photos', items: 9 })
    await call('reports', 'mine', {}, 'demo-resident', { itemsOf: 'rows', items: 2 })
    for (let i = 0; i < 8; i++) await call('reports', 'submit', report([], `路灯不亮第${i + 1}处，晚上很黑`), i % 2 ? 'demo-resident' : 'demo-resident-2')
    await call('reports', 'mine', {}, 'demo-resident', { itemsOf: 'rows', items: 6 })
    await cards('demo-resident')
    await call('reports', 'follow', { id: small.id }, 'demo-resident-2')

    // A page filled by cases with a deadline: the undated ones need no query of their own.
    await call('cases', 'queue', { limit: 2 }, 'demo-grid-worker')
    await call('cases', 'queue', { limit: 20 }, 'demo-grid-worker', { itemsOf: 'rows', items: 10 })
    await call('cases', 'queue', { limit: 20 }, 'demo-dispatcher', { itemsOf: 'rows', items: 10 })
    await call('cases', 'get', { id: small.id }, 'demo-grid-worker', { itemsOf: 'photos', items: 1 })
    await call('cases', 'get', { id: big.id }, 'demo-grid-worker', { itemsOf: 'photos', items: 9 })
    await call('cases', 'assignees', {}, 'demo-dispatcher')
    await call('cases', 'act', { id: small.id, action: 'accept', version: 1 }, 'demo-grid-worker')
    await call('cases', 'act', { id: small.id, action: 'start', version: 2 }, 'demo-grid-worker')
    const after = await photo('demo-grid-worker')
    await call('cases', 'act', { id: small.id, action: 'resolve', version: 3, note: '已清理干净', attachments: [after] }, 'demo-grid-worker')
    await call('reports', 'confirm', { id: small.id, version: 4, rating: 5 }, 'demo-resident')
    await call('cases', 'get', { id: small.id }, 'demo-grid-worker', { itemsOf: 'timeline rows', items: 5 })
    const open = ((await call('cases', 'queue', { limit: 20, statuses: ['submitted'] }, 'demo-dispatcher')).cases as Array<{ id: string }>).map((c) => c.id)
    await call('cases', 'bulkAssign', { ids: open.slice(0, 2), assigneeId: 'demo-grid-worker' }, 'demo-dispatcher', { itemsOf: 'cases', items: 2 })
    await call('cases', 'bulkAssign', { ids: open.slice(2, 8), assigneeId: 'demo-grid-worker' }, 'demo-dispatcher', { itemsOf: 'cases', items: 6 })
    await call('cases', 'stats', {}, 'demo-dispatcher')
    await call('cases', 'exportCsv', {}, 'demo-dispatcher', { itemsOf: 'rows', items: 10 })
    await call('cases', 'moderationQueue', {}, 'demo-dispatcher')

    await call('inbox', 'list', {}, 'demo-resident')
    await call('inbox', 'markRead', { all: true }, 'demo-resident')
    await call('inbox', 'templates', {}, 'demo-resident')

    const evidence = [await photo('demo-resident'), await photo('demo-resident')]
    const med = (await call('mediation', 'apply', applyInput({ evidence }), 'demo-resident', { itemsOf: 'photos', items: 2 })).case
    await call('mediation', 'mine', {}, 'demo-resident')
    await call('mediation', 'get', { id: med.id }, 'demo-resident', { itemsOf: 'photos', items: 2 })
    await call('mediation', 'queue', {}, 'demo-mediator')
    await call('mediation', 'get', { id: med.id }, 'demo-mediator', { itemsOf: 'photos', items: 2 })
    await call('mediation', 'send', { id: med.id, text: '请问什么时候可以调解？', photos: [] }, 'demo-resident')
    await call('mediation', 'messages', { id: med.id }, 'demo-mediator')

    // Those on duty have WeChat and a consent left: each is looked up. One on duty, then three.
    const roster = demoRoster(now.toISOString())
    for (const e of roster.entries) {
      const u = (await d.store.getUser(e.userId))!
      await d.store.putUser({ ...u, openid: `openid-${u.id}` })
      await d.store.addSubscribeQuota(u.id, 'tpl-help', 1)
    }
    await d.store.putDutyRoster({ ...roster, entries: roster.entries.slice(0, 1) })
    now = new Date(now.getTime() + 60_000)
    await call('help', 'raise', { idempotencyKey: key(), kind: 'family', text: '家里吵架摔东西', location: GRID1_POINT }, 'demo-resident', { itemsOf: 'recipients', items: 1 })
    await d.store.putDutyRoster(roster)
    await call('help', 'raise', { idempotencyKey: key(), kind: 'other', text: '楼道里有人晕倒了', location: GRID1_POINT }, 'demo-resident-2', { itemsOf: 'recipients', items: 3 })
    await call('help', 'mine', {}, 'demo-resident')
    await call('help', 'queue', {}, 'demo-helper')
    await call('help', 'live', {}, 'demo-dispatcher')

    await call('grid', 'board', { code: '440111010001001' }, 'demo-resident')
    await call('grid', 'announcements', {}, 'demo-resident')
    await call('grid', 'publish', { idempotencyKey: key(), type: 'notice', title: '停水通知', body: '明天上午九点到十二点停水', target: { kind: 'grids', codes: ['440111010001001'] } }, 'demo-grid-worker')
    await call('grid', 'published', {}, 'demo-grid-worker')
    return rows
  } finally {
    useDeps(undefined)
    await fake.stop()
  }
}

/** Rows of the same action merged into one line of the table: the largest count and the sizes seen. */
export function perAction(rows: readonly RoundTripRow[]): Array<{ action: string; max: number; min: number; database: number; storage: number; sizes: string; byAction: Record<string, number>; sequence: string[] }> {
  const by = new Map<string, RoundTripRow[]>()
  for (const r of rows) by.set(r.action, [...(by.get(r.action) ?? []), r])
  return [...by].map(([action, rs]) => {
    const top = rs.reduce((a, b) => (b.total > a.total ? b : a))
    const sized = rs.filter((r) => r.items !== undefined)
    return {
      action,
      max: top.total,
      min: Math.min(...rs.map((r) => r.total)),
      database: top.database,
      storage: top.storage,
      sizes: sized.map((r) => `${r.items} ${r.itemsOf}: ${r.total}`).join('; '),
      byAction: top.byAction,
      sequence: top.sequence,
    }
  })
}

/** Actions whose count grew with the size they handled (a larger `items` of the same kind cost more). */
export function growing(rows: readonly RoundTripRow[]): string[] {
  const out = new Set<string>()
  for (const a of rows) {
    for (const b of rows) {
      if (a.action !== b.action || a.itemsOf === undefined || a.itemsOf !== b.itemsOf) continue
      // From one item up: with none, the reads of the items' details are skipped altogether.
      if (a.items! >= 1 && b.items! > a.items! && b.total > a.total) out.add(`${a.action} (${a.items} → ${b.items} ${a.itemsOf}: ${a.total} → ${b.total})`)
    }
  }
  return [...out]
}

/**
 * Round trips per action before issue 21 (the largest size the scenario drives), measured with this
 * scenario on fec290e, before any change of part R.
 */
export const BEFORE: Readonly<Record<string, number>> = {
  'session.me': 5,
  'account.profile': 2,
  'reports.categories': 1,
  'reports.locate': 1,
  'files.upload': 4,
  'reports.submit': 32,
  'reports.duplicates': 11,
  'cases.queue': 4,
  'reports.get': 23,
  'reports.mine': 2,
  'reports.follow': 4,
  'cases.get': 24,
  'cases.assignees': 2,
  'cases.act': 18,
  'reports.confirm': 22,
  'cases.bulkAssign': 73,
  'cases.stats': 2,
  'cases.exportCsv': 7,
  'cases.moderationQueue': 15,
  'inbox.list': 3,
  'inbox.markRead': 3,
  'inbox.templates': 1,
  'mediation.apply': 20,
  'mediation.mine': 3,
  'mediation.get': 9,
  'mediation.queue': 3,
  'mediation.send': 6,
  'mediation.messages': 3,
  'help.raise': 21,
  'help.mine': 2,
  'help.queue': 5,
  'help.live': 5,
  'grid.board': 5,
  'grid.announcements': 2,
  'grid.publish': 9,
  'grid.published': 4,
}

/** The targets: a queue page ≤ 2 requests, a case detail ≤ 3, any other action at most half of before. */
export function targetOf(action: string): { op: '<='; value: number } | null {
  if (/\.queue$/.test(action)) return { op: '<=', value: 2 }
  if (['cases.get', 'reports.get', 'help.get', 'mediation.get'].includes(action)) return { op: '<=', value: 3 }
  const before = BEFORE[action]
  return before === undefined ? null : { op: '<=', value: before / 2 }
}
