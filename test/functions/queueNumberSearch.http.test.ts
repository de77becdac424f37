/**
 * The grid worker's phone queue finds a case by the number a resident reads out: the call the page makes
 * (`cases.queue` with the normalised number and its page size, the console's own filter) finds it across
 * every status for the grid's worker, and nothing for a worker of another grid or a brand-new identity.
 */
import { shanghaiYear } from '../../src/core/time'
import { parseNumberQuery, streetShortOf } from '../../src/pages/report-staff/queue/numberSearch'
import { move } from '../support/cases'
import { reportInput } from '../support/fixtures'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let worker: Client, otherGridWorker: Client
const world = serverWithUsers(['demo-grid-worker', 'demo-grid-worker-2'], (c) => ([worker, otherGridWorker] = c))
const YEAR = shanghaiYear(new Date())
const ids = (r: { cases?: Array<{ id: string }> }) => (r.cases ?? []).map((c) => c.id)

describe('phone queue: search by case number', () => {
  it('finds the case by a number typed loosely, within the caller\'s scope only', async () => {
    const resident = await asOpenid(world.srv.url, `dev-qnum-${Date.now()}-r`)
    const made = await resident.call('reports', 'submit', reportInput())
    expect(made).toMatchObject({ ok: true, case: { number: expect.stringMatching(new RegExp(`^京溪-${YEAR}-\\d{5}$`)) } })
    const number: string = made.case.number
    const seq = number.split('-')[2]!

    // The worker learns the street from their own queue, as the page does, then types what they hear.
    const list = await worker.call('cases', 'queue', { statuses: ['submitted'], limit: 20 })
    const short = streetShortOf(list.cases.map((c: { number?: string }) => c.number))
    expect(short).toBe('京溪')
    const typed = [number, number.replace(/-/g, ' '), number.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)), String(Number(seq))]
    for (const raw of typed) {
      const q = parseNumberQuery(raw, { short, year: YEAR })
      expect(q).toEqual({ kind: 'number', number })
      if (q.kind !== 'number') throw new Error(raw)
      const found = await worker.call('cases', 'queue', { number: q.number, limit: 20 })
      expect(found).toMatchObject({ ok: true, total: 1 })
      expect(ids(found)).toEqual([made.case.id])
    }

    // Not on the 待受理 tab's statuses alone: accepted, it is still found by number.
    expect(await move(worker, made.case.id, 'accept')).toMatchObject({ ok: true })
    expect(ids(await worker.call('cases', 'queue', { number, limit: 20 }))).toEqual([made.case.id])

    // A number nobody has, a worker of another grid, a brand-new identity: nothing.
    expect(ids(await worker.call('cases', 'queue', { number: `京溪-${YEAR}-99999`, limit: 20 }))).toEqual([])
    expect(ids(await otherGridWorker.call('cases', 'queue', { number, limit: 20 }))).toEqual([])
    const stranger = await asOpenid(world.srv.url, `dev-qnum-${Date.now()}-s`)
    const theirs = await stranger.call('cases', 'queue', { number, limit: 20 })
    expect(ids(theirs)).toEqual([])
    expect(theirs).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
