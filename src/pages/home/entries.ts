import { hasEarned, type Earned } from '../../core/earnedRoles'
import type { Role } from '../../core/roles'
import type { IconName } from '../../components/Icon'

export interface HomeEntry {
  id: string
  /** Drawn from components/Icon's set on the card or tile. */
  icon: IconName
  title: string
  hint: string
  url: string
}

export const INBOX_URL = '/pages/inbox/index'
/** Where a staff invitation is redeemed (also opened directly from the invitation's link). */
export const JOIN_URL = '/pages/join/index'

/** Everyone's two main cards (kept first and large on the home page). */
export const MAIN_ENTRIES: HomeEntry[] = [
  { id: 'jf-entry-report', icon: 'camera', title: '上报问题', hint: '随手拍，反映身边的问题', url: '/pages/report/new/index' },
  { id: 'jf-entry-mine', icon: 'list', title: '我的事项', hint: '查看办理进度', url: '/pages/report/mine/index' },
  { id: 'jf-entry-mediation', icon: 'scales', title: '在线调解', hint: '邻里、家庭等纠纷在线调解', url: '/pages/mediation/mine/index' },
  { id: 'jf-entry-grid', icon: 'map', title: '我的网格', hint: '网格公示牌、入群、公告', url: '/pages/grid/find/index' },
  { id: 'jf-entry-grid-news', icon: 'megaphone', title: '网格公告', hint: '通知、活动与紧急提醒', url: '/pages/grid/news/index' },
]

/**
 * 长辈模式's home page: four large entries, one a row, no hints (fewer words), the rest behind 更多. 找网格员 opens the grid's
 * notice board (who the grid worker is, how to reach them); 一键求助 is the same form as the red button.
 */
export const ELDER_ENTRIES: Omit<HomeEntry, 'hint'>[] = [
  { id: 'jf-elder-report', icon: 'camera', title: '上报问题', url: '/pages/report/new/index' },
  { id: 'jf-elder-help', icon: 'siren', title: '一键求助', url: '/pages/help/raise/index' },
  { id: 'jf-elder-mine', icon: 'list', title: '我的事项', url: '/pages/report/mine/index' },
  { id: 'jf-elder-grid', icon: 'phone', title: '找网格员', url: '/pages/grid/find/index' },
]

const STAFF_QUEUE: HomeEntry = {
  id: 'jf-entry-staff-queue',
  icon: 'briefcase',
  title: '我的工作台',
  hint: '待受理、处理中的事项',
  url: '/pages/report-staff/queue/index',
}
/** 代办服务: a grid worker's or 代办员's forms for a person who is present (report-staff/proxy-desk). */
const PROXY: HomeEntry = { id: 'jf-entry-proxy', icon: 'userPlus', title: '代办服务', hint: '为不会用手机的居民代办', url: '/pages/report-staff/proxy-desk/index' }
const CONSOLE: HomeEntry = {
  id: 'jf-entry-console',
  icon: 'monitor',
  title: '综治中心工作台',
  hint: '全街道事项、批量分派、导出',
  url: '/pages/report-staff/console/queue/index',
}
const MEDIATION_DESK: HomeEntry = {
  id: 'jf-entry-mediator',
  icon: 'chat',
  title: '调解工作台',
  hint: '调解案件、沟通与协议',
  url: '/pages/mediation-staff/queue/index',
}
const GRID_MANAGE: HomeEntry = { id: 'jf-entry-gridwork', icon: 'users', title: '网格群管理', hint: '公示牌、入群审核、发布公告', url: '/pages/grid-staff/manage/index' }
const GRID_PUBLISH: HomeEntry = { id: 'jf-entry-publish', icon: 'send', title: '发布公告', hint: '通知、活动、提醒、紧急', url: '/pages/grid-staff/publish/index' }
const GRID_OVERVIEW: HomeEntry = { id: 'jf-entry-grid-overview', icon: 'grid', title: '网格群总览', hint: '各网格成员、审核、二维码', url: '/pages/grid-staff/overview/index' }
const ADMIN_SETUP: HomeEntry = { id: 'jf-entry-admin', icon: 'sliders', title: '区级管理', hint: '组织架构、人员邀请、区级配置', url: '/pages/admin/org/index' }
/** 内容审核: what of residents' reports the public may see; the street's desk on H5, the staff page elsewhere. */
export const STAFF_MODERATION_URL = '/pages/report-staff/moderation/index'
export const CONSOLE_MODERATION_URL = '/pages/report-staff/console/moderation/index'
const moderation = (url: string): HomeEntry => ({ id: 'jf-entry-moderation', icon: 'shieldCheck', title: '内容审核', hint: '照片和描述公开前审核、遮挡、隐藏', url })
const DASHBOARD: HomeEntry = { id: 'jf-entry-dashboard', icon: 'chart', title: '数据看板', hint: '办件量、超时率、分布', url: '/pages/report-staff/console/dashboard/index' }

/**
 * Work entries for the signed-in user's roles. The console pages exist only in the H5 build (a desk
 * job on a big screen); in the mini-program a dispatcher uses the staff queue instead.
 */
export function staffEntries(roles: readonly Role[], platform: 'h5' | 'weapp' | string): HomeEntry[] {
  const has = (r: Role) => roles.includes(r)
  const out: HomeEntry[] = []
  const desk = platform === 'h5' && (has('dispatcher') || has('admin'))
  if (has('grid_worker') || has('department') || (has('dispatcher') && !desk)) out.push(STAFF_QUEUE)
  if (desk) out.push(CONSOLE, DASHBOARD)
  if (has('dispatcher') && desk) out.push(moderation(CONSOLE_MODERATION_URL))
  else if (has('grid_worker') || has('dispatcher')) out.push(moderation(STAFF_MODERATION_URL))
  if (has('grid_worker') || has('proxy_agent')) out.push(PROXY)
  if (platform === 'h5' && has('admin')) out.push(ADMIN_SETUP)
  if (has('mediator') || has('dispatcher') || has('admin')) out.push(MEDIATION_DESK)
  if (has('grid_worker')) out.push(GRID_MANAGE)
  if (has('grid_worker') || has('dispatcher')) out.push(GRID_PUBLISH)
  if (has('dispatcher') || has('admin')) out.push(GRID_OVERVIEW)
  return out
}

/** 一键求助: the large button every signed-in person sees first; the form itself sits in the help subpackage. */
export const HELP_URL = '/pages/help/raise/index'
export const HELP_CONSOLE_URL = '/pages/report-staff/console/help/index'
const HELP_QUEUE: HomeEntry = { id: 'jf-entry-help-queue', icon: 'siren', title: '求助响应', hint: '响应居民一键求助', url: '/pages/help-staff/queue/index' }
const HELP_CONSOLE: HomeEntry = { id: 'jf-entry-help-console', icon: 'phone', title: '一键求助接报', hint: '实时求助、未响应与未送达', url: HELP_CONSOLE_URL }

/**
 * 一键求助 work: the on-duty helpers (grid workers, mediators, 协助调解人) answer from their queue; the
 * street's centre watches the live requests on the H5 desk (in the mini-program, from the same queue).
 */
export function helpEntries(roles: readonly Role[], platform: 'h5' | 'weapp' | string): HomeEntry[] {
  const has = (r: Role) => roles.includes(r)
  const out: HomeEntry[] = []
  const desk = platform === 'h5' && has('dispatcher')
  if (has('grid_worker') || has('mediator') || has('helper') || (has('dispatcher') && !desk)) out.push(HELP_QUEUE)
  if (desk) out.push(HELP_CONSOLE)
  return out
}

const RENTAL_MINE: HomeEntry = { id: 'jf-entry-rental', icon: 'house', title: '我的租住登记', hint: '当前登记、更新租约、人走注销', url: '/pages/rental/mine/index' }
const BUILDINGS: HomeEntry = { id: 'jf-entry-buildings', icon: 'building', title: '楼栋管理', hint: '租户登记确认、二维码、消防巡查', url: '/pages/rental-staff/building/list/index' }
const POLICE_AREA: HomeEntry = { id: 'jf-entry-police-area', icon: 'shield', title: '辖区登记', hint: '出租屋实名登记，查看留痕', url: '/pages/rental-staff/police/area/index' }
const FIRE_OVERDUE: HomeEntry = { id: 'jf-entry-fire-overdue', icon: 'flame', title: '消防巡查逾期', hint: '本月未巡查的出租屋楼栋', url: '/pages/rental-staff/police/overdue/index' }

/**
 * The large cards: everyone's, plus 我的租住登记 for a tenant (their own registration, not work),
 * whether the tenancy was granted or earned by a confirmed check-in. A party to a mediation case
 * finds its cases under 我的调解, a grid member its groups under 我的网格 (same pages, same ids).
 */
export function mainEntries(roles: readonly Role[], earned: readonly Earned[] = []): HomeEntry[] {
  const party = hasEarned(earned, 'mediation_party')
  const member = hasEarned(earned, 'grid_member')
  const out = MAIN_ENTRIES.map((e) => {
    if (party && e.id === 'jf-entry-mediation') return { ...e, title: '我的调解', hint: '查看我的调解案件与进度' }
    if (member && e.id === 'jf-entry-grid') return { ...e, hint: '我加入的网格群、公告' }
    return e
  })
  if (roles.includes('tenant') || hasEarned(earned, 'tenant')) out.push(RENTAL_MINE)
  return out
}

/** 出租屋实名登记 work: the building manager's buildings, the police area, the street's overdue fire checks. */
export function rentalEntries(roles: readonly Role[]): HomeEntry[] {
  const out: HomeEntry[] = []
  if (roles.includes('building_manager')) out.push(BUILDINGS)
  if (roles.includes('police')) out.push(POLICE_AREA)
  if (roles.includes('dispatcher') || roles.includes('admin')) out.push(FIRE_OVERDUE)
  return out
}

/** "99+" past 99 so the badge keeps its size; nothing at zero. */
export function badgeText(unread: number): string {
  if (!unread || unread < 0) return ''
  return unread > 99 ? '99+' : String(unread)
}
