import { z } from 'zod'
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
import { announcementId, askGrid, decideMember, findGrid, gridMembers, gridOnly, id, joinGrid, publishAnnouncement, saveBoard as saveBoardInput, setQr as setQrInput } from './schemas'

/** 网格服务群: find my grid, its board and WeChat group, announcements; the grid's workers manage them. */
export const main = defineFunction('grid', {
  find: action(findGrid, find),
  board: action(gridOnly, board),
  join: action(joinGrid, join),
  leave: action(gridOnly, leave),
  announcements: action(z.object({ before: id.optional(), limit: z.number().int().min(1).max(50).optional() }).strict(), announcements),
  markRead: action(announcementId, markRead),
  ask: action(askGrid, ask),
  saveBoard: action(saveBoardInput, saveBoard),
  setQr: action(setQrInput, setQr),
  members: action(gridMembers, members),
  decide: action(decideMember, decide),
  publish: action(publishAnnouncement, publish),
  published: action(z.object({ before: id.optional() }).strict(), published),
  receipts: action(announcementId, receipts),
  remindUnread: action(announcementId, remindUnread),
  overview: action(z.object({ street: z.string().max(20).optional() }).strict(), overview),
})
