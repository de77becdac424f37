/**
 * 小事不出村、大事不出镇 in the core: what 上交上级调解 leaves on a case (its unit, committee, level,
 * mediator and the trail the ledger counts), who reaches the case before and after, and the committees
 * table an administrator imports.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { demoUnits } from '../../backend/seed/demoOrg'
import type { Case } from '../../src/core/case'
import { parseCsv } from '../../src/core/import/csv'
import { planCommittees, parseDisputeTypes, committeePrefix } from '../../src/core/import/committees'
import { MEDIATION } from '../../src/core/kinds/mediation'
import { nextLevel } from '../../src/core/kinds/mediationLevels'
import { canRead } from '../../src/core/scope'
import { transition } from '../../src/core/transition'
import { actor, COMMUNITY, COMMUNITY_B, DISTRICT, makeTree, NOW, STREET, UNITS } from './fixtures'
import { mediationCase, MEDIATOR_ID, pl, withMed } from './mediationFixtures'

const tree = makeTree()
const VILLAGE_MEDIATOR = actor(MEDIATOR_ID, { role: 'mediator', unitCode: COMMUNITY, committee: 'people' })
const STREET_MEDIATOR_ID = 'u-street-mediator'
const STREET_MEDIATOR = actor(STREET_MEDIATOR_ID, { role: 'mediator', unitCode: STREET, committee: 'people' })
const OTHER_VILLAGE_MEDIATOR = actor('u-other-village', { role: 'mediator', unitCode: COMMUNITY_B, committee: 'people' })

/** A case with the village (community) committee, assigned to its mediator. */
function villageCase(status = 'mediating'): Case {
  return withMed(mediationCase(status, {}, { unitCode: COMMUNITY }), { committee: 'people', level: 'community' })
}

const UP = { from: 'community', level: 'street', committee: 'people', unitCode: STREET, mediatorId: STREET_MEDIATOR_ID }

function passUp(c: Case, note = '双方对赔偿数额分歧大，需街道调委会调解') {
  return transition(MEDIATION, tree, c, { actor: VILLAGE_MEDIATOR, action: 'pass_up', note, params: UP, now: NOW, eventId: 'evt-up' })
}

describe('上交上级调解 (pass_up)', () => {
  it('moves the case to the street committee and its mediator, keeps the status and records the reason', () => {
    const out = passUp(villageCase())
    if (!out.ok) throw new Error(out.message)
    expect(out.case).toMatchObject({ status: 'mediating', unitCode: STREET, assigneeId: STREET_MEDIATOR_ID })
    expect(pl(out.case)).toMatchObject({ committee: 'people', level: 'street' })
    expect(pl(out.case).passUps).toEqual([
      { fromLevel: 'community', fromCommittee: 'people', fromUnit: COMMUNITY, toLevel: 'street', toCommittee: 'people', toUnit: STREET, reason: '双方对赔偿数额分歧大，需街道调委会调解', at: NOW.toISOString(), by: MEDIATOR_ID },
    ])
    expect(out.event).toMatchObject({ action: 'pass_up', actorRole: 'mediator', note: '双方对赔偿数额分歧大，需街道调委会调解', fromStatus: 'mediating', toStatus: 'mediating' })
  })

  it('the village mediator reads and acts no more; the street mediator takes it over', () => {
    const before = villageCase()
    expect(canRead(tree, VILLAGE_MEDIATOR, before)).toBe(true)
    const out = passUp(before)
    if (!out.ok) throw new Error(out.message)
    expect(canRead(tree, VILLAGE_MEDIATOR, out.case)).toBe(false)
    expect(canRead(tree, STREET_MEDIATOR, out.case)).toBe(true)
    const again = transition(MEDIATION, tree, out.case, { actor: VILLAGE_MEDIATOR, action: 'pass_up', note: '再上交', params: { ...UP, from: 'street', level: 'district' }, now: NOW, eventId: 'evt-2' })
    expect(again.ok ? 'OK' : again.code).toBe('FORBIDDEN')
    const schedule = transition(MEDIATION, tree, out.case, {
      actor: STREET_MEDIATOR,
      action: 'schedule',
      params: { session: { at: '2026-12-01T02:00:00.000Z', mode: 'in_person', place: '京溪街道调解室' } },
      now: NOW,
      eventId: 'evt-3',
    })
    expect(schedule.ok).toBe(true)
  })

  it('passes up twice (village → street → district) and keeps both rows of the trail', () => {
    const first = passUp(villageCase())
    if (!first.ok) throw new Error(first.message)
    const second = transition(MEDIATION, tree, first.case, {
      actor: STREET_MEDIATOR,
      action: 'pass_up',
      note: '涉及多方，需区调委会调解',
      params: { from: 'street', level: 'district', committee: 'people', unitCode: DISTRICT, mediatorId: 'u-district' },
      now: NOW,
      eventId: 'evt-4',
    })
    if (!second.ok) throw new Error(second.message)
    expect(pl(second.case).passUps!.map((x) => `${x.fromLevel}→${x.toLevel}`)).toEqual(['community→street', 'street→district'])
    // The street's mediator does not reach a case of the district's committee; its own mediator cannot go higher.
    expect(canRead(tree, STREET_MEDIATOR, second.case)).toBe(false)
    const districtMediator = actor('u-district', { role: 'mediator', unitCode: DISTRICT, committee: 'people' })
    const third = transition(MEDIATION, tree, second.case, { actor: districtMediator, action: 'pass_up', note: '再上交', params: { ...UP, from: 'district', level: 'district' }, now: NOW, eventId: 'evt-5' })
    expect(third.ok ? 'OK' : third.code).toBe('ILLEGAL_TRANSITION')
  })

  it('is not offered once an agreement is drafted (its number is the lower committee\'s)', () => {
    const out = transition(MEDIATION, tree, withMed(villageCase('agreement_pending'), {}), { actor: VILLAGE_MEDIATOR, action: 'pass_up', note: '上交', params: UP, now: NOW, eventId: 'e' })
    expect(out.ok ? 'OK' : out.code).toBe('ILLEGAL_TRANSITION')
  })

  it('levels go community → street → district and stop there', () => {
    expect([nextLevel('community'), nextLevel('street'), nextLevel('district')]).toEqual(['street', 'district', null])
  })
})

describe('a village committee\'s mediator in access', () => {
  it('reaches the cases of their own community only', () => {
    expect(canRead(tree, VILLAGE_MEDIATOR, villageCase())).toBe(true)
    expect(canRead(tree, OTHER_VILLAGE_MEDIATOR, villageCase())).toBe(false)
    expect(canRead(tree, VILLAGE_MEDIATOR, mediationCase('mediating', { committee: 'people' }, { unitCode: STREET }))).toBe(false)
    expect(canRead(tree, VILLAGE_MEDIATOR, withMed(villageCase(), { committee: 'family' }))).toBe(false)
  })
})

describe('受理 places a case routed by level', () => {
  it('sets the unit and level the backend found with the committee', () => {
    const c = mediationCase('applied', {}, { unitCode: STREET })
    const out = transition(MEDIATION, tree, c, {
      actor: actor('u-centre', { role: 'dispatcher', unitCode: STREET }),
      action: 'accept',
      params: { committee: 'people', mediatorId: MEDIATOR_ID, timeLimitDays: 30, placement: { unitCode: COMMUNITY, level: 'community' } },
      now: NOW,
      eventId: 'e',
    })
    if (!out.ok) throw new Error(out.message)
    expect(out.case.unitCode).toBe(COMMUNITY)
    expect(pl(out.case)).toMatchObject({ committee: 'people', level: 'community' })
  })

  it('without a placement keeps the unit (cases routed when they were opened)', () => {
    const c = mediationCase('applied', {}, { unitCode: COMMUNITY })
    const out = transition(MEDIATION, tree, c, { actor: actor('u-centre', { role: 'dispatcher', unitCode: STREET }), action: 'accept', params: { committee: 'people', mediatorId: MEDIATOR_ID, timeLimitDays: 30 }, now: NOW, eventId: 'e' })
    if (!out.ok) throw new Error(out.message)
    expect(out.case.unitCode).toBe(COMMUNITY)
    expect(pl(out.case).level).toBeUndefined()
  })
})

describe('the committees table (名称, 级别, 单位编码, 受理类型, 编号前缀)', () => {
  const HEADER = ['名称', '级别', '单位编码', '受理类型', '编号前缀']

  it('reads good rows, defaulting the prefix from the unit and the types to all', () => {
    const plan = planCommittees(
      [HEADER, ['云景社区人民调解委员会', '社区', COMMUNITY, '', ''], ['京溪街道人民调解委员会', '街道', STREET, '邻里纠纷、劳务纠纷、物业', '京溪'], ['白云区人民调解委员会', '区', DISTRICT, '全部', '白云区']],
      { units: UNITS, existing: [] },
    )
    if ('missing' in plan) throw new Error('missing')
    expect(plan.errors).toEqual([])
    expect(plan.committees).toEqual([
      { code: 'people', name: '云景社区人民调解委员会', level: 'community', unitCode: COMMUNITY, disputeTypes: [], numberPrefix: '云景', change: 'added' },
      { code: 'people', name: '京溪街道人民调解委员会', level: 'street', unitCode: STREET, disputeTypes: ['neighbour', 'labour', 'property'], numberPrefix: '京溪', change: 'added' },
      { code: 'people', name: '白云区人民调解委员会', level: 'district', unitCode: DISTRICT, disputeTypes: [], numberPrefix: '白云区', change: 'added' },
    ])
  })

  it('names every bad row: unknown unit, a grid, a level that is not the unit\'s, unknown types, a bad prefix, the same committee twice', () => {
    const plan = planCommittees(
      [
        HEADER,
        ['甲', '社区', '999', '', ''],
        ['乙', '社区', '440111010001001', '', ''],
        ['丙', '街道', COMMUNITY, '', ''],
        ['丁', '社区', COMMUNITY, '吵架', ''],
        ['戊', '社区', COMMUNITY, '', 'JX'],
        ['己', '社区', COMMUNITY_B, '', ''],
        ['庚', '村', COMMUNITY_B, '', ''],
      ],
      { units: UNITS, existing: [] },
    )
    if ('missing' in plan) throw new Error('missing')
    expect(plan.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '单位编码'],
      [3, '单位编码'],
      [4, '级别'],
      [5, '受理类型'],
      [6, '编号前缀'],
      [8, '编码'],
    ])
    expect(plan.errors[2]!.reason).toBe('云景社区是社区（村），级别应填「社区（村）」')
    expect(plan.committees.map((c) => c.name)).toEqual(['己'])
  })

  it('tells an update from an unchanged row, and a missing column', () => {
    const existing = [{ code: 'people', name: '云景社区人民调解委员会', level: 'community' as const, unitCode: COMMUNITY, disputeTypes: [], numberPrefix: '云景' }]
    const plan = planCommittees([HEADER, ['云景社区人民调解委员会', '社区', COMMUNITY, '', ''], ['同德社区调委会', '社区', COMMUNITY_B, '', '']], { units: UNITS, existing })
    if ('missing' in plan) throw new Error('missing')
    expect(plan.committees.map((c) => c.change)).toEqual(['unchanged', 'added'])
    const renamed = planCommittees([HEADER, ['云景社区调委会', '社区', COMMUNITY, '', '']], { units: UNITS, existing })
    expect('missing' in renamed ? [] : renamed.committees.map((c) => c.change)).toEqual(['changed'])
    expect(planCommittees([['名称', '单位编码']], { units: UNITS, existing })).toEqual({ missing: ['级别'] })
  })

  it('the sample table (settings/samples/committees.csv) reads clean against the demo district', () => {
    const plan = planCommittees(parseCsv(readFileSync(join(__dirname, '../../settings/samples/committees.csv'), 'utf8')), { units: demoUnits(), existing: [] })
    if ('missing' in plan) throw new Error('missing')
    expect(plan.errors).toEqual([])
    expect(plan.committees.map((c) => `${c.level}:${c.numberPrefix}`)).toEqual(['community:云景', 'community:犀牛角', 'community:京溪社区', 'street:京溪'])
  })

  it('reads dispute types by label, short word or code', () => {
    expect(parseDisputeTypes('婚姻家庭；交通 commerce')).toEqual({ types: ['family', 'traffic', 'commerce'] })
    expect(parseDisputeTypes('吵架')).toEqual({ unknown: ['吵架'] })
    expect(committeePrefix({ name: '犀牛角社区', level: 'community' })).toBe('犀牛角')
    expect(committeePrefix({ name: '太和镇', level: 'street' })).toBe('太和')
  })
})
