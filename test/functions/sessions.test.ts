import { randomBytes } from 'node:crypto'
import { LocalSessions } from '../../backend/adapters/local/session'

describe('local session tokens', () => {
  const secret = randomBytes(32)
  let now = 1_800_000_000
  const sessions = new LocalSessions(secret, () => now)

  it('round-trips a user id', () => {
    expect(sessions.verify(sessions.issue('u1'))).toEqual({ userId: 'u1' })
  })

  it('refuses an expired token', () => {
    const t = sessions.issue('u1', 60)
    now += 61
    expect(sessions.verify(t)).toBeNull()
  })

  it('refuses a token whose claims were edited', () => {
    const [, sig] = sessions.issue('u1').split('.')
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', iat: now, exp: now + 999 })).toString('base64url')
    expect(sessions.verify(`${forged}.${sig}`)).toBeNull()
  })

  it('refuses a token signed with another secret', () => {
    const other = new LocalSessions(randomBytes(32), () => now)
    expect(sessions.verify(other.issue('u1'))).toBeNull()
  })

  it('reads only a Bearer header from the context', async () => {
    const t = sessions.issue('u2')
    expect(await sessions.resolve({ jiefangLocal: { authorization: `Bearer ${t}` } })).toEqual({ userId: 'u2' })
    expect(await sessions.resolve({ jiefangLocal: { authorization: t } })).toBeNull()
    expect(await sessions.resolve({ userId: 'u2' })).toBeNull()
    expect(await sessions.resolve(null)).toBeNull()
  })
})
