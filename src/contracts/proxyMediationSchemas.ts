import { z } from 'zod'
import { applyMediation } from './mediationSchemas'

/**
 * `mediation.proxyApply` (代办, D1; types in proxy.ts): a mediation application filed for a person
 * who is present. Apart from proxySchemas.ts so the account function, which lists and claims what
 * was filed, does not carry the mediation application form's schema.
 */

/** The agent ticks 「本人确认当事人在场并同意代为申请」; nothing is filed without it. */
const declaration = z.literal(true, { errorMap: () => ({ message: '请确认当事人在场并同意代为申请' }) })

/** Exactly what the person's own form sends, as `application`, and the declaration. */
export const proxyApplyMediation = z.object({ declaration, application: applyMediation }).strict()
