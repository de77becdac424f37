/**
 * The police rule of src/core/scope.ts: registrations and misuse disputes of the area, mediation
 * cases referred to the police (警调对接) — and no other report or mediation case, whatever the
 * area. Which reads are audited (auditedReadRole).
 */
import type { Case } from '../../src/core/case'
import { auditedReadRole, canRead, grantCovers, referredToPolice } from '../../src/core/scope'
import { actor, COMMUNITY, GRID1, GRID_B, grant, makeTree, reportCase, RESIDENT_ID, STREET, STREET_B } from './fixtures'
import { APPLICANT_ID, mediationCase, MEDIATOR, RESP1_ID } from './mediationFixtures'

const tree = makeTree()
const police = actor('u-police', grant('police', STREET))
const communityPolice = actor('u-police-c', grant('police', COMMUNITY))
const otherPolice = actor('u-police-b', grant('police', STREET_B))
const admin = actor('u-admin', grant('admin', STREET))
const dispatcher = actor('u-disp', grant('dispatcher', STREET))

function located(kind: Case['kind'], gridCode: string, over: Partial<Case> = {}): Case {
  return { ...reportCase({ id: `${kind}-1`, kind, gridCode, unitCode: gridCode, category: kind, creatorId: RESIDENT_ID, status: kind === 'misuse' ? 'open' : 'pending' }), ...over }
}

const referred = (type: string) => mediationCase('failed', { referral: { type, note: '涉嫌违法，转派出所' } as never })

describe('police scope', () => {
  it('covers registrations and misuse disputes of the area, not of another area', () => {
    for (const kind of ['checkin', 'misuse'] as const) {
      expect(canRead(tree, police, located(kind, GRID1))).toBe(true)
      expect(canRead(tree, communityPolice, located(kind, GRID1))).toBe(true)
      expect(canRead(tree, police, located(kind, GRID_B))).toBe(false)
      expect(canRead(tree, otherPolice, located(kind, GRID1))).toBe(false)
    }
  })

  it('never covers a report of the area, whatever its status or category', () => {
    for (const status of ['submitted', 'accepted', 'closed']) {
      expect(canRead(tree, police, reportCase({ status }))).toBe(false)
      expect(grantCovers(tree, grant('police', STREET), police, reportCase({ status }))).toBe(false)
    }
    // The dispatcher of the same street still reads it.
    expect(canRead(tree, dispatcher, reportCase())).toBe(true)
  })

  it('covers a mediation case of the area only once it was referred to the police', () => {
    expect(canRead(tree, police, mediationCase('mediating'))).toBe(false)
    for (const type of ['court', 'arbitration', 'administrative']) {
      expect(referredToPolice(referred(type))).toBe(false)
      expect(canRead(tree, police, referred(type))).toBe(false)
    }
    expect(referredToPolice(referred('police'))).toBe(true)
    expect(canRead(tree, police, referred('police'))).toBe(true)
    expect(canRead(tree, otherPolice, referred('police'))).toBe(false)
    // A report is never "referred" by a payload field of that name.
    expect(referredToPolice(reportCase({}, { referral: { type: 'police' } } as never))).toBe(false)
  })
})

describe('audited reads', () => {
  it('an administrator reading a case is audited; the handler, the parties and the dispatcher are not', () => {
    expect(auditedReadRole(tree, admin, reportCase())).toBe('admin')
    expect(auditedReadRole(tree, admin, mediationCase('mediating'))).toBe('admin')
    expect(auditedReadRole(tree, dispatcher, reportCase())).toBeNull()
    expect(auditedReadRole(tree, MEDIATOR, mediationCase('mediating'))).toBeNull()
    expect(auditedReadRole(tree, actor(APPLICANT_ID), mediationCase('mediating'))).toBeNull()
    expect(auditedReadRole(tree, actor(RESP1_ID), mediationCase('mediating', { respondentIds: [RESP1_ID] }))).toBeNull()
    // Someone who is both dispatcher and admin reads as the dispatcher: everyday work.
    expect(auditedReadRole(tree, actor('u-both', grant('dispatcher', STREET), grant('admin', STREET)), reportCase())).toBeNull()
  })

  it('police reading a referred case are audited; a registration of their area is not a case read', () => {
    expect(auditedReadRole(tree, police, referred('police'))).toBe('police')
    expect(auditedReadRole(tree, police, located('checkin', GRID1))).toBeNull()
    expect(auditedReadRole(tree, police, reportCase())).toBeNull()
  })
})
