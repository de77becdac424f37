/**
 * Wire contract of the `grid` function: finding one's grid, its public board and team, joining
 * its WeChat group, and announcements with read receipts. Types only; inputs are inferred from
 * their zod schemas (gridSchemas.ts).
 */
import type { z } from 'zod'
import type * as c from './commonSchemas'
import type * as s from './gridSchemas'
import type { ShareCodeView } from './shareCode'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>
type Common<K extends keyof typeof c> = z.infer<(typeof c)[K]>

export interface GridView {
  code: string
  name: string
  /** "白云区 京溪街道 云景社区" — where the grid sits. */
  path: string
  phone: string | null
}

export interface GridShape extends GridView {
  /** GeoJSON ring(s) in [lng, lat]. */
  polygon: number[][][]
}

export type TeamRole = In<'teamRole'>

/** The grid team's roles as the street board prints them (the functions label the board with it; the app falls back on it). */
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  leader: '网格长',
  full_time: '专职网格员',
  party_leader: '党小组长',
  council: '议事长',
  supervisor: '监事长',
  police: '警长',
  volunteer: '志愿者',
}

export type MemberStatus = In<'memberStatus'>

/** Public contact of one member of the grid team "1+1+5+N". */
export interface TeamMemberView {
  role: TeamRole
  roleLabel: string
  name: string
  /** A work number published on the street board; never a resident's private phone. */
  phone: string | null
}

export interface BoardView {
  grid: GridView
  /** Streets, buildings and estates the grid covers (网格范围). */
  scope: string
  households: number
  team: TeamMemberView[]
  services: string[]
  officeHours: string
  joinPolicy: 'open' | 'approval'
  /** The group QR code while valid, only for admitted members (and the grid's staff). */
  qr: { url: string; expiresAt: string } | null
  qrStatus: 'none' | 'valid' | 'expiring' | 'expired'
  membership: { status: MemberStatus; statusLabel: string; building: string | null } | null
  members: number
  /** The grid's own workers may edit the board and see its roster. */
  canManage: boolean
  polygon: number[][][]
}

export type AnnouncementType = In<'announcementType'>

export interface AnnouncementView {
  id: string
  type: AnnouncementType
  typeLabel: string
  title: string
  body: string
  authorName: string
  scopeLabel: string
  publishedAt: string
  read: boolean
}

export interface ReceiptView {
  announcementId: string
  /** Joined memberships of the target grids (a person in two of them counts twice). */
  roster: number
  /** People joined in the target grids who have read it. */
  read: number
  /** roster − read: who the reminder reaches. */
  unreadCount: number
  /** Emergencies: share of the roster that read within 15 minutes. */
  readWithin15m: number | null
  /** The first 200 unread, by grid and date of joining; `unreadCount` says how many in all. */
  unread: Array<{ userId: string; name: string; building: string | null }>
  /** The first 200 readers, in the order they read; `read` says how many in all. */
  readers: Array<{ userId: string; name: string; readAt: string }>
}

export interface MemberView {
  userId: string
  name: string
  building: string | null
  status: MemberStatus
  statusLabel: string
  requestedAt: string
}

export interface GridApi {
  /** Find my grid: by point, or by searching grid/community/street names. */
  'grid.find': { in: In<'findGrid'>; out: { grids: GridView[]; why: string | null } }
  'grid.board': { in: In<'gridOnly'>; out: { board: BoardView; announcements: AnnouncementView[] } }
  /** Ask to join the grid's WeChat group; open grids admit at once. */
  'grid.join': { in: In<'joinGrid'>; out: { board: BoardView } }
  'grid.leave': { in: In<'gridOnly'>; out: { board: BoardView } }
  /** Announcements of the grids I joined, newest first; unread emergencies are pinned first. */
  'grid.announcements': { in: Common<'page'>; out: { pinned: AnnouncementView[]; items: AnnouncementView[]; next: string | null } }
  'grid.markRead': { in: Common<'byId'>; out: { read: true } }
  /** 找网格员: a question to my grid's worker; it becomes a report case in their queue. */
  'grid.ask': { in: In<'askGrid'>; out: { caseId: string } }
  /** Grid workers and the street. */
  'grid.saveBoard': {
    in: In<'saveBoard'>
    out: { board: BoardView }
  }
  /** The group QR image (files.upload id); it expires 7 days after upload. */
  'grid.setQr': { in: In<'setQr'>; out: { board: BoardView } }
  /** The printable code of the board (小程序码 on CloudBase, a QR of the H5 link locally), for its managers. */
  'grid.boardQr': { in: In<'gridOnly'>; out: { qr: ShareCodeView; gridName: string } }
  'grid.members': { in: In<'gridMembers'>; out: { members: MemberView[] } }
  'grid.decide': { in: In<'decideMember'>; out: { member: MemberView } }
  'grid.publish': {
    in: In<'publishAnnouncement'>
    out: { announcement: AnnouncementView; grids: number }
  }
  'grid.published': { in: In<'published'>; out: { items: AnnouncementView[] } }
  'grid.receipts': { in: Common<'byId'>; out: { receipts: ReceiptView } }
  /** A reminder to those who have not read it, in their inbox. */
  'grid.remindUnread': { in: Common<'byId'>; out: { reminded: number } }
  /** The street's view per grid: members, pending requests, QR status. */
  'grid.overview': { in: In<'overview'>; out: { grids: Array<{ code: string; name: string; members: number; pending: number; qrStatus: BoardView['qrStatus']; qrExpiresAt: string | null }> } }
}
