/** Pure rules behind the resident pages: who may decide on a case, ratings, overdue, inbox paging. */
import type { CaseView, InboxItemView, TimelineView } from '../../src/contracts/api'
import { canDecide, decideDeadline, isOverdue, isReporter, ratingOf } from '../../src/pages/report/detail/logic'
import { appendPage, markLocal } from '../../src/pages/inbox/logic'

const ev = (action: string, actorLabel: string, at = '2026-11-20T02:00:00.000Z'): TimelineView => ({
  id: `${action}-${at}`,
  action,
  actionLabel: action,
  fromStatus: null,
  toStatus: 'x',
  toStatusLabel: 'x',
  actorLabel,
  note: null,
  attachments: [],
  at,
  visibility: 'internal',
  visibilityLabel: '内部备注',
})

describe('case detail rules', () => {
  it('knows the reporter by the submit event the server labels 我', () => {
    expect(isReporter([ev('submit', '我'), ev('accept', '网格员 李明')])).toBe(true)
    expect(isReporter([ev('submit', '居民'), ev('accept', '我')])).toBe(false)
    expect(isReporter([])).toBe(false)
  })

  it('offers confirm / reopen only on a resolved case to its reporter', () => {
    const mine = [ev('submit', '我')]
    expect(canDecide({ status: 'resolved' }, mine)).toBe(true)
    expect(canDecide({ status: 'in_progress' }, mine)).toBe(false)
    expect(canDecide({ status: 'closed' }, mine)).toBe(false)
    expect(canDecide({ status: 'resolved' }, [ev('submit', '居民')])).toBe(false)
  })

  it('counts the 7-day window from the latest 办结', () => {
    const t = [ev('submit', '我'), ev('resolve', 'x', '2026-11-01T00:00:00.000Z'), ev('reopen', '我'), ev('resolve', 'x', '2026-11-10T00:00:00.000Z')]
    expect(decideDeadline(t)).toBe('2026-11-17T00:00:00.000Z')
    expect(decideDeadline([ev('submit', '我')])).toBeNull()
  })

  it('reads a rating only when the server sent a valid one', () => {
    const c = {} as CaseView
    expect(ratingOf(c)).toBeNull()
    expect(ratingOf({ ...c, rating: 4, ratingComment: '及时' } as CaseView)).toEqual({ rating: 4, comment: '及时' })
    expect(ratingOf({ ...c, rating: 5, ratingComment: '' } as CaseView)).toEqual({ rating: 5, comment: null })
    expect(ratingOf({ ...c, rating: 0 } as CaseView)).toBeNull()
  })

  it('is overdue only while open and past the deadline', () => {
    const now = Date.parse('2026-11-23T00:00:00.000Z')
    const past = '2026-11-22T00:00:00.000Z'
    expect(isOverdue({ status: 'accepted', slaDeadline: past }, now)).toBe(true)
    expect(isOverdue({ status: 'accepted', slaDeadline: '2026-11-24T00:00:00.000Z' }, now)).toBe(false)
    expect(isOverdue({ status: 'resolved', slaDeadline: past }, now)).toBe(false)
    expect(isOverdue({ status: 'accepted', slaDeadline: null }, now)).toBe(false)
  })
})

describe('inbox list', () => {
  const m = (id: string, read = false): InboxItemView => ({ id, caseId: null, page: null, title: id, body: '', createdAt: '2026-11-23T00:00:00.000Z', read })

  it('appends pages without repeating items', () => {
    expect(appendPage([m('a'), m('b')], [m('b'), m('c')]).map((x) => x.id)).toEqual(['a', 'b', 'c'])
  })

  it('marks read locally, one or all', () => {
    const list = [m('a'), m('b'), m('c', true)]
    expect(markLocal(list, ['b']).map((x) => x.read)).toEqual([false, true, true])
    expect(markLocal(list, 'all').every((x) => x.read)).toBe(true)
    expect(markLocal(list, ['c'])[2]).toBe(list[2])
  })
})
