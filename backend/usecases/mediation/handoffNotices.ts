import type { Case } from '../../../src/core/case'
import { JUDICIAL_STATUS_LABELS, REFERRAL_ANSWER_LABELS, type MediationPayload } from '../../../src/core/kinds/mediation'
import { formatDay } from '../../../src/core/time'
import { agreementEffectiveAt, judicialDeadline, judicialOf } from '../../../src/core/kinds/mediationHandoff'
import type { CaseEventNote } from '../inbox/noticeRegistry'
import type { MediationReader } from './mediationReader'

/** 司法确认 and 移送函 in notices: the parties are asked to confirm in time, and everyone on the case hears the answers. */

interface Said {
  title: string
  body: string
}

type Words = (name: string, reader: MediationReader, c: Case, e: CaseEventNote['e']) => Said

const judicial = (c: Case) => judicialOf(c.payload as MediationPayload)

/** The last day the parties may still confirm, as people write it (the window ends at the next midnight). */
function lastDay(c: Case): string {
  return formatDay(Date.parse(judicialDeadline(agreementEffectiveAt(c))) - 1)
}

export const HANDOFF_WORDS: Record<'prepare_judicial' | 'confirm_judicial' | 'record_judicial' | 'record_referral', Words> = {
  prepare_judicial: (n, r, c) =>
    r === 'party'
      ? { title: '请确认司法确认申请', body: `${n}的司法确认申请书已拟好，请于${lastDay(c)}前在案件中确认共同申请` }
      : { title: '司法确认申请已拟好', body: `${n}的司法确认申请书已拟好，等待各方当事人确认` },
  confirm_judicial: (n, _r, c) =>
    judicial(c)?.status === 'applied'
      ? { title: '已申请司法确认', body: `${n}各方当事人已确认共同申请，申请书已提交人民法院，请留意法院的通知` }
      : { title: '有当事人已确认申请', body: `${n}有当事人已确认共同申请司法确认，请尚未确认的当事人于${lastDay(c)}前确认` },
  record_judicial: (n, _r, c) => {
    const j = judicial(c)
    const label = j ? JUDICIAL_STATUS_LABELS[j.status] : '有新进展'
    return { title: `司法确认${label}`, body: `${n}的司法确认申请${label}，详情请在案件中查看` }
  },
  record_referral: (n, _r, c) => {
    const answers = (c.payload as MediationPayload).referral?.answers ?? []
    const last = answers[answers.length - 1]
    const label = last ? REFERRAL_ANSWER_LABELS[last.status] : '已答复'
    return { title: `移送单位${label}`, body: `${n}的移送函接收单位${label}，详情请在案件中查看` }
  },
}
