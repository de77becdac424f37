/** 协助调解人 in the staff roster: a community's legal advisers, party members and neighbours, each with a 类别. */
import { parseCsv } from '../../src/core/import/csv'
import { helperKindFrom, planRoster, type RosterContext } from '../../src/core/import/roster'
import { defaultDistrictConfig } from '../../backend/config/district'
import { communityCode, DEMO_STREET, gridCode } from '../../backend/seed/demoOrg'
import { demoUnits } from '../../backend/seed/demoOrg'
import { demoUsers } from '../../backend/seed/demoUsers'
import { ROSTER_HELP } from '../../src/utils/admin/importHelp'

const cfg = defaultDistrictConfig()
const ctx: RosterContext = { units: demoUnits(), committees: cfg.mediation.committees, departments: cfg.departments, staff: demoUsers() }
const COMMUNITY = communityCode(0)

describe('helpers in the staff roster', () => {
  it('reads the 类别 column (label or code), or the kind written as the role; a helper belongs to a community', () => {
    const table = parseCsv(
      [
        '姓名,手机,角色,单位编码,类别',
        `黄律师,13900000501,协助调解人,${COMMUNITY},驻村法律顾问`,
        `何党员,13900000502,协助调解人,${COMMUNITY},party_member`,
        `冯街坊,13900000503,街坊,${COMMUNITY},`,
        `许顾问,13900000504,驻村法律顾问,${COMMUNITY},`,
        `漏类别,13900000505,协助调解人,${COMMUNITY},`,
        `错类别,13900000506,协助调解人,${COMMUNITY},律师`,
        `错单位,13900000507,协助调解人,${DEMO_STREET},党员`,
        `网格的,13900000508,协助调解人,${gridCode(0, 1)},党员`,
      ].join('\n'),
    )
    const plan = planRoster(table, ctx)
    expect(plan.errors).toEqual([
      { row: 6, column: '类别', reason: '协助调解人需填写类别：驻村法律顾问、党员、街坊' },
      { row: 7, column: '类别', reason: '类别「律师」无效，可填：驻村法律顾问、党员、街坊' },
      { row: 8, column: '单位编码', reason: expect.stringMatching(/^协助调解人应属于社区，.+是街道$/) },
      { row: 9, column: '单位编码', reason: expect.stringMatching(/^协助调解人应属于社区，.+是网格$/) },
    ])
    expect(plan.people.map((p) => [p.name, p.grants])).toEqual([
      ['黄律师', [{ role: 'helper', unitCode: COMMUNITY, helperKind: 'legal_adviser' }]],
      ['何党员', [{ role: 'helper', unitCode: COMMUNITY, helperKind: 'party_member' }]],
      ['冯街坊', [{ role: 'helper', unitCode: COMMUNITY, helperKind: 'neighbour' }]],
      ['许顾问', [{ role: 'helper', unitCode: COMMUNITY, helperKind: 'legal_adviser' }]],
    ])
  })

  it('a re-import of the demo helper changes nothing; another kind is a second grant', () => {
    const helper = demoUsers().find((u) => u.id === 'demo-helper')!
    const same = planRoster(parseCsv(`姓名,手机,角色,单位编码,类别\n${helper.name},${helper.phone},协助调解人,${COMMUNITY},驻村法律顾问\n`), ctx)
    expect(same.people).toEqual([expect.objectContaining({ userId: 'demo-helper', change: 'unchanged' })])
    const more = planRoster(parseCsv(`姓名,手机,角色,单位编码,类别\n${helper.name},${helper.phone},协助调解人,${COMMUNITY},党员\n`), ctx)
    expect(more.people[0]!.change).toBe('changed')
    expect(more.people[0]!.grants.map((g) => g.helperKind)).toEqual(['legal_adviser', 'party_member'])
  })

  it('the kind from its cells', () => {
    expect(helperKindFrom('街坊', '协助调解人')).toBe('neighbour')
    expect(helperKindFrom('', '法律顾问')).toBe('legal_adviser')
    expect(helperKindFrom(' neighbour ', '')).toBe('neighbour')
    expect(helperKindFrom('', '协助调解人')).toBeUndefined()
  })

  it('the import help names the 类别 column and where a helper belongs', () => {
    const kind = ROSTER_HELP.find((c) => c.name === '类别')
    expect(kind?.note).toContain('驻村法律顾问')
    expect(ROSTER_HELP.find((c) => c.name === '单位编码')?.note).toContain('协助调解人填社区编码')
  })
})
