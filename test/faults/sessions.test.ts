/**
 * Sessions against the real local server: tokens are signed and expire; a tampered, foreign or
 * expired token is refused with 401 whatever function it calls; the dev sign-in exists only in
 * local mode with JIEFANG_DEV_LOGIN on, and the local server will not start in CloudBase mode.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { loadOrCreateSecret } from '../../backend/adapters/local/secret'
import { LocalSessions, SESSION_TTL_SECONDS } from '../../backend/adapters/local/session'
import { recordFaults } from '../support/faultReport'
import { client, login, startServer, type RunningServer } from '../support/server'

let srv: RunningServer
beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
})
afterAll(async () => {
  await srv?.stop()
})

const b64 = (s: string) => Buffer.from(s).toString('base64url')

async function answer(token: string | null): Promise<{ status: number; body: any }> {
  const res = await fetch(`${srv.url}/api/fn/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action: 'mine', data: {} }),
  })
  return { status: res.status, body: await res.json() }
}

describe('session tokens over HTTP', () => {
  it('a fresh dev token works and expires after the session lifetime', async () => {
    const token = await login(srv.url, 'demo-resident')
    expect(await answer(token)).toMatchObject({ status: 200, body: { ok: true } })
    const [body] = token.split('.')
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'))
    expect(claims.exp - claims.iat).toBe(SESSION_TTL_SECONDS)
    expect(SESSION_TTL_SECONDS).toBeLessThanOrEqual(24 * 3600)
  })

  it('refuses tampered, foreign-signed, expired, algorithm-swapped and malformed tokens with 401', async () => {
    const secret = loadOrCreateSecret(srv.dataDir)
    const sessions = new LocalSessions(secret)
    const good = sessions.issue('demo-resident')
    const [body, sig] = good.split('.') as [string, string]
    const now = Math.floor(Date.now() / 1000)
    const bad: Record<string, string | null> = {
      none: null,
      expired: sessions.issue('demo-resident', -1),
      'claims edited to admin': `${b64(JSON.stringify({ sub: 'demo-admin', iat: now, exp: now + 3600 }))}.${sig}`,
      'signature flipped': `${body}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`,
      'signed with another secret': new LocalSessions(randomBytes(32)).issue('demo-admin'),
      'expiry pushed with the old signature': `${b64(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), exp: now + 10 ** 9 }))}.${sig}`,
      'unsigned (alg none style)': `${b64(JSON.stringify({ sub: 'demo-admin', iat: now, exp: now + 3600 }))}.`,
      'signed over a different body': `${b64('{}')}.${createHmac('sha256', secret).update('other').digest('base64url')}`,
      'three parts': `${good}.x`,
      'no expiry claim': (() => {
        const b = b64(JSON.stringify({ sub: 'demo-admin', iat: now }))
        return `${b}.${createHmac('sha256', secret).update(b).digest('base64url')}`
      })(),
      garbage: 'not-a-token',
    }
    for (const [name, token] of Object.entries(bad)) {
      const r = await answer(token)
      expect({ name, ...r }).toMatchObject({ name, status: 401, body: { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' } })
    }
    recordFaults({ name: 'bad session tokens refused', injected: Object.keys(bad).length, survived: Object.keys(bad).length })
  })

  it('a forged token is refused by every function, not only one', async () => {
    const forged = `${b64(JSON.stringify({ sub: 'demo-admin', iat: 0, exp: 9e12 }))}.AAAA`
    const calls = { session: 'me', reports: 'mine', cases: 'queue', files: 'upload', inbox: 'list', mediation: 'mine', grid: 'announcements' }
    for (const [fn, action] of Object.entries(calls)) {
      expect({ fn, ...(await client(srv.url, forged).call(fn, action, {})) }).toMatchObject({ fn, ok: false, code: 'UNAUTHENTICATED' })
    }
  })
})

describe('the dev sign-in exists only in local mode', () => {
  it('JIEFANG_DEV_LOGIN=off: every /api/dev/* answers 404 and no token can be had', async () => {
    const off = await startServer({ env: { JIEFANG_TIMER_MS: '0', JIEFANG_DEV_LOGIN: 'off' } })
    try {
      for (const [method, path, body] of [
        ['GET', '/api/dev/users', undefined],
        ['POST', '/api/dev/login', JSON.stringify({ userId: 'demo-admin' })],
        ['POST', '/api/dev/clock', JSON.stringify({ advanceHours: 1 })],
      ] as const) {
        const res = await fetch(`${off.url}${path}`, { method, body })
        expect({ path, status: res.status }).toEqual({ path, status: 404 })
        expect(JSON.stringify(await res.json())).not.toMatch(/token/)
      }
      expect((await fetch(`${off.url}/healthz`)).status).toBe(200)
    } finally {
      await off.stop()
    }
  })

  it.each([
    ['JIEFANG_MODE=cloudbase', { JIEFANG_MODE: 'cloudbase' }],
    ['TCB_ENV set, mode unset', { JIEFANG_MODE: '', TCB_ENV: 'prod-env' }],
    ['SCF_NAMESPACE set, mode unset', { JIEFANG_MODE: '', SCF_NAMESPACE: 'default' }],
  ])('the local server refuses to start in CloudBase mode (%s), so its dev sign-in is never reachable', async (_name, env) => {
    await expect(startServer({ env: { JIEFANG_TIMER_MS: '0', ...env } })).rejects.toThrow(/exited with 1[\s\S]*only in local mode/)
  })
})
