import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Identity } from '../../ports'

export const SESSION_TTL_SECONDS = 12 * 3600

const VERIFIED_MAX = 10_000

interface Claims {
  sub: string
  iat: number
  exp: number
  /** Set when `sub` is a WeChat OPENID (a new WeChat user in the dev sign-in), not a user id. */
  oid?: true
}

function b64url(buf: Buffer | string): string {
  return Buffer.from(buf).toString('base64url')
}

/** Signed local session tokens (HMAC-SHA256): `<claims>.<signature>`, both base64url. */
export class LocalSessions implements Identity {
  constructor(
    private readonly secret: Buffer,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  issue(userId: string, ttlSeconds = SESSION_TTL_SECONDS): string {
    const iat = this.nowSeconds()
    const body = b64url(JSON.stringify({ sub: userId, iat, exp: iat + ttlSeconds } satisfies Claims))
    return `${body}.${this.sign(body)}`
  }

  /**
   * Locally there is no WeChat: this token stands for "the mini-program user with this OPENID",
   * resolved like CloudBase's context (a stranger becomes a resident; an invitation binds it).
   */
  issueOpenid(openid: string, ttlSeconds = SESSION_TTL_SECONDS): string {
    const iat = this.nowSeconds()
    const body = b64url(JSON.stringify({ sub: openid, iat, exp: iat + ttlSeconds, oid: true } satisfies Claims))
    return `${body}.${this.sign(body)}`
  }

  /**
   * Tokens already verified, with their claims: a token's claims follow from its text and the
   * secret alone, so each is checked (HMAC, base64, JSON) once, not on every call — that was a
   * tenth of the server's time per submit under load. Expiry is still checked on every call.
   */
  private readonly verified = new Map<string, { who: { userId: string } | { openid: string }; exp: number }>()

  verify(token: string): { userId: string } | { openid: string } | null {
    const hit = this.verified.get(token)
    if (hit) return hit.exp > this.nowSeconds() ? hit.who : null
    const who = this.check(token)
    if (who) {
      // Bounded: a flood of distinct tokens only empties the cache.
      if (this.verified.size >= VERIFIED_MAX) this.verified.clear()
      this.verified.set(token, who)
      return who.who
    }
    return null
  }

  private check(token: string): { who: { userId: string } | { openid: string }; exp: number } | null {
    const parts = token.split('.')
    if (parts.length !== 2) return null
    const [body, sig] = parts as [string, string]
    const expected = Buffer.from(this.sign(body))
    const given = Buffer.from(sig)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
    let claims: Partial<Claims>
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    } catch {
      return null
    }
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null
    if (claims.exp <= this.nowSeconds()) return null
    return { who: claims.oid === true ? { openid: claims.sub } : { userId: claims.sub }, exp: claims.exp }
  }

  /** The local server puts the raw Authorization header into the function context, nothing else. */
  async resolve(context: unknown) {
    const header = (context as { jiefangLocal?: { authorization?: unknown } } | null)?.jiefangLocal?.authorization
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return null
    return this.verify(header.slice('Bearer '.length).trim())
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url')
  }
}
