/** Canned function answers for checking the built H5 app without the local server. */
const now = new Date().toISOString()

export const DEV_USERS = {
  ok: true,
  users: [
    { id: 'u-resident', name: '陈街坊', roles: [{ role: 'resident', roleLabel: '居民', unitName: '云景社区' }] },
    { id: 'u-grid', name: '李明', roles: [{ role: 'grid_worker', roleLabel: '网格员', unitName: '云景一网格' }] },
  ],
}

export const ME = {
  ok: true,
  user: { id: 'u-resident', name: '陈街坊', roles: [{ role: 'resident', roleLabel: '居民', unitCode: 'c1', unitName: '云景社区' }] },
}

export const CATEGORIES = {
  ok: true,
  categories: [
    { code: 'env', name: '市容环境', parentCode: null },
    { code: 'env.garbage', name: '垃圾堆放', parentCode: 'env' },
    { code: 'env.ads', name: '乱张贴', parentCode: 'env' },
    { code: 'road', name: '道路设施', parentCode: null },
    { code: 'road.light', name: '路灯损坏', parentCode: 'road' },
    { code: 'road.cover', name: '井盖缺失', parentCode: 'road' },
    { code: 'safety', name: '安全隐患', parentCode: null },
    { code: 'other', name: '其他', parentCode: null },
  ],
}

const square = (lng: number, lat: number, d = 0.004) => [
  [
    [lng, lat],
    [lng + d, lat],
    [lng + d, lat + d],
    [lng, lat + d],
    [lng, lat],
  ],
]

export const GRID_MAP = {
  ok: true,
  grids: [
    { code: 'g1', name: '云景一网格', path: '白云区 京溪街道 云景社区', phone: null, polygon: square(113.32, 23.18) },
    { code: 'g2', name: '云景二网格', path: '白云区 京溪街道 云景社区', phone: null, polygon: square(113.324, 23.18) },
  ],
}

export const CASE = {
  id: '01JCASE0000000000000000001',
  kind: 'report',
  status: 'submitted',
  statusLabel: '已上报',
  category: 'env.garbage',
  categoryName: '市容环境 / 垃圾堆放',
  title: '小区东门垃圾堆放多日无人清理',
  gridName: '云景一网格',
  createdAt: now,
  updatedAt: now,
  slaDeadline: null,
  description: '小区东门垃圾堆放多日无人清理，气味很大。',
  photos: [],
  location: { lng: 113.322, lat: 23.182, address: '云景路 12 号东门' },
  anonymous: false,
  unitName: '云景一网格',
  unitPhone: '020-12345678',
  assigneeName: null,
  moderation: { description: 'pending', descriptionLabel: '待审核', publicDescription: null, photos: [], hidden: false },
  version: 1,
}

export const MINE = { ok: true, cases: [CASE], next: null }
export const GET = {
  ok: true,
  view: 'full',
  case: CASE,
  timeline: [
    {
      id: 'e1',
      action: 'submit',
      actionLabel: '上报',
      fromStatus: null,
      toStatus: 'submitted',
      toStatusLabel: '已上报',
      actorLabel: '居民',
      note: null,
      attachments: [],
      at: now,
      visibility: 'internal',
      visibilityLabel: '内部备注',
    },
  ],
}
