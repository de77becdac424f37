import { z } from 'zod'
import { phone } from './commonSchemas'
import { CLAIMS_MAX, CLAIMS_MIN, FACTS_MAX, FACTS_MIN, MAX_RESPONDENTS, PERSON_NAME_MAX } from './limits'

/**
 * The fields of a dispute other areas' forms ask for too (一键求助 turned into mediation): apart from
 * mediationSchemas.ts, which re-exports them, so those functions do not carry every mediation input.
 */

export const disputeType = z.enum(['neighbour', 'family', 'tenancy', 'labour', 'traffic', 'commerce', 'property', 'other'], { errorMap: () => ({ message: '请选择纠纷类型' }) })

export const personName = (missing: string) => z.string().trim().min(1, missing).max(PERSON_NAME_MAX, `姓名最多 ${PERSON_NAME_MAX} 个字`)

/** 事实经过 and 请求事项 where they must be written (a mediator entering a dispute, a request turned into mediation). */
export const factsText = z.string().trim().min(FACTS_MIN, `事实经过至少 ${FACTS_MIN} 个字`).max(FACTS_MAX, `事实经过最多 ${FACTS_MAX} 个字`)
export const claimsText = z.string().trim().min(CLAIMS_MIN, `请求事项至少 ${CLAIMS_MIN} 个字`).max(CLAIMS_MAX, `请求事项最多 ${CLAIMS_MAX} 个字`)
export const respondentList = z
  .array(z.object({ name: personName('请填写对方姓名'), phone }).strict())
  .min(1, '请至少填写一位对方当事人')
  .max(MAX_RESPONDENTS, `最多 ${MAX_RESPONDENTS} 位对方当事人`)
