import { boardDraftOf, boardErrorsFromDetails, saveBoardInput, validateBoard, type BoardDraft } from '../../src/utils/gridwork/board'
import { qrRemainingText, TEAM_ROLES, teamRoleLabel } from '../../src/utils/gridwork/labels'
import { overviewTotals, sortOverview, type OverviewRow } from '../../src/utils/gridwork/overview'
import { communitiesOf, publishErrorsFromDetails, publishTarget, validatePublish, type PublishDraft } from '../../src/utils/gridwork/publish'
import { percentText, shareText, unreadByBuilding } from '../../src/utils/gridwork/receipts'
import { dispatcherStreet, workerGrids } from '../../src/utils/gridwork/roles'
import type { BoardView, MeView } from '../../src/contracts/api'

const GRID = { code: '440111010001001', name: '云景社区第1网格', path: '白云区 京溪街道 云景社区', phone: '020-87701001' }

const BOARD: BoardView = {
  grid: GRID,
  scope: '云景路 1–20 号',
  households: 420,
  team: [
    { role: 'leader', roleLabel: '网格长', name: '王书记', phone: '020-87701000' },
    { role: 'full_time', roleLabel: '专职网格员', name: '李明', phone: null },
  ],
  services: ['居住证办理咨询'],
  officeHours: '工作日 9:00–17:30',
  joinPolicy: 'approval',
  qr: null,
  qrStatus: 'none',
  membership: null,
  members: 12,
  canManage: true,
  polygon: [],
}

const draft = (over: Partial<BoardDraft> = {}): BoardDraft => ({ ...boardDraftOf(BOARD), ...over })

describe('team roles', () => {
  test('the seven roles of the grid team, in board order, with their Chinese names', () => {
    expect(TEAM_ROLES.map((r) => r.label)).toEqual(['网格长', '专职网格员', '党小组长', '议事长', '监事长', '警长', '志愿者'])
    expect(teamRoleLabel('police')).toBe('警长')
  })
})

describe('qrRemainingText', () => {
  const now = new Date('2026-03-01T00:00:00Z')
  test('days, then hours, then minutes; past the end it says how long ago', () => {
    expect(qrRemainingText('2026-03-04T05:00:00Z', now)).toBe('剩余 3 天')
    expect(qrRemainingText('2026-03-01T05:30:00Z', now)).toBe('剩余 5 小时')
    expect(qrRemainingText('2026-03-01T00:20:00Z', now)).toBe('剩余 20 分钟')
    expect(qrRemainingText('2026-02-27T00:00:00Z', now)).toBe('已过期 2 天')
  })
})

describe('board editor', () => {
  test('a loaded board becomes a draft: phone null → empty, an empty service list keeps one line to type in', () => {
    const d = boardDraftOf({ ...BOARD, services: [], households: 0 })
    expect(d.team[1]).toMatchObject({ role: 'full_time', name: '李明', phone: '' })
    expect(d.services).toEqual([''])
    expect(d.households).toBe('')
  })

  test('a complete draft is valid', () => {
    expect(validateBoard(draft())).toEqual({})
  })

  test('scope, households, team names and public phones are checked per field', () => {
    const e = validateBoard(
      draft({
        scope: '  ',
        households: '3 20',
        team: [
          { key: 'a', role: 'leader', name: '', phone: '' },
          { key: 'b', role: 'volunteer', name: '赵', phone: '12345' },
        ],
      }),
    )
    expect(e).toEqual({
      scope: expect.stringContaining('网格范围'),
      households: '户数请填写整数',
      'team.0.name': '请填写姓名',
      'team.1.phone': expect.stringContaining('工作电话'),
    })
    expect(validateBoard(draft({ team: [] })).team).toBeTruthy()
    expect(validateBoard(draft({ households: '' })).households).toBe('请填写户数')
  })

  test('too many or too long services are refused', () => {
    expect(validateBoard(draft({ services: ['长'.repeat(61)] })).services).toMatch(/60/)
    expect(validateBoard(draft({ services: Array.from({ length: 31 }, (_, i) => `服务${i}`) })).services).toMatch(/30/)
  })

  test('the saved input trims, drops blank service lines, normalises phones and sends null for none', () => {
    const input = saveBoardInput(
      GRID.code,
      draft({
        scope: ' 云景路 ',
        households: ' 420 ',
        team: [
          { key: 'a', role: 'leader', name: ' 王书记 ', phone: '020 8770 1000' },
          { key: 'b', role: 'police', name: '吴刚', phone: ' ' },
        ],
        services: ['居住证', '  ', ''],
        joinPolicy: 'open',
      }),
    )
    expect(input).toEqual({
      code: GRID.code,
      scope: '云景路',
      households: 420,
      team: [
        { role: 'leader', name: '王书记', phone: '020-87701000' },
        { role: 'police', name: '吴刚', phone: null },
      ],
      services: ['居住证'],
      officeHours: '工作日 9:00–17:30',
      joinPolicy: 'open',
    })
  })

  test('server details land on the fields, whichever index notation it uses', () => {
    expect(boardErrorsFromDetails({ 'team[1].phone': '格式不正确', 'team.0.name': '必填', 'services.2': '太长', households: '必须为整数', team: '至少一人', other: 'x' })).toEqual({
      'team.1.phone': '格式不正确',
      'team.0.name': '必填',
      services: '太长',
      households: '必须为整数',
      team: '至少一人',
    })
    expect(boardErrorsFromDetails(undefined)).toEqual({})
  })
})

describe('roles of the signed-in user', () => {
  const me: MeView = {
    id: 'u',
    name: '李明',
    roles: [
      { role: 'resident', roleLabel: '居民', unitCode: '440111', unitName: '白云区' },
      { role: 'grid_worker', roleLabel: '网格员', unitCode: GRID.code, unitName: GRID.name },
      { role: 'dispatcher', roleLabel: '综治中心坐席', unitCode: '440111010', unitName: '京溪街道' },
    ],
  }
  test('grid worker grants are the grids; the dispatcher grant is the street', () => {
    expect(workerGrids(me).map((g) => g.code)).toEqual([GRID.code])
    expect(dispatcherStreet(me)).toEqual({ code: '440111010', name: '京溪街道' })
    expect(dispatcherStreet({ ...me, roles: me.roles.slice(0, 2) })).toBeNull()
  })
})

describe('publish', () => {
  const base: PublishDraft = { type: 'notice', title: '周六停水通知', body: '周六 9:00–12:00 停水', target: 'mine', codes: [GRID.code], community: '' }

  test('type, title, body and a target are required; the street target needs a street', () => {
    expect(validatePublish(base, null)).toEqual({})
    expect(validatePublish({ ...base, type: '', title: ' ', body: '', codes: [] }, null)).toEqual({
      type: '请选择公告类型',
      title: '请填写标题',
      body: '请填写公告内容',
      target: '请选择要发布到的网格',
    })
    expect(validatePublish({ ...base, title: '题'.repeat(41) }, null).title).toMatch(/40/)
    expect(validatePublish({ ...base, title: '题' }, null).title).toBe('标题至少 2 个字')
    expect(validatePublish({ ...base, body: '停水' }, null).body).toBe('内容至少 5 个字')
    expect(validatePublish({ ...base, target: 'community' }, '440111010').target).toBe('请选择社区')
    expect(validatePublish({ ...base, target: 'street' }, null).target).toBeTruthy()
    expect(validatePublish({ ...base, target: 'street' }, '440111010')).toEqual({})
  })

  test('targets in the contract shape', () => {
    expect(publishTarget(base, null)).toEqual({ kind: 'grids', codes: [GRID.code] })
    expect(publishTarget({ ...base, target: 'grids', codes: ['a', 'b'] }, '440111010')).toEqual({ kind: 'grids', codes: ['a', 'b'] })
    expect(publishTarget({ ...base, target: 'community', community: '440111010001' }, '440111010')).toEqual({ kind: 'community', code: '440111010001' })
    expect(publishTarget({ ...base, target: 'street' }, '440111010')).toEqual({ kind: 'street', code: '440111010' })
  })

  test('server details map to the fields; anything about the target goes to target', () => {
    expect(publishErrorsFromDetails({ title: '太长', 'target.codes': '无权发布', x: 'y' })).toEqual({ title: '太长', target: '无权发布' })
  })

  test('communities from the grid map: the 12-digit code prefix, named by the path, counted', () => {
    const grids = [
      GRID,
      { ...GRID, code: '440111010001002', name: '云景社区第2网格' },
      { ...GRID, code: '440111010002001', name: '犀牛角社区第1网格', path: '白云区 京溪街道 犀牛角社区' },
      { ...GRID, code: 'GZ-X', name: '非标准编码' },
    ]
    expect(communitiesOf(grids)).toEqual([
      { code: '440111010001', name: '云景社区', grids: 2 },
      { code: '440111010002', name: '犀牛角社区', grids: 1 },
    ])
  })
})

describe('receipts', () => {
  test('percentages of the roster; nothing to divide by shows a dash', () => {
    expect(percentText(3, 20)).toBe('15%')
    expect(percentText(2, 3)).toBe('67%')
    expect(percentText(0, 0)).toBe('—')
    expect(shareText(0.456)).toBe('46%')
    expect(shareText(null)).toBe('—')
  })

  test('unread members grouped by building in natural order, unknown buildings last', () => {
    const groups = unreadByBuilding([
      { userId: '1', name: '甲', building: '10栋' },
      { userId: '2', name: '乙', building: null },
      { userId: '3', name: '丙', building: '2栋' },
      { userId: '4', name: '丁', building: '10栋' },
      { userId: '5', name: '戊', building: ' ' },
    ])
    expect(groups.map((g) => [g.building, g.people.map((p) => p.name)])).toEqual([
      ['2栋', ['丙']],
      ['10栋', ['甲', '丁']],
      ['未填写楼栋', ['乙', '戊']],
    ])
  })
})

describe('street overview', () => {
  const row = (code: string, pending: number, qrStatus: OverviewRow['qrStatus'], members = 10): OverviewRow => ({ code, name: code, members, pending, qrStatus, qrExpiresAt: null })
  const rows = [row('003', 0, 'valid'), row('001', 0, 'expired'), row('004', 2, 'valid'), row('002', 0, 'expiring'), row('005', 0, 'none')]

  test('totals: members, pending requests and the grids whose QR needs the worker', () => {
    expect(overviewTotals(rows)).toEqual({ grids: 5, members: 50, pending: 2, qrAttention: 3 })
  })

  test('attention order: pending first, then expired, missing, expiring QR codes; or by code', () => {
    expect(sortOverview(rows, 'attention').map((r) => r.code)).toEqual(['004', '001', '005', '002', '003'])
    expect(sortOverview(rows, 'name').map((r) => r.code)).toEqual(['001', '002', '003', '004', '005'])
    expect(rows[0]!.code).toBe('003')
  })
})
