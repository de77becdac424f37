import type { Store } from '../ports'
import { demoUnits } from './demoOrg'
import { demoUsers } from './demoUsers'

/** Seeds the demo street and users once; a store that already has units is left alone. */
export async function seedDemo(store: Store): Promise<boolean> {
  if ((await store.listUnits()).length > 0) return false
  await store.putUnits(demoUnits())
  for (const u of demoUsers()) await store.putUser(u)
  return true
}
