/** Reading a 一键求助 duty roster table: weekdays and times as people write them, each bad row named by its line. */
import { parseClock, parseDays, readDutyTable } from '../../src/core/import/dutyRoster'

describe('duty roster cells', () => {
  it.each([
    ['每天', [1, 2, 3, 4, 5, 6, 7]],
    ['周一至周五', [1, 2, 3, 4, 5]],
    ['周六、周日', [6, 7]],
    ['星期一,星期三,星期五', [1, 3, 5]],
    ['1-5', [1, 2, 3, 4, 5]],
    ['1,3 , 5', [1, 3, 5]],
    ['周日', [7]],
    ['周五至周一', null],
    ['周八', null],
    ['', null],
  ])('days %p → %p', (cell, days) => {
    expect(parseDays(cell)).toEqual(days)
  })

  it.each([
    ['8:30', '08:30'],
    ['08:30', '08:30'],
    ['24:00', '24:00'],
    ['17：30', '17:30'],
    ['24:30', null],
    ['8点', null],
  ])('time %p → %p', (cell, time) => {
    expect(parseClock(cell)).toBe(time)
  })
})

describe('readDutyTable', () => {
  it('reads one shift per row, in any column order, and names each bad row by its line', () => {
    const out = readDutyTable([
      ['姓名', '手机', '社区编码', '值班日', '开始', '结束'],
      ['李明', '020-87701001', '440111010001', '周一至周五', '8:30', '17:30'],
      ['李明', '020-87701001', '440111010001', '周六、周日', '22:00', '08:00'],
      ['钱进', '', '440111010001', '每天', '00:00', '24:00'],
      ['林志远', '13800000021', '440111010001', '周八', '00:00', '24:00'],
      ['林志远', '13800000021', '440111010001', '每天', '09:00', '09:00'],
    ])
    expect(out).toEqual({
      rows: [
        { line: 2, communityCode: '440111010001', phone: '02087701001', name: '李明', shift: { days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' } },
        { line: 3, communityCode: '440111010001', phone: '02087701001', name: '李明', shift: { days: [6, 7], from: '22:00', to: '08:00' } },
      ],
      errors: [
        { line: 4, message: '缺少手机号' },
        { line: 5, message: '值班日「周八」无法识别，请写成「周一至周五」「周六、周日」或「每天」' },
        { line: 6, message: '开始和结束时间不能相同' },
      ],
    })
  })

  it('names the columns a table lacks', () => {
    expect(readDutyTable([['姓名', '手机']])).toEqual({ missing: ['社区编码', '值班日', '开始', '结束'] })
  })
})
