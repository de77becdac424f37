import { z } from 'zod'
import { empty, id } from './commonSchemas'

/**
 * 代办 inputs of D1's account actions (types in proxy.ts): the person's own list and claim of what
 * was filed for their phone. The mediation application filed for them: proxyMediationSchemas.ts.
 */

/** `account.proxiedCases`: the caller's own phone decides what is listed; nothing in the input names anyone. */
export const proxiedCases = empty

/** `account.claimProxied`: one case from that list. */
export const claimProxied = z.object({ id }).strict()
