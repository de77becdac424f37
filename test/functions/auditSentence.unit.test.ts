/** Every writer's form of an audit row's target, read back as words: a case by its number, never an id or a function name. */
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Deps } from '../../backend/runtime'
import { auditCaseId, auditSentence, auditWhat } from '../../backend/usecases/rental/auditSentence'
import { OrgTree } from '../../src/core/org'

const tree = new OrgTree([
  { code: 'D', name: '白云区', level: 'district', parentCode: null },
  { code: 'S', name: '京溪街道', level: 'street', parentCode: 'D' },
  { code: 'C', name: '云景社区', level: 'community', parentCode: 'S' },
  { code: 'G', name: '云景社区第1网格', level: 'grid', parentCode: 'C' },
])
const d = { config: defaultDistrictConfig() } as unknown as Deps
const ID = '01M95DR935JBQ60H5CMVAP2XTR'
const NUMBER = '京溪-2026-00007'

const what = (action: Parameters<typeof auditWhat>[2]['action'], target: string, number: string | null = null) => auditWhat(d, tree, { action, target }, number)

describe('audit rows as sentences', () => {
  it('the examples of the issue', () => {
    expect(auditSentence('吴刚', what('export', 'rental.exportCsv C [pending,active] 2 rows'), '治安检查：季度出租屋核查')).toBe('吴刚 导出辖区登记 CSV，2 条，筛选：云景社区，理由：治安检查：季度出租屋核查')
    expect(auditCaseId({ action: 'reveal', target: ID })).toBe(ID)
    expect(auditSentence('吴刚', what('reveal', ID, NUMBER), '办理案件：核查来访人员')).toBe(`吴刚 查看 ${NUMBER} 的证件号码和手机号，理由：办理案件：核查来访人员`)
  })

  it('every other form', () => {
    expect(what('export', 'rental.exportCsv C,S [checked_out] 0 rows')).toBe('导出辖区登记 CSV，0 条，筛选：云景社区、京溪街道、已退租')
    expect(what('export', 'cases.exportCsv {} 12 rows')).toBe('导出网格事件 CSV，12 条，筛选：全部')
    expect(what('export', 'cases.exportCsv {"number":"京溪-2026-00042"} 1 rows')).toBe('导出网格事件 CSV，1 条，筛选：编号 京溪-2026-00042')
    expect(what('export', 'cases.exportCsv {"gridCode":"G","statuses":["submitted"],"from":"2026-11-01"} 3 rows')).toBe('导出网格事件 CSV，3 条，筛选：云景社区第1网格、已上报、2026-11-01 至 今天')
    // A filter cut at 200 characters is left out rather than shown half.
    expect(what('export', 'cases.exportCsv {"gridCode":"G","stat 3 rows')).toBe('导出网格事件 CSV，3 条，筛选：全部')
    expect(what('export', 'mediation.ledgerCsv .. 5 rows')).toBe('导出调解台账 CSV，5 条，时间：全部')
    expect(what('export', 'mediation.ledgerCsv 2026-11-01..2026-11-30 5 rows')).toBe('导出调解台账 CSV，5 条，时间：2026-11-01 至 2026-11-30')
    expect(what('search', 'rental.area 证件号码 4401**********123X')).toBe('按证件号码 4401**********123X 查询辖区登记')
    expect(auditCaseId({ action: 'read', target: `mediation.get 调解案件 ${ID}` })).toBe(ID)
    expect(what('read', `mediation.get 调解案件 ${ID}`, NUMBER)).toBe(`查看调解案件 ${NUMBER}`)
    expect(what('moderate', `cases.moderate 公开照片（照片 ${ID}） 网格事件 ${ID}`, NUMBER)).toBe(`审核照片 ${NUMBER}：公开照片`)
    expect(what('moderate', `cases.moderate 公开描述 网格事件 ${ID}`, null)).toBe('审核内容 一件事项：公开描述')
    expect(what('erase', '本人账号')).toBe('注销本人账号')
    // 对外接口: the name the admin gave, never a key; a name may hold spaces.
    expect(what('integration', `integrations.issueKey ${ID} 街坊随手拍平台`)).toBe('签发 Open311 接口密钥「街坊随手拍平台」')
    expect(what('integration', `integrations.addHotline ${ID} 广州 12345 热线`)).toBe('添加 12345 热线对接「广州 12345 热线」')
    expect(what('integration', `integrations.revokeSubscription ${ID} 区数据中台`)).toBe('停用事件订阅「区数据中台」')
    expect(what('integration', 'integrations.somethingElse')).toBe('修改对外接口')
    expect(auditCaseId({ action: 'integration', target: `integrations.revokePartner ${ID} 平台` })).toBeNull()
    expect(auditCaseId({ action: 'export', target: 'cases.exportCsv {} 1 rows' })).toBeNull()
  })
})
