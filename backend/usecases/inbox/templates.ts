import type { Deps } from '../../deps'

/** The subscription-message templates the client asks the resident to accept. */
export async function templates(d: Deps) {
  return { ok: true as const, templates: { caseStatus: d.config.subscribeTemplates.caseStatus } }
}
