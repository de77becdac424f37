import { earnedRoles } from '../../src/core/earnedRoles'
import { mainEntries } from '../../src/pages/home/entries'

const ids = (roles: Parameters<typeof mainEntries>[0], earned?: Parameters<typeof mainEntries>[1]) => mainEntries(roles, earned).map((e) => e.id)
const titled = (earned: Parameters<typeof mainEntries>[1], id: string) => mainEntries(['resident'], earned).find((e) => e.id === id)!

describe('home entries from earned roles', () => {
  it('a resident with a confirmed check-in gets 我的租住登记; pending or checked out does not', () => {
    const active = earnedRoles({ checkins: [{ status: 'active', buildingId: 'b-1' }], mediationCaseIds: [], memberships: [] })
    expect(ids(['resident'], active)).toContain('jf-entry-rental')
    for (const status of ['pending', 'checked_out']) {
      const e = earnedRoles({ checkins: [{ status, buildingId: 'b-1' }], mediationCaseIds: [], memberships: [] })
      expect(ids(['resident'], e)).not.toContain('jf-entry-rental')
    }
    expect(ids(['resident'])).not.toContain('jf-entry-rental')
  })

  it('a granted tenant keeps the entry, once', () => {
    const active = earnedRoles({ checkins: [{ status: 'active', buildingId: 'b-1' }], mediationCaseIds: [], memberships: [] })
    expect(ids(['tenant'], active).filter((id) => id === 'jf-entry-rental')).toHaveLength(1)
  })

  it('a mediation party sees 我的调解; others 在线调解', () => {
    const party = earnedRoles({ checkins: [], mediationCaseIds: ['c-1'], memberships: [] })
    expect(titled(party, 'jf-entry-mediation').title).toBe('我的调解')
    expect(titled([], 'jf-entry-mediation').title).toBe('在线调解')
  })

  it('a joined grid member sees its groups under 我的网格; a pending request does not', () => {
    const member = earnedRoles({ checkins: [], mediationCaseIds: [], memberships: [{ status: 'joined', gridCode: 'g-1' }] })
    const waiting = earnedRoles({ checkins: [], mediationCaseIds: [], memberships: [{ status: 'requested', gridCode: 'g-1' }] })
    expect(titled(member, 'jf-entry-grid').hint).toBe('我加入的网格群、公告')
    expect(titled(waiting, 'jf-entry-grid').hint).toBe(titled([], 'jf-entry-grid').hint)
  })
})
