import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { loadOrCreateSecret } from '../../backend/adapters/local/secret'
import { LocalSessions } from '../../backend/adapters/local/session'
import { seedDemo } from '../../backend/seed/seed'
import { ROOT } from '../support/server'
import { TINY_JPEG } from '../support/fixtures'

const fnRoot = join(ROOT, 'cloudfunctions')
const names = readdirSync(fnRoot).filter((n) => existsSync(join(fnRoot, n, 'package.json')))

/** Each deployable folder's index.js, required by plain Node (no jest, no transpiler). */
function callInPlainNode(name: string, dataDir: string, event: unknown, context: unknown): any {
  const script = `
    const { main } = require(${JSON.stringify(join(fnRoot, name, 'index.js'))});
    main(${JSON.stringify(event)}, ${JSON.stringify(context)}).then((r) => process.stdout.write(JSON.stringify(r)));
  `
  // A process that answers but does not exit (a handle left open) fails here instead of hanging the run.
  const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, DATA_DIR: dataDir, JIEFANG_MODE: 'local' }, encoding: 'utf8', timeout: 30_000 })
  return JSON.parse(out)
}

const SAMPLE: Record<string, unknown> = {
  session: { action: 'me' },
  reports: { action: 'categories' },
  files: { action: 'upload', data: { contentBase64: TINY_JPEG.toString('base64'), contentType: 'image/jpeg' } },
  cases: { action: 'queue', data: {} },
  inbox: { action: 'list', data: {} },
  mediation: { action: 'options', data: {} },
  help: { action: 'mine', data: {} },
  grid: { action: 'find', data: { q: '云景' } },
  admin: { action: 'units', data: {} },
  rental: { action: 'building', data: { code: 'YUNJING001' } },
  account: { action: 'profile', data: {} },
  integrations: { action: 'partners', data: {} },
  // Every voip action is about one video session of one case: no case of the seed has one.
  voip: { action: 'sign', data: { id: '01JF0000000000000000000000', sessionId: 's-1' } },
  'sla-timer': {},
  'rental-timer': {},
}

/** HTTP functions (open311, hotline) take the HTTP access service's event, no identity, and answer its result. */
const HTTP_SAMPLE: Record<string, { event: unknown; statusCode: number; contains: string }> = {
  open311: { event: { path: '/open311/v2/services.xml', httpMethod: 'GET', headers: {}, queryStringParameters: {} }, statusCode: 200, contains: '<service_code>XF01</service_code>' },
  // An unsigned order: refused before anything is read, in the hotline's JSON.
  hotline: { event: { path: '/hotline/v1/orders', httpMethod: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, statusCode: 401, contains: '"code":"UNAUTHENTICATED"' },
}

/** A sample whose answer is a refusal read from the store (the case is not there), not a success. */
const ANSWER: Record<string, object> = { voip: { ok: false, code: 'NOT_FOUND' } }

/** Who calls each function: the timer is the platform itself and carries no user. */
const CALLER: Record<string, 'demo-resident' | 'demo-grid-worker' | 'demo-admin' | null> = { cases: 'demo-grid-worker', admin: 'demo-admin', integrations: 'demo-admin', 'sla-timer': null, 'rental-timer': null }

/**
 * Issue 21: a cold start reads and parses the whole deployed bundle, so each index.js stays within
 * 250 KB (bench figure 5.<name>.size). A function still above it would hold its measured size (+2 %)
 * as a ceiling, so it cannot grow unnoticed; none is now. Every bundle carries zod and the whole
 * CloudBase store (~150 KB together); a kind's transition table only where the area moves its cases
 * (who reaches a case and status words read src/core/kinds/scopes.ts and statusLabels.ts); mediation
 * adds the most area code (249 KB).
 */
const BUNDLE_BUDGET = 250 * 1024
const STILL_ABOVE: Record<string, number> = {}

describe('cloud function bundles', () => {
  let dataDir: string
  let contextFor: (name: string) => unknown

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jf-bundle-'))
    const store = openSqliteStore(dataDir)
    await seedDemo(store)
    await store.close()
    const sessions = new LocalSessions(loadOrCreateSecret(dataDir))
    contextFor = (name) => {
      const who = name in CALLER ? CALLER[name] : 'demo-resident'
      return who ? { jiefangLocal: { authorization: `Bearer ${sessions.issue(who)}` } } : {}
    }
  })

  it('has a sample call for every function folder', () => {
    expect(names.sort()).toEqual([...Object.keys(SAMPLE), ...Object.keys(HTTP_SAMPLE)].sort())
  })

  it.each(Object.keys(HTTP_SAMPLE))('%s/index.js (HTTP) loads in plain Node and answers on SQLite', (name) => {
    const sample = HTTP_SAMPLE[name]!
    const r = callInPlainNode(name, dataDir, sample.event, {})
    expect(r).toMatchObject({ statusCode: sample.statusCode, isBase64Encoded: false })
    expect(r.body).toContain(sample.contains)
  })

  it.each(Object.keys(SAMPLE))('%s/index.js loads in plain Node and answers on SQLite', (name) => {
    expect(callInPlainNode(name, dataDir, SAMPLE[name], contextFor(name))).toMatchObject(ANSWER[name] ?? { ok: true })
    if (CALLER[name] !== null) expect(callInPlainNode(name, dataDir, SAMPLE[name], {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it.each(names)('%s/index.js is within its size budget and carries no local-mode adapter', (name) => {
    const file = join(fnRoot, name, 'index.js')
    expect(statSync(file).size).toBeLessThanOrEqual(STILL_ABOVE[name] ?? BUNDLE_BUDGET)
    // SQLite and the local stand-ins are in local.js beside it, loaded in local mode only.
    expect(readFileSync(file, 'utf8')).not.toContain('better-sqlite3')
    expect(existsSync(join(fnRoot, name, 'local.js'))).toBe(true)
  })

  it("admin's org geometry is in org.js beside index.js, loaded by the org plan alone", () => {
    expect(readFileSync(join(fnRoot, 'admin', 'index.js'), 'utf8')).not.toContain('BigNumber Error')
    const org = readFileSync(join(fnRoot, 'admin', 'org.js'), 'utf8')
    expect(org).toContain('BigNumber Error')
    expect(org).not.toContain('better-sqlite3')
    const r = callInPlainNode('admin', dataDir, { action: 'planOrg', data: { geojson: '{}' } }, contextFor('admin'))
    // The plan's own verdict on a file that is no FeatureCollection: org.js ran, not a load failure.
    expect(r).toMatchObject({ ok: true, plan: { errors: [{ reason: expect.stringContaining('FeatureCollection') }] } })
  })

  it('ignores any identity placed in the event payload', () => {
    const r = callInPlainNode('session', dataDir, { action: 'me', userId: 'demo-admin', data: {} }, {})
    expect(r).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })
})
