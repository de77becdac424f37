import { as, client, login, startServer, type RunningServer } from '../support/server'
import { GRID1_CODE, GRID2_POINT, reportInput, TINY_JPEG } from '../support/fixtures'

let srv: RunningServer

beforeAll(async () => {
  srv = await startServer()
})
afterAll(async () => {
  await srv?.stop()
})

async function uploadJpeg(c: Awaited<ReturnType<typeof as>>): Promise<string> {
  const r = await c.call('files', 'upload', { contentBase64: TINY_JPEG.toString('base64'), contentType: 'image/jpeg' })
  expect(r).toMatchObject({ ok: true })
  return r.fileId
}

describe('local server', () => {
  it('answers /healthz with the loaded functions', async () => {
    const res = await fetch(`${srv.url}/healthz`)
    expect(res.status).toBe(200)
    expect((await res.json()).functions).toEqual(expect.arrayContaining(['files', 'reports', 'session']))
  })

  it('lists demo users and signs one in; an unknown user is refused', async () => {
    const users = await (await fetch(`${srv.url}/api/dev/users`)).json()
    expect(users.users.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining(['demo-resident', 'demo-grid-worker', 'demo-dispatcher']))
    const bad = await fetch(`${srv.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ userId: 'nobody' }) })
    expect(bad.status).toBe(404)
  })

  it('refuses calls without a valid session', async () => {
    const anon = await fetch(`${srv.url}/api/fn/session`, { method: 'POST', body: JSON.stringify({ action: 'me' }) })
    expect(anon.status).toBe(401)
    expect(await anon.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    const token = await login(srv.url, 'demo-resident')
    const tampered = token.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))
    expect(await client(srv.url, tampered).call('session', 'me')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it('rejects malformed requests with stable codes', async () => {
    const notJson = await fetch(`${srv.url}/api/fn/reports`, { method: 'POST', body: '{oops' })
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toMatchObject({ ok: false, code: 'VALIDATION' })
    const c = await as(srv.url, 'demo-resident')
    expect(await c.call('reports', 'nope')).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await c.call('reports', '__proto__')).toMatchObject({ ok: false, code: 'VALIDATION' })
    const missing = await fetch(`${srv.url}/api/fn/nothing`, { method: 'POST', body: '{}' })
    expect(missing.status).toBe(404)
  })
})

describe('session.me', () => {
  it('tells the caller who they are, with Chinese role labels', async () => {
    const r = await (await as(srv.url, 'demo-grid-worker')).call('session', 'me')
    expect(r).toMatchObject({ ok: true, user: { id: 'demo-grid-worker', name: '李明' } })
    expect(r.user.roles[0]).toMatchObject({ role: 'grid_worker', roleLabel: '网格员', unitName: '云景社区第1网格' })
  })
})

describe('files.upload', () => {
  it('accepts a real JPEG and serves it through a signed URL only', async () => {
    const c = await as(srv.url, 'demo-resident')
    const fileId = await uploadJpeg(c)
    const sub = await c.call('reports', 'submit', reportInput({ photos: [fileId] }))
    const url: string = sub.case.photos[0].url
    const ok = await fetch(`${srv.url}${url}`)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await ok.arrayBuffer()).equals(TINY_JPEG)).toBe(true)
    const forged = await fetch(`${srv.url}${url.replace(/sig=.*/, 'sig=forged')}`)
    expect(forged.status).toBe(403)
  })

  it('checks the content by its bytes, not by the claimed type', async () => {
    const c = await as(srv.url, 'demo-resident')
    const lie = await c.call('files', 'upload', { contentBase64: TINY_JPEG.toString('base64'), contentType: 'image/png' })
    expect(lie).toMatchObject({ ok: false, code: 'VALIDATION' })
    const text = await c.call('files', 'upload', { contentBase64: Buffer.from('<script>').toString('base64'), contentType: 'image/jpeg' })
    expect(text).toMatchObject({ ok: false, code: 'VALIDATION', message: '只支持 JPG、PNG、WebP 格式的照片' })
    const gif = await c.call('files', 'upload', { contentBase64: 'R0lGODlh', contentType: 'image/gif' })
    expect(gif).toMatchObject({ ok: false, code: 'VALIDATION' })
  })
})

describe('reports.submit', () => {
  it('routes a report to the grid containing its location and records the first timeline row', async () => {
    const c = await as(srv.url, 'demo-resident')
    const photo = await uploadJpeg(c)
    const r = await c.call('reports', 'submit', reportInput({ photos: [photo] }))
    expect(r).toMatchObject({ ok: true, replayed: false, case: { status: 'submitted', statusLabel: '已上报', gridName: '云景社区第1网格', categoryName: '环境卫生 / 垃圾堆积', version: 1 } })
    expect(r.case.unitName).toContain('云景社区第1网格')
    const got = await c.call('reports', 'get', { id: r.case.id })
    expect(got.timeline).toHaveLength(1)
    expect(got.timeline[0]).toMatchObject({ action: 'submit', actionLabel: '上报', toStatus: 'submitted', actorLabel: '我' })
    expect(got.timeline[0].attachments).toHaveLength(1)
  })

  it('returns the first case for every retry of one idempotency key, even at once', async () => {
    const c = await as(srv.url, 'demo-resident-2')
    const input = reportInput()
    const answers = await Promise.all(Array.from({ length: 20 }, () => c.call('reports', 'submit', input)))
    const ids = new Set(answers.map((a) => a.case.id))
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(ids.size).toBe(1)
    expect(answers.filter((a) => !a.replayed).length).toBeLessThanOrEqual(1)
    const mine = await c.call('reports', 'mine', {})
    expect(mine.cases.filter((x: { id: string }) => ids.has(x.id))).toHaveLength(1)
  })

  it('explains bad input in Chinese with field details', async () => {
    const c = await as(srv.url, 'demo-resident')
    const short = await c.call('reports', 'submit', reportInput({ description: '脏' }))
    expect(short).toMatchObject({ ok: false, code: 'VALIDATION', details: { description: '问题描述至少 5 个字' } })
    const far = await c.call('reports', 'submit', reportInput({ location: { lng: 116.4, lat: 39.9, address: '北京' } }))
    expect(far).toMatchObject({ ok: false, code: 'OUT_OF_AREA' })
    const parentOnly = await c.call('reports', 'submit', reportInput({ category: 'HJ' }))
    expect(parentOnly).toMatchObject({ ok: false, code: 'VALIDATION', message: '请选择具体的问题分类' })
    const tooMany = await c.call('reports', 'submit', reportInput({ photos: Array(10).fill('01ARZ3NDEKTSV4RRFFQ69G5FAV') }))
    expect(tooMany).toMatchObject({ ok: false, code: 'VALIDATION' })
    const extra = await c.call('reports', 'submit', { ...reportInput(), creatorId: 'demo-admin' })
    expect(extra).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it("refuses another user's photo", async () => {
    const other = await as(srv.url, 'demo-resident-2')
    const photo = await uploadJpeg(other)
    const c = await as(srv.url, 'demo-resident')
    expect(await c.call('reports', 'submit', reportInput({ photos: [photo] }))).toMatchObject({ ok: false, code: 'VALIDATION' })
  })
})

describe('reading cases', () => {
  it("shows a case to its reporter and its grid's worker only", async () => {
    const a = await as(srv.url, 'demo-resident')
    const r = await a.call('reports', 'submit', reportInput({ anonymous: true }))
    const id = r.case.id
    expect(await (await as(srv.url, 'demo-resident-2')).call('reports', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await (await as(srv.url, 'demo-grid-worker-2')).call('reports', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const gw = await (await as(srv.url, 'demo-grid-worker')).call('reports', 'get', { id })
    expect(gw).toMatchObject({ ok: true, view: 'full', case: { id } })
    expect(JSON.stringify(gw)).not.toContain('陈小梅')
    expect(gw.timeline[0].actorLabel).toBe('居民')
    const disp = await (await as(srv.url, 'demo-dispatcher')).call('reports', 'get', { id })
    expect(disp).toMatchObject({ ok: true })
  })

  it('pages 我的事项 newest first with a cursor', async () => {
    const c = await as(srv.url, 'demo-tenant')
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await c.call('reports', 'submit', reportInput({ description: `第 ${i} 个问题描述` }))).case.id)
    const p1 = await c.call('reports', 'mine', { limit: 3 })
    expect(p1.cases.map((x: { id: string }) => x.id)).toEqual(ids.slice(2).reverse())
    const p2 = await c.call('reports', 'mine', { limit: 3, before: p1.next })
    expect(p2.cases.map((x: { id: string }) => x.id)).toEqual(ids.slice(0, 2).reverse())
    expect(p2.next).toBeNull()
  })

  it('locates a point to its grid, and says so when outside every grid', async () => {
    const c = await as(srv.url, 'demo-resident')
    expect(await c.call('reports', 'locate', GRID2_POINT)).toMatchObject({ ok: true, grid: { name: '云景社区第2网格', path: '白云区 京溪街道 云景社区' } })
    expect(await c.call('reports', 'locate', { lng: 0, lat: 0 })).toMatchObject({ ok: false, code: 'OUT_OF_AREA' })
    expect(await c.call('reports', 'locate', { lng: 500, lat: 0 })).toMatchObject({ ok: false, code: 'VALIDATION' })
    const map = await c.call('reports', 'gridMap', GRID2_POINT)
    expect(map.grids).toHaveLength(12)
    expect(map.grids[0].name).toBe('云景社区第2网格')
    expect(map.grids.find((g: { code: string }) => g.code === GRID1_CODE).polygon[0]).toHaveLength(5)
  })
})

describe('note visibility', () => {
  it('records staff notes as internal unless marked public, and refuses any other visibility', async () => {
    const a = await as(srv.url, 'demo-resident')
    const gw = await as(srv.url, 'demo-grid-worker')
    const id = (await a.call('reports', 'submit', reportInput())).case.id
    const bad = await gw.call('cases', 'act', { id, action: 'accept', version: 1, note: '收到', noteVisibility: 'everyone' })
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('请选择公开回复或内部备注') })
    const accepted = await gw.call('cases', 'act', { id, action: 'accept', version: 1, note: '已电话联系' })
    expect(accepted.timeline.map((e: { visibility: string }) => e.visibility)).toEqual(['internal', 'internal'])
    const started = await gw.call('cases', 'act', { id, action: 'start', version: 2, note: '已开始清理', noteVisibility: 'public' })
    expect(started.timeline[2]).toMatchObject({ note: '已开始清理', visibility: 'public', visibilityLabel: '公开回复' })
    // The reporter's view: own rows and public updates keep their notes, internal notes do not.
    const own = await a.call('reports', 'get', { id })
    expect(own.timeline.map((e: { note: string | null }) => e.note)).toEqual([null, null, '已开始清理'])
    // A resident's own move cannot be published: reports.reopen takes no visibility at all.
    expect(await a.call('reports', 'reopen', { id, version: 3, note: '又脏了', noteVisibility: 'public' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })
})

describe('dev sign-in outside local mode', () => {
  it('does not exist when turned off', async () => {
    const off = await startServer({ env: { JIEFANG_DEV_LOGIN: 'off' } })
    try {
      expect((await fetch(`${off.url}/api/dev/users`)).status).toBe(404)
      expect((await fetch(`${off.url}/api/dev/login`, { method: 'POST', body: '{"userId":"demo-admin"}' })).status).toBe(404)
    } finally {
      await off.stop()
    }
  })
})
