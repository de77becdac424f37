/**
 * 协助调解 in the core: a helper grant reaches a mediation case only while its holder is invited into
 * it, gives no move of the table, and the invite / let go / rate rows keep the list as described.
 * (Every row allowed and refused is walked by mediation-transitions.test.ts.)
 */
import type { Case } from '../../src/core/case'
import { MEDIATION } from '../../src/core/kinds/mediation'
import { helperIds, helpersOf, MAX_HELPERS } from '../../src/core/kinds/mediationHelpers'
import type { Actor, RoleGrant } from '../../src/core/roles'
import { actingRole, canRead, grantCovers } from '../../src/core/scope'
import { transition } from '../../src/core/transition'
import { actor, COMMUNITY, COMMUNITY_B, makeTree, NOW } from './fixtures'
import { APPLICANT, MEDIATOR, mediationCase, RESP1 } from './mediationFixtures'
import { HELPER_ID, HELPER_PICK, helperOnCase, withHelpers } from './mediationHelperScenarios'
import { commandInput } from './transitionKit'

const tree = makeTree()
const helperGrant = (unitCode = COMMUNITY): RoleGrant => ({ role: 'helper', unitCode, helperKind: 'legal_adviser' })
const HELPER: Actor = actor(HELPER_ID, helperGrant())
const OTHER_HELPER: Actor = actor('u-helper-2', helperGrant())
const FAR_HELPER: Actor = actor(HELPER_ID, helperGrant(COMMUNITY_B))
const STATUSES = Object.keys(MEDIATION.statusLabels)

const run = (c: Case, a: Actor, action: string, params: Record<string, unknown> = {}) => transition(MEDIATION, tree, c, commandInput(a, action, { params }, { expectedVersion: c.version }))

describe('a helper reaches only the cases they were invited into', () => {
  it.each(STATUSES)('%s: invited, the helper reads it; nobody else of the roster does, nor the helper once let go', (status) => {
    const plain = mediationCase(status)
    const invited = withHelpers(plain, helperOnCase())
    expect(canRead(tree, HELPER, plain)).toBe(false)
    expect(canRead(tree, HELPER, invited)).toBe(true)
    expect(actingRole(tree, HELPER, invited, ['helper'])).toBe('helper')
    expect(canRead(tree, OTHER_HELPER, invited)).toBe(false)
    // The invitation names the person, not the community: a helper grant elsewhere still reaches it.
    expect(canRead(tree, FAR_HELPER, invited)).toBe(true)
    // The same person without a helper grant (revoked): no read.
    expect(canRead(tree, actor(HELPER_ID), invited)).toBe(false)
    expect(canRead(tree, actor(HELPER_ID, { role: 'resident', unitCode: COMMUNITY }), invited)).toBe(false)
    expect(grantCovers(tree, helperGrant(), HELPER, withHelpers(plain, helperOnCase('u-helper-2')))).toBe(false)
  })

  it('gives the helper no move of the table except rows that name the helper role', () => {
    for (const status of STATUSES) {
      const c = withHelpers(mediationCase(status), helperOnCase())
      for (const action of Object.keys(MEDIATION.actions)) {
        if (MEDIATION.rules.some((r) => r.action === action && r.roles.includes('helper'))) continue
        const out = run(c, HELPER, action, { helperId: HELPER_ID, helper: HELPER_PICK, rating: 5 })
        expect({ status, action, code: out.ok ? 'OK' : out.code }).toEqual({ status, action, code: 'FORBIDDEN' })
      }
    }
  })

  it('reads a malformed helper list as nobody invited', () => {
    for (const helpers of [null, 'u-helper', [null, 3, { name: 'x' }], { userId: HELPER_ID }]) {
      const c = { ...mediationCase('mediating'), payload: { ...mediationCase('mediating').payload, helpers } } as Case
      expect(helperIds(c)).toEqual([])
      expect(canRead(tree, HELPER, c)).toBe(false)
    }
  })
})

describe('inviting, letting go and rating', () => {
  it('the mediator invites: the helper joins the list with the time and the inviting row, and then reads the case', () => {
    const c = mediationCase('mediating')
    const out = run(c, MEDIATOR, 'invite_helper', { helper: { ...HELPER_PICK, name: ' 林志远 ' } })
    if (!out.ok) throw new Error(out.message)
    expect(helpersOf(out.case)).toEqual([{ userId: HELPER_ID, name: '林志远', kind: 'legal_adviser', invitedAt: NOW.toISOString(), eventId: 'evt-1' }])
    expect(out.event).toMatchObject({ action: 'invite_helper', actorRole: 'mediator', fromStatus: 'mediating', toStatus: 'mediating' })
    expect(canRead(tree, HELPER, out.case)).toBe(true)
    // A second helper is added after the first.
    const two = run(out.case, MEDIATOR, 'invite_helper', { helper: { userId: 'u-helper-2', name: '王街坊', kind: 'neighbour' } })
    expect(two.ok && helperIds(two.case)).toEqual([HELPER_ID, 'u-helper-2'])
  })

  it(`takes at most ${MAX_HELPERS} helpers`, () => {
    let c = mediationCase('mediating')
    for (let i = 0; i < MAX_HELPERS; i++) {
      const out = run(c, MEDIATOR, 'invite_helper', { helper: { userId: `h-${i}`, name: `协助人${i}`, kind: 'party_member' } })
      if (!out.ok) throw new Error(out.message)
      c = out.case
    }
    expect(run(c, MEDIATOR, 'invite_helper', { helper: HELPER_PICK })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('letting a helper go ends their read; the others stay', () => {
    const c = withHelpers(mediationCase('mediating'), helperOnCase(), helperOnCase('u-helper-2'))
    const out = run(c, MEDIATOR, 'remove_helper', { helperId: HELPER_ID })
    if (!out.ok) throw new Error(out.message)
    expect(helperIds(out.case)).toEqual(['u-helper-2'])
    expect(canRead(tree, HELPER, out.case)).toBe(false)
    expect(canRead(tree, OTHER_HELPER, out.case)).toBe(true)
  })

  it('no one is invited or let go once the case is over', () => {
    // (A rejected case was never assigned: no mediator reaches it at all.)
    for (const status of ['succeeded', 'failed', 'declined']) {
      expect(run(mediationCase(status), MEDIATOR, 'invite_helper', { helper: HELPER_PICK })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
      expect(run(withHelpers(mediationCase(status), helperOnCase()), MEDIATOR, 'remove_helper', { helperId: HELPER_ID })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    }
  })

  it('each party rates each helper once, after the case is over, and only parties rate', () => {
    const c = withHelpers(mediationCase('succeeded'), helperOnCase(), helperOnCase('u-helper-2'))
    const one = run(c, APPLICANT, 'rate_helper', { helperId: HELPER_ID, rating: 4, comment: '  耐心  ' })
    if (!one.ok) throw new Error(one.message)
    expect(helpersOf(one.case)[0]!.ratings).toEqual({ [APPLICANT.userId]: { rating: 4, comment: '耐心' } })
    expect(helpersOf(one.case)[1]!.ratings).toBeUndefined()
    const two = run(one.case, RESP1, 'rate_helper', { helperId: HELPER_ID, rating: 5 })
    expect(two.ok && helpersOf(two.case)[0]!.ratings).toEqual({ [APPLICANT.userId]: { rating: 4, comment: '耐心' }, [RESP1.userId]: { rating: 5, comment: null } })
    expect(run(one.case, APPLICANT, 'rate_helper', { helperId: HELPER_ID, rating: 5 })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(run(one.case, APPLICANT, 'rate_helper', { helperId: 'u-helper-2', rating: 3 })).toMatchObject({ ok: true })
    expect(run(c, HELPER, 'rate_helper', { helperId: HELPER_ID, rating: 5 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(run(c, MEDIATOR, 'rate_helper', { helperId: HELPER_ID, rating: 5 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(run(withHelpers(mediationCase('mediating'), helperOnCase()), APPLICANT, 'rate_helper', { helperId: HELPER_ID, rating: 5 })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })
})
