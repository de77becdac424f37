import {
  actFieldOf,
  actionLabel,
  buildActInput,
  durationText,
  emptyActForm,
  emptyConsoleFilter,
  filterError,
  isPhone,
  normalizePhone,
  NOTE_VISIBILITY_OPTIONS,
  percentText,
  proxyFieldOf,
  QUEUE_TABS,
  shortId,
  slaInfo,
  spanText,
  STATUS_OPTIONS,
  toggle,
  toQueueFilter,
  validateProxy,
  visibilityHint,
  withBom,
} from '../../src/components/StaffKit/logic'
import { badgeText, staffEntries } from '../../src/pages/home/entries'

const now = new Date('2026-03-01T08:00:00.000Z')
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString()

describe('SLA countdown', () => {
  it('says how long is left, or how long overdue', () => {
    expect(slaInfo(inHours(3), 'accepted', now)).toEqual({ text: '还剩 3 小时', overdue: false, urgent: true })
    expect(slaInfo(inHours(-2), 'submitted', now)).toEqual({ text: '已超时 2 小时', overdue: true, urgent: false })
    expect(slaInfo(inHours(0.5), 'in_progress', now)?.text).toBe('还剩 30 分钟')
    expect(slaInfo(inHours(30), 'assigned', now)).toEqual({ text: '还剩 30 小时', overdue: false, urgent: false })
    expect(slaInfo(inHours(-53), 'accepted', now)?.text).toBe('已超时 2 天 5 小时')
    // The server says overdue while this clock still shows time left: trust the server.
    expect(slaInfo(inHours(3), 'accepted', now, true)).toEqual({ text: '已超时', overdue: true, urgent: false })
  })

  it('says nothing for finished cases or cases without a deadline', () => {
    expect(slaInfo(inHours(-2), 'resolved', now)).toBeNull()
    expect(slaInfo(inHours(-2), 'closed', now)).toBeNull()
    expect(slaInfo(null, 'submitted', now)).toBeNull()
  })

  it('trusts the server when it already marked the case overdue', () => {
    expect(slaInfo(inHours(1), 'accepted', now, true)?.overdue).toBe(true)
  })

  it('never shows zero', () => {
    expect(spanText(10_000)).toBe('1 分钟')
    expect(spanText(48 * 3_600_000)).toBe('2 天')
  })
})

describe('queue tabs', () => {
  it('split the open statuses the way handlers think of them', () => {
    expect(QUEUE_TABS.map((t) => t.label)).toEqual(['待受理', '处理中', '已办结', '全部'])
    expect(QUEUE_TABS[1].statuses).toEqual(['accepted', 'assigned', 'in_progress'])
    expect(QUEUE_TABS[3].statuses).toBeUndefined()
  })
})

describe('actions', () => {
  const escalate = { action: 'escalate', label: '上报上级', needs: ['note' as const] }
  it('names a grid worker’s escalation after where it goes', () => {
    expect(actionLabel(escalate, ['grid_worker'])).toBe('上报街道')
    expect(actionLabel(escalate, ['dispatcher'])).toBe('上报上级')
    expect(actionLabel({ action: 'accept', label: '受理', needs: [] }, ['grid_worker'])).toBe('受理')
  })

  it('sends only what the move needs', () => {
    const f = { ...emptyActForm(), note: '  已清理完毕 ', attachments: ['f1'], targetCaseId: 'X', rating: 4 }
    expect(buildActInput({ id: 'c1', version: 3 }, { action: 'resolve', label: '办结', needs: ['note', 'attachments'] }, f)).toEqual({
      id: 'c1',
      action: 'resolve',
      version: 3,
      note: '已清理完毕',
      noteVisibility: 'internal',
      attachments: ['f1'],
    })
    expect(buildActInput({ id: 'c1', version: 3 }, { action: 'accept', label: '受理', needs: [] }, f)).toEqual({
      id: 'c1',
      action: 'accept',
      version: 3,
    })
  })

  it('keeps a note internal unless 公开回复 was chosen, and says which', () => {
    const resolve = { action: 'resolve', label: '办结', needs: ['note' as const] }
    expect(emptyActForm().noteVisibility).toBe('internal')
    expect(NOTE_VISIBILITY_OPTIONS.map((o) => o.label)).toEqual(['内部备注', '公开回复'])
    const internal = buildActInput({ id: 'c', version: 1 }, resolve, { ...emptyActForm(), note: '已联系302房住户' })
    expect(internal).toMatchObject({ note: '已联系302房住户', noteVisibility: 'internal' })
    const pub = buildActInput({ id: 'c', version: 1 }, resolve, { ...emptyActForm(), note: '已清运', noteVisibility: 'public' })
    expect(pub).toMatchObject({ note: '已清运', noteVisibility: 'public' })
    // No note, nothing to make public: the field is left out.
    expect(buildActInput({ id: 'c', version: 1 }, resolve, { ...emptyActForm(), noteVisibility: 'public' })).not.toHaveProperty('noteVisibility')
    expect(visibilityHint('public')).toContain('关注此事项的居民')
    expect(visibilityHint('internal')).toContain('仅办理人员可见')
  })

  it('assigns to a person by id and to a department by code', () => {
    const assign = { action: 'assign', label: '分派', needs: ['assignee' as const] }
    const user = { ...emptyActForm(), assignee: { kind: 'user' as const, id: 'u1', name: '李明', detail: '' } }
    const dept = { ...emptyActForm(), assignee: { kind: 'department' as const, id: 'chengguan', name: '城管', detail: '' } }
    expect(buildActInput({ id: 'c', version: 1 }, assign, user)).toMatchObject({ assigneeId: 'u1' })
    expect(buildActInput({ id: 'c', version: 1 }, assign, dept)).toMatchObject({ department: 'chengguan' })
    expect(buildActInput({ id: 'c', version: 1 }, assign, dept)).not.toHaveProperty('assigneeId')
  })

  it('sends the 回访结果 picked for a 12345 order, and nothing when none was picked', () => {
    const followUp = { action: 'follow_up', label: '记录回访', needs: ['satisfaction' as const, 'note' as const] }
    expect(buildActInput({ id: 'c', version: 4 }, followUp, { ...emptyActForm(), satisfaction: 'unsatisfied' })).toEqual({ id: 'c', action: 'follow_up', version: 4, satisfaction: 'unsatisfied' })
    expect(buildActInput({ id: 'c', version: 4 }, followUp, emptyActForm())).not.toHaveProperty('satisfaction')
    expect(actFieldOf('satisfaction')).toBe('satisfaction')
  })

  it('maps server detail keys onto the sheet’s fields', () => {
    expect(actFieldOf('note')).toBe('note')
    expect(actFieldOf('attachments.0')).toBe('attachments')
    expect(actFieldOf('targetCaseId')).toBe('target')
    expect(actFieldOf('assignee')).toBe('assignee')
    expect(actFieldOf('version')).toBeNull()
  })
})

describe('代办 resident', () => {
  it('accepts mobiles and landlines with area code', () => {
    expect(isPhone('13800138000')).toBe(true)
    expect(isPhone('138 0013 8000')).toBe(true)
    expect(isPhone('020-87700000')).toBe(true)
    expect(isPhone('02087700000')).toBe(true)
    expect(isPhone('0755-1234567')).toBe(true)
    expect(isPhone('12800138000')).toBe(false)
    expect(isPhone('1380013800')).toBe(false)
    expect(isPhone('87700000')).toBe(false)
  })

  it('normalises what is sent', () => {
    expect(normalizePhone('138-0013-8000')).toBe('13800138000')
    expect(normalizePhone('020 87700000')).toBe('020-87700000')
  })

  it('names each missing or wrong field', () => {
    expect(validateProxy({ name: '', phone: '' })).toEqual({ proxyName: '请填写居民姓名', proxyPhone: '请填写居民联系电话' })
    expect(validateProxy({ name: '王阿婆', phone: '123' })).toEqual({ proxyPhone: '请填写 11 位手机号或带区号的固定电话' })
    expect(validateProxy({ name: '王阿婆', phone: '13800138000' })).toEqual({})
    expect(proxyFieldOf('proxy.phone')).toBe('proxyPhone')
    expect(proxyFieldOf('proxy.name')).toBe('proxyName')
  })
})

describe('console filters and numbers', () => {
  it('leaves empty filter fields out', () => {
    expect(toQueueFilter(emptyConsoleFilter())).toEqual({})
    expect(
      toQueueFilter({ statuses: ['submitted'], category: 'HJ01', gridCode: 'g1', overdue: true, from: '2026-03-01', to: '2026-03-07' }),
    ).toEqual({ statuses: ['submitted'], category: 'HJ01', gridCode: 'g1', overdue: true, from: '2026-03-01', to: '2026-03-07' })
  })

  it('refuses a reversed day range', () => {
    expect(filterError({ ...emptyConsoleFilter(), from: '2026-03-08', to: '2026-03-01' })).toBe('开始日期不能晚于结束日期')
    expect(filterError({ ...emptyConsoleFilter(), from: '2026-03-01', to: '2026-03-01' })).toBe('')
  })

  it('toggles a status in and out', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b'])
    expect(toggle(['a', 'b'], 'a')).toEqual(['b'])
  })

  it('formats rates and durations', () => {
    expect(percentText(0.125)).toBe('12.5%')
    expect(percentText(0)).toBe('0%')
    expect(durationText(18.54)).toBe('18.5 小时')
    expect(durationText(60)).toBe('2.5 天')
    expect(durationText(null)).toBe('—')
  })

  it('offers every report status in workflow order, in Chinese', () => {
    expect(STATUS_OPTIONS.map((o) => o.key)).toEqual(['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'merged', 'converted'])
    expect(STATUS_OPTIONS.map((o) => o.label)).toEqual(['已上报', '已受理', '已分派', '处置中', '已办结', '已评价', '不予受理', '已合并', '已转调解'])
  })

  it('adds the BOM Excel needs, once', () => {
    expect(withBom('a,b').charCodeAt(0)).toBe(0xfeff)
    expect(withBom('\ufeffa,b')).toBe('\ufeffa,b')
    expect(shortId('01JCASE0000000000000000001')).toBe('000001')
  })
})

describe('home entries', () => {
  const ids = (roles: Parameters<typeof staffEntries>[0], platform: string) => staffEntries(roles, platform).map((e) => e.id)

  it('gives a grid worker the queue, 内容审核 and 代办', () => {
    expect(ids(['grid_worker'], 'weapp')).toEqual(['jf-entry-staff-queue', 'jf-entry-moderation', 'jf-entry-proxy', 'jf-entry-gridwork', 'jf-entry-publish'])
    expect(ids(['grid_worker'], 'h5')).toEqual(['jf-entry-staff-queue', 'jf-entry-moderation', 'jf-entry-proxy', 'jf-entry-gridwork', 'jf-entry-publish'])
    expect(staffEntries(['grid_worker'], 'h5').find((e) => e.id === 'jf-entry-moderation')?.url).toBe('/pages/report-staff/moderation/index')
  })

  it('gives a 代办员 the 代办服务 hub alone, as it does a grid worker', () => {
    expect(ids(['proxy_agent'], 'weapp')).toEqual(['jf-entry-proxy'])
    expect(staffEntries(['proxy_agent'], 'h5').find((e) => e.id === 'jf-entry-proxy')).toMatchObject({ title: '代办服务', url: '/pages/report-staff/proxy-desk/index' })
  })

  it('gives a department the queue only', () => {
    expect(ids(['department'], 'weapp')).toEqual(['jf-entry-staff-queue'])
  })

  it('sends a dispatcher to the console on H5 and to the queue in the mini-program', () => {
    expect(ids(['dispatcher'], 'h5')).toEqual(['jf-entry-console', 'jf-entry-dashboard', 'jf-entry-moderation', 'jf-entry-mediator', 'jf-entry-publish', 'jf-entry-grid-overview'])
    expect(ids(['dispatcher'], 'weapp')).toEqual(['jf-entry-staff-queue', 'jf-entry-moderation', 'jf-entry-mediator', 'jf-entry-publish', 'jf-entry-grid-overview'])
    // The street's queue on the desk; the mini-program has no console pages.
    expect(staffEntries(['dispatcher'], 'h5').find((e) => e.id === 'jf-entry-moderation')?.url).toBe('/pages/report-staff/console/moderation/index')
    expect(staffEntries(['dispatcher'], 'weapp').find((e) => e.id === 'jf-entry-moderation')?.url).toBe('/pages/report-staff/moderation/index')
    expect(ids(['admin'], 'h5')).toEqual(['jf-entry-console', 'jf-entry-dashboard', 'jf-entry-admin', 'jf-entry-mediator', 'jf-entry-grid-overview'])
    expect(ids(['admin'], 'weapp')).toEqual(['jf-entry-mediator', 'jf-entry-grid-overview'])
  })

  it('gives mediators their workbench', () => {
    expect(ids(['mediator'], 'weapp')).toEqual(['jf-entry-mediator'])
  })

  it('gives a resident nothing extra', () => {
    expect(ids(['resident'], 'h5')).toEqual([])
  })

  it('caps the unread badge', () => {
    expect(badgeText(0)).toBe('')
    expect(badgeText(7)).toBe('7')
    expect(badgeText(120)).toBe('99+')
  })
})
