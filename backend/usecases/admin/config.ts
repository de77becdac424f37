import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { requireDistrictAdmin } from './access'

/** The district configuration in force and its version number. */
export async function config(d: Deps, actor: Actor) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const latest = await d.store.latestConfigVersion()
  return { ok: true as const, config: d.config as unknown as Record<string, unknown>, version: latest?.version ?? 0 }
}
