/**
 * The caller of a cloud function, as the platform vouches for it. When the mini-program calls
 * a function, CloudBase puts the caller's OPENID into the invocation context
 * (`context.environment`, or `context.environ` on the old runtime) and the process
 * environment (WX_OPENID). The event payload is written by the client and is never read here:
 * `{ userInfo: { openId } }` in an event proves nothing.
 */
import * as tcb from '@cloudbase/node-sdk'
import type { Identity } from '../../ports'

/** What `getUserInfo()` of the SDK's auth gives; the node-sdk `CloudBase` app satisfies this. */
export interface CloudbaseAuthApp {
  auth(): { getUserInfo(): { openId?: string } }
}

type ContextReader = (context: Parameters<typeof tcb.getCloudbaseContext>[0]) => { WX_OPENID?: string }

/** OPENIDs are short URL-safe tokens; anything else is not one. */
const OPENID = /^[A-Za-z0-9_-]{6,128}$/

function isInvocationContext(context: unknown): boolean {
  if (typeof context !== 'object' || context === null) return false
  const c = context as { environment?: unknown; environ?: unknown }
  return typeof c.environment === 'string' || typeof c.environ === 'string'
}

export class CloudbaseIdentity implements Identity {
  constructor(
    /** Fallback for runtimes that inject the caller only into the process environment. */
    private readonly app?: CloudbaseAuthApp,
    private readonly readContext: ContextReader = tcb.getCloudbaseContext,
  ) {}

  async resolve(context: unknown): Promise<{ openid: string } | null> {
    const openid = this.fromContext(context) ?? this.fromRuntime()
    return openid !== null && OPENID.test(openid) ? { openid } : null
  }

  private fromContext(context: unknown): string | null {
    // Only the runtime's own fields (`environment` / `environ` text) are parsed; the SDK throws
    // on anything else, so other shapes are not handed to it.
    if (!isInvocationContext(context)) return null
    try {
      return this.readContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]).WX_OPENID || null
    } catch {
      return null
    }
  }

  private fromRuntime(): string | null {
    if (!this.app) return null
    try {
      return this.app.auth().getUserInfo().openId || null
    } catch {
      return null
    }
  }
}
