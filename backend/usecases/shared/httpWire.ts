/**
 * One HTTP request as CloudBase's HTTP access service (云接入 / HTTP 访问服务) hands it to a function,
 * and as the local server builds it: the outside systems' endpoints (Open311, 12345) take no
 * WeChat identity, so they are plain HTTP functions rather than `defineFunction` actions.
 */
export interface HttpRequest {
  method: string
  /** The path below the function's route, always starting with '/' ('/requests.xml'). */
  path: string
  /** Query parameters; a repeated name keeps every value in order. */
  query: Record<string, string | string[]>
  /** Header names in lower case. */
  headers: Record<string, string>
  /** The raw body (form, JSON or XML text), '' when none. */
  body: string
  /** The route prefix the function is served under ('/open311/v2'): links it writes start with it. */
  base: string
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  /** Text, or bytes (a photo), which the platform event carries base64-encoded. */
  body: string | Uint8Array
}
