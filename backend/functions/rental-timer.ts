import { rentalTick } from '../usecases/rental/leaseAndRetention'
import { defineTimer } from './timerMain'

/** The daily rental job (see cloudfunctions/rental-timer/config.json): lease-overdue flags, the purge, door webhooks. */
export const main = defineTimer('rental-timer', rentalTick)
