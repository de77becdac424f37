import { gridNotices } from '../grid/notices'
import { helpNotices } from '../help/notices'
import { hotlineNotices } from '../hotline/notices'
import { integrationNotices } from '../integrations/webhookNotices'
import { mediationNotices } from '../mediation/notices'
import { rentalNotices } from '../rental/notices'
import { reportNotices } from '../report/notices'
import { defineNotices, NoticeRegistry } from './noticeRegistry'
import { deliverPush, PUSH_ATTEMPTS, pushSetAside, SUBSCRIBE_PUSH } from './push'

/** Subscribe messages: each queued by the notice it belongs to, sent and retried on its own. */
const pushNotices = defineNotices({
  area: 'inbox',
  topics: [{ topic: SUBSCRIBE_PUSH, pages: [], deliver: deliverPush, maxAttempts: PUSH_ATTEMPTS, setAside: pushSetAside }],
})

/**
 * Every area's outbox topics and case-event notices (each area's own notices.ts). An area with
 * something to tell adds its registration here; delivery (usecases/inbox/deliver.ts) only looks them up.
 */
export const NOTICES = new NoticeRegistry([reportNotices, mediationNotices, gridNotices, rentalNotices, helpNotices, hotlineNotices, integrationNotices, pushNotices])
