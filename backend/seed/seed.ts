import type { Vault } from '../crypto/vault'
import type { Store, User } from '../ports'
import { demoUnits } from './demoOrg'
import { DEMO_RESIDENT_PHONES, demoUsers } from './demoUsers'
import { demoBoards } from './demoBoards'
import { demoBuildings } from './demoBuildings'
import { demoRoster } from './demoRoster'

/** A demo resident's phone as 我的 stores it: sealed, bound to the user. */
function withPhone(u: User, vault: Vault | undefined): User {
  const phone = DEMO_RESIDENT_PHONES[u.id]
  if (!phone || !vault) return u
  return { ...u, profile: { nicknameSet: false, avatarFileId: null, phoneSealed: vault.seal(phone, u.id), phoneSource: 'typed', consents: [] } }
}

/**
 * Seeds the demo street and users once; a store that already has units is left alone. With the
 * vault, the demo residents also get their phones in 我的.
 */
export async function seedDemo(store: Store, vault?: Vault): Promise<boolean> {
  if ((await store.listUnits()).length > 0) return false
  await store.putUnits(demoUnits())
  for (const u of demoUsers()) await store.putUser(withPhone(u, vault))
  for (const b of demoBoards(new Date().toISOString())) await store.putBoard(b)
  for (const b of demoBuildings(new Date().toISOString())) await store.transaction((tx) => tx.insertBuilding(b))
  await store.putDutyRoster(demoRoster(new Date().toISOString()))
  return true
}
