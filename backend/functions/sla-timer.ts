import { tick } from '../usecases/shared/slaTimer'
import { defineTimer } from './timerMain'

/** The SLA timer (see cloudfunctions/sla-timer/config.json): overdue, escalation, auto-close, the outbox. */
export const main = defineTimer('sla-timer', tick)
