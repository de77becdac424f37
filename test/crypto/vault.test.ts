import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AccessWebhook, signature } from '../../backend/adapters/webhook/accessWebhook'
import { loadPiiKey, Vault } from '../../backend/crypto/vault'
import type { AccessEvent } from '../../backend/ports'
import type { Deps } from '../../backend/runtime'
import { checkIn } from '../../backend/usecases/rental/checkIn'
import { reveal } from '../../backend/usecases/rental/reveal'

describe('the PII vault', () => {
  const vault = new Vault(randomBytes(32))

  it('seals with a fresh IV each time and opens only with the same record id', () => {
    const a = vault.seal('11010519491231002X', 'reg-1')
    const b = vault.seal('11010519491231002X', 'reg-1')
    expect(a).not.toBe(b)
    expect(Buffer.from(a, 'base64').length).toBe(12 + 16 + 18)
    expect(a).not.toContain('11010519491231002X')
    expect(vault.open(a, 'reg-1')).toBe('11010519491231002X')
    expect(() => vault.open(a, 'reg-2')).toThrow()
    const raw = Buffer.from(a, 'base64')
    raw[raw.length - 1] ^= 1
    expect(() => vault.open(raw.toString('base64'), 'reg-1')).toThrow()
  })

  it('hashes for lookups with its own key: stable, typed, and unlike any other key\'s hash', () => {
    const h = vault.lookupHash('id_card', '11010519491231002X')
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(vault.lookupHash('id_card', '11010519491231002X')).toBe(h)
    expect(vault.lookupHash('passport', '11010519491231002X')).not.toBe(h)
    expect(new Vault(randomBytes(32)).lookupHash('id_card', '11010519491231002X')).not.toBe(h)
  })

  it('takes the key from JIEFANG_PII_KEY, or in local mode generates one file (0600) outside the database', () => {
    const key = randomBytes(32)
    expect(loadPiiKey({ JIEFANG_PII_KEY: key.toString('base64') }, null)).toEqual(key)
    expect(() => loadPiiKey({ JIEFANG_PII_KEY: 'c2hvcnQ=' }, null)).toThrow(/32 bytes/)
    // CloudBase mode (no data dir): no key means no vault, never a fallback.
    expect(loadPiiKey({}, null)).toBeNull()
    const dir = mkdtempSync(join(tmpdir(), 'jf-key-'))
    const first = loadPiiKey({}, { dataDir: dir })
    expect(loadPiiKey({}, { dataDir: dir })).toEqual(first)
    const file = join(dir, 'keys', 'pii.key')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toEqual(first)
  })

  it('without a key, check-in and reveal refuse as unavailable (retryable) before touching anything', async () => {
    const d = {} as Deps
    const actor = { userId: 'u1', name: 'x', grants: [{ role: 'police' as const, unitCode: '440111010' }] }
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(await checkIn(d, actor, {} as never)).toMatchObject({ ok: false, code: 'UNAVAILABLE', retryable: true })
      expect(await reveal(d, actor, { id: 'x', reason: '核查' })).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
      expect(log).toHaveBeenCalledTimes(1)
      expect(String(log.mock.calls[0]![0])).toContain('JIEFANG_PII_KEY is not configured')
    } finally {
      log.mockRestore()
    }
  })
})

describe('the door-access webhook', () => {
  const event: AccessEvent = { id: 'e1', type: 'grant', registrationId: 'r1', buildingCode: 'B1', room: '101', name: '刘洋', validFrom: '2026-11-01', validUntil: '2027-10-31', at: '2026-12-01T00:00:00.000Z' }

  it('signs "<timestamp>.<body>" and treats only 2xx as acknowledged; a hang times out', async () => {
    const seen: Array<{ sig: string; ts: string; body: string }> = []
    let answer = 200
    const srv = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        seen.push({ sig: String(req.headers['x-jiefang-signature']), ts: String(req.headers['x-jiefang-timestamp']), body })
        if (answer === 0) return // never answers
        res.writeHead(answer).end()
      })
    })
    await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok))
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`
    const secret = Buffer.from('s3cret')
    const hook = new AccessWebhook(() => url, secret, 300)
    try {
      await hook.send(event)
      expect(seen[0]!.sig).toBe(signature(secret, seen[0]!.ts, seen[0]!.body))
      expect(JSON.parse(seen[0]!.body)).toEqual(event)
      answer = 500
      await expect(hook.send(event)).rejects.toThrow(/500/)
      answer = 302
      await expect(hook.send(event)).rejects.toThrow(/302/)
      answer = 0
      await expect(hook.send(event)).rejects.toThrow(/timed out/)
      await expect(new AccessWebhook(() => null, secret).send(event)).rejects.toThrow(/not configured/)
    } finally {
      srv.closeAllConnections()
      await new Promise((ok) => srv.close(ok))
    }
  })
})
