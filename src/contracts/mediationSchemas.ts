import { z } from 'zod'
import { actionName, day, id, idempotencyKey, phone, staffPage, statusFilter, version } from './commonSchemas'
import { textOrVoice } from './voiceSchemas'
import { claimsText, disputeType, factsText, personName, respondentList } from './mediationFieldSchemas'
import { CLAIMS_MAX, CLAIMS_MIN, FACTS_MAX, FACTS_MIN, MAX_PHOTOS, MAX_TERMS, MEDIATION_NOTE_MAX, MESSAGE_MAX, RATING_COMMENT_MAX, SESSION_PLACE_MAX, TERM_MAX } from './limits'

/** Inputs of the `mediation` function (types in mediation.ts). */

export { claimsText, disputeType, factsText, respondentList }

export const referral = z.enum(['court', 'arbitration', 'administrative', 'police', 'petition'], { errorMap: () => ({ message: '请选择后续处理途径' }) })

/** An answer the mediator or the centre records: the court's to a 司法确认 application, a receiver's to a 移送函. */
export const handoffAnswer = z.enum(['accepted', 'confirmed', 'dismissed', 'received', 'handled', 'returned'], { errorMap: () => ({ message: '请选择答复' }) })


type Described = { facts: string; claims: string; voiceFileId?: string }

/**
 * The applicant's own application. With a voice note (the caller's own upload) the facts and the
 * request may be told by voice and the written ones left short or empty.
 */
export const applyMediation = z
  .object({
    idempotencyKey,
    disputeType,
    /** The street whose mediation centre should take it (from mediation.options). */
    streetCode: z.string().min(1, '请选择受理的街道').max(32),
    /** 小事不出村: the community (村/社区) of the street where it happened, when the applicant knows it; its committee takes the disputes the district gives that level. */
    communityCode: z.string().min(1).max(32).optional(),
    /** The applicant's real name as the agreement prints it (the nickname of 我的 is not a legal name). */
    applicantName: personName('请填写您的真实姓名'),
    applicantPhone: phone,
    /** The other side(s): a respondent's invitation opens only for the phone given here. */
    respondents: respondentList,
    facts: z.string().trim().max(FACTS_MAX, `事实经过最多 ${FACTS_MAX} 个字`),
    claims: z.string().trim().max(CLAIMS_MAX, `请求事项最多 ${CLAIMS_MAX} 个字`),
    /** 语音陈述: a voice note the applicant uploaded (files.uploadVoice), telling the facts and the request. */
    voiceFileId: id.optional(),
    /** File ids from files.upload. */
    evidence: z.array(id).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 份证据材料`),
    preferredWay: z.enum(['online', 'in_person'], { errorMap: () => ({ message: '请选择调解方式' }) }),
  })
  .strict()
  .superRefine(textOrVoice<Described>('facts', FACTS_MIN, '请写下事实经过，或按住说话留一段语音', `事实经过至少 ${FACTS_MIN} 个字`))
  .superRefine(textOrVoice<Described>('claims', CLAIMS_MIN, '请写下请求事项，或在语音里说清楚', `请求事项至少 ${CLAIMS_MIN} 个字`))

const inviteCode = z.string().trim().min(8, '请输入邀请码').max(64, '邀请码格式不正确')

export const invite = z.object({ invite: inviteCode }).strict()

/**
 * Joining: the invitee confirms or corrects their real name and answers whether they agree to
 * mediation (人民调解 is voluntary): agreeing makes them a consenting party; refusing, with a
 * reason, ends the case as 对方不同意调解.
 */
export const joinMediation = z
  .object({
    invite: inviteCode,
    name: personName('请填写您的真实姓名'),
    consent: z.boolean({ errorMap: () => ({ message: '请选择是否同意调解' }) }),
    reason: z.string().trim().max(MEDIATION_NOTE_MAX, `原因最多 ${MEDIATION_NOTE_MAX} 个字`).optional(),
  })
  .strict()
  .refine((v) => v.consent || Boolean(v.reason), { message: '请说明不同意调解的原因', path: ['reason'] })

export const mediationAct = z
  .object({
    id,
    action: actionName,
    version,
    note: z.string().trim().min(1, '请填写说明').max(MEDIATION_NOTE_MAX, `说明最多 ${MEDIATION_NOTE_MAX} 个字`).optional(),
    mediatorId: z.string().min(1).max(64).optional(),
    /** 协助调解: whom to invite, let go or rate. */
    helperId: z.string().min(1).max(64).optional(),
    session: z
      .object({
        at: z.string().datetime({ offset: true, message: '调解时间格式不正确' }),
        mode: z.enum(['online', 'in_person', 'video'], { errorMap: () => ({ message: '请选择线上、线下或视频调解' }) }),
        place: z.string().trim().min(1, '请填写会议链接或调解室地点').max(SESSION_PLACE_MAX),
      })
      .strict()
      .optional(),
    sessionId: z.string().max(64).optional(),
    /** Agreement terms (协议内容), one per item; the server fills the 调解协议书 template around them. */
    terms: z.array(z.string().trim().min(1, '协议条款不能为空').max(TERM_MAX, `每条最多 ${TERM_MAX} 个字`)).min(1, '请至少填写一条协议条款').max(MAX_TERMS).optional(),
    agreementVersion: z.number().int().min(1).optional(),
    referral: referral.optional(),
    answer: handoffAnswer.optional(),
    rating: z.number().int().min(1, '请给出 1–5 星评价').max(5, '请给出 1–5 星评价').optional(),
    comment: z.string().trim().max(RATING_COMMENT_MAX, `评价最多 ${RATING_COMMENT_MAX} 个字`).optional(),
  })
  .strict()

export const messages = z.object({ id, after: id.optional() }).strict()

export const sendMessage = z.object({ id, text: z.string().trim().min(1, '请输入消息内容').max(MESSAGE_MAX, `消息最多 ${MESSAGE_MAX} 个字`), photos: z.array(id).max(MAX_PHOTOS, `最多 ${MAX_PHOTOS} 张照片`) }).strict()

/** `phone`: only cases with a party of that number (a caller phoning the centre). */
export const mediationQueue = z
  .object({ statuses: statusFilter.optional(), disputeType: disputeType.optional(), mine: z.boolean().optional(), phone: phone.optional() })
  .merge(staffPage)
  .strict()

export const mediators = z.object({ committee: z.string().max(32).optional() }).strict()

export const dateRange = z.object({ from: day.optional(), to: day.optional() }).strict()
