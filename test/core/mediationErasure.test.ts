/** A deleted party's details leave a mediation case; the case, the other parties and the record stay. */
import type { Case } from '../../src/core/case'
import { ERASED_NAME, eraseParty, PARTY_ERASED } from '../../src/core/kinds/mediationErasure'
import type { MediationPayload, Party } from '../../src/core/kinds/mediationTerms'

const NOW = new Date('2026-12-06T06:00:00.000Z')

function caseWith(parties: Party[]): Case {
  const payload = { disputeType: 'neighbour', facts: '噪音', claims: '停止', parties, respondentIds: ['u-b'], agreement: { version: 1, text: '申请人：林晓', terms: ['一'], draftedAt: NOW.toISOString(), confirmations: [] } }
  return { id: 'c1', kind: 'mediation', status: 'agreement_pending', unitCode: 's', gridCode: null, assigneeId: 'm', category: 'neighbour', payload, creatorId: 'u-a', idempotencyKey: 'k', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), slaDeadline: null, version: 4 }
}

const applicant: Party = { side: 'applicant', name: '林晓', userId: 'u-a', phoneSealed: 'sealed-a', phoneHash: 'hash-a', consent: 'consented' }
const respondent: Party = { side: 'respondent', name: '黄伟明', userId: 'u-b', phoneSealed: 'sealed-b', phoneHash: 'hash-b', inviteSecret: 'ABCDEFGH', consent: 'consented' }

it('names the party 已注销用户, drops the phone and keeps everything else, with one timeline row', () => {
  const out = eraseParty(caseWith([applicant, respondent]), 'u-a', NOW, 'e1')!
  const p = out.case.payload as unknown as MediationPayload
  expect(p.parties[0]).toEqual({ side: 'applicant', name: ERASED_NAME, userId: 'u-a', consent: 'consented' })
  expect(p.parties[1]).toEqual(respondent)
  expect(p.agreement!.text).toBe('申请人：林晓')
  expect(out.case).toMatchObject({ status: 'agreement_pending', version: 5, updatedAt: NOW.toISOString() })
  expect(out.event).toMatchObject({ id: 'e1', caseId: 'c1', actorId: 'u-a', actorRole: 'applicant', action: PARTY_ERASED, fromStatus: 'agreement_pending', toStatus: 'agreement_pending', visibility: 'internal' })
})

it('erases a respondent the same way, and an old clear number too', () => {
  const { phoneSealed: _s, phoneHash: _h, ...old } = respondent
  const out = eraseParty(caseWith([applicant, { ...old, phone: '13912345678' }]), 'u-b', NOW, 'e2')!
  expect((out.case.payload as unknown as MediationPayload).parties[1]).toEqual({ side: 'respondent', name: ERASED_NAME, userId: 'u-b', inviteSecret: 'ABCDEFGH', consent: 'consented' })
  expect(out.event.actorRole).toBe('respondent')
})

it('changes nothing a second time, nor for someone who is not a party', () => {
  const once = eraseParty(caseWith([applicant, respondent]), 'u-a', NOW, 'e1')!
  expect(eraseParty(once.case, 'u-a', NOW, 'e3')).toBeNull()
  expect(eraseParty(caseWith([applicant, respondent]), 'u-x', NOW, 'e4')).toBeNull()
  // An invited party who never joined has no account to delete.
  expect(eraseParty(caseWith([applicant, { ...respondent, userId: null }]), 'u-b', NOW, 'e5')).toBeNull()
})

it('erases the person from the 代办 mark of a case they claimed; the agent who filed it stays', () => {
  const mark = { agentId: 'u-gw', agentName: '李明', agentRole: 'grid_worker' as const, name: '林*', phone: '139****5678', sealed: 'sealed-person', claimedAt: NOW.toISOString() }
  const claimed = { ...caseWith([applicant, respondent]), payload: { ...caseWith([applicant, respondent]).payload, proxy: mark } }
  const out = eraseParty(claimed, 'u-a', NOW, 'e6')!
  expect((out.case.payload as unknown as MediationPayload).proxy).toEqual({ agentId: 'u-gw', agentName: '李明', agentRole: 'grid_worker', name: ERASED_NAME, phone: '', claimedAt: NOW.toISOString() })
  expect(eraseParty(out.case, 'u-a', NOW, 'e7')).toBeNull()
  // A respondent's erasure leaves the applicant's mark alone.
  expect((eraseParty(claimed, 'u-b', NOW, 'e8')!.case.payload as unknown as MediationPayload).proxy).toEqual(mark)
})
