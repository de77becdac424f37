import * as board from '../usecases/grid/board'
import * as news from '../usecases/grid/news'
import * as staff from '../usecases/grid/staff'
import { action, defineFunction } from './handler'
import { byId, page } from '../../src/contracts/commonSchemas'
import { askGrid, decideMember, findGrid, gridMembers, gridOnly, joinGrid, overview, publishAnnouncement, published, saveBoard, setQr } from '../../src/contracts/gridSchemas'

/** 网格服务群: find my grid, its board and WeChat group, announcements; the grid's workers manage them. */
export const main = defineFunction('grid', {
  find: action(findGrid, board.find),
  board: action(gridOnly, board.board),
  join: action(joinGrid, board.join),
  leave: action(gridOnly, board.leave),
  announcements: action(page, news.announcements),
  markRead: action(byId, news.markRead),
  ask: action(askGrid, board.ask),
  saveBoard: action(saveBoard, staff.saveBoard),
  setQr: action(setQr, staff.setQr),
  members: action(gridMembers, staff.members),
  decide: action(decideMember, staff.decide),
  publish: action(publishAnnouncement, staff.publish),
  published: action(published, staff.published),
  receipts: action(byId, staff.receipts),
  remindUnread: action(byId, staff.remindUnread),
  overview: action(overview, staff.overview),
})
