import { earnedRoles, hasEarned, type Relationships } from '../../src/core/earnedRoles'

const none: Relationships = { checkins: [], mediationCaseIds: [], memberships: [] }
const checkin = (status: string, buildingId = 'b-1') => ({ ...none, checkins: [{ status, buildingId }] })

describe('earnedRoles', () => {
  it('earns nothing without relationships', () => {
    expect(earnedRoles(none)).toEqual([])
  })

  it('a confirmed check-in makes a tenant of that building', () => {
    expect(earnedRoles(checkin('active'))).toEqual([{ role: 'tenant', of: ['b-1'] }])
  })

  it.each(['pending', 'refused', 'checked_out', 'purged'])('a %s check-in earns no tenancy', (status) => {
    expect(hasEarned(earnedRoles(checkin(status)), 'tenant')).toBe(false)
  })

  it('checked out of one building, still a tenant of the other', () => {
    const r = { ...none, checkins: [{ status: 'checked_out', buildingId: 'b-1' }, { status: 'active', buildingId: 'b-2' }, { status: 'active', buildingId: 'b-2' }] }
    expect(earnedRoles(r)).toEqual([{ role: 'tenant', of: ['b-2'] }])
  })

  it('a party to a mediation case', () => {
    expect(earnedRoles({ ...none, mediationCaseIds: ['c-1', 'c-1'] })).toEqual([{ role: 'mediation_party', of: ['c-1'] }])
  })

  it('a grid member only once the membership is approved', () => {
    const m = (status: string) => ({ ...none, memberships: [{ status, gridCode: 'g-1' }] })
    expect(earnedRoles(m('joined'))).toEqual([{ role: 'grid_member', of: ['g-1'] }])
    for (const s of ['requested', 'refused', 'left']) expect(earnedRoles(m(s))).toEqual([])
  })
})
