/**
 * 协助调解 reads on CloudBase, through the real SDK against the strict loopback fake (which refuses
 * a query no declared index serves): the helper roster by grant, a helper's follows, their cases by
 * those ids (open ones for the roster's count, a page for 协助调解).
 */
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { communityCode, DEMO_STREET } from '../../backend/seed/demoOrg'
import { demoUsers } from '../../backend/seed/demoUsers'
import { MEDIATION_OPEN } from '../../src/core/kinds/mediation'
import { at, caseId, makeCase } from '../contract/fixtures'
import { cloudbaseForEachTest } from './sdkApp'

let store: CloudbaseStore
cloudbaseForEachTest((_f, s) => (store = s))

it('finds the roster, a helper follows and the helped cases with declared indexes', async () => {
  for (const u of demoUsers()) await store.putUser(u)
  expect((await store.listStaff([DEMO_STREET, communityCode(0)], ['helper'])).map((u) => u.id)).toEqual(['demo-helper'])

  const helping = { helpers: [{ userId: 'demo-helper', name: '林志远', kind: 'legal_adviser', invitedAt: at(1) }] }
  const open = makeCase({ id: caseId(1), kind: 'mediation', status: 'mediating', createdAt: at(1), payload: helping })
  const done = makeCase({ id: caseId(2), kind: 'mediation', status: 'succeeded', createdAt: at(2), payload: helping })
  await store.transaction(async (tx) => {
    for (const c of [open, done]) await tx.insertCase(c)
  })
  for (const c of [open, done]) await store.follow(c.id, 'demo-helper', at(3))
  const ids = await store.followedBy('demo-helper')
  expect([...ids].sort()).toEqual([open.id, done.id].sort())
  expect((await store.listCases({ kind: 'mediation', ids, statuses: MEDIATION_OPEN, limit: 200 })).map((c) => c.id)).toEqual([open.id])
  expect((await store.listCases({ kind: 'mediation', ids, order: 'newest', limit: 200 })).map((c) => c.id)).toEqual([done.id, open.id])
  expect((await store.listCases({ kind: 'mediation', ids, order: 'newest', limit: 200, before: done.id })).map((c) => c.id)).toEqual([open.id])
})
