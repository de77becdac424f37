/**
 * 网格服务群 at street scale: publish to a grid of 2,000 members, then the members' unread list,
 * read marks, and the worker's receipt over the roster. Figures, not pass/fail: `npm run bench`.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SYSTEM_ACTOR, type Actor } from '../src/core/roles'

const MEMBERS = 2000
const GRID = '440111010001001'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function time<T>(n: number, f: (i: number) => Promise<T>): Promise<{ median: number; p95: number; total: number }> {
  const xs: number[] = []
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await f(i)
    xs.push(performance.now() - t)
  }
  const s = [...xs].sort((a, b) => a - b)
  return { median: median(xs), p95: s[Math.floor(s.length * 0.95)]!, total: performance.now() - t0 }
}

async function main(): Promise<void> {
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'jf-bench-'))
  process.env.JIEFANG_MODE = 'local'
  const { deps } = await import('../backend/runtime')
  const { seedDemo } = await import('../backend/seed/seed')
  const staff = await import('../backend/usecases/grid/staff')
  const news = await import('../backend/usecases/grid/news')
  const d = deps()
  await seedDemo(d.store)
  const now = new Date().toISOString()
  const setup = await time(1, async () => {
    for (let i = 0; i < MEMBERS; i++) {
      const id = `bench-${i}`
      await d.store.putUser({ id, name: `居民${i}`, phone: null, openid: null, grants: [{ role: 'resident', unitCode: '440111' }], createdAt: now })
      await d.store.putMembership({ gridCode: GRID, userId: id, status: 'joined', building: `${1 + (i % 20)} 栋`, requestedAt: now, decidedAt: now, decidedBy: 'demo-grid-worker' })
    }
  })
  const worker = (await d.store.getUser('demo-grid-worker'))!
  const gw: Actor = { userId: worker.id, name: worker.name, grants: worker.grants }
  const member = (i: number): Actor => ({ userId: `bench-${i}`, name: '', grants: [{ role: 'resident', unitCode: '440111' }] })
  let lastId = ''
  const publish = await time(20, async (i) => {
    const r = await staff.publish(d, gw, { idempotencyKey: `bench-pub-${i}`, type: i % 5 === 0 ? 'emergency' : 'notice', title: `公告 ${i}`, body: '基准测试公告内容', target: { kind: 'grids', codes: [GRID] } })
    if (!r.ok) throw new Error(r.message)
    lastId = r.announcement.id
  })
  const unreadList = await time(200, async (i) => {
    const r = await news.announcements(d, member(i % MEMBERS), {})
    if (!r.ok || r.items.length === 0) throw new Error('empty feed')
  })
  const reads = await time(MEMBERS, async (i) => news.markRead(d, member(i), { id: lastId }))
  const receipt = await time(5, async () => {
    const r = await staff.receipts(d, gw, { id: lastId })
    if (!r.ok || r.receipts.roster !== MEMBERS || r.receipts.read !== MEMBERS) throw new Error('bad receipt')
  })
  void SYSTEM_ACTOR
  const row = (name: string, t: { median: number; p95: number; total: number }, n: number) =>
    console.log(`${name.padEnd(34)} n=${String(n).padStart(5)}  median ${t.median.toFixed(2).padStart(8)} ms  p95 ${t.p95.toFixed(2).padStart(8)} ms  total ${(t.total / 1000).toFixed(2)} s`)
  console.log(`网格服务群 benchmark — one grid of ${MEMBERS} members, SQLite (${process.env.DATA_DIR})`)
  row('set-up: users + memberships', setup, 1)
  row('publish (one row + one target)', publish, 20)
  row('member feed (unread list)', unreadList, 200)
  row('mark read', reads, MEMBERS)
  row('receipt over the roster', receipt, 5)
  await d.store.close()
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
