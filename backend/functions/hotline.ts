import { hotlineError, httpOf } from '../usecases/hotline/answers'
import { handleHotline } from '../usecases/hotline/router'
import { defineHttpFunction } from './httpFunction'

/** 12345 热线工单 in (POST /hotline/v1/orders, HTTP access service); replies go out through the outbox. */
export const main = defineHttpFunction('hotline', '/hotline/v1', handleHotline, (status, message) =>
  httpOf(hotlineError(status, status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 400 ? 'VALIDATION' : status === 503 ? 'UNAVAILABLE' : 'INTERNAL', message)),
)
