/**
 * Pure helpers for the 网格服务群 pages (mini-program + H5): no Taro, no React, so jest tests them
 * directly (test/app/grid-resident-logic.test.ts). The staff pages may import them too.
 */
import type { AnnouncementType, AnnouncementView, BoardView, TeamMemberView, TeamRole } from '../../contracts/api'
import { formatFull } from '../../core/time'
import { fitProjection } from '../../utils/geo-fit'

// ---- 1+1+5+N: the grid team, grouped the way the street board prints it ----

export interface TeamGroup {
  role: TeamRole
  /** The server's label of the role (网格长, 专职网格员 …); our fallback when a group is empty of labels. */
  label: string
  /** Which part of "1+1+5+N" the role belongs to. */
  tier: '1' | '5' | 'N'
  members: TeamMemberView[]
}

/** Board order: the leader and the full-time worker first, the five part-time forces, then volunteers. */
export const TEAM_ORDER: TeamRole[] = ['leader', 'full_time', 'party_leader', 'council', 'supervisor', 'police', 'volunteer']

const FALLBACK_LABEL: Record<TeamRole, string> = {
  leader: '网格长',
  full_time: '专职网格员',
  party_leader: '党小组长',
  council: '议事长',
  supervisor: '监事长',
  police: '警长',
  volunteer: '志愿者',
}

function tierOf(role: TeamRole): TeamGroup['tier'] {
  if (role === 'leader' || role === 'full_time') return '1'
  if (role === 'volunteer') return 'N'
  return '5'
}

export function groupTeam(team: readonly TeamMemberView[]): TeamGroup[] {
  const groups: TeamGroup[] = []
  // Unknown roles (a newer server) still show, after the known ones, rather than vanish.
  const roles = [...TEAM_ORDER, ...team.map((m) => m.role).filter((r) => !TEAM_ORDER.includes(r))]
  for (const role of roles) {
    if (groups.some((g) => g.role === role)) continue
    const members = team.filter((m) => m.role === role)
    if (!members.length) continue
    groups.push({ role, label: members[0].roleLabel || FALLBACK_LABEL[role] || role, tier: tierOf(role), members })
  }
  return groups
}

/** Digits and dashes only, for makePhoneCall; null when nothing dialable is left. */
export function dialable(phone: string | null | undefined): string | null {
  if (!phone) return null
  const d = phone.replace(/[^\d+-]/g, '')
  return /\d{3,}/.test(d) ? d : null
}

// ---- The grid shape: a small SVG as a data URI, since the mini-program has no inline <svg> ----

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string (our SVG has no other characters); btoa is missing in the mini-program. */
export function asciiBase64(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i) & 0xff
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) & 0xff : 0
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) & 0xff : 0
    const n = (a << 16) | (b << 8) | c
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
    out += i + 1 < s.length ? B64[(n >> 6) & 63] : '='
    out += i + 2 < s.length ? B64[n & 63] : '='
  }
  return out
}

export interface GridShapeImage {
  uri: string
  width: number
  height: number
}

/**
 * The grid's outline fitted to its own bounds inside a width × maxHeight box (a tall grid is drawn
 * narrower, not cut off); null when the server sent no usable ring.
 */
export function gridShapeImage(polygon: number[][][] | null | undefined, width = 320, maxHeight = 180): GridShapeImage | null {
  const rings = (polygon ?? []).filter((r) => Array.isArray(r) && r.length >= 3 && r.every((p) => Number.isFinite(p?.[0]) && Number.isFinite(p?.[1])))
  if (!rings.length) return null
  const PAD = 12
  let proj = fitProjection(rings, width, PAD)
  if (proj.height > maxHeight) {
    // Same projection at a smaller scale, centred in the full width.
    const inner = Math.max(((width - 2 * PAD) * (maxHeight - 2 * PAD)) / (proj.height - 2 * PAD), 1)
    const narrow = fitProjection(rings, inner + 2 * PAD, PAD)
    const dx = (width - narrow.width) / 2
    proj = {
      ...narrow,
      width,
      toXY: (p) => {
        const [x, y] = narrow.toXY(p)
        return [x + dx, y]
      },
    }
  }
  const height = Math.min(Math.max(proj.height, 60), maxHeight)
  // Holes punched with evenodd, as GeoJSON means them.
  const d = rings
    .map((ring) => 'M' + ring.map((p) => proj.toXY(p).map((v) => v.toFixed(1)).join(',')).join('L') + 'Z')
    .join('')
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<rect width="${width}" height="${height}" fill="#eef3f7"/>` +
    `<path d="${d}" fill="rgba(250,44,25,0.14)" stroke="#fa2c19" stroke-width="2" fill-rule="evenodd" stroke-linejoin="round"/>` +
    `</svg>`
  return { uri: `data:image/svg+xml;base64,${asciiBase64(svg)}`, width, height }
}

// ---- Membership and the group QR ----

export type MembershipKey = 'none' | 'requested' | 'joined' | 'refused' | 'left'

export function membershipKey(board: Pick<BoardView, 'membership'>): MembershipKey {
  return board.membership?.status ?? 'none'
}

/** Who may ask to join again: nobody asked yet, or they left, or they were refused (e.g. wrong building). */
export function canApply(key: MembershipKey): boolean {
  return key === 'none' || key === 'left' || key === 'refused'
}

export interface QrDisplay {
  kind: 'show' | 'missing'
  /** 有效期至…, or why there is none. */
  text: string
  /** Less than a day left: worth a warning, a screenshot will stop working soon. */
  expiring: boolean
}

/** What the joined member sees in place of the group QR; null for anyone not admitted. */
export function qrDisplay(board: Pick<BoardView, 'qr' | 'qrStatus' | 'membership'>): QrDisplay | null {
  if (board.membership?.status !== 'joined') return null
  if (board.qr && (board.qrStatus === 'valid' || board.qrStatus === 'expiring')) {
    return { kind: 'show', text: `有效期至 ${formatFull(board.qr.expiresAt)}`, expiring: board.qrStatus === 'expiring' }
  }
  if (board.qrStatus === 'none') return { kind: 'missing', text: '暂无群二维码，请联系网格员更新', expiring: false }
  return { kind: 'missing', text: '群二维码已过期，请联系网格员更新', expiring: false }
}

export const BUILDING_MAX = 40
export const QUESTION_MIN = 5
export const QUESTION_MAX = 500

export function cleanBuilding(raw: string): string | undefined {
  const s = raw.replace(/\s+/g, ' ').trim().slice(0, BUILDING_MAX)
  return s || undefined
}

/** The 找网格员 question: an empty or two-word message is not worth a case in the worker's queue. */
export function validateQuestion(raw: string): string {
  const n = Array.from(raw.trim()).length
  if (!n) return '请填写您想咨询的问题'
  if (n < QUESTION_MIN) return `请至少写 ${QUESTION_MIN} 个字，说清楚您的问题`
  if (n > QUESTION_MAX) return `最多 ${QUESTION_MAX} 个字`
  return ''
}

// ---- Where the grid code comes from when the page is opened ----

const CODE_RE = /^[0-9A-Za-z]{3,32}$/

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

function paramOf(query: string, name: string): string | null {
  for (const part of query.replace(/^[^?]*\?/, '').split('&')) {
    const [k, v = ''] = part.split('=')
    if (k === name) return safeDecode(v)
  }
  return null
}

/**
 * The grid code of a street-board QR: `?code=` (our own links and H5), `scene=code%3D…` or a bare
 * code (a 小程序码 made with getUnlimited), or `q=` (a plain-link QR, the URL is in q).
 */
export function codeFromQuery(params: Record<string, string | undefined>): string | null {
  const pick = (v: string | null | undefined) => {
    if (!v) return null
    const s = safeDecode(v).trim()
    return CODE_RE.test(s) ? s : null
  }
  if (params.code) return pick(params.code)
  if (params.scene) {
    const scene = safeDecode(params.scene)
    return pick(scene.includes('=') ? paramOf('?' + scene, 'code') : scene)
  }
  if (params.q) return pick(paramOf(safeDecode(params.q), 'code'))
  return null
}

export const boardUrl = (code: string) => `/pages/grid/board/index?code=${encodeURIComponent(code)}`
export { NEWS_URL, firstEmergency } from './emergency'
export const FIND_URL = '/pages/grid/find/index'

// ---- Announcements ----

export const TYPE_LABEL: Record<AnnouncementType, string> = {
  notice: '通知',
  activity: '活动',
  reminder: '提醒',
  emergency: '紧急',
}

export function typeLabel(a: Pick<AnnouncementView, 'type' | 'typeLabel'>): string {
  return a.typeLabel || TYPE_LABEL[a.type] || '通知'
}

export interface AnnList {
  pinned: AnnouncementView[]
  items: AnnouncementView[]
}

/**
 * One row per announcement: a pinned emergency is not repeated in the list below it, and a page
 * loaded later never brings back one already shown (new ones shift the cursor).
 */
export function mergeAnnouncements(list: AnnList, page: { pinned?: AnnouncementView[]; items: AnnouncementView[] }): AnnList {
  const pinned = [...list.pinned]
  for (const a of page.pinned ?? []) if (!pinned.some((p) => p.id === a.id)) pinned.push(a)
  const seen = new Set([...pinned, ...list.items].map((a) => a.id))
  const items = list.items.filter((a) => !pinned.some((p) => p.id === a.id))
  for (const a of page.items) {
    if (seen.has(a.id)) continue
    seen.add(a.id)
    items.push(a)
  }
  return { pinned, items }
}

/** Marks one read locally, so the dot goes the moment the user taps. */
export function markAnnRead(list: AnnList, id: string, read = true): AnnList {
  const f = (a: AnnouncementView) => (a.id === id && a.read !== read ? { ...a, read } : a)
  return { pinned: list.pinned.map(f), items: list.items.map(f) }
}

/** One line of a long body, for the collapsed row. */
export function excerpt(body: string, max = 60): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  const chars = Array.from(flat)
  return chars.length > max ? chars.slice(0, max).join('') + '…' : flat
}
