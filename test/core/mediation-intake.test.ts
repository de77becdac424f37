import { confirmingParties, joinCase, MEDIATION, type Party } from '../../src/core/kinds/mediation'
import { hasApplicant, intakeRoleAt, openMediationFrom, staffEnteredCreator, type MediationOpening } from '../../src/core/kinds/mediationIntake'
import { MEDIATION_SOURCE_LABELS, sourceOf, sourceText } from '../../src/core/kinds/mediationSources'
import { REPORT } from '../../src/core/kinds/report'
import { canRead } from '../../src/core/scope'
import { isTerminal, transition } from '../../src/core/transition'
import { actor, COMMUNITY, GRID1, GRID2, GRID_B, grant, makeTree, NOW, reportCase, RESIDENT_ID, STREET, STREET_B } from './fixtures'

const tree = makeTree()
const slot = (name: string, secret: string): Party => ({ side: 'respondent', name, userId: null, inviteSecret: secret, inviteByCode: true, consent: 'pending' })

function opening(o: Partial<MediationOpening> = {}): MediationOpening {
  return {
    id: 'm-1',
    eventId: 'e-1',
    idempotencyKey: 'k-1',
    now: NOW,
    streetCode: STREET,
    by: { userId: 'u-gw', role: 'grid_worker' },
    applicantId: null,
    source: 'patrol',
    placeCode: GRID1,
    payload: { disputeType: 'neighbour', facts: '楼上装修噪音扰民，双方争吵', claims: '晚上十点后停工', evidence: [], preferredWay: 'in_person', parties: [slot('甲', 'AAAAAAAA'), slot('乙', 'BBBBBBBB')] },
    ...o,
  }
}

describe('staff-found disputes (mediationIntake.ts)', () => {
  it('opens 已申请 with no applicant: the creator is a marker no account holds, every party an invited slot, the row the staff member\'s', () => {
    const { case: c, event } = openMediationFrom(opening())
    expect(c).toMatchObject({ kind: 'mediation', status: 'applied', unitCode: STREET, gridCode: null, assigneeId: null, creatorId: staffEnteredCreator('u-gw') })
    expect(c.payload).toMatchObject({ source: 'patrol', enteredBy: { userId: 'u-gw', role: 'grid_worker' }, placeCode: GRID1, respondentIds: [], committee: null })
    expect(event).toMatchObject({ actorId: 'u-gw', actorRole: 'grid_worker', action: 'intake', toStatus: 'applied' })
    expect(MEDIATION.actionLabels.intake).toBe('录入纠纷')
    expect(hasApplicant(c)).toBe(false)
    // The person who typed it in is no party: they neither read it as one nor confirm for anyone.
    expect(canRead(tree, actor('u-gw', grant('grid_worker', GRID1)), c)).toBe(false)
    expect(confirmingParties(c)).toEqual([])
  })

  it('a mediator of the committee takes it at once, with the time limit running', () => {
    const { case: c } = openMediationFrom(opening({ by: { userId: 'u-med', role: 'mediator' }, acceptedBy: { mediatorId: 'u-med', committee: 'people', timeLimitDays: 30 } }))
    expect(c).toMatchObject({ status: 'accepted', assigneeId: 'u-med', slaDeadline: new Date(NOW.getTime() + 30 * 86_400_000).toISOString() })
    expect(c.payload).toMatchObject({ committee: 'people' })
  })

  it('each party joins its own slot; agreement needs every joined party and nobody else', () => {
    let { case: c } = openMediationFrom(opening())
    for (const [userId, secret, name] of [['u-a', 'AAAAAAAA', '甲'], ['u-b', 'BBBBBBBB', '乙']] as const) {
      const out = joinCase(c, { userId, secret, name, consent: true, now: NOW, eventId: `j-${userId}` })
      if (!out.ok) throw new Error(out.message)
      c = out.case
    }
    expect(confirmingParties(c)).toEqual(['u-a', 'u-b'])
  })

  it('a converted report keeps its reporter as the applicant, with the link and the consent noted', () => {
    const parties: Party[] = [{ side: 'applicant', name: '陈小梅', userId: null, consent: 'pending' }, slot('乙', 'BBBBBBBB')]
    const { case: c, event } = openMediationFrom(
      opening({ applicantId: RESIDENT_ID, source: 'report', origin: { kind: 'report', caseId: 'case-1', number: '京溪-2026-00007' }, consentNote: '电话同意', payload: { ...opening().payload, parties } }),
    )
    expect(c.creatorId).toBe(RESIDENT_ID)
    expect(event).toMatchObject({ action: 'convert', actorId: 'u-gw' })
    expect(c.payload).toMatchObject({ origin: { kind: 'report', caseId: 'case-1' }, applicantConsent: { by: 'u-gw', note: '电话同意' } })
    expect((c.payload as { parties: Party[] }).parties[0]).toMatchObject({ side: 'applicant', userId: RESIDENT_ID, consent: 'consented' })
    expect(hasApplicant(c)).toBe(true)
    expect(confirmingParties(c)).toEqual([RESIDENT_ID])
    expect(canRead(tree, actor(RESIDENT_ID, grant('resident', GRID1)), c)).toBe(true)
  })

  it('drops an applicant party when nobody with an account is behind it (代办)', () => {
    const parties: Party[] = [{ side: 'applicant', name: '王阿姨', userId: null, consent: 'pending' }, slot('乙', 'BBBBBBBB')]
    const { case: c } = openMediationFrom(opening({ source: 'report', payload: { ...opening().payload, parties } }))
    expect((c.payload as { parties: Party[] }).parties.map((x) => x.side)).toEqual(['respondent'])
  })

  it('who may enter a dispute where: the grid\'s worker, the street\'s centre, a mediator of the street; nobody elsewhere', () => {
    expect(intakeRoleAt(tree, actor('gw', grant('grid_worker', GRID1)), GRID1)).toBe('grid_worker')
    expect(intakeRoleAt(tree, actor('gw', grant('grid_worker', GRID1)), GRID2)).toBeUndefined()
    expect(intakeRoleAt(tree, actor('gw', grant('grid_worker', GRID1)), COMMUNITY)).toBeUndefined()
    expect(intakeRoleAt(tree, actor('d', grant('dispatcher', STREET)), COMMUNITY)).toBe('dispatcher')
    expect(intakeRoleAt(tree, actor('d', grant('dispatcher', STREET_B)), GRID1)).toBeUndefined()
    expect(intakeRoleAt(tree, actor('m', { role: 'mediator', unitCode: STREET, committee: 'people' }), GRID2)).toBe('mediator')
    expect(intakeRoleAt(tree, actor('m', grant('mediator', STREET)), GRID2)).toBeUndefined()
    expect(intakeRoleAt(tree, actor('m', { role: 'mediator', unitCode: STREET, committee: 'people' }), GRID_B)).toBeUndefined()
    for (const role of ['resident', 'department', 'police', 'admin', 'helper', 'building_manager', 'tenant'] as const) {
      expect(intakeRoleAt(tree, actor('x', grant(role, STREET)), GRID1)).toBeUndefined()
    }
    expect(intakeRoleAt(tree, actor('d', grant('dispatcher', STREET)), 'nowhere')).toBeUndefined()
  })

  it('names each source in Chinese, with the ticket number; a stored case without one reads as the person\'s application', () => {
    expect(sourceOf({})).toBe('application')
    expect(sourceOf({ source: 'bogus' })).toBe('application')
    expect(sourceText({ source: 'hotline_12345', sourceRef: 'GD001' })).toBe('12345 工单（工单编号 GD001）')
    expect(sourceText({ source: 'police', sourceRef: 'JQ-1' })).toBe('警情（警情编号 JQ-1）')
    expect(sourceText({ source: 'patrol', sourceRef: 'x' })).toBe('排查发现')
    for (const label of Object.values(MEDIATION_SOURCE_LABELS)) expect(label).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('网格事件 → 调解 (the report row to_mediation)', () => {
  const link = { kind: 'mediation', caseId: 'm-1', number: '京溪-2026-00042' }
  const move = (role: 'grid_worker' | 'dispatcher' | 'department', status = 'accepted') => {
    const who = role === 'department' ? actor('dep', grant('department', STREET, 'chengguan')) : actor(role, grant(role, role === 'grid_worker' ? GRID1 : STREET))
    return transition(REPORT, tree, reportCase({ status }), { actor: who, action: 'to_mediation', note: '已征得同意', now: NOW, eventId: 'e', params: { mediation: link, mediable: true } })
  }

  it('ends the report 已转调解 with the link, for the grid worker and the centre', () => {
    for (const role of ['grid_worker', 'dispatcher'] as const) {
      const out = move(role)
      if (!out.ok) throw new Error(out.message)
      expect(out.case).toMatchObject({ status: 'converted', payload: { convertedTo: link } })
      expect(REPORT.statusLabels.converted).toBe('已转调解')
      expect(isTerminal(REPORT, 'converted')).toBe(true)
    }
  })

  it('refuses the department, the reporter, and a report already done', () => {
    expect(move('department')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(transition(REPORT, tree, reportCase(), { actor: actor(RESIDENT_ID, grant('resident', GRID1)), action: 'to_mediation', note: 'x', now: NOW, eventId: 'e', params: { mediation: link, mediable: true } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    for (const status of ['resolved', 'closed', 'rejected', 'merged', 'converted']) expect(move('grid_worker', status)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })
})
