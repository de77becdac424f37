/**
 * Figure 7, 网格服务群 at street scale: publish to a grid of 2,000 members, then the members'
 * unread list, read marks, and the worker's receipt over the roster. Context figures: the
 * issue sets no target for them.
 */
import type { Actor } from '../../src/core/roles'
import { run, tempDir } from '../lib/proc'
import { figure, type FigureReport } from '../lib/stats'

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

async function main(): Promise<FigureReport> {
  process.env.DATA_DIR = tempDir('grid')
  process.env.JIEFANG_MODE = 'local'
  const { deps } = await import('../../backend/runtime')
  const { seedDemo } = await import('../../backend/seed/seed')
  const { publish } = await import('../../backend/usecases/grid/publish')
  const { receipts } = await import('../../backend/usecases/grid/receipts')
  const { announcements } = await import('../../backend/usecases/grid/announcements')
  const { markRead } = await import('../../backend/usecases/grid/markRead')
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
  const publishing = await time(20, async (i) => {
    const r = await publish(d, gw, { idempotencyKey: `bench-pub-${i}`, type: i % 5 === 0 ? 'emergency' : 'notice', title: `公告 ${i}`, body: '基准测试公告内容', target: { kind: 'grids', codes: [GRID] } })
    if (!r.ok) throw new Error(r.message)
    lastId = r.announcement.id
  })
  const unreadList = await time(200, async (i) => {
    const r = await announcements(d, member(i % MEMBERS), {})
    if (!r.ok || r.items.length === 0) throw new Error('empty feed')
  })
  const reads = await time(MEMBERS, async (i) => markRead(d, member(i), { id: lastId }))
  const receipt = await time(5, async () => {
    const r = await receipts(d, gw, { id: lastId })
    if (!r.ok || r.receipts.roster !== MEMBERS || r.receipts.read !== MEMBERS) throw new Error('bad receipt')
  })
  await d.store.close()
  const ctx = (t: { median: number; p95: number; total: number }, n: number) => ({ n, p95Ms: round(t.p95), totalS: round(t.total / 1000) })
  return {
    figures: [
      figure('7a', `grid set-up: ${MEMBERS} users + memberships`, setup.total, 'ms', null),
      figure('7b', `announcement publish to ${MEMBERS} members (median)`, publishing.median, 'ms', null, ctx(publishing, 20)),
      figure('7c', 'member feed, unread list (median)', unreadList.median, 'ms', null, ctx(unreadList, 200)),
      figure('7d', 'mark read (median)', reads.median, 'ms', null, ctx(reads, MEMBERS)),
      figure('7e', `receipt over the roster of ${MEMBERS} (median)`, receipt.median, 'ms', null, ctx(receipt, 5)),
    ],
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

run(main)
