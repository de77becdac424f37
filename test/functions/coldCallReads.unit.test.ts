/**
 * A cold instance's first call (issue 21, cold start): the boundary reads the org tree, the
 * configuration and the caller at once, not one after another — on CloudBase each is a round
 * trip. Each read here waits at a gate until the test opens it, so the test sees which reads were
 * under way together. A brand-new WeChat identity is still made a resident only once the
 * configuration has been read.
 */
import { monotonicFactory } from 'ulid'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Deps } from '../../backend/deps'
import { main } from '../../backend/functions/session'
import type { Store } from '../../backend/ports'
import { useDeps } from '../../backend/runtime'
import { seedDemo } from '../../backend/seed/seed'
import { OrgTree } from '../../src/core/org'
import type { OpenedStore } from '../contract/fixtures'
import { localDeps } from '../support/localDeps'
import { openTempSqliteStore } from '../store/tempSqlite'

const ulid = monotonicFactory()
let opened: OpenedStore

/** Reads that wait until opened, and the order in which they started. */
class Gates {
  readonly started: string[] = []
  private readonly waiting = new Map<string, () => void>()
  wait(name: string): Promise<void> {
    this.started.push(name)
    return new Promise((open) => this.waiting.set(name, open))
  }
  open(name: string): void {
    this.waiting.get(name)?.()
    this.waiting.delete(name)
  }
  /** Lets every promise that is ready run, so reads that can start have started. */
  async settle(): Promise<void> {
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r))
  }
}

function gatedDeps(store: Store, gates: Gates, who: { openid: string } | { userId: string }): Deps {
  let tree: OrgTree | undefined
  const base = localDeps(store, { clock: { now: () => new Date('2026-12-01T02:00:00.000Z') }, newId: () => ulid(), config: defaultDistrictConfig() })
  const gated = new Proxy(store, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown
      if (typeof v !== 'function') return v
      const fn = (v as (...a: unknown[]) => unknown).bind(target)
      if (key === 'getUser' || key === 'findUserByOpenid') return async (...a: unknown[]) => (await gates.wait('caller'), fn(...a))
      if (key === 'putUser') return async (...a: unknown[]) => (gates.started.push('new resident'), fn(...a))
      return fn
    },
  })
  return {
    ...base,
    store: gated,
    identity: { resolve: async () => who },
    orgTree: async () => {
      if (!tree) {
        await gates.wait('tree')
        tree = new OrgTree(await store.listUnits())
      }
      return tree
    },
    refreshConfig: () => gates.wait('config'),
  }
}

beforeEach(async () => {
  opened = await openTempSqliteStore('jf-cold-reads-')
  await seedDemo(opened.store)
})
afterEach(async () => {
  useDeps(undefined)
  await opened.cleanup()
})

it('reads the org tree, the configuration and the caller at once', async () => {
  const gates = new Gates()
  useDeps(gatedDeps(opened.store, gates, { userId: 'demo-resident' }))
  const answer = main({ action: 'me', data: {} }, {})
  await gates.settle()
  expect([...gates.started].sort()).toEqual(['caller', 'config', 'tree'])
  for (const g of ['caller', 'tree', 'config']) gates.open(g)
  expect(await answer).toMatchObject({ ok: true, user: { id: 'demo-resident' } })
})

it('makes a brand-new WeChat identity a resident only after the configuration is read', async () => {
  const gates = new Gates()
  useDeps(gatedDeps(opened.store, gates, { openid: 'oColdCallNew001' }))
  const answer = main({ action: 'me', data: {} }, {})
  await gates.settle()
  gates.open('caller')
  gates.open('tree')
  await gates.settle()
  expect(gates.started).not.toContain('new resident')
  gates.open('config')
  await gates.settle()
  gates.open('caller') // the store's read-back of the new record
  const r = (await answer) as { ok: boolean; user: { roles: Array<{ role: string }> } }
  expect(gates.started.indexOf('new resident')).toBeGreaterThan(gates.started.indexOf('config'))
  expect(r).toMatchObject({ ok: true })
  expect(r.user.roles.map((x) => x.role)).toEqual(['resident'])
})
