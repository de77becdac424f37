import { z } from 'zod'
import * as board from '../usecases/grid/board'
import * as news from '../usecases/grid/announcements'
import * as staff from '../usecases/grid/publish'
import { action, defineFunction } from './handler'
import { announcementId, askGrid, decideMember, findGrid, gridMembers, gridOnly, id, joinGrid, publishAnnouncement, saveBoard, setQr } from './schemas'

/** 网格服务群: find my grid, its board and WeChat group, announcements; the grid's workers manage them. */
export const main = defineFunction('grid', {
  find: action(findGrid, board.find),
  board: action(gridOnly, board.board),
  join: action(joinGrid, board.join),
  leave: action(gridOnly, board.leave),
  announcements: action(z.object({ before: id.optional(), limit: z.number().int().min(1).max(50).optional() }).strict(), news.announcements),
  markRead: action(announcementId, news.markRead),
  ask: action(askGrid, board.ask),
  saveBoard: action(saveBoard, staff.saveBoard),
  setQr: action(setQr, staff.setQr),
  members: action(gridMembers, staff.members),
  decide: action(decideMember, staff.decide),
  publish: action(publishAnnouncement, staff.publish),
  published: action(z.object({ before: id.optional() }).strict(), staff.published),
  receipts: action(announcementId, staff.receipts),
  remindUnread: action(announcementId, staff.remindUnread),
  overview: action(z.object({ street: z.string().max(20).optional() }).strict(), staff.overview),
})
