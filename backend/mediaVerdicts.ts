import type { Deps } from './deps'
import type { Host } from './host'
import { receiveMediaCheck } from './usecases/report/mediaCheck'

/**
 * Where local mode's recorded image check sends its verdict: the cases function's receiver, as
 * WeChat's message push does. In a function bundle's local.js, scripts/build-functions.mjs puts the
 * cases bundle beside the function's folder in place of this module (bound to `h` if it runs on its
 * own), so no other bundle carries the report area's moderation code.
 */
export function receiveVerdict(_h: Host, deps: () => Deps, event: Record<string, unknown>): Promise<{ ok: boolean; code?: string }> {
  return receiveMediaCheck(deps(), event)
}
