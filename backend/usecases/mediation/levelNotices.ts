import type { Case } from '../../../src/core/case'
import { MEDIATION_LEVEL_LABELS, type MediationLevel } from '../../../src/core/kinds/mediationLevelTerms'
import type { CaseEventNote } from '../inbox/noticeRegistry'

/**
 * 上交上级调解 in notices: the mediator it now goes to hears it is theirs; the parties that a higher
 * committee takes their case over, and where to read why. The one who passed it up is told nothing.
 */

/** The reader as notices.ts names them (party, staff, helper); not imported from there, which imports this. */
type Words = (name: string, reader: string, c: Case, e: CaseEventNote['e']) => { title: string; body: string }

function levelOf(c: Case): string {
  const l = (c.payload as { level?: MediationLevel }).level
  return l && l in MEDIATION_LEVEL_LABELS ? MEDIATION_LEVEL_LABELS[l] : '上一级'
}

export const LEVEL_WORDS: Record<'pass_up', Words> = {
  pass_up: (n, r, c) =>
    r === 'staff'
      ? { title: '上交给您的调解案件', body: `${n}已由下级调解委员会上交，指派给您承办，请查看上交原因和案件记录后继续调解` }
      : { title: '调解案件已上交', body: `${n}已上交${levelOf(c)}调解委员会调解，新的调解员将与您联系，上交原因请在案件详情中查看` },
}
