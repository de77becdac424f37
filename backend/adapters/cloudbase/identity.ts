/**
 * The caller of a cloud function, as the platform vouches for it. When the mini-program calls
 * a function, CloudBase puts the caller's OPENID into the invocation context
 * (`context.environment`, or `context.environ` on the old runtime) and the process
 * environment (WX_OPENID). A web caller signed in with CloudBase authentication (the H5 desk)
 * comes as its CloudBase user id (TCB_UUID) with TCB_ISANONYMOUS_USER; an anonymous web
 * sign-in proves no person and resolves to nobody. The event payload is written by the client
 * and is never read here: `{ userInfo: { openId } }` in an event proves nothing.
 */
import * as tcb from '@cloudbase/node-sdk'
import type { Identity } from '../../ports'

/** What `getUserInfo()` of the SDK's auth gives; the node-sdk `CloudBase` app satisfies this. */
export interface CloudbaseAuthApp {
  auth(): { getUserInfo(): { openId?: string; uid?: string; isAnonymous?: boolean } }
}

interface Caller {
  WX_OPENID?: string
  TCB_UUID?: string
  TCB_ISANONYMOUS_USER?: string
}

type ContextReader = (context: Parameters<typeof tcb.getCloudbaseContext>[0]) => Caller

/** OPENIDs are short URL-safe tokens; anything else is not one. */
const OPENID = /^[A-Za-z0-9_-]{6,128}$/
/** CloudBase user ids are opaque tokens of the same alphabet. */
const UID = /^[A-Za-z0-9_-]{6,128}$/

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

  async resolve(context: unknown): Promise<{ openid: string } | { webUid: string } | null> {
    const c = this.fromContext(context)
    const openid = c?.WX_OPENID || this.fromRuntime()?.openId || null
    if (openid) return OPENID.test(openid) ? { openid } : null
    // A WeChat caller never falls through to its CloudBase uid: OPENID is the mini-program's key.
    // "Anonymous" as the SDK's own getUserInfo() reads it: the platform marks anonymous sign-ins 'true'.
    const web = c?.TCB_UUID ? { uid: c.TCB_UUID, anonymous: c.TCB_ISANONYMOUS_USER === 'true' } : this.webFromRuntime()
    return web && !web.anonymous && UID.test(web.uid) ? { webUid: web.uid } : null
  }

  private fromContext(context: unknown): Caller | null {
    // Only the runtime's own fields (`environment` / `environ` text) are parsed; the SDK throws
    // on anything else, so other shapes are not handed to it.
    if (!isInvocationContext(context)) return null
    try {
      return this.readContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
    } catch {
      return null
    }
  }

  private fromRuntime(): { openId?: string; uid?: string; isAnonymous?: boolean } | null {
    if (!this.app) return null
    try {
      return this.app.auth().getUserInfo()
    } catch {
      return null
    }
  }

  private webFromRuntime(): { uid: string; anonymous: boolean } | null {
    const info = this.fromRuntime()
    return info?.uid ? { uid: info.uid, anonymous: info.isAnonymous === true } : null
  }
}
