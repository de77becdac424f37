import { defineNotices } from '../inbox/noticeRegistry'
import { deliverReply, HOTLINE_REPLY_ATTEMPTS } from './deliverReply'
import { HOTLINE_REPLY } from './replies'

/** 12345: replies to the platform's webhook (受理, 办结, 退回, 回访), retried, then set aside. */
export const hotlineNotices = defineNotices({
  area: 'hotline',
  topics: [{ topic: HOTLINE_REPLY, pages: [], deliver: deliverReply, maxAttempts: HOTLINE_REPLY_ATTEMPTS, receiver: (m) => `hotline:${String(m.payload.partnerId)}` }],
})
