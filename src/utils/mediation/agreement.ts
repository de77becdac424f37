/** The 调解协议: its terms and the preview the mediator sees while drafting (its number is the server's: `agreement.number`). */
import type { MediationView } from '../../contracts/api'
import { MAX_TERMS, TERM_MAX } from '../../contracts/limits'
import { agreementDocument, agreementText } from '../../core/kinds/agreementTerms'

export { MAX_TERMS, TERM_MAX }

export function cleanTerms(terms: string[]): string[] {
  return terms.map((t) => t.trim()).filter(Boolean)
}

export { chineseNumber, performanceTerms } from '../../core/kinds/agreementTerms'

type PreviewCase = Pick<MediationView, 'parties' | 'facts' | 'committee' | 'disputeTypeLabel'>

/** The 人民调解协议书 of a case view with these terms, in the one wording the server stores (core/kinds/agreementTerms.ts). */
export function agreementDocumentOf(c: PreviewCase, terms: readonly string[], extra: { number?: string | null; dateText?: string | null } = {}) {
  return agreementDocument({ parties: c.parties, disputeTypeLabel: c.disputeTypeLabel, facts: c.facts, committeeName: c.committee?.name, terms, ...extra })
}

/**
 * The mediator's live preview while typing terms: the 调解协议书 as the server will store it
 * around them (the server's own text is what the parties confirm).
 */
export function agreementPreview(c: PreviewCase, terms: string[]): string {
  return agreementText(agreementDocumentOf(c, cleanTerms(terms)))
}
