/**
 * Pure helpers of the 网格服务群 staff pages (manage, publish, receipts, overview): no Taro, no React,
 * so jest can test them directly (test/app/grid-staff-logic.test.ts).
 */
import type { AnnouncementType, ApiIn, ApiMap, BoardView, GridView, MeView, ReceiptView, TeamRole } from '../../contracts/api'
import { isPhone, normalizePhone } from '../StaffKit/logic'

/** The grid team "1+1+5+N" in the order the street's board lists it. */
export const TEAM_ROLES: Array<{ key: TeamRole; label: string }> = [
  { key: 'leader', label: '网格长' },
  { key: 'full_time', label: '专职网格员' },
  { key: 'party_leader', label: '党小组长' },
  { key: 'council', label: '议事长' },
  { key: 'supervisor', label: '监事长' },
  { key: 'police', label: '警长' },
  { key: 'volunteer', label: '志愿者' },
]

export function teamRoleLabel(role: TeamRole): string {
  return TEAM_ROLES.find((r) => r.key === role)?.label ?? role
}

export const ANNOUNCEMENT_TYPES: Array<{ key: AnnouncementType; label: string }> = [
  { key: 'notice', label: '通知' },
  { key: 'activity', label: '活动' },
  { key: 'reminder', label: '提醒' },
  { key: 'emergency', label: '紧急' },
]

export type QrStatus = BoardView['qrStatus']

export const QR_STATUS_LABELS: Record<QrStatus, string> = {
  none: '未上传',
  valid: '有效',
  expiring: '即将过期',
  expired: '已过期',
}

/** The worker's next step for each state of the group QR code. */
export const QR_HINTS: Record<QrStatus, string> = {
  none: '尚未上传群二维码，居民入群后看不到二维码',
  valid: '微信群二维码 7 天后失效，请在到期前重新上传',
  expiring: '即将过期，请及时更新',
  expired: '二维码已过期，居民无法扫码入群，请重新上传',
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** "剩余 3 天" / "剩余 5 小时" / "已过期 2 天": how long the group QR code still works. */
export function qrRemainingText(expiresAt: string, now: Date): string {
  const left = Date.parse(expiresAt) - now.getTime()
  const abs = Math.abs(left)
  const span = abs >= DAY ? `${Math.floor(abs / DAY)} 天` : abs >= HOUR ? `${Math.floor(abs / HOUR)} 小时` : `${Math.max(1, Math.floor(abs / 60_000))} 分钟`
  return left > 0 ? `剩余 ${span}` : `已过期 ${span}`
}

// ---- 公示牌 editor ----

export interface TeamRow {
  /** Stable React key for a row while it is being edited. */
  key: string
  role: TeamRole
  name: string
  phone: string
}

export interface BoardDraft {
  scope: string
  /** Kept as typed; parsed on validation so "3 20" is an error, not 320. */
  households: string
  team: TeamRow[]
  services: string[]
  officeHours: string
  joinPolicy: 'open' | 'approval'
}

export const SCOPE_MAX = 500
export const SERVICE_MAX = 60
export const SERVICES_MAX = 30
export const TEAM_MAX = 60
export const OFFICE_HOURS_MAX = 100

export function boardDraftOf(b: BoardView, keyOf: (i: number) => string = (i) => `t${i}`): BoardDraft {
  return {
    scope: b.scope,
    households: b.households ? String(b.households) : '',
    team: b.team.map((t, i) => ({ key: keyOf(i), role: t.role, name: t.name, phone: t.phone ?? '' })),
    services: b.services.length ? [...b.services] : [''],
    officeHours: b.officeHours,
    joinPolicy: b.joinPolicy,
  }
}

/** Field keys: scope, households, services, officeHours, team.<i>.name, team.<i>.phone (as the server names them). */
export type BoardErrors = Record<string, string>

const len = (s: string) => Array.from(s.trim()).length

export function validateBoard(d: BoardDraft): BoardErrors {
  const e: BoardErrors = {}
  if (!d.scope.trim()) e.scope = '请填写网格范围，如包含的街巷、楼栋、小区'
  else if (len(d.scope) > SCOPE_MAX) e.scope = `网格范围不能超过 ${SCOPE_MAX} 个字`
  const h = d.households.trim()
  if (!h) e.households = '请填写户数'
  else if (!/^\d{1,6}$/.test(h)) e.households = '户数请填写整数'
  if (!d.team.length) e.team = '请至少填写一名网格团队成员'
  if (d.team.length > TEAM_MAX) e.team = `团队成员不能超过 ${TEAM_MAX} 人`
  d.team.forEach((t, i) => {
    if (!t.name.trim()) e[`team.${i}.name`] = '请填写姓名'
    else if (len(t.name) > 20) e[`team.${i}.name`] = '姓名不能超过 20 个字'
    if (t.phone.trim() && !isPhone(t.phone)) e[`team.${i}.phone`] = '请填写手机号或带区号的工作电话'
  })
  const services = d.services.map((s) => s.trim()).filter(Boolean)
  if (services.length > SERVICES_MAX) e.services = `服务事项不能超过 ${SERVICES_MAX} 项`
  else if (services.some((s) => Array.from(s).length > SERVICE_MAX)) e.services = `每项服务不能超过 ${SERVICE_MAX} 个字`
  if (len(d.officeHours) > OFFICE_HOURS_MAX) e.officeHours = `办公时间不能超过 ${OFFICE_HOURS_MAX} 个字`
  return e
}

export function saveBoardInput(code: string, d: BoardDraft): ApiIn<'grid.saveBoard'> {
  return {
    code,
    scope: d.scope.trim(),
    households: Number(d.households.trim()),
    team: d.team.map((t) => ({ role: t.role, name: t.name.trim(), phone: t.phone.trim() ? normalizePhone(t.phone) : null })),
    // Blank lines are rows the worker added and left empty, not services.
    services: d.services.map((s) => s.trim()).filter(Boolean),
    officeHours: d.officeHours.trim(),
    joinPolicy: d.joinPolicy,
  }
}

/** The server's detail keys ("team[1].phone", "team.1.phone", "households") in this form's naming. */
export function boardErrorsFromDetails(details: Record<string, string> | undefined): BoardErrors {
  const e: BoardErrors = {}
  for (const [k, v] of Object.entries(details ?? {})) {
    const key = k.replace(/\[(\d+)\]/g, '.$1')
    if (/^team\.\d+\.(name|phone)$/.test(key)) e[key] = v
    else if (/^team\.\d+/.test(key) || key === 'team') e.team = v
    else if (/^services/.test(key)) e.services = v
    else if (['scope', 'households', 'officeHours', 'joinPolicy'].includes(key)) e[key] = v
  }
  return e
}

// ---- who may do what ----

/** The grids the user works as grid worker (their own grid first, as granted). */
export function workerGrids(me: MeView): GridView[] {
  return me.roles.filter((r) => r.role === 'grid_worker').map((r) => ({ code: r.unitCode, name: r.unitName, path: '', phone: null }))
}

/** The street a dispatcher (综治中心) serves, or null. */
export function dispatcherStreet(me: MeView): { code: string; name: string } | null {
  const r = me.roles.find((x) => x.role === 'dispatcher')
  return r ? { code: r.unitCode, name: r.unitName } : null
}

// ---- 发布公告 ----

export const TITLE_MIN = 2
export const TITLE_MAX = 40
export const BODY_MIN = 5
export const BODY_MAX = 2000

export type TargetKind = 'mine' | 'grids' | 'community' | 'street'

export interface PublishDraft {
  type: AnnouncementType | ''
  title: string
  body: string
  target: TargetKind
  /** Grids chosen for 'mine' (own grids) or 'grids' (a dispatcher's pick). */
  codes: string[]
  community: string
}

export type PublishErrors = Partial<Record<'type' | 'title' | 'body' | 'target', string>>

export function validatePublish(d: PublishDraft, street: string | null): PublishErrors {
  const e: PublishErrors = {}
  if (!d.type) e.type = '请选择公告类型'
  if (!d.title.trim()) e.title = '请填写标题'
  else if (len(d.title) < TITLE_MIN) e.title = `标题至少 ${TITLE_MIN} 个字`
  else if (len(d.title) > TITLE_MAX) e.title = `标题不能超过 ${TITLE_MAX} 个字`
  if (!d.body.trim()) e.body = '请填写公告内容'
  else if (len(d.body) < BODY_MIN) e.body = `内容至少 ${BODY_MIN} 个字`
  else if (len(d.body) > BODY_MAX) e.body = `内容不能超过 ${BODY_MAX} 个字`
  if ((d.target === 'mine' || d.target === 'grids') && !d.codes.length) e.target = '请选择要发布到的网格'
  if (d.target === 'community' && !d.community) e.target = '请选择社区'
  if (d.target === 'street' && !street) e.target = '只有街道综治中心可以发布到全街道'
  return e
}

export function publishTarget(d: PublishDraft, street: string | null): ApiIn<'grid.publish'>['target'] {
  if (d.target === 'community') return { kind: 'community', code: d.community }
  if (d.target === 'street') return { kind: 'street', code: street ?? '' }
  return { kind: 'grids', codes: [...d.codes] }
}

export function publishErrorsFromDetails(details: Record<string, string> | undefined): PublishErrors {
  const e: PublishErrors = {}
  for (const [k, v] of Object.entries(details ?? {})) {
    if (k === 'type' || k === 'title' || k === 'body') e[k] = v
    else if (k.startsWith('target')) e.target = v
  }
  return e
}

/**
 * Communities of the street, from the grid map. Grid codes extend the 12-digit statistical code of
 * their community (区划代码) by three digits, so the community is the code's first 12 digits; its
 * name is the last part of the grid's path ("白云区 京溪街道 云景社区").
 */
export function communitiesOf(grids: GridView[]): Array<{ code: string; name: string; grids: number }> {
  const out = new Map<string, { code: string; name: string; grids: number }>()
  for (const g of grids) {
    if (!/^\d{15}$/.test(g.code)) continue
    const code = g.code.slice(0, 12)
    const name = g.path.trim().split(/\s+/).pop() || code
    const c = out.get(code)
    if (c) c.grids++
    else out.set(code, { code, name, grids: 1 })
  }
  return [...out.values()]
}

// ---- 阅读回执 ----

/** "60%" of a part in a whole; "—" when there is nobody to read it. */
export function percentText(part: number, whole: number): string {
  if (!whole) return '—'
  return `${Math.round((part / whole) * 100)}%`
}

/** The emergency share (0–1) as a percent, "—" when the server has none. */
export function shareText(share: number | null): string {
  return share === null || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)}%`
}

/**
 * "2栋" before "10栋": digit runs compare as numbers. Written out because Intl.Collator's numeric
 * option is missing from some mini-program JS engines.
 */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? []
  const pb = b.match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!
    const y = pb[i]!
    if (x === y) continue
    const nx = /^\d/.test(x) && /^\d/.test(y)
    if (nx && Number(x) !== Number(y)) return Number(x) - Number(y)
    return x < y ? -1 : 1
  }
  return pa.length - pb.length
}

/** Unread members grouped by building (楼栋), buildings in natural order, unknown last. */
export function unreadByBuilding(unread: ReceiptView['unread']): Array<{ building: string; people: ReceiptView['unread'] }> {
  const groups = new Map<string, ReceiptView['unread']>()
  for (const u of unread) {
    const b = u.building?.trim() || '未填写楼栋'
    groups.set(b, [...(groups.get(b) ?? []), u])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '未填写楼栋' ? 1 : b === '未填写楼栋' ? -1 : naturalCompare(a, b)))
    .map(([building, people]) => ({ building, people }))
}

// ---- 街道总览 ----

export type OverviewRow = ApiMap['grid.overview']['out']['grids'][number]

export function overviewTotals(rows: OverviewRow[]): { grids: number; members: number; pending: number; qrAttention: number } {
  return {
    grids: rows.length,
    members: rows.reduce((a, r) => a + r.members, 0),
    pending: rows.reduce((a, r) => a + r.pending, 0),
    qrAttention: rows.filter((r) => r.qrStatus !== 'valid').length,
  }
}

const QR_ORDER: Record<QrStatus, number> = { expired: 0, none: 1, expiring: 2, valid: 3 }

/** Grids needing the street's attention first: pending requests, then QR codes that do not work. */
export function sortOverview(rows: OverviewRow[], by: 'attention' | 'name'): OverviewRow[] {
  const list = [...rows]
  if (by === 'name') return list.sort((a, b) => a.code.localeCompare(b.code))
  return list.sort((a, b) => b.pending - a.pending || QR_ORDER[a.qrStatus] - QR_ORDER[b.qrStatus] || a.code.localeCompare(b.code))
}
