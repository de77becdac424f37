/**
 * What a 转发 card carries. A forwarded card reaches anyone, so its title and path name only what
 * the receiver may open anyway: a page and a code or id — never a name, phone, address or words
 * the person typed.
 */
import { boardUrl } from './grid/links'

export interface ShareCard {
  title: string
  path: string
}

const HOME: ShareCard = { title: '街坊通', path: '/pages/home/index' }

/** A mediation invitation: the card opens the join page with the code, straight into joining. */
export function inviteShare(code: string | undefined): ShareCard {
  const c = (code ?? '').replace(/[^0-9A-Za-z-]/g, '')
  return c ? { title: '邀请您参加人民调解（街坊通）', path: `/pages/mediation/join/index?invite=${c}` } : HOME
}

/** A grid's 公示牌: the board and its 入群. */
export function boardShare(board: { grid: { code: string; name: string } } | null): ShareCard {
  return board ? { title: `${board.grid.name} 网格信息公示牌`, path: boardUrl(board.grid.code) } : HOME
}

/** A report: the receiver sees its public view (after 关注), never the reporter's own. */
export function reportShare(c: { id: string; categoryName: string; statusLabel: string } | null): ShareCard {
  return c ? { title: `网格事件：${c.categoryName}（${c.statusLabel}）`, path: `/pages/report/detail/index?id=${encodeURIComponent(c.id)}` } : HOME
}
