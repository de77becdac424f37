import type { MessageView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { ROLE_LABELS, type Actor } from '../../../src/core/roles'
import type { CaseMessage } from '../../ports'
import type { Deps } from '../../deps'
import { photoViews } from '../shared/photoViews'
import { partyName } from './names'
import { pl } from './payload'

/** A thread message as the viewer reads it; a party is shown by the name on the application. */
export async function messageView(d: Deps, c: Case, viewer: Actor, m: CaseMessage): Promise<MessageView> {
  const party = pl(c).parties.find((x) => x.userId === m.authorId)
  const name = (party && partyName(d.vault, c.id, party)) ?? (await d.store.getUser(m.authorId))?.name ?? ''
  return {
    id: m.id,
    authorName: name,
    authorRoleLabel: ROLE_LABELS[m.authorRole as keyof typeof ROLE_LABELS] ?? m.authorRole,
    mine: m.authorId === viewer.userId,
    text: m.text,
    photos: await photoViews(d, m.photos),
    at: m.at,
  }
}
