import type { Case } from '../../../src/core/case'
import type { MediationPayload } from '../../../src/core/kinds/mediation'

/** A mediation case's payload, typed: the store holds it as plain JSON. */
export const pl = (c: Case) => c.payload as unknown as MediationPayload
