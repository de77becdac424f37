import { defineNotices } from '../inbox/noticeRegistry'
import { deliverWebhook, WEBHOOK_ATTEMPTS, WEBHOOK_DELIVERY } from './caseWebhooks'

/** 对外接口: case events to the systems the admin subscribed (signed, retried, then set aside). */
export const integrationNotices = defineNotices({
  area: 'integrations',
  topics: [{ topic: WEBHOOK_DELIVERY, pages: [], deliver: deliverWebhook, maxAttempts: WEBHOOK_ATTEMPTS, receiver: (m) => `sub:${String(m.payload.subscriptionId)}` }],
})
