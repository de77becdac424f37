/**
 * Secrets stay out of the repository, the database and the logs; logs carry request ids, not
 * personal data.
 * - Every git-tracked file is scanned for private keys, cloud credentials and secret-named
 *   variables holding a value.
 * - After a working session the SQLite file (and its WAL) holds no byte of the signing secret, nor
 *   the real name and phone typed for a proxy report and a mediation application.
 * - Function log lines (stderr JSON) each carry a requestId and none of the personal data the
 *   calls carried, also when the calls fail for storage reasons.
 */
import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE_NAME } from '../../backend/adapters/sqlite'
import { DEMO_STREET } from '../../backend/seed/demoOrg'
import { recordFaults } from '../support/faultReport'
import { idemKey, reportInput } from '../support/fixtures'
import { as, ROOT, startServer } from '../support/server'

/**
 * Built from parts so this file does not match itself. Values that say they are placeholders
 * (fake…, test…, dummy…, example…) are what tests hand the SDK, not credentials.
 */
const PATTERNS: Array<[string, RegExp]> = [
  ['private key block', new RegExp('-----BEGIN ' + '(?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE ' + 'KEY-----')],
  ['Tencent Cloud SecretId', new RegExp('\\bAKID' + '[0-9A-Za-z]{32}\\b')],
  ['AWS access key', new RegExp('\\bAKIA' + '[0-9A-Z]{16}\\b')],
  [
    'secret-named variable with a value',
    new RegExp('\\b(?:TENCENTCLOUD_SECRET(?:ID|KEY)|SECRET_?KEY|APP_?SECRET|WEBHOOK_SECRET|SESSION_SECRET|ENCRYPTION_KEY|SIGNING_KEY|PRIVATE_KEY|PASSWORD)\\s*[:=]\\s*["\']?(?!fake|test|dummy|example|placeholder)[A-Za-z0-9+/_\\-]{12,}', 'i'),
  ],
  ['32-byte hex key assigned to a key/secret name', new RegExp('(?:secret|key|token)["\']?\\s*[:=]\\s*["\'][0-9a-f]{64}["\']', 'i')],
]

describe('the repository holds no secrets', () => {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT }).toString('utf8').split('\0').filter(Boolean)

  it('the patterns catch real-looking secrets and let placeholders pass', () => {
    const caught = (line: string) => PATTERNS.some(([, re]) => re.test(line))
    expect(caught(['-----BEGIN', 'PRIVATE', 'KEY-----'].join(' '))).toBe(true)
    expect(caught(`secretId: 'AKID${'Ab3dE'.repeat(6)}xy'`)).toBe(true)
    expect(caught(`secretKey: '${'q8Vz'.repeat(8)}'`)).toBe(true)
    expect(caught(`WEBHOOK_SECRET=${'s3cr'.repeat(5)}`)).toBe(true)
    expect(caught(`"signingKey": "${'ab12'.repeat(16)}"`)).toBe(true)
    expect(caught("secretKey: 'fake-secret-key'")).toBe(false)
    expect(caught('const key = process.env.JIEFANG_WEBHOOK_SECRET')).toBe(false)
  })

  it('scans every tracked text file for keys and credentials', () => {
    const hits: string[] = []
    let scanned = 0
    for (const file of tracked) {
      if (file === 'package-lock.json') continue // integrity hashes only
      let text: string
      try {
        if (statSync(join(ROOT, file)).size > 2_000_000) continue
        text = readFileSync(join(ROOT, file), 'utf8')
      } catch {
        continue // deleted in the work tree
      }
      scanned++
      text.split('\n').forEach((line, i) => {
        for (const [name, re] of PATTERNS) if (re.test(line)) hits.push(`${file}:${i + 1} ${name}`)
      })
    }
    expect(scanned).toBeGreaterThan(100)
    expect(hits).toEqual([])
    recordFaults({ name: 'secret scan of tracked files', inputs: scanned, note: `${PATTERNS.length} patterns, 0 hits` })
  })

  it('tracks no data directory, secret file, env file or key file, and ignores them', () => {
    expect(tracked.filter((f) => /(^|\/)(data\/|\.env($|\.)|[^/]*\.(secret|pem|key)$)/.test(f))).toEqual([])
    const ignored = execFileSync('git', ['check-ignore', '--no-index', 'data/session.secret', '.env', '.env.production', 'deploy.pem', 'signing.key', 'x/session.secret'], { cwd: ROOT })
      .toString()
      .trim()
      .split('\n')
    expect(ignored).toHaveLength(6)
  })
})

describe('a working local server', () => {
  it('keeps the signing secret out of the database, and its logs carry request ids but no personal data', async () => {
    const name = '王秀英'
    const phone = '13912340000'
    // Typed only into name fields (the facts carry `name` as free text): sealed, so never in the database.
    const realName = '欧阳秀兰'
    const srv = await startServer({ env: { JIEFANG_TIMER_MS: '0', JIEFANG_SQLITE_BUSY_MS: '50' } })
    try {
      const resident = await as(srv.url, 'demo-resident')
      const gw = await as(srv.url, 'demo-grid-worker')
      const proxy = { ...reportInput(), proxy: { name: realName, phone } }
      const apply = {
        idempotencyKey: idemKey(),
        disputeType: 'neighbour',
        streetCode: DEMO_STREET,
        applicantName: realName,
        applicantPhone: phone,
        respondents: [{ name: realName, phone }],
        facts: `${name}家楼上长期深夜制造噪音，多次沟通无果`,
        claims: '晚上十点后停止噪音',
        evidence: [],
        preferredWay: 'online',
      }
      expect(await gw.call('cases', 'proxySubmit', proxy)).toMatchObject({ ok: true })
      expect(await resident.call('mediation', 'apply', apply)).toMatchObject({ ok: true })

      // Storage failures make the functions log: hold the write lock from outside.
      const lock = new Database(join(srv.dataDir, DB_FILE_NAME))
      lock.exec('BEGIN IMMEDIATE')
      try {
        expect(await gw.call('cases', 'proxySubmit', { ...proxy, idempotencyKey: idemKey() })).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
        expect(await resident.call('mediation', 'apply', { ...apply, idempotencyKey: idemKey() })).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
      } finally {
        lock.exec('ROLLBACK')
        lock.close()
      }

      const logLines = srv
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
      expect(logLines.length).toBeGreaterThanOrEqual(2)
      for (const line of logLines) {
        const entry = JSON.parse(line) as Record<string, unknown>
        expect(entry.requestId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/))
        for (const personal of [name, realName, phone, '陈小梅', '李明']) expect(line).not.toContain(personal)
      }
      for (const personal of [name, realName, phone]) expect(srv.output()).not.toContain(personal)

      await srv.stop()
      const secretHex = readFileSync(join(srv.dataDir, 'session.secret'), 'utf8').trim()
      expect(statSync(join(srv.dataDir, 'session.secret')).mode & 0o077).toBe(0)
      const secret = Buffer.from(secretHex, 'hex')
      const files = readdirSync(srv.dataDir).filter((f) => f.startsWith(DB_FILE_NAME))
      expect(files).toContain(DB_FILE_NAME)
      for (const f of files) {
        const bytes = readFileSync(join(srv.dataDir, f))
        expect({ f, hex: bytes.includes(Buffer.from(secretHex)), raw: bytes.includes(secret), b64: bytes.includes(Buffer.from(secret.toString('base64'))) }).toEqual({ f, hex: false, raw: false, b64: false })
        // Real names and phones typed for a proxy report and a mediation are sealed at rest.
        expect({ f, name: bytes.includes(Buffer.from(realName)), phone: bytes.includes(Buffer.from(phone)) }).toEqual({ f, name: false, phone: false })
      }
      recordFaults({ name: 'logs and database free of secrets and personal data', inputs: logLines.length, note: `${logLines.length} log lines checked` })
    } finally {
      await srv.stop()
    }
  })
})
