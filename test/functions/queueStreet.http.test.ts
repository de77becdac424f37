/**
 * The street queues over HTTP after issue 21 (street key, keyset pages, capped totals): a report a
 * resident files appears in their street dispatcher's queue read by the street key and in the
 * grid worker's, a page by cursor goes on after the last case, and a brand-new identity still
 * gets FORBIDDEN from both staff queues.
 */
import { reportInput } from '../support/fixtures'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let worker: Client, dispatcher: Client
const world = serverWithUsers(['demo-grid-worker', 'demo-dispatcher'], (c) => ([worker, dispatcher] = c))
const ids = (r: { cases?: Array<{ id: string }> }) => (r.cases ?? []).map((c) => c.id)

describe('street queue over HTTP', () => {
  it('shows a new report to its street’s dispatcher and grid worker, pages by cursor, counts exactly', async () => {
    const resident = await asOpenid(world.srv.url, `dev-qstreet-${Date.now()}-r`)
    const made = await resident.call('reports', 'submit', reportInput())
    expect(made).toMatchObject({ ok: true })
    const id: string = made.case.id

    const all = await dispatcher.call('cases', 'queue', { statuses: ['submitted'], limit: 100 })
    expect(all).toMatchObject({ ok: true })
    expect(ids(all)).toContain(id)
    expect(all.total).toBe(all.cases.length)
    expect(all.totalCapped).toBeUndefined()
    expect(ids(await worker.call('cases', 'queue', { statuses: ['submitted'], limit: 100 }))).toContain(id)

    // One row at a time by cursor: the same cases, in the same order, each once.
    const paged: string[] = []
    let before: string | null = null
    for (let i = 0; i < 200; i++) {
      const r = await dispatcher.call('cases', 'queue', { statuses: ['submitted'], limit: 1, ...(before ? { before } : {}) })
      expect(r).toMatchObject({ ok: true, total: all.total })
      paged.push(...ids(r))
      before = r.next
      if (!before) break
    }
    expect(paged).toEqual(ids(all))
  })

  it('refuses a brand-new identity both staff queues', async () => {
    const stranger = await asOpenid(world.srv.url, `dev-qstreet-${Date.now()}-s`)
    expect(await stranger.call('cases', 'queue', { limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await stranger.call('mediation', 'queue', { limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
