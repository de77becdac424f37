import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { parseCsv } from '../../src/core/import/csv'
import { planRoster, type RosterContext } from '../../src/core/import/roster'
import { defaultDistrictConfig } from '../../backend/config/district'
import { readTable } from '../../backend/import/table'
import { demoUnits } from '../../backend/seed/demoOrg'
import { demoUsers } from '../../backend/seed/demoUsers'

const cfg = defaultDistrictConfig()
const ctx: RosterContext = { units: demoUnits(), committees: cfg.mediation.committees, departments: cfg.departments, staff: demoUsers() }

/** A minimal .xlsx the way Excel writes one: shared strings, a workbook pointing at its sheet. */
function xlsx(rows: Array<Array<string | number>>): Uint8Array {
  const strings: string[] = []
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const col = (i: number) => String.fromCharCode(65 + i)
  const sheetRows = rows
    .map((r, ri) => `<row r="${ri + 1}">${r.map((v, ci) => (typeof v === 'number' ? `<c r="${col(ci)}${ri + 1}"><v>${v}</v></c>` : `<c r="${col(ci)}${ri + 1}" t="s"><v>${strings.push(v) - 1}</v></c>`)).join('')}</row>`)
    .join('')
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="名单" sheetId="1" r:id="rId7"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId7" Target="worksheets/roster.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8(`<sst>${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`),
    'xl/worksheets/roster.xml': strToU8(`<worksheet><sheetData>${sheetRows}</sheetData></worksheet>`),
  })
}

describe('CSV (RFC 4180)', () => {
  it('quotes, doubled quotes, commas and newlines inside quotes, CRLF, BOM, trailing blank lines', () => {
    expect(parseCsv('\ufeff姓名,备注\r\n"李, 明","说""好""\n第二行"\r\n王五,\r\n\r\n')).toEqual([
      ['姓名', '备注'],
      ['李, 明', '说"好"\n第二行'],
      ['王五', ''],
    ])
  })
})

describe('reading a roster file', () => {
  const csv = '姓名,手机,角色,单位编码\n林晓,13900000401,网格员,440111010001001\n'
  it('UTF-8 with or without BOM', () => {
    for (const bytes of [Buffer.from(csv), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])]) {
      expect(readTable('staff.csv', bytes)).toEqual({ ok: true, encoding: 'utf-8', rows: [['姓名', '手机', '角色', '单位编码'], ['林晓', '13900000401', '网格员', '440111010001001']] })
    }
  })

  it('GB18030 from Excel is recognised and decoded', () => {
    // 姓名 in GB18030 (the rest is ASCII).
    const gb = Buffer.concat([Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]), Buffer.from(',x\n')])
    expect(readTable('staff.csv', gb)).toEqual({ ok: true, encoding: 'gb18030', rows: [['姓名', 'x']] })
  })

  it('.xlsx: first sheet through the workbook relationships, shared strings, numbers as text, gaps', () => {
    const bytes = xlsx([['姓名', '手机', '角色', '单位编码'], ['林晓', 13900000401, '网格员', '440111010001001']])
    const r = readTable('名单.xlsx', bytes)
    expect(r).toEqual({ ok: true, encoding: 'xlsx', rows: [['姓名', '手机', '角色', '单位编码'], ['林晓', '13900000401', '网格员', '440111010001001']] })
  })

  it('refuses old .xls, a broken zip and an empty file with Chinese reasons', () => {
    expect(readTable('a.xls', Buffer.from('x'))).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('.xlsx') })
    expect(readTable('a.xlsx', Buffer.from('PK not a zip'))).toMatchObject({ ok: false, code: 'VALIDATION', message: '文件不是有效的 Excel（.xlsx）文件' })
    expect(readTable('a.csv', Buffer.alloc(0))).toMatchObject({ ok: false, message: '文件为空' })
  })
})

describe('staff roster rows', () => {
  it('mixed good and bad rows: every bad row says row, column and why; the good ones are planned', () => {
    const table = parseCsv(
      [
        '姓名,手机,角色,单位编码,调解委员会,部门',
        '林晓,13900000401,网格员,440111010001001,,',
        ',13900000405,网格员,440111010001001,,',
        '赵六,1234,网格员,440111010001001,,',
        '钱七,13900000406,队长,440111010001001,,',
        '孙八,13900000407,网格员,440111010099001,,',
        '周九,13900000408,网格员,440111010,,',
        '吴十,13900000409,调解员,440111010,,',
        '郑一,13900000410,职能部门,440111010,,园林局',
        '林小,13900000401,楼栋长,440111010001001,,',
        '郭芳,13900000403,mediator,440111010,京溪街道人民调解委员会,',
        '梁军,13900000404,职能部门,440111010,,chengguan',
      ].join('\n'),
    )
    const plan = planRoster(table, ctx)
    expect(plan.errors).toEqual([
      { row: 3, column: '姓名', reason: '姓名不能为空' },
      { row: 4, column: '手机', reason: '手机号格式错误：1234' },
      { row: 5, column: '角色', reason: expect.stringMatching(/^未知角色「队长」，可填：楼栋长、网格员、调解员/) },
      { row: 6, column: '单位编码', reason: '单位编码 440111010099001 不存在，请先导入组织架构' },
      { row: 7, column: '单位编码', reason: '网格员应属于网格，京溪街道是街道' },
      { row: 8, column: '调解委员会', reason: '调解员需填写调解委员会' },
      { row: 9, column: '部门', reason: '部门「园林局」未在区级配置中' },
      { row: 10, column: '姓名', reason: '手机号 13900000401 在第 2 行属于「林晓」，同一手机号姓名应一致' },
    ])
    expect(plan).toMatchObject({ rows: 11, goodRows: 3 })
    expect(plan.people.map((p) => [p.name, p.change, p.grants])).toEqual([
      ['林晓', 'added', [{ role: 'grid_worker', unitCode: '440111010001001' }]],
      ['郭芳', 'added', [{ role: 'mediator', unitCode: '440111010', committee: 'people' }]],
      ['梁军', 'added', [{ role: 'department', unitCode: '440111010', department: 'chengguan' }]],
    ])
  })

  it('one person on several rows gets every grant; an existing person is matched by phone', () => {
    const table = parseCsv('name,phone,role,unit\n李明,020-87701001,grid_worker,440111010001001\n李明,020-87701001,楼栋长,440111010001002\n')
    const plan = planRoster(table, ctx)
    expect(plan.errors).toEqual([])
    expect(plan.people).toEqual([
      expect.objectContaining({ userId: 'demo-grid-worker', change: 'changed', rows: [2, 3], grants: [{ role: 'grid_worker', unitCode: '440111010001001' }, { role: 'building_manager', unitCode: '440111010001002' }] }),
    ])
  })

  it("a person who also works outside the admin's units is refused, neither renamed nor shown", () => {
    // 李明 (grid 1 of 云景社区) to an admin of 犀牛角社区 only: his phone is someone else's staff.
    const table = parseCsv('姓名,手机,角色,单位编码\n改名者,020-87701001,网格员,440111010002001\n')
    const plan = planRoster(table, { ...ctx, allowUnit: (code) => code.startsWith('440111010002') })
    expect(plan.people).toEqual([])
    expect(plan.errors).toEqual([{ row: 2, column: '手机', reason: '手机号 020-87701001 已登记为您管理范围以外的工作人员，请联系其所在单位的管理员' }])
  })

  it('a re-import of rows already applied changes nothing', () => {
    const table = parseCsv('姓名,手机,角色,单位编码\n李明,020-87701001,网格员,440111010001001\n')
    expect(planRoster(table, ctx).people.map((p) => p.change)).toEqual(['unchanged'])
  })

  it('a missing header column stops the file with one error', () => {
    expect(planRoster([['姓名', '角色']], ctx).errors).toEqual([{ row: 1, column: '手机、单位编码', reason: '缺少列：手机、单位编码' }])
  })

  it('the sample roster reads clean once its grids exist', () => {
    const rows = readTable('staff.csv', readFileSync(join(__dirname, '../../settings/samples/staff.csv')))
    if (!rows.ok) throw new Error(rows.message)
    const units = [...demoUnits(), { code: '440111010004', name: '新市社区', level: 'community' as const, parentCode: '440111010' }, ...[1, 2].map((n) => ({ code: `44011101000400${n}`, name: `新市社区第${n}网格`, level: 'grid' as const, parentCode: '440111010004' }))]
    const plan = planRoster(rows.rows, { ...ctx, units })
    expect(plan.errors).toEqual([])
    expect(plan.people).toHaveLength(4)
  })
})
