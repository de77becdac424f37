import type { Role } from '../../core/roles'
import { isAnswer, NETWORK_LOST, TransportError, unauthenticated } from '../failures'
import { bytesToBase64, isPhotoType, photoGone, photoTypeOfPath, readPickedPhoto, unsupportedPhoto } from '../photo'
import type { Transport, UploadResult } from '../transport'

/** Where the local-mode session token lives; Taro storage in the app, memory in tests. */
export interface TokenStore {
  get(): string | null
  set(token: string | null): void
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>

export interface DevUser {
  id: string
  name: string
  roles: { role: Role; roleLabel: string; unitName: string }[]
}

export interface HttpTransport extends Transport {
  /** Demo accounts the local server offers for the role switcher. */
  devUsers(): Promise<{ ok: true; users: DevUser[] } | { ok: false; message: string }>
  /** Signs in as a demo account and keeps its token. */
  devLogin(userId: string): Promise<{ ok: true } | { ok: false; message: string }>
  /** Signs in as "a new WeChat user with this OPENID" (what CloudBase's context would carry). */
  devLoginOpenid(openid: string): Promise<{ ok: true } | { ok: false; message: string }>
  signOut(): void
  hasSession(): boolean
}

/**
 * The local server: `POST /api/fn/<name>` with the function event as JSON, bearer token from the
 * dev sign-in. 5xx and unreadable bodies throw, which the client reports as UNAVAILABLE.
 */
export function createHttpTransport(opts: { store: TokenStore; fetch?: Fetch; baseUrl?: string }): HttpTransport {
  const base = opts.baseUrl ?? ''
  const doFetch: Fetch = opts.fetch ?? ((url, init) => fetch(url, init))

  async function send(path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const token = opts.store.get()
    if (token) headers.Authorization = `Bearer ${token}`
    const res = await doFetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (res.status >= 500) throw new TransportError(`HTTP ${res.status}`)
    if (res.status === 401) {
      // The server may explain in its own words; without a readable body it is still "sign in again".
      const answer = await res.json().catch(() => null)
      return isAnswer(answer) && !answer.ok ? answer : unauthenticated()
    }
    return res.json()
  }

  return {
    invoke: (name, event) => send(`/api/fn/${encodeURIComponent(name)}`, event),

    async uploadPhoto(localPath, call) {
      // H5 chooseImage hands out blob: URLs; the bytes go to files.upload as base64.
      const blob = await readPickedPhoto(localPath, doFetch)
      if (!blob) return photoGone()
      const type = blob.type || photoTypeOfPath(localPath) || ''
      if (!isPhotoType(type)) return unsupportedPhoto()
      const contentBase64 = bytesToBase64(new Uint8Array(await blob.arrayBuffer()))
      return (await call('files', { action: 'upload', data: { contentBase64, contentType: type } })) as UploadResult
    },

    async devUsers() {
      try {
        const r = (await send('/api/dev/users')) as { ok?: boolean; users?: DevUser[]; message?: string }
        if (r?.ok && Array.isArray(r.users)) return { ok: true, users: r.users }
        return { ok: false, message: r?.message ?? NETWORK_LOST }
      } catch {
        return { ok: false, message: NETWORK_LOST }
      }
    },

    devLogin: (userId) => login({ userId }),
    devLoginOpenid: (openid) => login({ openid }),

    signOut: () => opts.store.set(null),
    hasSession: () => Boolean(opts.store.get()),
  }

  async function login(body: { userId: string } | { openid: string }): Promise<{ ok: true } | { ok: false; message: string }> {
    try {
      const r = (await send('/api/dev/login', body)) as { ok?: boolean; token?: string; message?: string }
      if (r?.ok && typeof r.token === 'string') {
        opts.store.set(r.token)
        return { ok: true }
      }
      return { ok: false, message: r?.message ?? '登录失败' }
    } catch {
      return { ok: false, message: NETWORK_LOST }
    }
  }
}
