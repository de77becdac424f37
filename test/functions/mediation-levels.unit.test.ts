/**
 * Routing by level (小事不出村、大事不出镇) over the district's data: the committees of the demo
 * district's communities and street (generated from the org tree, or imported), the district-wide
 * special committees of settings/district.json, and the level rules by dispute type.
 */
import { committeeIssues } from '../../backend/config/committeeRules'
import { defaultDistrictConfig, parseDistrictConfig, type DistrictConfig } from '../../backend/config/district'
import { caseLevel, committeeNameOf, passUpTarget, routeMediation } from '../../backend/usecases/mediation/committees'
import { communityCode, DEMO_DISTRICT, DEMO_STREET, demoUnits, gridCode } from '../../backend/seed/demoOrg'
import type { Case } from '../../src/core/case'
import { OrgTree, type OrgUnit } from '../../src/core/org'

const OTHER_STREET = '440111020'
const units: OrgUnit[] = [...demoUnits(), { code: OTHER_STREET, name: '同和街道', level: 'street', parentCode: DEMO_DISTRICT }]
const tree = new OrgTree(units)
const cfg = defaultDistrictConfig()
const VILLAGE = communityCode(0)

function withCommittees(extra: DistrictConfig['mediation']['committees']): DistrictConfig {
  return { ...cfg, mediation: { ...cfg.mediation, committees: [...cfg.mediation.committees, ...extra] } }
}

function mediationAt(unitCode: string, payload: Record<string, unknown>): Case {
  return { id: 'm1', kind: 'mediation', status: 'mediating', unitCode, gridCode: null, assigneeId: 'u', category: 'neighbour', payload: { disputeType: 'neighbour', committee: 'people', ...payload }, creatorId: 'c', idempotencyKey: 'k', createdAt: '', updatedAt: '', slaDeadline: null, version: 1 } as Case
}

describe('routing a new case by its type and place', () => {
  it('a neighbour dispute in a grid goes to its community\'s 人民调解委员会, named after the community', () => {
    const placed = routeMediation(cfg, tree, 'neighbour', gridCode(0, 1))
    expect(placed).toMatchObject({ level: 'community', unitCode: VILLAGE, committee: { code: 'people', name: '云景社区人民调解委员会', numberPrefix: '云景' } })
  })

  it('an application naming only the street goes to the street\'s committee; each street\'s is its own', () => {
    expect(routeMediation(cfg, tree, 'neighbour', DEMO_STREET)).toMatchObject({ level: 'street', unitCode: DEMO_STREET, committee: { name: '京溪街道人民调解委员会', numberPrefix: '京溪' } })
    expect(routeMediation(cfg, tree, 'tenancy', OTHER_STREET)).toMatchObject({ level: 'street', unitCode: OTHER_STREET, committee: { name: '同和街道人民调解委员会', numberPrefix: '同和' } })
  })

  it('labour goes to the street, traffic and family to the district-wide committees (the case stays with its street)', () => {
    expect(routeMediation(cfg, tree, 'labour', gridCode(1, 2))).toMatchObject({ level: 'street', unitCode: DEMO_STREET })
    expect(routeMediation(cfg, tree, 'traffic', gridCode(1, 2))).toMatchObject({ level: 'district', unitCode: DEMO_STREET, committee: { code: 'traffic' } })
    expect(routeMediation(cfg, tree, 'family', VILLAGE)).toMatchObject({ level: 'district', unitCode: DEMO_STREET, committee: { code: 'family' } })
  })

  it('an imported committee replaces the generated one and takes only its types; the others go up', () => {
    const c = withCommittees([{ code: 'people', name: '云景社区调委会', level: 'community', unitCode: VILLAGE, disputeTypes: ['neighbour'], numberPrefix: '云景' }])
    expect(routeMediation(c, tree, 'neighbour', VILLAGE)).toMatchObject({ level: 'community', committee: { name: '云景社区调委会' } })
    expect(routeMediation(c, tree, 'property', VILLAGE)).toMatchObject({ level: 'street', unitCode: DEMO_STREET })
  })
})

describe('passing up', () => {
  it('from a village to its street, and from the street to the district committee that takes the type', () => {
    expect(passUpTarget(cfg, tree, mediationAt(VILLAGE, { level: 'community' }))).toMatchObject({ from: 'community', to: { level: 'street', unitCode: DEMO_STREET } })
    expect(passUpTarget(cfg, tree, mediationAt(DEMO_STREET, { disputeType: 'family', level: 'street' }))).toMatchObject({ from: 'street', to: { level: 'district', unitCode: DEMO_STREET, committee: { code: 'family' } } })
  })

  it('refuses where the district has no committee for the type, and at the district', () => {
    expect(passUpTarget(cfg, tree, mediationAt(DEMO_STREET, { level: 'street' }))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '区暂无受理邻里纠纷的调解委员会' })
    expect(passUpTarget(cfg, tree, mediationAt(DEMO_STREET, { committee: 'family', disputeType: 'family' }))).toMatchObject({ ok: false, message: '已由区级调解委员会调解，不能再上交' })
    const c = withCommittees([{ code: 'people', name: '白云区人民调解委员会', level: 'district', unitCode: DEMO_DISTRICT, disputeTypes: [] }])
    expect(passUpTarget(c, tree, mediationAt(DEMO_STREET, { level: 'street' }))).toMatchObject({ to: { level: 'district', unitCode: DEMO_DISTRICT, committee: { name: '白云区人民调解委员会' } } })
  })
})

describe('cases stored before levels', () => {
  it('`people` names the 人民调解委员会 of the case\'s own street (it used to be one street\'s for every street)', () => {
    const old = mediationAt(OTHER_STREET, {})
    expect(committeeNameOf(cfg, tree, old)).toBe('同和街道人民调解委员会')
    expect(caseLevel(cfg, tree, old)).toBe('street')
    expect(caseLevel(cfg, tree, mediationAt(DEMO_STREET, { committee: 'traffic' }))).toBe('district')
  })

  it('an old configuration\'s district-wide `people` entry is read and ignored for routing', () => {
    const old = parseDistrictConfig({ ...cfg, mediation: { ...cfg.mediation, committees: [...cfg.mediation.committees, { code: 'people', name: '京溪街道人民调解委员会', disputeTypes: ['neighbour', 'other'] }] } }, 'test')
    expect(routeMediation(old, tree, 'neighbour', OTHER_STREET)).toMatchObject({ committee: { name: '同和街道人民调解委员会' } })
  })
})

describe('the configuration\'s committees', () => {
  it('the file has its level rules and district-wide committees', () => {
    expect(cfg.mediation.levelRules).toMatchObject({ neighbour: 'community', labour: 'street', traffic: 'district' })
    expect(committeeIssues(cfg.mediation)).toEqual([])
  })

  it('refuses two district-wide committees for one type, a unit committee without its level, one committee twice', () => {
    const issues = committeeIssues({
      committees: [
        { code: 'a', name: '甲', disputeTypes: ['traffic'] },
        { code: 'b', name: '乙', disputeTypes: ['traffic'] },
        { code: 'people', name: '丙', disputeTypes: [], unitCode: VILLAGE },
        { code: 'people', name: '丁', disputeTypes: [], unitCode: DEMO_STREET, level: 'street' },
        { code: 'people', name: '戊', disputeTypes: [], unitCode: DEMO_STREET, level: 'street' },
      ],
    })
    expect(issues.map((i) => i.message)).toEqual([
      '纠纷类型「交通事故」由 2 个全区性调解委员会受理，应至多一个',
      '「丙」请填写级别（社区、街道或区）',
      '「戊」重复：同一单位的调解委员会编码不能相同',
    ])
  })
})
