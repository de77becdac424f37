import { announcements } from '../usecases/grid/announcements'
import { ask } from '../usecases/grid/ask'
import { board } from '../usecases/grid/board'
import { decide } from '../usecases/grid/decide'
import { find } from '../usecases/grid/find'
import { join } from '../usecases/grid/join'
import { leave } from '../usecases/grid/leave'
import { markRead } from '../usecases/grid/markRead'
import { members } from '../usecases/grid/members'
import { overview } from '../usecases/grid/overview'
import { publish } from '../usecases/grid/publish'
import { published } from '../usecases/grid/published'
import { receipts } from '../usecases/grid/receipts'
import { remindUnread } from '../usecases/grid/remindUnread'
import { saveBoard } from '../usecases/grid/saveBoard'
import { setQr } from '../usecases/grid/setQr'
import { action, defineFunction } from './handler'
import { provideWechat } from '../runtime'
import { miniCodes } from './wechatParts'
import { boardQr } from '../usecases/grid/boardQr'
import { byId, page } from '../../src/contracts/commonSchemas'
import * as schema from '../../src/contracts/gridSchemas'

provideWechat(miniCodes)

/** 网格服务群: find my grid, its board and WeChat group, announcements; the grid's workers manage them. */
export const main = defineFunction('grid', {
  find: action(schema.findGrid, find),
  board: action(schema.gridOnly, board),
  join: action(schema.joinGrid, join),
  leave: action(schema.gridOnly, leave),
  announcements: action(page, announcements),
  markRead: action(byId, markRead),
  ask: action(schema.askGrid, ask),
  saveBoard: action(schema.saveBoard, saveBoard),
  setQr: action(schema.setQr, setQr),
  boardQr: action(schema.gridOnly, boardQr),
  members: action(schema.gridMembers, members),
  decide: action(schema.decideMember, decide),
  publish: action(schema.publishAnnouncement, publish),
  published: action(schema.published, published),
  receipts: action(byId, receipts),
  remindUnread: action(byId, remindUnread),
  overview: action(schema.overview, overview),
})
