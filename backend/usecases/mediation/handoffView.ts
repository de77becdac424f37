import type { HandoffAnswerView, JudicialView, ReferralLetterView } from '../../../src/contracts/mediationHandoff'
import type { Case } from '../../../src/core/case'
import { agreementEffectiveAt, judicialDeadline, judicialOf } from '../../../src/core/kinds/mediationHandoff'
import {
  JUDICIAL_ANSWER_LABELS,
  JUDICIAL_STATUS_LABELS,
  REFERRAL_ANSWER_LABELS,
  type Answer,
  type JudicialAnswer,
  type ReferralAnswer,
} from '../../../src/core/kinds/mediation'
import { maskName } from '../../../src/core/names'
import type { MediationView } from '../../../src/contracts/api'
import type { Deps } from '../../deps'
import { pl } from './payload'
import { partyPhone } from './phones'

async function answerViews<S extends string>(d: Deps, answers: readonly Answer<S>[], labels: Record<S, string>): Promise<HandoffAnswerView[]> {
  const names = new Map<string, string>()
  const out: HandoffAnswerView[] = []
  for (const a of answers) {
    if (!names.has(a.by)) names.set(a.by, (await d.store.getUser(a.by))?.name ?? '工作人员')
    out.push({ status: a.status, label: labels[a.status] ?? '', note: a.note, at: a.at, byName: names.get(a.by)! })
  }
  return out
}

/**
 * The 司法确认 application as the viewer reads it (`c` with the names opened). The 申请书's applicants are
 * named in full, with their numbers, only for the parties and the mediator: whoever else may read the case
 * (the centre, the police of a referral, a helper) gets the names masked and no numbers.
 */
export async function judicialView(d: Deps, c: Case, role: MediationView['myRole'], viewerId: string): Promise<JudicialView | null> {
  const p = pl(c)
  const j = judicialOf(p)
  if (!j) return null
  const whole = role === 'applicant' || role === 'respondent' || role === 'mediator'
  const named = p.parties.filter((x) => x.userId)
  const nameOf = new Map(named.map((x) => [x.userId!, x.name]))
  const sideOf = (userId: string) => (userId === c.creatorId ? '申请人' : '被申请人')
  const confirmed = new Set(j.confirmations.map((x) => x.userId))
  const effectiveAt = agreementEffectiveAt(c)
  const deadline = judicialDeadline(effectiveAt)
  return {
    status: j.status,
    statusLabel: JUDICIAL_STATUS_LABELS[j.status],
    court: j.court || '人民法院',
    effectiveAt,
    deadline,
    late: j.status === 'drafting' && d.clock.now().getTime() >= Date.parse(deadline),
    confirmations: j.confirmations.map((x) => ({ name: nameOf.get(x.userId) ?? '当事人', sideLabel: sideOf(x.userId), at: x.at })),
    pending: j.status === 'drafting' ? named.filter((x) => !confirmed.has(x.userId!)).map((x) => x.name) : [],
    confirmedByMe: confirmed.has(viewerId),
    appliedAt: j.appliedAt,
    answers: await answerViews<JudicialAnswer>(d, j.answers, JUDICIAL_ANSWER_LABELS),
    applicants: p.parties.map((x) => {
      return {
        sideLabel: x.side === 'applicant' ? '申请人' : '被申请人',
        name: whole ? x.name : maskName(x.name),
        phone: whole ? (partyPhone(d.vault, c.id, x) ?? '') : '',
      }
    }),
  }
}

/** The 移送函 of a transfer referral, with what its receiver answered; null for a referral that only tells the parties where to go. */
export async function letterView(d: Deps, c: Case): Promise<ReferralLetterView | null> {
  const r = pl(c).referral
  if (!r?.letter) return null
  const answers = await answerViews<ReferralAnswer>(d, r.answers ?? [], REFERRAL_ANSWER_LABELS)
  const last = answers[answers.length - 1]
  return {
    number: r.letter.number,
    receiver: r.letter.receiver,
    issuedAt: r.letter.issuedAt,
    answerLabel: last?.label ?? '待答复',
    answers,
    settled: answers.some((a) => a.status === 'handled' || a.status === 'returned'),
  }
}
