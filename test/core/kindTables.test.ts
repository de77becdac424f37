import { KINDS, statusLabel } from '../../src/core/kinds'
import { REPORT } from '../../src/core/kinds/report'
import { REPORT_TO_MEDIATION } from '../../src/core/kinds/reportToMediationKind'
import { REPORT_STATUS_LABELS } from '../../src/core/kinds/reportTerms'
import { KIND_SCOPES } from '../../src/core/kinds/scopes'
import { STATUS_LABELS } from '../../src/core/kinds/statusLabels'
import type { Role } from '../../src/core/roles'
import { transition } from '../../src/core/transition'
import { actor, GRID1, grant, makeTree, NOW, reportCase, RESIDENT_ID, STREET } from './fixtures'

/**
 * Who reaches a case (scope.ts) and the status words of views read the kinds' tables apart from
 * their commands (kinds/scopes.ts, kinds/statusLabels.ts), so function bundles need not carry every
 * kind; they must be the very tables the kinds' definitions hold.
 */
describe("the kinds' scope rules and status words without their commands", () => {
  const kinds = Object.keys(KINDS) as Array<keyof typeof KINDS>

  it('cover every kind', () => {
    expect(Object.keys(KIND_SCOPES).sort()).toEqual([...kinds].sort())
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...kinds].sort())
  })

  it.each(kinds)('%s: the scope rule is the one its definition holds', (kind) => {
    expect(KIND_SCOPES[kind]).toBe(KINDS[kind].scope)
  })

  it.each(kinds)('%s: the status words are the ones its definition holds', (kind) => {
    expect(STATUS_LABELS[kind]).toEqual(KINDS[kind].statusLabels)
    for (const status of Object.keys(KINDS[kind].statusLabels)) expect(statusLabel(kind, status)).toBe(KINDS[kind].statusLabels[status])
  })

  it('names an unknown status or kind by itself', () => {
    expect(statusLabel('report', 'constructor')).toBe('constructor')
    expect(statusLabel('nope' as never, 'open')).toBe('open')
  })
})

/** mediation.fromReport moves the report through the report kind with that one move (reportToMediationKind.ts). */
describe("the report kind with 转为调解 alone moves a report as the report kind does", () => {
  const tree = makeTree()
  const params = { mediation: { kind: 'mediation', caseId: 'm-1', number: '京溪-2026-00042' }, mediable: true }
  const people = [
    ...(['grid_worker', 'dispatcher', 'department', 'police', 'admin'] as Role[]).map((role) => actor(`u-${role}`, grant(role, role === 'grid_worker' ? GRID1 : STREET, role === 'department' ? 'chengguan' : undefined))),
    actor(RESIDENT_ID, grant('resident', GRID1)),
  ]

  it('says the same of the report as its kind', () => {
    const { actions: _a, rules: _r, actionLabels, probe, ...rest } = REPORT_TO_MEDIATION
    const { actions: _b, rules: _s, actionLabels: all, probe: probeAll, ...restAll } = REPORT
    expect(rest).toEqual(restAll)
    expect(rest.scope).toBe(restAll.scope)
    expect(actionLabels.to_mediation).toBe(all.to_mediation)
    expect(probe(reportCase())).toEqual(probeAll(reportCase()))
  })

  it("makes the move itself where the report kind does: a grid worker's 转为调解 of an accepted report", () => {
    const c = reportCase({ status: 'accepted' })
    const out = transition(REPORT_TO_MEDIATION, tree, c, { actor: people[0]!, action: 'to_mediation', note: '已征得同意', now: NOW, eventId: 'e-1', expectedVersion: c.version, params })
    expect(out).toMatchObject({ ok: true, case: { status: 'converted', payload: { convertedTo: params.mediation } }, event: { action: 'to_mediation', toStatus: 'converted' } })
  })

  it.each(Object.keys(REPORT_STATUS_LABELS))('from %s: the same outcome for everyone, with or without a note and the link', (status) => {
    for (const who of people) {
      for (const input of [{ note: '已征得同意', params }, { note: ' ', params }, { note: '已征得同意', params: {} }]) {
        for (const c of [reportCase({ status }), reportCase({ status, unitCode: STREET }), reportCase({ status, assigneeId: who.userId }, { anonymous: true })]) {
          const move = { actor: who, action: 'to_mediation', now: NOW, eventId: 'e-1', expectedVersion: c.version, ...input }
          expect(transition(REPORT_TO_MEDIATION, tree, c, move)).toEqual(transition(REPORT, tree, c, move))
        }
      }
    }
  })
})
