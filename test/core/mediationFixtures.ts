import type { Case } from '../../src/core/case'
import type { Agreement, MediationPayload, MediationSession, Party } from '../../src/core/kinds/mediation'
import type { Actor, RoleGrant } from '../../src/core/roles'
import { actor, NOW, STREET } from './fixtures'

export const DAY = 24 * 3600 * 1000

export const MED_CASE_ID = 'med-1'
export const APPLICANT_ID = 'u-applicant'
export const RESP1_ID = 'u-resp-1'
export const RESP2_ID = 'u-resp-2'
export const MEDIATOR_ID = 'u-mediator'
export const OTHER_MEDIATOR_ID = 'u-mediator-2'
export const COMMITTEE = 'people'
export const OTHER_COMMITTEE = 'traffic'
export const SECRET1 = 'secret-one'
export const SECRET2 = 'secret-two'
export const SESSION_ID = 'sess-1'

export function mediatorGrant(unitCode: string = STREET, committee: string | null = COMMITTEE): RoleGrant {
  return committee === null ? { role: 'mediator', unitCode } : { role: 'mediator', unitCode, committee }
}

/** The mediator the fixture case is assigned to, of its committee in its street. */
export const MEDIATOR: Actor = actor(MEDIATOR_ID, mediatorGrant())
export const APPLICANT: Actor = actor(APPLICANT_ID)
export const RESP1: Actor = actor(RESP1_ID)
export const RESP2: Actor = actor(RESP2_ID)

export function daysFromNow(days: number, extraMs = 0): string {
  return new Date(NOW.getTime() + days * DAY + extraMs).toISOString()
}

export function pl(c: Case): MediationPayload {
  return c.payload as unknown as MediationPayload
}

export function withMed(c: Case, patch: Partial<MediationPayload>): Case {
  return { ...c, payload: { ...c.payload, ...patch } }
}

export function applicantParty(): Party {
  return { side: 'applicant', name: '张三', phone: '13800000001', userId: APPLICANT_ID, consent: 'consented' }
}

export function respondentParty(n: 1 | 2, userId: string | null, consent: Party['consent'] = 'pending'): Party {
  return {
    side: 'respondent',
    name: n === 1 ? '李四' : '王五',
    phone: n === 1 ? '13800000002' : '13800000003',
    userId,
    inviteSecret: n === 1 ? SECRET1 : SECRET2,
    consent,
  }
}

export function agreement(version: number, confirmedBy: string[] = [], confirmedVersion = version): Agreement {
  return {
    version,
    text: `协议第 ${version} 版`,
    terms: ['甲方赔偿乙方 500 元', '双方互不追究'],
    draftedAt: daysFromNow(-1),
    confirmations: confirmedBy.map((userId) => ({ userId, version: confirmedVersion, at: daysFromNow(-0.5) })),
  }
}

const CONSENTED_AT = ['mediating', 'agreement_pending', 'succeeded', 'failed']

/**
 * A mediation case in the street sitting in `status`, with the history that status implies:
 * one respondent (RESP1) joined; accepted onward it has the committee, the assigned mediator
 * and a deadline 20 days ahead; consent pending until mediation starts; an agreement (v1) from
 * agreement_pending on, confirmed by everyone once succeeded.
 */
export function mediationCase(status: string, payload: Partial<MediationPayload> = {}, overrides: Partial<Case> = {}): Case {
  const assigned = status !== 'applied' && status !== 'rejected'
  const consent: Party['consent'] = CONSENTED_AT.includes(status) ? 'consented' : status === 'declined' ? 'declined' : 'pending'
  const session: MediationSession = { id: SESSION_ID, at: daysFromNow(-2), mode: 'in_person', place: '云景社区调解室', notes: null }
  const p: MediationPayload = {
    disputeType: 'neighbour',
    facts: '楼上漏水，多次协商未果',
    claims: '赔偿维修费用',
    evidence: ['photo-1.jpg'],
    preferredWay: 'online',
    parties: [applicantParty(), respondentParty(1, RESP1_ID, consent)],
    respondentIds: [RESP1_ID],
    committee: assigned ? COMMITTEE : null,
    sessions: CONSENTED_AT.includes(status) ? [session] : [],
    agreement:
      status === 'agreement_pending' ? agreement(1) : status === 'succeeded' ? agreement(1, [APPLICANT_ID, RESP1_ID]) : null,
    referral:
      status === 'failed'
        ? { type: 'court', note: '双方分歧较大' }
        : status === 'declined'
          ? { type: 'court', note: '对方不同意调解，可依法向人民法院起诉' }
          : null,
    judicialConfirmation: false,
    ratings: {},
    remindedDays: [],
    ...payload,
  }
  return {
    id: MED_CASE_ID,
    kind: 'mediation',
    status,
    unitCode: STREET,
    gridCode: null,
    assigneeId: assigned ? MEDIATOR_ID : null,
    category: 'neighbour',
    payload: p as unknown as Record<string, unknown>,
    creatorId: APPLICANT_ID,
    idempotencyKey: 'idem-med-1',
    createdAt: daysFromNow(-5),
    updatedAt: daysFromNow(-1),
    slaDeadline: assigned ? daysFromNow(20) : null,
    version: 4,
    ...overrides,
  }
}

/** Adds a second respondent slot, joined by RESP2 unless `joined` is false. */
export function withSecondRespondent(c: Case, consent: Party['consent'] = 'pending', joined = true): Case {
  const p = pl(c)
  return withMed(c, {
    parties: [...p.parties, respondentParty(2, joined ? RESP2_ID : null, consent)],
    respondentIds: joined ? [...p.respondentIds, RESP2_ID] : p.respondentIds,
  })
}

/** Sets one respondent's consent. */
export function withConsent(c: Case, userId: string, consent: Party['consent']): Case {
  return withMed(c, { parties: pl(c).parties.map((x) => (x.side === 'respondent' && x.userId === userId ? { ...x, consent } : x)) })
}

/** The applied case as the applicant sends it, before anyone joined. */
export function freshApplication(): Case {
  return withMed(mediationCase('applied'), {
    parties: [applicantParty(), respondentParty(1, null), respondentParty(2, null)],
    respondentIds: [],
  })
}
