import type { ConfigVersionView } from '../../../src/contracts/admin'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { requireDistrictAdmin } from './access'

/** The last 50 saved versions, newest first, with who saved them and what changed. */
export async function configHistory(d: Deps, actor: Actor) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const versions = await d.store.listConfigVersions(50)
  const names = new Map<string, string>()
  for (const v of versions) if (!names.has(v.authorId)) names.set(v.authorId, (await d.store.getUser(v.authorId))?.name ?? v.authorId)
  const out: ConfigVersionView[] = versions.map((v) => ({ version: v.version, authorId: v.authorId, authorName: names.get(v.authorId)!, at: v.at, changes: v.changes }))
  return { ok: true as const, versions: out }
}
