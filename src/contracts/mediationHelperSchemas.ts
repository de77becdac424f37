import { z } from 'zod'
import { id } from './commonSchemas'

/** Inputs of 协助调解 in the `mediation` function (types in mediationHelpers.ts). */

export const helperCandidates = z.object({ id }).strict()
