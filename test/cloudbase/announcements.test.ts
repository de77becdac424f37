/**
 * CloudBase-only behaviour of the grid announcement methods, through the real SDK against the
 * loopback fake: paging through per-grid targets beyond one query page, completing a publish
 * that failed after its announcement committed, and keeping announcement claims apart from
 * case claims. The shared contract (test/contract/, one file per aggregate) covers the rest.
 */
import { CloudbaseStore, compoundId } from '../../backend/adapters/cloudbase/store'
import { announcementId, at, caseId, makeAnnouncement } from '../contract/fixtures'
import { FakeCloudbase } from './fakeCloudbase'
import { cloudbaseForEachTest } from './sdkApp'

let fake: FakeCloudbase
let store: CloudbaseStore
cloudbaseForEachTest((f, s) => ([fake, store] = [f, s]))

const grids = (n: number) => Array.from({ length: n }, (_, i) => `G${String(i + 1).padStart(2, '0')}`)
const targetQueries = () => fake.calls('database.getDocument').filter((r) => r.body.collectionName === 'jf_announcement_targets')

describe('listAnnouncements on CloudBase', () => {
  it('reads on past one query page when announcements reach many of the grids', async () => {
    // 101 announcements to 12 grids: 1212 targets, more than one 1000-document page.
    const gs = grids(12)
    for (let n = 1; n <= 101; n++) {
      const a = makeAnnouncement({ id: announcementId(n), gridCodes: gs, publishedAt: at(n) })
      const { id, ...fields } = a
      fake.db.insert('jf_announcements', [{ _id: id, ...fields }], undefined)
      fake.db.insert(
        'jf_announcement_targets',
        gs.map((g) => ({ _id: compoundId(g, a.id), gridCode: g, announcementId: a.id, type: a.type })),
        undefined,
      )
    }
    const list = await store.listAnnouncements(gs, { limit: 100 })
    expect(list.map((a) => a.id)).toEqual(Array.from({ length: 100 }, (_, i) => announcementId(101 - i)))
    expect(targetQueries()).toHaveLength(2)
    // Small pages need one query.
    fake.requests.length = 0
    expect((await store.listAnnouncements(gs, {})).map((a) => a.id)[0]).toBe(announcementId(101))
    expect(targetQueries()).toHaveLength(1)
  })
})

describe('addAnnouncement on CloudBase', () => {
  it('writes one target per distinct grid', async () => {
    await store.addAnnouncement(makeAnnouncement({ gridCodes: ['G1', 'G2', 'G1'] }))
    expect([...(fake.db.collections.get('jf_announcement_targets')?.keys() ?? [])].sort()).toEqual(
      [compoundId('G1', announcementId(1)), compoundId('G2', announcementId(1))].sort(),
    )
  })

  it('writes the targets of a street (~140 grids) in two inserts', async () => {
    const gs = Array.from({ length: 142 }, (_, i) => `G${String(i + 1).padStart(3, '0')}`)
    fake.requests.length = 0
    await store.addAnnouncement(makeAnnouncement({ gridCodes: gs }))
    expect(fake.calls('database.insertDocument').filter((r) => r.body.collectionName === 'jf_announcement_targets')).toHaveLength(2)
    expect(fake.db.collections.get('jf_announcement_targets')?.size).toBe(142)
    for (const g of [gs[0]!, gs[99]!, gs[100]!, gs[141]!]) expect((await store.listAnnouncements([g], {})).map((x) => x.id)).toEqual([announcementId(1)])
  })

  it('completes a publish whose targets failed when the same key is retried', async () => {
    const gs = grids(140)
    const a = makeAnnouncement({ gridCodes: gs, idempotencyKey: 'k' })
    let failed = 0
    // The first insert of targets passes, the second fails: grids past the 100th miss it.
    fake.inject(
      (r) => r.action === 'database.insertDocument' && r.body.collectionName === 'jf_announcement_targets' && failed++ >= 1,
      { json: { code: 'SYS_ERR', message: 'boom' } },
      1,
    )
    await expect(store.addAnnouncement(a)).rejects.toThrow()
    // The announcement committed, but some grids do not see it yet.
    expect(await store.getAnnouncement(a.id)).toEqual(a)
    expect(await store.listAnnouncements([gs[139]], {})).toEqual([])
    expect((await store.listAnnouncements([gs[0]], {})).map((x) => x.id)).toEqual([a.id])
    // The client retries with the same key (a new id): the first comes back, now everywhere.
    const retry = { ...a, id: announcementId(2) }
    expect(await store.addAnnouncement(retry)).toEqual(a)
    expect(await store.getAnnouncement(retry.id)).toBeNull()
    for (const g of gs) expect((await store.listAnnouncements([g], {})).map((x) => x.id)).toEqual([a.id])
    // A further retry finds every target written and writes none.
    fake.requests.length = 0
    expect(await store.addAnnouncement(retry)).toEqual(a)
    expect(fake.calls('database.insertDocument')).toEqual([])
  })

  it('keeps announcement claims apart from case claims of the same user and key', async () => {
    const c = await store.transaction((tx) => tx.claimIdempotency('w1', 'k', caseId(1)))
    expect(c).toBeNull()
    const a = makeAnnouncement({ authorId: 'w1', idempotencyKey: 'k' })
    expect(await store.addAnnouncement(a)).toEqual(a)
    expect(await store.transaction((tx) => tx.claimIdempotency('w1', 'k', caseId(2)))).toBe(caseId(1))
  })
})
