/**
 * The 录入纠纷 form (三捕三捉: a dispute staff found) and the 转为调解 form of a 网格事件: one draft, its
 * checks and the mediation.intake / mediation.fromReport inputs.
 */
import type { MediationFromReportInput, MediationIntakeInput } from '../../contracts/mediationIntake'
import { CLAIMS_MAX, CLAIMS_MIN, FACTS_MAX, FACTS_MIN, MAX_RESPONDENTS, NAME_MAX, type ApplyErrors } from './apply'
import { isPhone, normalizePhone } from '../phone'

export interface PartyDraft {
  /** Local only: keeps React rows stable while parties are added and removed. */
  key: string
  name: string
  phone: string
}

/** `report`: turning a 网格事件 into mediation (the first party is the reporter, the applicant). */
export type IntakeMode = 'intake' | 'report'

export interface IntakeDraft {
  source: string
  sourceRef: string
  disputeType: string
  placeCode: string
  /** In report mode the first is the applicant (the reporter), the others the respondents. */
  parties: PartyDraft[]
  facts: string
  claims: string
  /** Report mode: how the reporter agreed to mediation. */
  consentNote: string
  preferredWay: 'online' | 'in_person'
}

export type IntakeErrors = ApplyErrors

/** At most as many parties as an application has (the applicant and its respondents). */
export const MAX_PARTIES = MAX_RESPONDENTS + 1

export function emptyIntakeDraft(keys: [string, string]): IntakeDraft {
  return {
    source: 'patrol',
    sourceRef: '',
    disputeType: 'neighbour',
    placeCode: '',
    parties: keys.map((key) => ({ key, name: '', phone: '' })),
    facts: '',
    claims: '',
    consentNote: '',
    preferredWay: 'in_person',
  }
}

const len = (s: string) => Array.from(s.trim()).length

export function validateIntake(d: IntakeDraft, mode: IntakeMode, refNeeded: boolean): IntakeErrors {
  const e: IntakeErrors = {}
  if (mode === 'intake') {
    if (!d.source) e.source = '请选择纠纷来源'
    if (refNeeded && !d.sourceRef.trim()) e.sourceRef = '请填写工单或警情编号'
    if (!d.placeCode) e.placeCode = '请选择纠纷发生的网格或社区'
  }
  if (!d.disputeType) e.disputeType = '请选择纠纷类型'
  if (d.parties.length < 2) e.parties = '请至少填写两位当事人'
  if (d.parties.length > MAX_PARTIES) e.parties = `当事人最多 ${MAX_PARTIES} 位`
  const seen = new Set<string>()
  d.parties.forEach((p, i) => {
    const name = p.name.trim()
    if (!name) e[`parties.${i}.name`] = '请填写当事人姓名'
    else if (Array.from(name).length > NAME_MAX) e[`parties.${i}.name`] = `姓名不能超过 ${NAME_MAX} 个字`
    if (!p.phone.trim()) e[`parties.${i}.phone`] = '请填写当事人手机号'
    else if (!isPhone(p.phone)) e[`parties.${i}.phone`] = '请填写 11 位手机号或带区号的固定电话'
    // Each invitation opens only for its own number: two parties cannot share one.
    else if (seen.has(normalizePhone(p.phone))) e[`parties.${i}.phone`] = '与其他当事人的电话相同'
    else seen.add(normalizePhone(p.phone))
  })
  const facts = len(d.facts)
  if (facts < FACTS_MIN) e.facts = `请描述事实经过，至少 ${FACTS_MIN} 个字`
  else if (facts > FACTS_MAX) e.facts = `事实经过不能超过 ${FACTS_MAX} 个字`
  const claims = len(d.claims)
  if (claims < CLAIMS_MIN) e.claims = `请写明调解事项，至少 ${CLAIMS_MIN} 个字`
  else if (claims > CLAIMS_MAX) e.claims = `调解事项不能超过 ${CLAIMS_MAX} 个字`
  if (mode === 'report' && !d.consentNote.trim()) e.consentNote = '请填写报事人同意调解的情况'
  return e
}

const party = (p: PartyDraft) => ({ name: p.name.trim(), phone: normalizePhone(p.phone) })

export function toIntakeInput(d: IntakeDraft, idempotencyKey: string, evidence: string[]): MediationIntakeInput {
  return {
    idempotencyKey,
    source: d.source as MediationIntakeInput['source'],
    ...(d.sourceRef.trim() ? { sourceRef: d.sourceRef.trim() } : {}),
    disputeType: d.disputeType as MediationIntakeInput['disputeType'],
    placeCode: d.placeCode,
    parties: d.parties.map(party),
    facts: d.facts.trim(),
    claims: d.claims.trim(),
    evidence,
    preferredWay: d.preferredWay,
  }
}

export function toFromReportInput(d: IntakeDraft, idempotencyKey: string, report: { id: string; version: number }): MediationFromReportInput {
  const [applicant, ...respondents] = d.parties.map(party)
  return {
    idempotencyKey,
    id: report.id,
    version: report.version,
    disputeType: d.disputeType as MediationFromReportInput['disputeType'],
    applicantName: applicant?.name ?? '',
    applicantPhone: applicant?.phone ?? '',
    respondents,
    facts: d.facts.trim(),
    claims: d.claims.trim(),
    consentNote: d.consentNote.trim(),
    preferredWay: d.preferredWay,
  }
}

/** The server's `details` onto the form's keys (`parties.0.phone`; the report form's applicant is party 0). */
export function intakeErrorsFromDetails(details: Record<string, string> | undefined, mode: IntakeMode): IntakeErrors {
  const out: IntakeErrors = {}
  for (const [raw, msg] of Object.entries(details ?? {})) {
    const k = raw.replace(/\[(\d+)\]/g, '.$1')
    const resp = /^respondents\.(\d+)\.(name|phone)$/.exec(k)
    if (/^parties\.\d+\.(name|phone)$/.test(k)) out[k] = msg
    else if (resp) out[`parties.${Number(resp[1]) + 1}.${resp[2]}`] = msg
    else if (k === 'applicantName') out['parties.0.name'] = msg
    else if (k === 'applicantPhone') out['parties.0.phone'] = msg
    else if (k.startsWith('parties') || k.startsWith('respondents')) out.parties = msg
    else if (k === 'note') out[mode === 'report' ? 'consentNote' : 'facts'] = msg
    else out[k] = msg
  }
  return out
}

/** Removing a party row renumbers the rows after it; their errors move with them. */
export function shiftPartyErrors(e: IntakeErrors, removed: number): IntakeErrors {
  const out: IntakeErrors = {}
  for (const [k, v] of Object.entries(e)) {
    const m = /^parties\.(\d+)\.(name|phone)$/.exec(k)
    if (!m) out[k] = v
    else {
      const i = Number(m[1])
      if (i < removed) out[k] = v
      else if (i > removed) out[`parties.${i - 1}.${m[2]}`] = v
    }
  }
  return out
}

export { CLAIMS_MAX, FACTS_MAX, NAME_MAX }

/** What staff send a party of a dispute they entered: nobody applied, the committee invites them. */
export function intakeInviteMessage(name: string, code: string): string {
  return `${name}您好，您反映的纠纷已由人民调解委员会登记调解。请打开「街坊通」小程序，进入「在线调解」→「输入邀请码」，填写邀请码：${code}，确认姓名并同意后即可参加调解。邀请只对登记时填写的您的手机号开放，请先在「我的」里设置该手机号。`
}
