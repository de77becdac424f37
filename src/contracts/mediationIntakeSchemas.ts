import { z } from 'zod'
import { INTAKE_SOURCES } from '../core/kinds/mediationSources'
import { id, idempotencyKey, phone, version } from './commonSchemas'
import { CLAIMS_MAX, CLAIMS_MIN, FACTS_MAX, FACTS_MIN, MAX_PHOTOS, MAX_RESPONDENTS, MEDIATION_NOTE_MAX, PERSON_NAME_MAX } from './limits'
import { disputeType } from './mediationSchemas'

/** Inputs of the disputes staff open in the `mediation` function (types in mediationIntake.ts). */

const personName = (missing: string) => z.string().trim().min(1, missing).max(PERSON_NAME_MAX, `姓名最多 ${PERSON_NAME_MAX} 个字`)

/** A party as staff enter them: each one's invitation opens only for the phone given here. */
const party = z.object({ name: personName('请填写当事人姓名'), phone }).strict()

const facts = z.string().trim().min(FACTS_MIN, `事实经过至少 ${FACTS_MIN} 个字`).max(FACTS_MAX, `事实经过最多 ${FACTS_MAX} 个字`)
const claims = z.string().trim().min(CLAIMS_MIN, `调解事项至少 ${CLAIMS_MIN} 个字`).max(CLAIMS_MAX, `调解事项最多 ${CLAIMS_MAX} 个字`)

export const intakeSource = z.enum(INTAKE_SOURCES, { errorMap: () => ({ message: '请选择纠纷来源' }) })

/**
 * 录入纠纷 (三捕三捉): a mediator, grid worker or dispatcher enters a dispute found in their area; every
 * party is invited (nobody applied in the app). `sourceRef` is the 12345 ticket or 警情 number.
 */
export const mediationIntake = z
  .object({
    idempotencyKey,
    source: intakeSource,
    sourceRef: z.string().trim().max(40, '编号最多 40 个字').optional(),
    disputeType,
    /** The grid or community where it happened. */
    placeCode: z.string().min(1, '请选择纠纷发生的网格或社区').max(32),
    parties: z.array(party).min(2, '请至少填写两位当事人').max(MAX_RESPONDENTS + 1, `最多 ${MAX_RESPONDENTS + 1} 位当事人`),
    facts,
    claims,
    evidence: z.array(id).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 份证据材料`),
    preferredWay: z.enum(['online', 'in_person'], { errorMap: () => ({ message: '请选择调解方式' }) }),
  })
  .strict()
  .refine((v) => !['hotline_12345', 'police'].includes(v.source) || Boolean(v.sourceRef), { message: '请填写工单或警情编号', path: ['sourceRef'] })

/**
 * 转为调解: a 网格事件 of a mediable category becomes a mediation case; the reporter (unless it was
 * filed 代办 for someone) is the applicant, with the note of how they agreed.
 */
export const mediationFromReport = z
  .object({
    idempotencyKey,
    id,
    version,
    disputeType,
    applicantName: personName('请填写报事人的真实姓名'),
    applicantPhone: phone,
    respondents: z.array(party).min(1, '请至少填写一位对方当事人').max(MAX_RESPONDENTS, `最多 ${MAX_RESPONDENTS} 位对方当事人`),
    facts,
    claims,
    consentNote: z.string().trim().min(1, '请填写报事人同意调解的情况').max(MEDIATION_NOTE_MAX, `说明最多 ${MEDIATION_NOTE_MAX} 个字`),
    preferredWay: z.enum(['online', 'in_person'], { errorMap: () => ({ message: '请选择调解方式' }) }),
  })
  .strict()

/** Where the caller may enter disputes: their grids and communities. */
export const intakeOptions = z.object({}).strict()
