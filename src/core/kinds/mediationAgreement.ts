import { agreementDocument, agreementText } from './agreementTerms'
import { DISPUTE_TYPE_LABELS, type MediationPayload } from './mediation'

/**
 * The 人民调解协议书 text stored when the mediator drafts: the one wording of core/kinds/agreementTerms.ts,
 * which the app's preview, card and print page use too.
 */
export function renderAgreement(
  p: Pick<MediationPayload, 'parties' | 'disputeType' | 'facts'>,
  committeeName: string,
  terms: readonly string[],
  dateText: string,
  number?: string | null,
): string {
  return agreementText(
    agreementDocument({
      parties: p.parties.map((x) => ({ sideLabel: x.side === 'applicant' ? '申请人' : '被申请人', name: x.name })),
      disputeTypeLabel: DISPUTE_TYPE_LABELS[p.disputeType],
      facts: p.facts,
      committeeName,
      terms,
      number,
      dateText,
    }),
  )
}
