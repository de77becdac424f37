import type { ProfileView } from '../../contracts/account'

export interface MeRow {
  id: string
  title: string
  hint: string
  url: string
}

export const PROFILE_URL = '/pages/account/profile/index'
export const PRIVACY_URL = '/pages/account/privacy/index'

/** What a person has with us: the same pages the home cards open, whatever roles they hold. */
export const MINE_ROWS: readonly MeRow[] = [
  { id: 'jf-me-reports', title: '我的上报', hint: '上报的问题与办理进度', url: '/pages/report/mine/index' },
  { id: 'jf-me-mediation', title: '我的调解', hint: '申请或参与的调解案件', url: '/pages/mediation/mine/index' },
  { id: 'jf-me-rental', title: '我的租住登记', hint: '当前登记、更新租约、人走注销', url: '/pages/rental/mine/index' },
  { id: 'jf-me-grid', title: '我的网格', hint: '我加入的网格群、公告', url: '/pages/grid/find/index' },
  // 代办: what a grid worker or 代办员 filed for my phone; nothing shows until the phone is mine (account/claim).
  { id: 'jf-me-claim', title: '认领代办事项', hint: '网格员代您办理的事项，用本人手机号认领', url: '/pages/account/claim/index' },
]

/** 协助调解: only for a helper (驻村法律顾问, 党员, 街坊), the cases a mediator invited them into. */
export const HELPING_ROW: MeRow = { id: 'jf-me-helping', title: '协助调解', hint: '调解员邀请我协助的调解案件', url: '/pages/mediation-staff/helping/index' }

/** What a person has with us, with the rows their roles add. */
export function mineRows(roles: readonly string[]): readonly MeRow[] {
  return roles.includes('helper') ? [...MINE_ROWS, HELPING_ROW] : MINE_ROWS
}

/** The line under the name: the masked phone, or what to do when there is none. */
export function phoneLine(p: ProfileView): string {
  return p.phone ? `手机号 ${p.phone.masked}` : '未填写手机号，点击完善'
}

/** The avatar's stand-in: the nickname's first character, or 我 until one is set. */
export function avatarGlyph(p: ProfileView): string {
  return p.nicknameSet ? (Array.from(p.displayName.trim())[0] ?? '我') : '我'
}

/** 消息通知设置's hint: the mini-program asks for subscribe messages; the web app only has 消息. */
export function notifyHint(platform: string): string {
  return platform === 'weapp' ? '开启办理进度、调解安排和登记结果的微信提醒' : '网页版的通知请在「消息」中查看'
}
