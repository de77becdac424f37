/**
 * Cases stored before numbers existed get them: SQLite's migration 17 on open, and on CloudBase the
 * district CLI's step (numberStoredCases) over the loopback fake. Either way each street's cases of a
 * year are numbered 1, 2, 3 … in creation order (not id order), streets printing the same short name sharing one sequence, the street's short name from the org
 * data when given, and the next create goes on after the last number.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import { applyMigrations, MIGRATIONS } from '../../backend/adapters/sqlite/migrations'
import type { Deps } from '../../backend/runtime'
import { numberStoredCases } from '../../backend/usecases/shared/numberCases'
import type { Case } from '../../src/core/case'
import { OrgTree, type OrgUnit } from '../../src/core/org'
import { quietSdkRuntime, runningFake, sdkApp } from '../cloudbase/sdkApp'
import { makeCase } from '../contract/fixtures'

quietSdkRuntime()

const UNITS: OrgUnit[] = [
  { code: '440111', name: '白云区', level: 'district', parentCode: null },
  { code: 'S1', name: '京溪街道', level: 'street', parentCode: '440111' },
  { code: 'S2', name: '太和镇', level: 'street', parentCode: '440111', shortName: '太和中心' },
  { code: 'C1', name: '云景社区', level: 'community', parentCode: 'S1' },
  { code: 'G1', name: '云景第一网格', level: 'grid', parentCode: 'C1' },
  { code: 'C2', name: '和龙社区', level: 'community', parentCode: 'S2' },
  { code: 'G2', name: '和龙第一网格', level: 'grid', parentCode: 'C2' },
  // Another street printing the same short name: it shares 京溪's sequence, so numbers never repeat.
  { code: 'S3', name: '京溪镇', level: 'street', parentCode: '440111' },
  { code: 'G3', name: '京溪镇第一网格', level: 'grid', parentCode: 'S3' },
]

/** Ids in the opposite order to creation, so numbering by id would come out wrong. */
const OLD: Array<Pick<Case, 'id' | 'gridCode' | 'unitCode' | 'createdAt' | 'kind'>> = [
  { id: '01JOLD00000000000000000009', kind: 'report', gridCode: 'G1', unitCode: 'G1', createdAt: '2025-12-31T15:59:00.000Z' }, // 2025-12-31 23:59 in Shanghai
  { id: '01JOLD00000000000000000008', kind: 'report', gridCode: 'G1', unitCode: 'G1', createdAt: '2025-12-31T16:01:00.000Z' }, // 2026-01-01 00:01
  { id: '01JOLD00000000000000000007', kind: 'mediation', gridCode: null, unitCode: 'S1', createdAt: '2026-02-01T00:00:00.000Z' },
  { id: '01JOLD00000000000000000006', kind: 'checkin', gridCode: 'G2', unitCode: 'G2', createdAt: '2026-02-02T00:00:00.000Z' },
  { id: '01JOLD00000000000000000005', kind: 'report', gridCode: 'G1', unitCode: 'S1', createdAt: '2026-03-01T00:00:00.000Z' },
  { id: '01JOLD00000000000000000004', kind: 'report', gridCode: 'G3', unitCode: 'G3', createdAt: '2026-02-15T00:00:00.000Z' },
]

const EXPECTED: Record<string, string> = {
  '01JOLD00000000000000000009': '京溪-2025-00001',
  '01JOLD00000000000000000008': '京溪-2026-00001',
  '01JOLD00000000000000000007': '京溪-2026-00002',
  '01JOLD00000000000000000006': '太和中心-2026-00001',
  '01JOLD00000000000000000004': '京溪-2026-00003',
  '01JOLD00000000000000000005': '京溪-2026-00004',
}

const oldCase = (o: (typeof OLD)[number]): Case => makeCase({ ...o, idempotencyKey: `k-${o.id}`, updatedAt: o.createdAt })

describe('SQLite migration 17 (case numbers and counters)', () => {
  const version = MIGRATIONS.find((m) => m.name === 'case numbers and counters')!.version

  it('numbers stored cases per street and Shanghai year in creation order; the next create goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jf-numbers-'))
    try {
      const raw = new Database(join(dir, DB_FILE_NAME))
      applyMigrations(raw, MIGRATIONS.filter((m) => m.version < version))
      const unit = raw.prepare('INSERT INTO units (code, name, level, parent_code) VALUES (?, ?, ?, ?)')
      for (const u of UNITS) unit.run(u.code, u.name, u.level, u.parentCode)
      const ins = raw.prepare(`INSERT INTO cases (id, kind, status, unit_code, grid_code, assignee_id, category, payload, creator_id, idempotency_key, created_at, updated_at, sla_deadline, version)
        VALUES (?, ?, 'submitted', ?, ?, NULL, 'road', '{}', 'u1', ?, ?, ?, NULL, 1)`)
      for (const o of OLD) ins.run(o.id, o.kind, o.unitCode, o.gridCode, `k-${o.id}`, o.createdAt, o.createdAt)
      // units.short_name arrives with 17 itself, so 太和镇 reads as 太和 here.
      raw.close()

      const store = openSqliteStore(dir)
      for (const o of OLD) expect({ id: o.id, number: (await store.getCase(o.id))!.number }).toEqual({ id: o.id, number: EXPECTED[o.id]!.replace('太和中心', '太和') })
      expect(await store.transaction((tx) => tx.nextSequence('case:京溪:2026'))).toBe(5)
      expect(await store.transaction((tx) => tx.nextSequence('case:京溪:2025'))).toBe(2)
      // Two cases can never share a number.
      const dup = makeCase({ id: '01JNEW00000000000000000001', idempotencyKey: 'k-new', number: '京溪-2026-00001' })
      // (By its code: better-sqlite3's error class belongs to whichever test file loaded the addon first.)
      await expect(store.transaction((tx) => tx.insertCase(dup))).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
      await store.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('SQLite migration 18 (case counters keyed by printed short name)', () => {
  const version = MIGRATIONS.find((m) => m.name === 'case counters keyed by printed short name')!.version

  it('sets each sequence from the numbers stored, whatever the counters were keyed by', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jf-rekey-'))
    try {
      const raw = new Database(join(dir, DB_FILE_NAME))
      applyMigrations(raw, MIGRATIONS.filter((m) => m.version < version))
      const ins = raw.prepare(`INSERT INTO cases (id, kind, status, unit_code, grid_code, assignee_id, category, payload, creator_id, idempotency_key, created_at, updated_at, sla_deadline, version, number)
        VALUES (?, 'report', 'submitted', 'S1', 'G1', NULL, 'road', '{}', 'u1', ?, '2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', NULL, 1, ?)`)
      ins.run('01JREKEY000000000000000001', 'k1', '京溪-2026-00007')
      ins.run('01JREKEY000000000000000002', 'k2', '京溪-2026-00012')
      ins.run('01JREKEY000000000000000003', 'k3', '太和-2026-00002')
      raw.prepare("INSERT INTO counters (key, value) VALUES ('case:S1:2026', 12), ('agreement:people:2026', 3)").run()
      raw.close()
      const store = openSqliteStore(dir)
      expect(await store.transaction((tx) => tx.nextSequence('case:京溪:2026'))).toBe(13)
      expect(await store.transaction((tx) => tx.nextSequence('case:太和:2026'))).toBe(3)
      expect(await store.transaction((tx) => tx.nextSequence('case:S1:2026'))).toBe(1)
      expect(await store.transaction((tx) => tx.nextSequence('agreement:people:2026'))).toBe(4)
      await store.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the CloudBase step (npm run district -- number-cases)', () => {
  const fake = runningFake()

  it('numbers every unnumbered case once, in creation order, with the street short name given in the org data', async () => {
    const store = new CloudbaseStore(sdkApp(fake()).database(), { retryDelayMs: 5 })
    const tree = new OrgTree(UNITS)
    const d = { mode: 'cloudbase', store, orgTree: async () => tree, clock: { now: () => new Date() } } as unknown as Deps
    for (const o of OLD) await store.transaction((tx) => tx.insertCase(oldCase(o)))
    const numbered = makeCase({ id: '01JNEW00000000000000000002', idempotencyKey: 'k-n2', number: '京溪-2026-00099', createdAt: '2026-01-05T00:00:00.000Z' })
    await store.transaction((tx) => tx.insertCase(numbered))

    expect(await numberStoredCases(d)).toEqual({ scanned: 7, numbered: 6 })
    for (const o of OLD) {
      const c = (await store.getCase(o.id))!
      expect({ id: o.id, number: c.number }).toEqual({ id: o.id, number: EXPECTED[o.id] })
      expect(c.version).toBe(2)
    }
    expect((await store.getCase(numbered.id))!.number).toBe('京溪-2026-00099')
    expect(await numberStoredCases(d)).toEqual({ scanned: 7, numbered: 0 })
    expect(await store.transaction((tx) => tx.nextSequence('case:京溪:2026'))).toBe(5)
  })
})
