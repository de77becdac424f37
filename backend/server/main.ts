import { resolve } from 'node:path'
import { openSqliteStore } from '../adapters/sqlite'
import { loadPiiKey, Vault } from '../crypto/vault'
import { createHost } from '../host'
import { dataDir, isCloudbase, sqliteOptions } from '../runtime'
import { seedDemo } from '../seed/seed'
import { createAppServer } from './app'

/** `npm start`: the H5 app and every cloud function on one machine, over SQLite. */
async function start(): Promise<void> {
  if (isCloudbase()) throw new Error('The local server runs only in local mode (unset JIEFANG_MODE/TCB_ENV).')
  const dir = dataDir()
  const root = resolve(__dirname, '..')
  const shared = createHost()
  const store = openSqliteStore(dir, sqliteOptions(), shared.sqliteStores)
  const key = loadPiiKey(process.env, { dataDir: dir })
  if (await seedDemo(store, key ? new Vault(key) : undefined)) console.log(`已写入演示数据 → ${dir}`)
  const server = createAppServer({
    dataDir: dir,
    store,
    host: shared,
    functionsRoot: resolve(root, 'cloudfunctions'),
    staticRoot: resolve(root, 'dist-h5'),
    devLogin: process.env.JIEFANG_DEV_LOGIN !== 'off',
    timerMs: Number(process.env.JIEFANG_TIMER_MS ?? 15_000),
  })
  const port = Number(process.env.PORT || 8080)
  const host = process.env.HOST || '127.0.0.1'
  server.listen(port, host, () => {
    const addr = server.address()
    const actual = typeof addr === 'object' && addr ? addr.port : port
    console.log(`街坊通 running at http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`)
  })
  const stop = () => {
    server.close(() => void store.close().then(() => process.exit(0)))
    // An open H5 tab keeps polling over keep-alive, so close() alone waited until the tab was closed (Ctrl-C
    // hung, and a test that left a page open timed out stopping its server). Requests in flight get a moment.
    server.closeIdleConnections()
    setTimeout(() => server.closeAllConnections(), 2000).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

start().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
