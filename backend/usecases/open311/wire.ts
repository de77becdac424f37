/**
 * The HTTP request and answer as this endpoint sees them: the same shapes as the HTTP function's
 * (backend/functions/httpFunction.ts), declared here since use cases sit below the wire.
 */
export interface WireRequest {
  method: string
  /** Below the mount, starting with '/' ('/requests.xml'). */
  path: string
  query: Record<string, string | string[]>
  /** Lower-case names. */
  headers: Record<string, string>
  body: string
  /** The mount ('/open311/v2'). */
  base: string
}

export interface WireResponse {
  status: number
  headers: Record<string, string>
  body: string | Uint8Array
}
