import type { ApiIn } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { caseSequenceKey, caseYear, formatCaseNumber, numberingUnit } from '../../../src/core/caseNumber'
import { openMediationFrom } from '../../../src/core/kinds/mediationIntake'
import type { Party } from '../../../src/core/kinds/mediation'
import { REPORT_TO_MEDIATION } from '../../../src/core/kinds/reportToMediationKind'
import type { ReportPayload } from '../../../src/core/kinds/reportTerms'
import { fail } from '../../../src/core/outcome'
import { isPartnerActorId } from '../../../src/core/partnerActor'
import type { Actor, Role } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import { transition } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { keyUsedElsewhere, recordEvent } from '../shared/persist'
import { openedAnswer, invitedParty } from './intake'
import { claimInviteCodes } from './inviteCode'
import { isMediableCategory } from './mediable'
import { placedAt, routeMediation } from './committees'
import { sealNames } from './names'
import { pl } from './payload'
import { phoneVault, sealedPhone } from './phones'

const NOT_FOUND = '事项不存在或无权查看'

/** Thrown inside the transaction so that nothing of a refused conversion (its case number included) is kept. */
class Moved extends Error {}

/**
 * 转为调解: a 网格事件 of a category marked 可转为调解 becomes a mediation case in one step. The report's
 * `to_mediation` move (grid worker of its grid, the street's centre) and the new case commit together:
 * the report ends 已转调解 with `convertedTo`, the case keeps `origin`. The reporter is the applicant,
 * with the note of how they agreed; a report filed 代办 for someone, or by an outside system (Open311,
 * 12345), has no account behind it, so that person is invited by code like the other side.
 */
export async function fromReport(d: Deps, actor: Actor, input: ApiIn<'mediation.fromReport'>) {
  const tree = await d.orgTree()
  const prior = await d.store.claimedCase(actor.userId, input.idempotencyKey)
  if (prior) {
    const m = await d.store.getCase(prior)
    if (!m || m.kind !== 'mediation') return keyUsedElsewhere()
    return openedAnswer(d, tree, actor, m, true)
  }
  const r = await d.store.getCase(input.id)
  if (!r || r.kind !== 'report' || !canRead(tree, actor, r)) return fail('NOT_FOUND', NOT_FOUND)
  const now = d.clock.now()
  // Who and when first, as the move itself will decide them; the link is the only thing still to come.
  const move = transition(REPORT_TO_MEDIATION, tree, r, {
    actor,
    action: 'to_mediation',
    note: input.consentNote,
    now,
    eventId: d.newId(),
    expectedVersion: input.version,
    params: { mediation: { kind: 'mediation', caseId: 'pending' }, mediable: true },
  })
  if (!move.ok) return move
  if (!isMediableCategory(d.config, r.category)) return fail('VALIDATION', '该类事项不能转为调解', { category: '不可转调解' })
  const rp = r.payload as ReportPayload
  // Mediation is in real names (the agreement names every party): an anonymous reporter cannot be the applicant.
  if (rp.anonymous) return fail('VALIDATION', '匿名上报的事项不能转为调解：调解需要当事人实名参加')
  const street = tree.ancestorAt(r.gridCode ?? r.unitCode, 'street')
  if (!street) return fail('VALIDATION', '该事项不在任何街道内，无法转为调解')
  const vault = phoneVault(d)
  if ('ok' in vault) return vault
  const id = d.newId()
  const applicantId = rp.proxy || isPartnerActorId(r.creatorId) ? null : r.creatorId
  const applicant: Party = applicantId
    ? { side: 'applicant', name: input.applicantName.trim(), ...sealedPhone(vault, id, input.applicantPhone.trim()), userId: applicantId, consent: 'consented' }
    : invitedParty(vault, id, { name: input.applicantName, phone: input.applicantPhone })
  const opened = openMediationFrom({
    id,
    eventId: d.newId(),
    idempotencyKey: input.idempotencyKey,
    now,
    streetCode: street.code,
    by: { userId: actor.userId, role: move.role as Role },
    applicantId,
    source: 'report',
    origin: { kind: 'report', caseId: r.id, ...(r.number ? { number: r.number } : {}) },
    ...(r.gridCode ? { placeCode: r.gridCode } : {}),
    consentNote: input.consentNote.trim(),
    payload: {
      disputeType: input.disputeType,
      facts: input.facts.trim(),
      claims: input.claims.trim(),
      // The reporter's voice note goes with it, for them and the mediator (caseView), not the other side.
      ...(rp.voiceFileId ? { voiceFileId: rp.voiceFileId } : {}),
      // The report's photos were taken for the grid, not for the other side: staff see them through the link.
      evidence: [],
      preferredWay: input.preferredWay,
      parties: [applicant, ...input.respondents.map((x) => invitedParty(vault, id, x))],
    },
  })
  // 小事不出村: at the committee of the level its type goes to first, where the report lies.
  const sealed = sealNames(vault, placedAt(opened.case, routeMediation(d.config, tree, pl(opened.case).disputeType, r.gridCode ?? r.unitCode)))
  const unit = numberingUnit(tree, sealed)
  const year = caseYear(sealed.createdAt)
  let made: Case = sealed
  try {
    await d.store.transaction(async (tx) => {
      made = { ...sealed, number: formatCaseNumber(unit.short, year, await tx.nextSequence(caseSequenceKey(unit.short, year))) }
      const report: Case = { ...move.case, payload: { ...move.case.payload, convertedTo: { kind: 'mediation', caseId: id, number: made.number } } }
      if (!(await tx.updateCase(report, r.version))) throw new Moved()
      if ((await tx.claimIdempotency(actor.userId, input.idempotencyKey, id)) !== null) throw new Moved()
      await tx.insertCase(made)
      await recordEvent(d, tx, made, opened.event)
      await recordEvent(d, tx, report, move.event)
      await claimInviteCodes(tx, made)
    })
  } catch (e) {
    if (e instanceof Moved) return fail('CONFLICT', '该事项已被他人更新，请刷新后重试')
    throw e
  }
  return openedAnswer(d, tree, actor, made, false)
}
