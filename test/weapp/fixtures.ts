/** Cloud function answers for the mini-program check, shaped like src/contracts/api.ts. */
import { accountAnswers } from './account-fixtures'
import { rentalAnswers } from './rental-fixtures'
import type { CloudEvent, CloudFake } from './simulate'

export const ME = {
  id: 'U-chen',
  name: '陈小梅',
  roles: [{ role: 'resident', roleLabel: '居民', unitCode: 'GZ-BY-JX-YJ-G03', unitName: '云景社区第3网格' }],
}

export const GRID = { code: 'GZ-BY-JX-YJ-G03', name: '云景社区第3网格', path: '白云区 京溪街道 云景社区', phone: '020-3721 0003' }

export const CATEGORIES = [
  { code: 'env', name: '市容环境', parentCode: null },
  { code: 'env.garbage', name: '垃圾堆放', parentCode: 'env' },
  { code: 'env.stall', name: '占道经营', parentCode: 'env' },
  { code: 'road', name: '道路设施', parentCode: null },
  { code: 'road.light', name: '路灯损坏', parentCode: 'road' },
  { code: 'other', name: '其他', parentCode: null },
]

const summary = (id: string, over: Record<string, unknown>) => ({
  id,
  kind: 'report',
  status: 'submitted',
  statusLabel: '已上报',
  category: 'env.garbage',
  categoryName: '市容环境 / 垃圾堆放',
  title: '',
  gridName: GRID.name,
  createdAt: '2026-03-02T02:05:00.000Z',
  updatedAt: '2026-03-02T02:05:00.000Z',
  slaDeadline: null,
  ...over,
})

export const MINE = [
  summary('R-0001', { title: '云景路东门垃圾堆放三天没人清理' }),
  summary('R-0002', { title: '京溪南方医院站路灯不亮', category: 'road.light', categoryName: '道路设施 / 路灯损坏', createdAt: '2026-03-01T12:00:00.000Z' }),
]

export const CASE = {
  ...summary('R-0001', { title: MINE[0].title, status: 'accepted', statusLabel: '已受理', slaDeadline: '2099-03-05T02:05:00.000Z' }),
  description: '云景路东门垃圾堆放三天没人清理，气味很大',
  photos: [],
  location: { lng: 113.3202, lat: 23.181, address: '云景路 12 号东门' },
  anonymous: false,
  unitName: GRID.name,
  unitPhone: GRID.phone,
  assigneeName: '李明',
  moderation: { description: 'pending', descriptionLabel: '待审核', publicDescription: null, photos: [], hidden: false },
  version: 2,
}

export const TIMELINE = [
  { id: 'E1', action: 'submit', actionLabel: '提交上报', fromStatus: null, toStatus: 'submitted', toStatusLabel: '已上报', actorLabel: '居民', note: null, attachments: [], at: '2026-03-02T02:05:00.000Z', visibility: 'internal', visibilityLabel: '内部备注' },
  { id: 'E2', action: 'accept', actionLabel: '受理', fromStatus: 'submitted', toStatus: 'accepted', toStatusLabel: '已受理', actorLabel: '网格员 李明', note: '已安排保洁员下午清运', attachments: [], at: '2026-03-02T03:10:00.000Z', visibility: 'public', visibilityLabel: '公开回复' },
]

/** One report waiting in 内容审核: its description and one photo still 待审核. */
export const MODERATION_ITEM = {
  case: { ...CASE, gridCode: GRID.code, unitName: GRID.name, assigneeName: '李明', departmentName: null, overdue: false, anonymous: true },
  version: 2,
  description: { text: '云景路东门垃圾堆放三天没人清理，302房门口', state: 'pending', stateLabel: '待审核', publicText: null },
  photos: [{ fileId: 'F-1', url: 'https://example.invalid/f1.jpg', state: 'pending', stateLabel: '待审核', checking: false }],
  hidden: false,
}

export type Answer = (data: unknown) => unknown

/** Default answers by "function.action"; a test may override any of them. */
export function answers(over: Record<string, Answer> = {}): Record<string, Answer> {
  return {
    'session.me': () => ({ ok: true, user: ME }),
    'reports.categories': () => ({ ok: true, categories: CATEGORIES }),
    'reports.mine': () => ({ ok: true, cases: MINE, next: null }),
    'reports.get': (d) => ((d as { id?: string }).id === CASE.id ? { ok: true, view: 'full', case: CASE, timeline: TIMELINE } : { ok: false, code: 'NOT_FOUND', message: '事项不存在' }),
    'reports.locate': () => ({ ok: true, grid: GRID }),
    'inbox.list': () => ({ ok: true, items: [], next: null, unread: 0 }),
    'inbox.templates': () => ({ ok: true, templates: { caseProgress: null, mediation: null, checkinDecision: null, gridEmergency: null } }),
    'reports.duplicates': () => ({ ok: true, cases: [] }),
    'cases.moderationQueue': () => ({ ok: true, items: [MODERATION_ITEM], next: null }),
    'reports.submit': (d) => {
      const input = d as { category: string; description: string; location: { lng: number; lat: number; address: string } }
      return { ok: true, replayed: false, case: { ...CASE, id: 'R-0099', status: 'submitted', statusLabel: '已上报', category: input.category, description: input.description, location: input.location } }
    },
    ...rentalAnswers(),
    ...accountAnswers(),
    ...over,
  }
}

/** A CloudFake over `answers`; a call nobody answers comes back as a failure and is listed in `unanswered`. */
export function cloudFake(table: Record<string, Answer>, unanswered: string[] = []): CloudFake {
  return (name: string, event: CloudEvent) => {
    const key = `${name}.${event.action}`
    const fn = table[key]
    if (!fn) {
      unanswered.push(key)
      return { ok: false, code: 'NOT_FOUND', message: `测试未提供 ${key}` }
    }
    return fn(event.data)
  }
}
