/**
 * The fault the embedded store is designed for: the server process is killed (kill -9) while
 * writing. Every transaction it acknowledged must be on disk afterwards, whole.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { openSqliteStore } from '../../backend/adapters/sqlite'

const ROOT = path.resolve(__dirname, '../..')

/** A writer that acknowledges each committed transaction on stdout (synchronous for pipes). */
const WRITER_SOURCE = `
import { openSqliteStore } from ${JSON.stringify(path.join(ROOT, 'backend/adapters/sqlite'))}
import { caseId, makeCase, makeEvent } from ${JSON.stringify(path.join(ROOT, 'test/contract/fixtures'))}

const store = openSqliteStore(process.argv[2])
async function main(): Promise<void> {
  for (let n = 1; ; n++) {
    const id = caseId(n)
    await store.transaction(async (tx) => {
      await tx.insertCase(makeCase({ id, idempotencyKey: 'k' + n }))
      await new Promise((r) => setImmediate(r))
      await tx.appendEvent(makeEvent({ id: 'ev-' + n, caseId: id }))
    })
    process.stdout.write('ack ' + id + '\\n')
  }
}
void main()
`

describe('durability', () => {
  let dir: string

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-kill-'))
  })
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('keeps every acknowledged transaction, whole, after kill -9', async () => {
    const entry = path.join(dir, 'writer.ts')
    const bundle = path.join(dir, 'writer.cjs')
    fs.writeFileSync(entry, WRITER_SOURCE)
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, external: ['better-sqlite3'], logLevel: 'silent' })
    const dataDir = path.join(dir, 'data')

    const acked: string[] = []
    const child = spawn(process.execPath, [bundle, dataDir], {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    let buffered = ''
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString()
        const lines = buffered.split('\n')
        buffered = lines.pop() ?? ''
        for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4))
        if (acked.length >= 300) {
          child.kill('SIGKILL')
          resolve()
        }
      })
      child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)))
    })
    expect(await exited).toBe('SIGKILL')

    const store = openSqliteStore(dataDir)
    try {
      for (const id of acked) expect(await store.getCase(id)).not.toBeNull()
      // No transaction is half there: each stored case has its event.
      const total = await store.countCases({ limit: 200 })
      expect(total).toBeGreaterThanOrEqual(acked.length)
      const newest = await store.listCases({ limit: 200 })
      for (const c of newest) expect(await store.timeline(c.id)).toHaveLength(1)
    } finally {
      await store.close()
    }
  })
})
