import { NOTICE_KINDS } from '../../config/subscribeTemplates'
import type { Deps } from '../../deps'

/** The subscribe-message templates the app asks consent for, per kind of notice (null: none configured). */
export async function templates(d: Deps) {
  const all = d.config.subscribeTemplates
  const out = Object.fromEntries(NOTICE_KINDS.map((k) => [k, all[k] ? { id: all[k].id, long: all[k].long } : null]))
  return { ok: true as const, templates: out as Record<(typeof NOTICE_KINDS)[number], { id: string; long: boolean } | null> }
}
