import type { Store } from '../ports'
import { demoUnits } from './demoOrg'
import { demoUsers } from './demoUsers'
import { demoBoards } from './demoBoards'
import { demoBuildings } from './demoBuildings'

/** Seeds the demo street and users once; a store that already has units is left alone. */
export async function seedDemo(store: Store): Promise<boolean> {
  if ((await store.listUnits()).length > 0) return false
  await store.putUnits(demoUnits())
  for (const u of demoUsers()) await store.putUser(u)
  for (const b of demoBoards(new Date().toISOString())) await store.putBoard(b)
  for (const b of demoBuildings(new Date().toISOString())) await store.transaction((tx) => tx.insertBuilding(b))
  return true
}
