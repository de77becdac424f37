import { z } from 'zod'
import { empty, id } from './commonSchemas'
import { applyMediation } from './mediationSchemas'

/**
 * 代办 inputs of D1's actions (types in proxy.ts): a mediation application filed for a person who is
 * present, and the person's own list and claim of what was filed for their phone.
 */

/** The agent ticks 「本人确认当事人在场并同意代为申请」; nothing is filed without it. */
const declaration = z.literal(true, { errorMap: () => ({ message: '请确认当事人在场并同意代为申请' }) })

/** `mediation.proxyApply`: exactly what the person's own form sends, as `application`, and the declaration. */
export const proxyApplyMediation = z.object({ declaration, application: applyMediation }).strict()

/** `account.proxiedCases`: the caller's own phone decides what is listed; nothing in the input names anyone. */
export const proxiedCases = empty

/** `account.claimProxied`: one case from that list. */
export const claimProxied = z.object({ id }).strict()
