/** Defaults that keep old and new content private until staff choose otherwise. */
import { VISIBILITY_LABELS } from '../../src/core/case'
import { MODERATION_LABELS, moderationOf, openReport, REPORT, type ReportPayload } from '../../src/core/kinds/report'
import { transition } from '../../src/core/transition'
import { SYSTEM_ACTOR } from '../../src/core/roles'
import { actor, GRID1, grant, makeTree, NOW, reportCase, RESIDENT_ID, STREET } from './fixtures'

const tree = makeTree()
const payload = (p: Partial<ReportPayload> = {}): ReportPayload => ({
  description: '楼下垃圾堆积',
  photos: ['p1', 'p2'],
  location: { lng: 113.305, lat: 23.205, address: '云景路 1 号' },
  anonymous: false,
  ...p,
})

describe('moderation defaults', () => {
  it('reads a report stored before moderation as all pending and not hidden', () => {
    expect(moderationOf(payload())).toEqual({ description: 'pending', photos: { p1: 'pending', p2: 'pending' }, hidden: false })
  })

  it('keeps what staff decided, and reads anything else as pending', () => {
    const m = moderationOf(
      payload({
        moderation: {
          description: 'edited',
          publicDescription: '某处垃圾堆积',
          photos: { p1: 'published', p2: 'bogus' as never, stray: 'published' },
          hidden: 'yes' as never,
          checking: { p2: 'trace-1' },
        },
      }),
    )
    expect(m).toEqual({ description: 'edited', publicDescription: '某处垃圾堆积', photos: { p1: 'published', p2: 'pending' }, hidden: false, checking: { p2: 'trace-1' } })
    expect(moderationOf(payload({ moderation: { description: 'toString' as never, photos: {}, hidden: true } }))).toMatchObject({ description: 'pending', hidden: true })
  })

  it('labels every state in Chinese', () => {
    expect(MODERATION_LABELS).toEqual({ pending: '待审核', published: '已公开', hidden: '已隐藏', edited: '已编辑' })
    expect(VISIBILITY_LABELS).toEqual({ public: '公开回复', internal: '内部备注' })
  })

  it('files a new report with nothing public and an internal first row', () => {
    const { case: c, event } = openReport({ id: 'c1', eventId: 'e1', creatorId: RESIDENT_ID, idempotencyKey: 'k', category: 'HJ01', gridCode: GRID1, payload: payload(), now: NOW })
    expect(moderationOf(c.payload as ReportPayload)).toMatchObject({ description: 'pending', hidden: false })
    expect(event.visibility).toBe('internal')
  })
})

describe('note visibility in transitions', () => {
  const gw = actor('u-gw', grant('grid_worker', GRID1))
  const base = { now: NOW, eventId: 'e1', note: '已联系陈女士 13800138000' }

  it('records a staff note as internal unless the staff member marks it public', () => {
    const c = reportCase()
    const plain = transition(REPORT, tree, c, { ...base, actor: gw, action: 'accept' })
    const marked = transition(REPORT, tree, c, { ...base, actor: gw, action: 'accept', visibility: 'public' })
    const explicit = transition(REPORT, tree, c, { ...base, actor: gw, action: 'accept', visibility: 'internal' })
    expect([plain, marked, explicit].map((o) => (o.ok ? o.event.visibility : o.code))).toEqual(['internal', 'public', 'internal'])
    const disp = actor('u-disp', grant('dispatcher', STREET))
    const rejected = transition(REPORT, tree, c, { ...base, actor: disp, action: 'reject', visibility: 'public' })
    expect(rejected.ok && rejected.event.visibility).toBe('public')
  })

  it('never publishes a resident’s or the system’s row, whatever the input says', () => {
    const resolved = reportCase({ status: 'resolved' }, { resolvedAt: NOW.toISOString() })
    const resident = actor(RESIDENT_ID, grant('resident', GRID1))
    const reopened = transition(REPORT, tree, resolved, { ...base, actor: resident, action: 'reopen', visibility: 'public' })
    expect(reopened.ok && reopened.event.visibility).toBe('internal')
    const late = new Date(NOW.getTime() + 8 * 24 * 3600 * 1000)
    const closed = transition(REPORT, tree, resolved, { ...base, now: late, actor: SYSTEM_ACTOR, action: 'auto_close', visibility: 'public' })
    expect(closed.ok && closed.event.visibility).toBe('internal')
  })
})
