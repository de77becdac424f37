/**
 * 小事不出村、大事不出镇 over HTTP: an application from a community goes to that community's committee
 * and its mediator; the village mediator passes it up to the street with a reason; the ledger counts by
 * level; the administrator imports committees with a dry run. Brand-new WeChat identities and the wrong
 * staff are refused throughout.
 */
import { communityCode, DEMO_STREET } from '../../backend/seed/demoOrg'
import { advance } from '../support/cases'
import { applyInput, joinInput, medAct } from '../support/mediation'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let applicant: Client, respondent: Client, village: Client, street: Client, family: Client, centre: Client, admin: Client
const world = serverWithUsers(
  ['demo-resident', 'demo-resident-2', 'demo-mediator-community', 'demo-mediator-people', 'demo-mediator', 'demo-dispatcher', 'demo-admin'],
  (c) => ([applicant, respondent, village, street, family, centre, admin] = c),
)
let n = 0
const stranger = () => asOpenid(world.srv.url, `dev-levels-${Date.now()}-${++n}`)
const VILLAGE = communityCode(0)

async function villageCase(facts = '楼上住户每晚十一点后仍在装修，噪音严重影响休息') {
  const r = await applicant.call('mediation', 'apply', applyInput({ disputeType: 'neighbour', communityCode: VILLAGE, facts, claims: '晚上十点后停止施工' }))
  expect(r).toMatchObject({ ok: true, case: { status: 'applied', committee: { code: 'people', name: '云景社区人民调解委员会' }, levels: { level: 'community', levelLabel: '社区（村）', passUps: [] } } })
  return r.case as { id: string; invites: Array<{ code: string }> }
}

const csv = (rows: string[][]) => ({ fileName: 'committees.csv', contentBase64: Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8').toString('base64') })

describe('a case goes first to the committee of its level', () => {
  it('an application from a community is its committee\'s: the centre accepts it for the village mediator', async () => {
    const c = await villageCase()
    const queue = await village.call('mediation', 'queue', { limit: 100 })
    expect(queue.cases.map((x: { id: string }) => x.id)).toContain(c.id)
    expect(await family.call('mediation', 'get', { id: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await medAct(centre, c.id, 'accept')).toMatchObject({ ok: true, case: { status: 'accepted', mediatorName: '何芳', streetName: '京溪街道' } })
  })

  it('refuses a community that is not the street\'s', async () => {
    const r = await applicant.call('mediation', 'apply', applyInput({ disputeType: 'neighbour', communityCode: DEMO_STREET }))
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', details: { communityCode: '不存在' } })
  })

  it('an application naming only the street, and a labour dispute, go to the street\'s committee', async () => {
    for (const disputeType of ['neighbour', 'labour']) {
      const r = await applicant.call('mediation', 'apply', applyInput({ disputeType, ...(disputeType === 'labour' ? { communityCode: VILLAGE } : {}) }))
      expect(r).toMatchObject({ ok: true, case: { committee: { name: '京溪街道人民调解委员会' }, levels: { level: 'street' } } })
      expect(await medAct(centre, r.case.id, 'accept')).toMatchObject({ ok: true, case: { mediatorName: '钱进' } })
    }
  })
})

describe('上交上级调解', () => {
  it('the village mediator passes a case up to the street with a reason; the street mediator takes it over', async () => {
    const c = await villageCase('邻居在公共楼道堆放杂物，多次沟通无果')
    await medAct(centre, c.id, 'accept')
    const offered = await village.call('mediation', 'get', { id: c.id })
    expect(offered.actions.map((a: { action: string }) => a.action)).toContain('pass_up')
    expect(await medAct(village, c.id, 'pass_up')).toMatchObject({ ok: false, code: 'VALIDATION', details: { note: '必填' } })
    expect(await medAct(applicant, c.id, 'pass_up', { note: '我想换人' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await medAct(street, c.id, 'pass_up', { note: '上交' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const newcomer = await stranger()
    expect(await newcomer.call('mediation', 'act', { id: c.id, action: 'pass_up', version: 2, note: '上交' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    const up = await medAct(village, c.id, 'pass_up', { note: '涉及多户居民，需街道调委会协调' })
    expect(up).toMatchObject({
      ok: true,
      case: {
        status: 'accepted',
        mediatorName: '钱进',
        committee: { name: '京溪街道人民调解委员会' },
        levels: { level: 'street', levelLabel: '街道（镇）', passUps: [{ fromName: '云景社区人民调解委员会', toName: '京溪街道人民调解委员会', toLevelLabel: '街道（镇）', reason: '涉及多户居民，需街道调委会协调' }] },
      },
    })
    const seen = await applicant.call('mediation', 'get', { id: c.id })
    expect(seen.timeline.find((t: { action: string }) => t.action === 'pass_up')).toMatchObject({ note: '涉及多户居民，需街道调委会协调' })
    expect(await village.call('mediation', 'get', { id: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await medAct(street, c.id, 'invite')).toMatchObject({ ok: true })

    // The district has no committee for neighbour disputes: the street cannot pass it further.
    expect((await street.call('mediation', 'get', { id: c.id })).actions.map((a: { action: string }) => a.action)).not.toContain('pass_up')
    expect(await medAct(street, c.id, 'pass_up', { note: '再上交' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '区暂无受理邻里纠纷的调解委员会' })
    await advance(world.srv.url, 0) // runs the timer, which delivers the outbox
    const told = (await street.call('inbox', 'list', {})).items.filter((i: { caseId: string }) => i.caseId === c.id)
    expect(told.map((i: { title: string }) => i.title)).toContain('上交给您的调解案件')
    const party = (await applicant.call('inbox', 'list', {})).items.find((i: { caseId: string; title: string }) => i.caseId === c.id && i.title === '调解案件已上交')
    expect(party.body).toContain('已上交街道（镇）调解委员会调解')
    expect((await village.call('inbox', 'list', {})).items.filter((i: { caseId: string; title: string }) => i.caseId === c.id && i.title.includes('上交'))).toEqual([])

    // Its 移送函 prints the street committee's prefix, as its agreement would.
    const failed = await medAct(street, c.id, 'fail', { referral: 'court', note: '双方分歧较大，建议诉讼' })
    expect(failed.case.referral.letter.number).toMatch(/^（\d{4}）白云京溪移字第 \d+ 号$/)
  })
})

describe('the ledger by level', () => {
  it('counts where cases are and what was settled without leaving the village', async () => {
    const before = (await centre.call('mediation', 'ledger', {})).ledger.levels
    const c = await villageCase('邻居空调外机滴水到我家窗台，协商未果')
    await medAct(centre, c.id, 'accept')
    expect(await respondent.call('mediation', 'join', joinInput(c.invites[0]!.code))).toMatchObject({ ok: true })
    expect(await medAct(village, c.id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
    expect(await medAct(village, c.id, 'draft_agreement', { terms: ['黄伟明一周内加装接水管'] })).toMatchObject({ ok: true, case: { agreement: { number: expect.stringMatching(/^（\d{4}）白云云景调字第 \d+ 号$/) } } })
    await medAct(applicant, c.id, 'confirm_agreement', { agreementVersion: 1 })
    expect(await medAct(respondent, c.id, 'confirm_agreement', { agreementVersion: 1 })).toMatchObject({ ok: true, case: { status: 'succeeded' } })

    const after = (await centre.call('mediation', 'ledger', {})).ledger.levels
    expect(after.settledInCommunity).toBe(before.settledInCommunity + 1)
    expect(after.settledInStreet).toBe(before.settledInStreet + 1)
    expect(after.communityRate).toBeGreaterThan(0)
    expect(after.byLevel.map((x: { label: string }) => x.label)).toEqual(['社区（村）', '街道（镇）', '区'])
    expect(after.passedUp).toBeGreaterThanOrEqual(1)
    const community = after.byLevel.find((x: { key: string }) => x.key === 'community')
    expect(community.succeeded).toBe(before.byLevel.find((x: { key: string }) => x.key === 'community').succeeded + 1)

    const sheet = await centre.call('mediation', 'ledgerCsv', {})
    expect(sheet.csv.split('\r\n')[0]).toContain('调解层级')
    expect(sheet.csv).toContain('云景社区人民调解委员会')
    expect(await village.call('mediation', 'ledger', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await (await stranger()).call('mediation', 'ledger', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('admin.importCommittees', () => {
  const HEADER = ['名称', '级别', '单位编码', '受理类型', '编号前缀']

  it('a dry run names each bad row and writes nothing; the import then routes to the imported committee', async () => {
    const dry = await admin.call('admin', 'importCommittees', { ...csv([HEADER, ['犀牛角社区调委会', '社区', communityCode(1), '邻里纠纷、物业纠纷', '犀牛'], ['错行', '街道', communityCode(2), '', '']]), dryRun: true })
    expect(dry).toMatchObject({ ok: true, plan: { rows: 2, applied: false, errors: [{ row: 3, column: '级别' }], committees: [{ name: '犀牛角社区调委会', levelLabel: '社区（村）', unitName: '犀牛角社区', disputeTypesLabel: '邻里纠纷、物业纠纷', change: 'added' }] } })
    const withError = await admin.call('admin', 'importCommittees', { ...csv([HEADER, ['犀牛角社区调委会', '社区', communityCode(1), '邻里纠纷', '犀牛'], ['错行', '街道', communityCode(2), '', '']]), dryRun: false })
    expect(withError).toMatchObject({ ok: true, plan: { applied: false } })

    const done = await admin.call('admin', 'importCommittees', { ...csv([HEADER, ['犀牛角社区调委会', '社区', communityCode(1), '邻里纠纷、物业纠纷', '犀牛']]), dryRun: false })
    expect(done).toMatchObject({ ok: true, plan: { applied: true, version: expect.any(Number) } })
    const history = await admin.call('admin', 'configHistory', {})
    expect(JSON.stringify(history)).toContain('犀牛角社区调委会')

    const r = await applicant.call('mediation', 'apply', applyInput({ disputeType: 'property', communityCode: communityCode(1) }))
    expect(r).toMatchObject({ ok: true, case: { committee: { name: '犀牛角社区调委会' }, levels: { level: 'community' } } })
    // Not its type: up to the street.
    const tenancy = await applicant.call('mediation', 'apply', applyInput({ disputeType: 'tenancy', communityCode: communityCode(1) }))
    expect(tenancy).toMatchObject({ ok: true, case: { committee: { name: '京溪街道人民调解委员会' }, levels: { level: 'street' } } })
    // Importing the same again changes nothing.
    expect(await admin.call('admin', 'importCommittees', { ...csv([HEADER, ['犀牛角社区调委会', '社区', communityCode(1), '邻里纠纷、物业纠纷', '犀牛']]), dryRun: false })).toMatchObject({ ok: true, plan: { applied: false, committees: [{ change: 'unchanged' }] } })
  })

  it('is for the district\'s administrator only', async () => {
    const input = { ...csv([HEADER, ['京溪社区调委会', '社区', communityCode(2), '', '']]), dryRun: true }
    for (const who of [centre, village, await stranger()]) expect(await who.call('admin', 'importCommittees', input)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await admin.call('admin', 'importCommittees', { ...csv([['名称', '单位编码']]), dryRun: true })).toMatchObject({ ok: false, code: 'VALIDATION', message: '缺少列：级别' })
  })
})
