import type { Failure } from '../core/outcome'

/** The function event every cloud function receives: `{ action, data }`. */
export interface FunctionEvent {
  action: string
  data: unknown
}

/** Calls a function through the surrounding client, so a transport can register files it uploaded. */
export type Invoke = (name: string, event: FunctionEvent) => Promise<unknown>

export type UploadResult = { ok: true; fileId: string } | Failure

/**
 * One way of reaching the functions: wx.cloud, @cloudbase/js-sdk, or the local HTTP server.
 * Transports may throw on network trouble; the client turns every throw into UNAVAILABLE.
 */
export interface Transport {
  /** Resolves with the function's own answer (`{ ok: true, ... }` or a Failure). */
  invoke(name: string, event: FunctionEvent): Promise<unknown>
  /** Puts one picked photo into storage and returns the file id the functions accept. */
  uploadPhoto(localPath: string, call: Invoke): Promise<UploadResult>
}
