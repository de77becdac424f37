/**
 * The dashboard's counts after a random workload equal a full recount, on both adapters. Cases are
 * submitted, moved (status, category, grid, deadline, resolvedAt), merged, written several to a
 * transaction, rolled back, re-keyed by an org import that moves a community to the other street,
 * and (SQLite) deleted; then `caseStats` over whole streets (the counters), partial streets and
 * filters the counters do not carry (the cases) is compared with the statistics folded from what
 * the workload wrote. On SQLite the trigger-kept tables also equal a rebuild from scratch.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { CASE_COUNT_TABLES, rebuildCaseCounts } from '../../backend/adapters/sqlite/caseCounts'
import { COMMITTEE_COUNTS_TABLE } from '../../backend/adapters/sqlite/committeeCounts'
import { DEPARTMENT_COUNTS_TABLE } from '../../backend/adapters/sqlite/departmentCounts'
import { CaseStatsAccumulator } from '../../backend/adapters/cloudbase/caseStats'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import type { CaseQuery, Store } from '../../backend/ports'
import type { Case } from '../../src/core/case'
import { REPORT } from '../../src/core/kinds/report'
import type { OrgUnit } from '../../src/core/org'
import { FakeCloudbase } from '../cloudbase/fakeCloudbase'
import { sdkApp, quietSdkRuntime } from '../cloudbase/sdkApp'

quietSdkRuntime()

const T0 = Date.parse('2026-03-01T00:00:00.000Z')
const HOUR = 3600_000
/** The dashboard's "now": some open deadlines are past it, some still ahead. */
const NOW = new Date(T0 + 6 * 24 * HOUR).toISOString()
const TERMINAL = REPORT.terminalStatuses
const STATUSES = ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected'] as const
const CATEGORIES = ['ZA01', 'HJ01', 'SZ02']
const DEPARTMENTS = ['城管', '水务']
/** Mediation committees; a few cases carry a committee that is not text, which no queue matches. */
const COMMITTEES = ['people', 'traffic']
const MEDIATORS = ['m1', 'm2']

/** District D, streets S1 and S2, two communities each, three grids per community (C4 moves later). */
function units(c4Street: string): OrgUnit[] {
  const out: OrgUnit[] = [
    { code: 'D', name: '白云区', level: 'district', parentCode: null },
    { code: 'S1', name: '第1街道', level: 'street', parentCode: 'D' },
    { code: 'S2', name: '第2街道', level: 'street', parentCode: 'D' },
  ]
  for (const [c, s] of [['C1', 'S1'], ['C2', 'S1'], ['C3', 'S2'], ['C4', c4Street]] as const) {
    out.push({ code: c, name: `${c}社区`, level: 'community', parentCode: s })
    for (let g = 1; g <= 3; g++) out.push({ code: `${c}G${g}`, name: `第${g}网格`, level: 'grid', parentCode: c })
  }
  return out
}
const GRIDS = ['C1', 'C2', 'C3', 'C4'].flatMap((c) => [1, 2, 3].map((g) => `${c}G${g}`))
const gridsOf = (communities: readonly string[]) => GRIDS.filter((g) => communities.includes(g.slice(0, 2)))

/** mulberry32, seeded: a failing workload repeats. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function caseId(n: number): string {
  return `01JNC0000000000000000${String(n).padStart(5, '0')}`
}

interface Workload {
  model: Map<string, Case>
  /** Raw deletes (SQLite only: the port has no delete). */
  deleted: number
}

async function runWorkload(store: Store, seed: number, deleteRow: ((id: string) => void) | null): Promise<Workload> {
  const rand = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const model = new Map<string, Case>()
  let n = 0
  let deleted = 0
  const fresh = (): Case => {
    n++
    const grid = rand() < 0.06 ? null : pick(GRIDS)
    const createdMs = T0 + Math.floor(rand() * 5 * 24 * HOUR)
    const created = new Date(createdMs).toISOString()
    const status = pick(STATUSES)
    const resolved = rand() < 0.4
    const department = rand() < 0.5 ? pick(DEPARTMENTS) : null
    const kind = rand() < 0.3 ? 'mediation' : 'report'
    const committee = kind === 'mediation' && rand() < 0.9 ? (rand() < 0.05 ? 7 : pick(COMMITTEES)) : null
    return {
      id: caseId(n),
      kind,
      status,
      unitCode: grid ?? 'S1',
      gridCode: grid,
      assigneeId: rand() < 0.5 ? pick(MEDIATORS) : null,
      category: pick(CATEGORIES),
      payload: {
        description: '路灯不亮', photos: [], anonymous: false,
        ...(department ? { department } : {}),
        ...(committee !== null ? { committee } : {}),
        ...(resolved ? { resolvedAt: new Date(createdMs + Math.floor(rand() * 90) * 60_000 + 1234).toISOString() } : {}),
      },
      creatorId: `u${n % 7}`,
      idempotencyKey: `k${n}`,
      createdAt: created,
      updatedAt: created,
      slaDeadline: rand() < 0.15 ? null : new Date(createdMs + Math.floor(rand() * 72) * HOUR).toISOString(),
      version: 1,
    }
  }
  const moved = (c: Case): Case => {
    const next: Case = { ...c, version: c.version + 1, updatedAt: new Date(T0 + 5 * 24 * HOUR).toISOString() }
    const what = rand()
    if (what < 0.45) next.status = pick(STATUSES)
    else if (what < 0.55) next.status = 'merged'
    else if (what < 0.6) next.category = pick(CATEGORIES)
    else if (what < 0.65) next.assigneeId = rand() < 0.3 ? null : pick(MEDIATORS)
    else if (what < 0.75) {
      next.gridCode = rand() < 0.1 ? null : pick(GRIDS)
      next.unitCode = next.gridCode ?? 'S2'
    } else if (what < 0.85) next.slaDeadline = rand() < 0.2 ? null : new Date(T0 + Math.floor(rand() * 8 * 24) * HOUR).toISOString()
    else if (what < 0.95) next.payload = { ...c.payload, resolvedAt: new Date(Date.parse(c.createdAt) + Math.floor(rand() * 50) * HOUR).toISOString() }
    else if (what < 0.975) {
      // Handed to the other department (committee), or taken back from it.
      if (c.kind === 'mediation') {
        const { committee, ...rest } = c.payload as { committee?: string }
        next.payload = rand() < 0.3 ? rest : { ...rest, committee: COMMITTEES.find((m) => m !== committee)! }
      } else {
        const { department, ...rest } = c.payload as { department?: string }
        next.payload = rand() < 0.3 ? rest : { ...rest, department: DEPARTMENTS.find((d) => d !== department)! }
      }
    } else next.payload = { ...c.payload, note: '补充说明' } // counts nothing
    return next
  }
  for (let op = 0; op < 240; op++) {
    if (op === 120) await store.putUnits(units('S1')) // C4 moves from S2 to S1: its cases are re-keyed
    const r = rand()
    const existing = [...model.values()]
    if (r < 0.05 && deleteRow && existing.length > 0) {
      const c = pick(existing)
      deleteRow(c.id)
      model.delete(c.id)
      deleted++
      continue
    }
    if (r < 0.1 && existing.length > 0) {
      // Rolled back: neither the new case nor the move may count.
      const c = pick(existing)
      await expect(
        store.transaction(async (tx) => {
          await tx.insertCase(fresh())
          await tx.updateCase(moved(c), c.version)
          throw new Error('rolled back on purpose')
        }),
      ).rejects.toThrow('rolled back on purpose')
      continue
    }
    const writes = 1 + Math.floor(rand() * 3)
    const staged = new Map<string, Case>()
    await store.transaction(async (tx) => {
      for (let w = 0; w < writes; w++) {
        const pool = [...model.values()].filter((c) => !staged.has(c.id))
        if (pool.length > 0 && rand() < 0.55) {
          const c = pick(pool)
          const next = moved(c)
          expect(await tx.updateCase(next, c.version)).toBe(true)
          staged.set(c.id, next)
        } else {
          const c = fresh()
          await tx.insertCase(c)
          staged.set(c.id, c)
        }
      }
    })
    for (const [id, c] of staged) model.set(id, c)
  }
  return { model, deleted }
}

function recount(model: ReadonlyMap<string, Case>, q: CaseQuery) {
  const acc = new CaseStatsAccumulator(NOW, TERMINAL)
  for (const c of model.values()) {
    if (q.kind !== undefined && c.kind !== q.kind) continue
    if (q.gridCodes !== undefined && (c.gridCode === null || !q.gridCodes.includes(c.gridCode))) continue
    if (q.statuses !== undefined && !q.statuses.includes(c.status)) continue
    if (q.category !== undefined && c.category !== q.category) continue
    acc.add(c)
  }
  return acc.result()
}

const QUERIES: Array<[string, CaseQuery]> = [
  ['the district (both streets whole)', { kind: 'report', gridCodes: GRIDS }],
  ['street S1 as it is now (C1, C2, C4)', { kind: 'report', gridCodes: gridsOf(['C1', 'C2', 'C4']) }],
  ['street S2 as it is now (C3)', { kind: 'report', gridCodes: gridsOf(['C3']) }],
  ['a whole street and part of the other', { kind: 'report', gridCodes: [...gridsOf(['C3']), 'C1G1', 'C4G2'] }],
  ['one grid', { kind: 'report', gridCodes: ['C2G3'] }],
  ['the district, open statuses', { kind: 'report', gridCodes: GRIDS, statuses: ['submitted', 'accepted', 'in_progress'] }],
  ['a street, done statuses', { kind: 'report', gridCodes: gridsOf(['C3']), statuses: ['resolved', 'closed'] }],
  ['the district, a category (read from the cases)', { kind: 'report', gridCodes: GRIDS, category: 'HJ01' }],
  ['mediation cases of the district', { kind: 'mediation', gridCodes: GRIDS }],
  ['grids without cases beside a whole street', { kind: 'report', gridCodes: [...gridsOf(['C3']), 'NOPE1', 'NOPE2'] }],
]

async function expectRecounted(store: Store, model: ReadonlyMap<string, Case>) {
  for (const [label, q] of QUERIES) {
    const got = await store.caseStats(q, NOW, TERMINAL)
    const want = recount(model, q)
    expect({ label, ...got, avgHoursToResolve: null }).toEqual({ label, ...want, avgHoursToResolve: null })
    if (want.avgHoursToResolve === null) expect(got.avgHoursToResolve).toBeNull()
    else expect(got.avgHoursToResolve).toBeCloseTo(want.avgHoursToResolve, 9)
  }
}

/** A case's street key as the store derives it at the end of the workload (C4 moved to S1). */
function streetOf(c: Case): string {
  if (c.gridCode === null) return c.unitCode
  return c.gridCode.startsWith('C3') ? 'S2' : 'S1'
}

const OPEN_TAB = ['submitted', 'accepted', 'assigned', 'in_progress']
/** A district department's queue tabs: each status, 处理中-like sets, everything, overdue, and a category (capped count). */
const DEPARTMENT_TABS: Array<[string, Partial<CaseQuery>]> = [
  ...[...STATUSES, 'merged'].map((st): [string, Partial<CaseQuery>] => [st, { statuses: [st] }]),
  ['open', { statuses: OPEN_TAB }],
  ['all', { statuses: [...STATUSES, 'merged'] }],
  ['overdue', { statuses: OPEN_TAB, slaBefore: NOW }],
  ['a category (counted from the cases)', { statuses: OPEN_TAB, category: 'HJ01' }],
]

/** Each owner's tabs over both streets and over S2 alone. */
function tabsOf(owners: readonly string[], base: (owner: string) => CaseQuery, tabs: ReadonlyArray<[string, Partial<CaseQuery>]>): Array<[string, CaseQuery]> {
  return owners.flatMap((owner) =>
    [['S1', 'S2'], ['S2']].flatMap((streetCodes) =>
      tabs.map(([tab, f]): [string, CaseQuery] => [`${owner} ${streetCodes.join('+')} ${tab}`, { ...base(owner), streetCodes, order: 'sla', ...f }]),
    ),
  )
}

/** Every tab's total from the store (the maintained counts) equals the model's cases it matches, capped or not. */
async function expectTotals(store: Store, model: ReadonlyMap<string, Case>, tabs: Array<[string, CaseQuery]>, matches: (c: Case, q: CaseQuery) => boolean) {
  for (const [label, q] of tabs) {
    let want = 0
    for (const c of model.values()) if (matches(c, q)) want++
    expect({ label, total: await store.countCases(q) }).toEqual({ label, total: want })
    expect({ label, capped: await store.countCases(q, 3) }).toEqual({ label, capped: Math.min(want, 3) })
  }
}

/** The filters every tab may set, as the store applies them (streets by the key the store derives). */
function inTab(c: Case, q: CaseQuery): boolean {
  if (!q.streetCodes!.includes(streetOf(c))) return false
  if (q.statuses !== undefined && !q.statuses.includes(c.status)) return false
  if (q.category !== undefined && c.category !== q.category) return false
  if (q.assigneeId !== undefined && c.assigneeId !== q.assigneeId) return false
  return q.slaBefore === undefined || (c.slaDeadline !== null && c.slaDeadline < q.slaBefore)
}

const expectDepartmentTotals = (store: Store, model: ReadonlyMap<string, Case>) =>
  expectTotals(store, model, tabsOf(DEPARTMENTS, (department) => ({ kind: 'report', department }), DEPARTMENT_TABS), (c, q) =>
    c.kind === 'report' && (c.payload as { department?: unknown }).department === q.department && inTab(c, q),
  )

/** A mediator's tabs: a status, several, every status named, no status filter, their own, a dispute type. */
const COMMITTEE_TABS: Array<[string, Partial<CaseQuery>]> = [
  ...STATUSES.slice(0, 3).map((st): [string, Partial<CaseQuery>] => [st, { statuses: [st] }]),
  ['open', { statuses: OPEN_TAB }],
  ['every status named', { statuses: [...STATUSES, 'merged'] }],
  ['no status filter', {}],
  ['mine', { statuses: OPEN_TAB, assigneeId: 'm1' }],
  ['mine, every status', { assigneeId: 'm2' }],
  ['a dispute type', { statuses: OPEN_TAB, category: 'HJ01' }],
  ['a dispute type, mine', { category: 'ZA01', assigneeId: 'm1' }],
  ['cases without a mediator (counted from the cases)', { assigneeId: '' }],
]

const expectCommitteeTotals = (store: Store, model: ReadonlyMap<string, Case>) =>
  expectTotals(store, model, tabsOf(COMMITTEES, (committee) => ({ kind: 'mediation', committee }), COMMITTEE_TABS), (c, q) =>
    c.kind === 'mediation' && (c.payload as { committee?: unknown }).committee === q.committee && inTab(c, q),
  )

describe('maintained case counts equal a full recount after a random workload', () => {
  describe('SQLite (counters kept by triggers)', () => {
    let dir: string
    let store: ReturnType<typeof openSqliteStore>
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-counts-'))
      store = openSqliteStore(dir)
    })
    afterEach(async () => {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    const tables = (db: Database.Database) =>
      Object.fromEntries(
        [...CASE_COUNT_TABLES, DEPARTMENT_COUNTS_TABLE, COMMITTEE_COUNTS_TABLE].map((t) => [
          t,
          (db.prepare(`SELECT * FROM ${t} WHERE n > 0`).all() as object[]).map((r) => JSON.stringify(r)).sort(),
        ]),
      )

    it.each([1, 2, 3])('workload %i: stats equal the recount, and the tables equal a rebuild', async (seed) => {
      await store.putUnits(units('S2'))
      const raw = new Database(path.join(dir, 'jiefang.sqlite'))
      try {
        const { model, deleted } = await runWorkload(store, seed, (id) => raw.prepare('DELETE FROM cases WHERE id = ?').run(id))
        expect(model.size).toBeGreaterThan(100)
        expect(deleted).toBeGreaterThan(0)
        // The counters answered the whole-street scopes, not the fallback.
        expect((raw.prepare("SELECT SUM(n) AS n FROM case_counts WHERE kind = 'report'").get() as { n: number }).n).toBeGreaterThan(0)
        await expectRecounted(store, model)
        await expectDepartmentTotals(store, model)
        await expectCommitteeTotals(store, model)
        const kept = tables(raw)
        rebuildCaseCounts(raw)
        expect(tables(raw)).toEqual(kept)
        // The department tabs were read from the counts, not counted from the cases.
        expect((raw.prepare(`SELECT SUM(n) AS n FROM ${DEPARTMENT_COUNTS_TABLE}`).get() as { n: number }).n).toBeGreaterThan(0)
        const q: CaseQuery = { kind: 'report', streetCodes: ['S1', 'S2'], department: '城管', statuses: OPEN_TAB, order: 'sla' }
        const before = await store.countCases(q)
        raw.prepare(`UPDATE ${DEPARTMENT_COUNTS_TABLE} SET n = n + 1000 WHERE department = '城管' AND status = 'submitted' AND street_code = 'S1'`).run()
        expect(await store.countCases(q)).toBe(before + 1000)
        // So were the mediators' tabs over whole streets.
        const m: CaseQuery = { kind: 'mediation', streetCodes: ['S1', 'S2'], committee: 'traffic', statuses: OPEN_TAB, order: 'sla' }
        const counted = await store.countCases(m)
        expect(counted).toBeGreaterThan(0)
        const row = raw.prepare(`SELECT * FROM ${COMMITTEE_COUNTS_TABLE} WHERE committee = 'traffic' AND status = 'submitted' AND street_code = 'S1' LIMIT 1`).get() as Record<string, string>
        raw
          .prepare(`UPDATE ${COMMITTEE_COUNTS_TABLE} SET n = n + 1000 WHERE kind = ? AND committee = ? AND street_code = ? AND status = ? AND category = ? AND assignee_id = ?`)
          .run(row.kind, row.committee, row.street_code, row.status, row.category, row.assignee_id)
        expect(await store.countCases(m)).toBe(counted + 1000)
      } finally {
        raw.close()
      }
    })

    it('an update that changes nothing counted writes no counter row', async () => {
      await store.putUnits(units('S2'))
      const c: Case = {
        id: caseId(1), kind: 'report', status: 'submitted', unitCode: 'C1G1', gridCode: 'C1G1', assigneeId: null, category: 'ZA01',
        payload: { description: '路灯不亮', photos: [], anonymous: false }, creatorId: 'u1', idempotencyKey: 'k1',
        createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString(), slaDeadline: null, version: 1,
      }
      await store.transaction((tx) => tx.insertCase(c))
      const raw = new Database(path.join(dir, 'jiefang.sqlite'))
      try {
        const changes = () => (raw.prepare('SELECT total_changes() AS n').get() as { n: number }).n
        const before = changes()
        raw.prepare("UPDATE cases SET payload = json_set(payload, '$.note', '补充') WHERE id = ?").run(c.id)
        // One row changed: the case, no counter.
        expect(changes() - before).toBe(1)
        raw.prepare("UPDATE cases SET status = 'accepted' WHERE id = ?").run(c.id)
        expect(changes() - before).toBeGreaterThan(2)
      } finally {
        raw.close()
      }
    })

    it.each([
      ['committee', 'mediation'],
      ['department', 'report'],
    ] as const)('a %s that is not text is never counted, and its removal takes nothing off the text one', async (field, kind) => {
      await store.putUnits(units('S2'))
      const c = (n: number, key: unknown): Case => ({
        id: caseId(n), kind, status: 'submitted', unitCode: 'C1G1', gridCode: 'C1G1', assigneeId: null, category: 'ZA01',
        payload: { [field]: key }, creatorId: 'u1', idempotencyKey: `k${n}`,
        createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString(), slaDeadline: null, version: 1,
      })
      await store.transaction(async (tx) => {
        await tx.insertCase(c(1, '7'))
        await tx.insertCase(c(2, 7))
      })
      const q: CaseQuery = { kind, [field]: '7', streetCodes: ['S1'], statuses: ['submitted'], order: 'sla' }
      expect(await store.countCases(q)).toBe(1)
      const raw = new Database(path.join(dir, 'jiefang.sqlite'))
      try {
        raw.prepare('DELETE FROM cases WHERE id = ?').run(caseId(2))
        expect(await store.countCases(q)).toBe(1)
        raw.prepare("UPDATE cases SET status = 'accepted' WHERE id = ?").run(caseId(1))
        expect(await store.countCases(q)).toBe(0)
        expect(await store.countCases({ ...q, statuses: ['accepted'] })).toBe(1)
      } finally {
        raw.close()
      }
    })
  })

  describe('CloudBase (real SDK, loopback fake)', () => {
    let fake: FakeCloudbase
    let store: CloudbaseStore
    beforeEach(async () => {
      fake = new FakeCloudbase()
      await fake.start()
      store = new CloudbaseStore(sdkApp(fake).database(), { retryDelayMs: 5 })
    })
    afterEach(async () => {
      await store.close()
      await fake.stop()
    })

    it('stats equal the recount', async () => {
      await store.putUnits(units('S2'))
      const { model } = await runWorkload(store, 4, null)
      await expectRecounted(store, model)
    })
  })
})
