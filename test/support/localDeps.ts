import type { Deps } from '../../backend/deps'
import { postSigned } from '../../backend/adapters/webhook/signedPost'
import type { Store } from '../../backend/ports'
import { deliverDue } from '../../backend/usecases/inbox/deliver'
import { OrgTree } from '../../src/core/org'

/**
 * Deps for running use cases in process over `store` (local mode): no files, no identity, real signed webhooks, a notifier
 * and content security that must not be reached unless `parts` supplies them, and an org tree read
 * from the store once and dropped whenever the data changes.
 */
export function localDeps(store: Store, parts: Pick<Deps, 'clock' | 'newId' | 'config'> & Partial<Deps>): Deps {
  let tree: OrgTree | undefined
  return {
    mode: 'local',
    store,
    files: { put: async () => '', get: async () => null, remove: async () => undefined },
    fileUrl: async () => '',
    identity: { resolve: async () => null },
    notifier: { sendSubscribe: async () => undefined },
    webhooks: { post: (url, secret, eventId, body) => postSigned(url, secret, eventId, body) },
    contentSecurity: {} as Deps['contentSecurity'],
    orgTree: async () => (tree ??= new OrgTree(await store.listUnits())),
    dataChanged: () => {
      tree = undefined
    },
    ...parts,
  }
}

/** Runs the outbox `rounds` times (500 due messages each), calling `later` after each round; totals what it did. */
export async function drainOutbox(d: Deps, rounds: number, timeoutMs: number, later: () => void): Promise<{ delivered: number; failed: number }> {
  const total = { delivered: 0, failed: 0 }
  for (let i = 0; i < rounds; i++) {
    const r = await deliverDue(d, 500, { timeoutMs })
    total.delivered += r.delivered
    total.failed += r.failed
    later()
  }
  return total
}
