import { gridNotices } from '../grid/notices'
import { mediationNotices } from '../mediation/notices'
import { rentalNotices } from '../rental/notices'
import { reportNotices } from '../report/notices'
import { NoticeRegistry } from './noticeRegistry'

/**
 * Every area's outbox topics and case-event notices (each area's own notices.ts). An area with
 * something to tell adds its registration here; delivery (usecases/inbox/deliver.ts) only looks them up.
 */
export const NOTICES = new NoticeRegistry([reportNotices, mediationNotices, gridNotices, rentalNotices])
