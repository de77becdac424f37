import { errorResponse } from '../usecases/open311/document'
import { routeOpen311 } from '../usecases/open311/router'
import { defineHttpFunction } from './httpFunction'

/**
 * Open311 GeoReport v2 for outside systems (FixMyStreet and other clients), served at /open311/v2
 * by the local server and by CloudBase's HTTP access service (README 「对外接口」, docs/open311.md).
 * A body too large or a crash still answers the specification's <errors> document.
 */
export const main = defineHttpFunction('open311', '/open311/v2', routeOpen311, (status, message, req) =>
  errorResponse(req && /\.json$/i.test(req.path) ? 'json' : 'xml', status, message),
)
