/** The HTTP request and answer as this endpoint sees them (the HTTP function's own shapes). */
export type { HttpRequest as WireRequest, HttpResponse as WireResponse } from '../shared/httpWire'
