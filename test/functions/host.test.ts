import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../backend/adapters/sqlite'
import { createHost } from '../../backend/host'
import { seedDemo } from '../../backend/seed/seed'
import { loadFunctions, type FunctionMain } from '../../backend/server/functions'
import { ROOT } from '../support/server'

/**
 * The local server's bundles (npm run build:functions) each carry their own copy of every module;
 * what they share — one SQLite handle, the dev clock, the data epoch — reaches them only through
 * the host the server hands every bundle. These call the built bundles in this process, as the
 * server does, and watch what they do to the one store the host holds.
 */
describe('one host shared by every bundle the local server loads', () => {
  const saved = { DATA_DIR: process.env.DATA_DIR, JIEFANG_MODE: process.env.JIEFANG_MODE }
  const host = createHost()
  let fns: Map<string, FunctionMain>
  let store: ReturnType<typeof openSqliteStore>
  const dueAt: string[] = []
  let configReads = 0

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jf-host-'))
    process.env.DATA_DIR = dataDir
    process.env.JIEFANG_MODE = 'local'
    store = openSqliteStore(dataDir, {}, host.sqliteStores)
    await seedDemo(store)
    const due = store.dueMessages.bind(store)
    store.dueMessages = (now, limit) => (dueAt.push(now), due(now, limit))
    const latest = store.latestConfigVersion.bind(store)
    store.latestConfigVersion = () => (configReads++, latest())
    fns = loadFunctions(join(ROOT, 'cloudfunctions'), host)
  })

  afterAll(async () => {
    await store.close()
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  })

  const call = (name: string, event: unknown, context: unknown = { jiefangLocal: { authorization: null } }) => fns.get(name)!(event, context)

  it('loads the bundles and binds each', () => {
    expect([...fns.keys()]).toEqual(expect.arrayContaining(['session', 'reports', 'sla-timer', 'rental-timer']))
  })

  it('gives every bundle the host’s SQLite handle and its moved clock', async () => {
    const before = Date.now()
    host.advanceClock(400 * 86_400_000)
    expect(await call('sla-timer', { Type: 'Timer' }, {})).toMatchObject({ ok: true })
    expect(await call('rental-timer', { Type: 'Timer' }, {})).toMatchObject({ ok: true })
    // Both timers delivered the outbox through this very store instance, at the host's time.
    expect(dueAt.length).toBeGreaterThanOrEqual(2)
    for (const at of dueAt) expect(Date.parse(at)).toBeGreaterThanOrEqual(before + 400 * 86_400_000)
    expect(host.sqliteStores.size).toBe(1)
  })

  it('tells every bundle of a data change through the host’s epoch', async () => {
    // Each bundle's first call reads the stored configuration; within half a minute, no more.
    await call('session', { action: 'me' })
    await call('reports', { action: 'categories' })
    const afterFirst = configReads
    await call('session', { action: 'me' })
    await call('reports', { action: 'categories' })
    expect(configReads).toBe(afterFirst)
    host.markDataChanged()
    await call('session', { action: 'me' })
    await call('reports', { action: 'categories' })
    expect(configReads).toBe(afterFirst + 2)
  })
})
