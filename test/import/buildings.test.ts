import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from '../../src/core/import/csv'
import { parseRooms, planBuildings, type BuildingContext } from '../../src/core/import/buildings'
import { OrgTree } from '../../src/core/org'
import { demoUnits } from '../../backend/seed/demoOrg'
import { demoUsers } from '../../backend/seed/demoUsers'

const ctx: BuildingContext = {
  tree: new OrgTree(demoUnits()),
  managers: demoUsers().filter((u) => u.grants.some((g) => g.role === 'building_manager')),
  existing: [{ gridCode: '440111010001001', address: '广州市白云区京溪街道云景路 18 号' }],
}
const HEAD = '名称,地址,网格编码,经度,纬度,楼层,房号,楼栋长手机'

describe('room lists', () => {
  it('expands ranges keeping their width, splits on Chinese and ASCII separators, refuses nonsense', () => {
    expect(parseRooms('101-103；201、202 B01')).toEqual(['101', '102', '103', '201', '202', 'B01'])
    expect(parseRooms('0101-0102')).toEqual(['0101', '0102'])
    expect(parseRooms('110-101')).toBe('房号范围「110-101」无效（应从小到大，每段最多 200 间）')
    expect(parseRooms('')).toBe('请至少填写一个房号')
  })
})

describe('building rows', () => {
  it('the sample file reads clean: one placed by grid code (at its centre), one by coordinates', () => {
    const plan = planBuildings(parseCsv(readFileSync(join(__dirname, '../../settings/samples/buildings.csv'), 'utf8')), ctx)
    expect(plan.errors).toEqual([])
    expect(plan.buildings.map((b) => [b.name, b.gridCode, b.floors, b.rooms.length, b.managerId, b.change])).toEqual([
      ['云景花园 5 栋', '440111010001001', 6, 12, 'demo-building-manager', 'added'],
      ['云景花园 6 栋', '440111010001001', 4, 4, 'demo-building-manager', 'added'],
    ])
    expect(plan.buildings[0]!.location).toEqual({ lng: 113.32025, lat: 23.181 })
  })

  it('mixed good and bad rows: row, column and reason for each bad one; a registered building is unchanged', () => {
    const plan = planBuildings(
      parseCsv(
        [
          HEAD,
          ',广州市白云区京溪街道云景路 18 号,440111010001001,,,6,101,13800000003',
          ',云景路 30 号,440111010001002,,,6,101,13800000003',
          ',云景路 31 号,,0,0,6,101,13800000003',
          ',云景路 32 号,440111010001001,113.3245,23.181,6,101,13800000003',
          ',云景路 33 号,440111010001001,,,0,101,13800000003',
          ',云景路 34 号,440111010001001,,,6,101,13900000000',
          ',,440111010001001,,,6,,13800000003',
          ',云景路 36 号,440111019999001,,,6,101,13800000003',
          ',云景路 36号,440111010001001,,,3,101,13800000003',
          ',云景路36 号,440111010001001,,,3,101,13800000003',
        ].join('\n'),
      ),
      ctx,
    )
    expect(plan.errors).toEqual([
      { row: 3, column: '楼栋长手机', reason: '王建国不是「云景社区第2网格」的楼栋长' },
      { row: 4, column: '经度', reason: '该坐标不在任何网格内' },
      { row: 5, column: '网格编码', reason: '坐标位于「云景社区第2网格」（440111010001002），与网格编码 440111010001001 不符' },
      { row: 6, column: '楼层', reason: '楼层应为 1–200 的整数：0' },
      { row: 7, column: '楼栋长手机', reason: '没有手机号为 13900000000 的楼栋长，请先导入人员名单' },
      { row: 8, column: '地址', reason: '地址不能为空' },
      { row: 8, column: '房号', reason: '请至少填写一个房号' },
      { row: 9, column: '网格编码', reason: '网格编码 440111019999001 不存在' },
      { row: 11, column: '地址', reason: '与第 10 行是同一楼栋（同一网格、同一地址）' },
    ])
    expect(plan.buildings.map((b) => [b.row, b.change])).toEqual([
      [2, 'unchanged'],
      [10, 'added'],
    ])
  })

  it('needs the address, floors, rooms and manager columns, and a grid code or coordinates', () => {
    expect(planBuildings([['地址', '楼层', '房号', '楼栋长手机']], ctx).errors).toEqual([{ row: 1, column: '网格编码或经纬度', reason: '缺少列：网格编码或经纬度' }])
  })
})
