import { isFailure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { shareCode, type ShareTarget } from '../shared/shareCode'
import { managed } from './gridAccess'

export const BOARD_PAGE = 'pages/grid/board/index'

/** A grid's 公示牌, where residents read the board and join the group: the grid code is the whole scene. */
export function boardTarget(gridCode: string): ShareTarget {
  return { page: BOARD_PAGE, scene: gridCode, query: `code=${gridCode}` }
}

/** The printable code of a grid's board (公示牌 and 入群), for the people who manage the grid. */
export async function boardQr(d: Deps, actor: Actor, input: { code: string }) {
  const m = await managed(d, actor, input.code)
  if ('ok' in m) return m
  const qr = await shareCode(d, boardTarget(m.g.code))
  if (isFailure(qr)) return qr
  return { ok: true as const, qr, gridName: m.g.name }
}
