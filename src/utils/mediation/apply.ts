/** The 申请调解 form: its draft, checks and the mediation.apply input. */
import type { ApplyMediationInput } from '../../contracts/api'
import { CLAIMS_MAX, CLAIMS_MIN, FACTS_MAX, FACTS_MIN, MAX_PHOTOS as MAX_EVIDENCE, MAX_RESPONDENTS, PERSON_NAME_MAX as NAME_MAX } from '../../contracts/limits'
import { isPhone, normalizePhone } from '../phone'

export { CLAIMS_MAX, CLAIMS_MIN, FACTS_MAX, FACTS_MIN, MAX_EVIDENCE, MAX_RESPONDENTS, NAME_MAX }

export interface RespondentDraft {
  /** Local only: keeps React rows stable while parties are added and removed. */
  key: string
  name: string
  phone: string
}

export interface ApplyDraft {
  disputeType: string
  streetCode: string
  /** 小事不出村: the community (社区/村) where it happened, when the applicant picks one; its committee may take it. */
  communityCode?: string
  /** The applicant's real name: the 协议书 prints it (the nickname of 我的 is not a legal name). */
  applicantName: string
  applicantPhone: string
  respondents: RespondentDraft[]
  facts: string
  claims: string
  preferredWay: 'online' | 'in_person'
}

/** Field keys: the plain ones, plus `respondents.<i>.name|phone` per party row. */
export type ApplyErrors = Record<string, string | undefined>

export function emptyApplyDraft(key: string): ApplyDraft {
  return {
    disputeType: '',
    streetCode: '',
    applicantName: '',
    applicantPhone: '',
    respondents: [{ key, name: '', phone: '' }],
    facts: '',
    claims: '',
    preferredWay: 'online',
  }
}

const len = (s: string) => Array.from(s.trim()).length

export interface EvidenceState {
  uploading: number
  failed: number
  /** A voice note is attached (语音陈述). */
  voice?: boolean
}

export function validateApply(d: ApplyDraft, evidence: EvidenceState = { uploading: 0, failed: 0 }): ApplyErrors {
  const e: ApplyErrors = {}
  if (!d.disputeType) e.disputeType = '请选择纠纷类型'
  if (!d.streetCode) e.streetCode = '请选择受理街道'
  const myName = d.applicantName.trim()
  if (!myName) e.applicantName = '请填写您的真实姓名'
  else if (Array.from(myName).length > NAME_MAX) e.applicantName = `姓名不能超过 ${NAME_MAX} 个字`
  if (!d.applicantPhone.trim()) e.applicantPhone = '请填写您的联系电话'
  else if (!isPhone(d.applicantPhone)) e.applicantPhone = '请填写 11 位手机号或带区号的固定电话'
  if (!d.respondents.length) e.respondents = '请至少填写一位对方当事人'
  if (d.respondents.length > MAX_RESPONDENTS) e.respondents = `对方当事人最多 ${MAX_RESPONDENTS} 位`
  d.respondents.forEach((r, i) => {
    const name = r.name.trim()
    if (!name) e[`respondents.${i}.name`] = '请填写对方姓名'
    else if (Array.from(name).length > NAME_MAX) e[`respondents.${i}.name`] = `姓名不能超过 ${NAME_MAX} 个字`
    if (!r.phone.trim()) e[`respondents.${i}.phone`] = '请填写对方联系电话'
    else if (!isPhone(r.phone)) e[`respondents.${i}.phone`] = '请填写 11 位手机号或带区号的固定电话'
    else if (normalizePhone(r.phone) === normalizePhone(d.applicantPhone)) e[`respondents.${i}.phone`] = '对方电话不能与您的电话相同'
  })
  // A voice note tells the facts and the request: the written ones may then be short or empty.
  const voice = evidence.voice === true
  const facts = len(d.facts)
  if (facts < FACTS_MIN && !voice) e.facts = `请描述事实经过，至少 ${FACTS_MIN} 个字，或按住说话留一段语音`
  else if (facts > FACTS_MAX) e.facts = `事实经过不能超过 ${FACTS_MAX} 个字`
  const claims = len(d.claims)
  if (claims < CLAIMS_MIN && !voice) e.claims = `请写明您的请求，至少 ${CLAIMS_MIN} 个字，或在语音里说清楚`
  else if (claims > CLAIMS_MAX) e.claims = `请求不能超过 ${CLAIMS_MAX} 个字`
  if (evidence.uploading) e.evidence = '证据照片还在上传，请稍候'
  else if (evidence.failed) e.evidence = '有照片上传失败，请重试或删除'
  return e
}

export function toApplyInput(d: ApplyDraft, idempotencyKey: string, evidence: string[], voiceFileId: string | null = null): ApplyMediationInput {
  return {
    idempotencyKey,
    disputeType: d.disputeType as ApplyMediationInput['disputeType'],
    streetCode: d.streetCode,
    ...(d.communityCode ? { communityCode: d.communityCode } : {}),
    applicantName: d.applicantName.trim(),
    applicantPhone: normalizePhone(d.applicantPhone),
    respondents: d.respondents.map((r) => ({ name: r.name.trim(), phone: normalizePhone(r.phone) })),
    facts: d.facts.trim(),
    claims: d.claims.trim(),
    ...(voiceFileId ? { voiceFileId } : {}),
    evidence,
    preferredWay: d.preferredWay,
  }
}

/**
 * The server's `details` onto the form's keys: zod paths come as `respondents.0.name` or
 * `respondents[0].name`; `evidence.3` is about the photos as a whole.
 */
export function applyErrorsFromDetails(details: Record<string, string> | undefined): ApplyErrors {
  const out: ApplyErrors = {}
  for (const [raw, msg] of Object.entries(details ?? {})) {
    const k = raw.replace(/\[(\d+)\]/g, '.$1')
    if (/^respondents\.\d+\.(name|phone)$/.test(k)) out[k] = msg
    else if (k.startsWith('respondents')) out.respondents = msg
    else if (k.startsWith('evidence')) out.evidence = msg
    else if (k === 'streetCode' || k === 'street') out.streetCode = msg
    else if (k === 'voiceFileId') out.voice = msg
    else out[k] = msg
  }
  return out
}

/** Removing a party row renumbers the rows after it; their errors move with them. */
export function shiftRespondentErrors(e: ApplyErrors, removed: number): ApplyErrors {
  const out: ApplyErrors = {}
  for (const [k, v] of Object.entries(e)) {
    const m = /^respondents\.(\d+)\.(name|phone)$/.exec(k)
    if (!m) out[k] = v
    else {
      const i = Number(m[1])
      if (i < removed) out[k] = v
      else if (i > removed) out[`respondents.${i - 1}.${m[2]}`] = v
    }
  }
  return out
}
