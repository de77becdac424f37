import { createApi } from '../../src/api/client'
import { lazyTransport } from '../../src/api/lazy'
import { bytesToBase64, photoTypeOfPath } from '../../src/api/photo'
import type { FunctionEvent, Transport } from '../../src/api/transport'
import { createHttpTransport, type TokenStore } from '../../src/api/transports/http'
import { splitKey } from '../../src/contracts/api'
import { randomId } from '../../src/utils/id'

const UNAVAILABLE = { ok: false, code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试', retryable: true }
const OFFLINE = { ok: false, code: 'UNAVAILABLE', message: '网络不可用，请检查网络后重试', retryable: true }

function fakeTransport(answer: (name: string, e: FunctionEvent) => unknown): Transport & { calls: [string, FunctionEvent][] } {
  const calls: [string, FunctionEvent][] = []
  return {
    calls,
    invoke: async (name, e) => {
      calls.push([name, e])
      return answer(name, e)
    },
    uploadPhoto: async (_path, call) => (await call('files', { action: 'upload', data: {} })) as never,
  }
}

function memoryStore(initial: string | null = null): TokenStore & { value: string | null } {
  const s = { value: initial, get: () => s.value, set: (t: string | null) => void (s.value = t) }
  return s
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('splitKey', () => {
  it('splits function name and action', () => {
    expect(splitKey('reports.submit')).toEqual({ name: 'reports', action: 'submit' })
    expect(splitKey('session.me')).toEqual({ name: 'session', action: 'me' })
  })
})

describe('createApi', () => {
  it('sends { action, data } to the function named by the key and returns its answer', async () => {
    const t = fakeTransport(() => ({ ok: true, cases: [], next: null }))
    const r = await createApi(t).call('reports.mine', { limit: 20 })
    expect(t.calls).toEqual([['reports', { action: 'mine', data: { limit: 20 } }]])
    expect(r).toEqual({ ok: true, cases: [], next: null })
  })

  it('passes server failures through unchanged', async () => {
    const failure = { ok: false, code: 'VALIDATION', message: '请填写问题描述', details: { description: '必填' } }
    const r = await createApi(fakeTransport(() => failure)).call('reports.categories', {})
    expect(r).toEqual(failure)
  })

  it('turns a thrown transport error into UNAVAILABLE', async () => {
    const t = fakeTransport(() => {
      throw new Error('socket hang up')
    })
    await expect(createApi(t).call('session.me', {})).resolves.toEqual(UNAVAILABLE)
  })

  it('tells a lost network from server trouble', async () => {
    const throwing = (err: unknown) =>
      fakeTransport(() => {
        throw err
      })
    // The request never left: fetch's TypeError, wx's request:fail.
    await expect(createApi(throwing(new TypeError('Failed to fetch'))).call('session.me', {})).resolves.toEqual(OFFLINE)
    await expect(createApi(throwing({ errMsg: 'cloud.callFunction:fail Error: errCode: -1 | errMsg: request:fail' })).call('session.me', {})).resolves.toEqual(OFFLINE)
    // The phone says it is offline, whatever the error.
    await expect(createApi(throwing(new Error('socket hang up')), { isOffline: async () => true }).call('session.me', {})).resolves.toEqual(OFFLINE)
    // The function failed on the server, or the server answered 5xx: nothing on the phone to fix.
    await expect(createApi(throwing({ errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail' })).call('session.me', {})).resolves.toEqual(UNAVAILABLE)
    const http = createHttpTransport({ store: memoryStore(), fetch: async () => json(502, { error: 'bad gateway' }) })
    await expect(createApi(http, { isOffline: () => false }).call('session.me', {})).resolves.toEqual(UNAVAILABLE)
    // A detector that itself fails counts as online.
    await expect(createApi(throwing(new Error('boom')), { isOffline: () => Promise.reject(new Error('no api')) }).call('session.me', {})).resolves.toEqual(UNAVAILABLE)
  })

  it('turns a malformed answer into UNAVAILABLE', async () => {
    for (const bad of [undefined, null, 'oops', { result: 1 }]) {
      await expect(createApi(fakeTransport(() => bad)).call('session.me', {})).resolves.toEqual(UNAVAILABLE)
    }
  })

  it('tells the app about UNAUTHENTICATED answers', async () => {
    const seen: number[] = []
    const api = createApi(fakeTransport(() => ({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' })), {
      onUnauthenticated: () => seen.push(1),
    })
    await api.call('session.me', {})
    expect(seen).toHaveLength(1)
  })

  it('never throws from uploadPhoto', async () => {
    const t: Transport = {
      invoke: async () => ({ ok: true }),
      uploadPhoto: async () => {
        throw new Error('disk gone')
      },
    }
    await expect(createApi(t).uploadPhoto('x.jpg')).resolves.toEqual(UNAVAILABLE)
  })
})

describe('lazyTransport', () => {
  it('loads once and retries the load after a failure', async () => {
    let loads = 0
    const t = lazyTransport(async () => {
      loads++
      if (loads === 1) throw new Error('chunk failed')
      return fakeTransport(() => ({ ok: true }))
    })
    const api = createApi(t)
    expect(await api.call('session.me', {})).toEqual(UNAVAILABLE)
    expect(await api.call('session.me', {})).toEqual({ ok: true })
    expect(await api.call('session.me', {})).toEqual({ ok: true })
    expect(loads).toBe(2)
  })
})

describe('http transport', () => {
  it('posts the event with the bearer token', async () => {
    const seen: { url: string; init?: RequestInit }[] = []
    const store = memoryStore('tok-1')
    const http = createHttpTransport({
      store,
      fetch: async (url, init) => {
        seen.push({ url, init })
        return json(200, { ok: true, user: { id: 'u1', name: '张三', roles: [] } })
      },
    })
    const r = await createApi(http).call('session.me', {})
    expect(r.ok).toBe(true)
    expect(seen[0].url).toBe('/api/fn/session')
    expect(seen[0].init?.method).toBe('POST')
    expect((seen[0].init?.headers as Record<string, string>).Authorization).toBe('Bearer tok-1')
    expect(JSON.parse(String(seen[0].init?.body))).toEqual({ action: 'me', data: {} })
  })

  it('maps 5xx and network errors to UNAVAILABLE', async () => {
    const store = memoryStore()
    const five = createApi(createHttpTransport({ store, fetch: async () => json(502, { error: 'bad gateway' }) }))
    expect(await five.call('session.me', {})).toEqual(UNAVAILABLE)
    const down = createApi(
      createHttpTransport({
        store,
        fetch: async () => {
          throw new TypeError('Failed to fetch')
        },
      }),
    )
    // fetch's TypeError: no answer came back at all.
    expect(await down.call('session.me', {})).toEqual(OFFLINE)
    const html = createApi(createHttpTransport({ store, fetch: async () => new Response('<html>', { status: 200 }) }))
    expect(await html.call('session.me', {})).toEqual(UNAVAILABLE)
  })

  it('maps a bare 401 to UNAUTHENTICATED and reports it', async () => {
    let told = 0
    const api = createApi(createHttpTransport({ store: memoryStore(), fetch: async () => new Response('', { status: 401 }) }), {
      onUnauthenticated: () => told++,
    })
    const r = await api.call('reports.mine', {})
    expect(r).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(told).toBe(1)
  })

  it('signs in as a demo user and keeps the token', async () => {
    const store = memoryStore()
    const http = createHttpTransport({
      store,
      fetch: async (url) =>
        url === '/api/dev/users'
          ? json(200, { ok: true, users: [{ id: 'u1', name: '张三', roles: [{ role: 'resident', roleLabel: '居民', unitName: '云景社区' }] }] })
          : json(200, { ok: true, token: 'tok-9' }),
    })
    const users = await http.devUsers()
    expect(users.ok && users.users[0].name).toBe('张三')
    expect(await http.devLogin('u1')).toEqual({ ok: true })
    expect(store.value).toBe('tok-9')
    expect(http.hasSession()).toBe(true)
    http.signOut()
    expect(http.hasSession()).toBe(false)
  })

  it('uploads a photo as base64 through files.upload', async () => {
    const bodies: unknown[] = []
    const http = createHttpTransport({
      store: memoryStore('t'),
      fetch: async (url, init) => {
        if (url.startsWith('blob:')) return new Response(new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/png' }))
        bodies.push(JSON.parse(String(init?.body)))
        return json(200, { ok: true, fileId: 'f1' })
      },
    })
    const r = await createApi(http).uploadPhoto('blob:http://localhost/abc')
    expect(r).toEqual({ ok: true, fileId: 'f1' })
    expect(bodies[0]).toEqual({ action: 'upload', data: { contentBase64: 'AQIDBA==', contentType: 'image/png' } })
  })

  it('rejects non-photo files before uploading', async () => {
    let posts = 0
    const http = createHttpTransport({
      store: memoryStore('t'),
      fetch: async (url) => {
        if (url.startsWith('blob:')) return new Response(new Blob(['%PDF'], { type: 'application/pdf' }))
        posts++
        return json(200, { ok: true, fileId: 'f1' })
      },
    })
    const r = await createApi(http).uploadPhoto('blob:http://localhost/pdf')
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message: '仅支持 JPG、PNG、WebP 格式的图片' })
    expect(posts).toBe(0)
  })
})

describe('helpers', () => {
  it('base64 matches Node for every padding case', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 256, 1000]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + 11) & 255)
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }
  })

  it('knows photo types by extension', () => {
    expect(photoTypeOfPath('wxfile://tmp_abc.JPG')).toBe('image/jpeg')
    expect(photoTypeOfPath('http://tmp/a.jpeg?x=1')).toBe('image/jpeg')
    expect(photoTypeOfPath('/a/b.webp')).toBe('image/webp')
    expect(photoTypeOfPath('/a/b.png')).toBe('image/png')
    expect(photoTypeOfPath('/a/b.gif')).toBeNull()
    expect(photoTypeOfPath('blob:http://x/123')).toBeNull()
  })

  it('makes 26-character random keys', () => {
    const a = randomId()
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(randomId()).not.toBe(a)
  })
})
