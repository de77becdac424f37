import type { Failure } from '../src/core/outcome'

/** Which build of the mini-program a 小程序码 opens (`env_version` of getUnlimited). */
export type WxaEnvVersion = 'release' | 'trial' | 'develop'

/**
 * WeChat's unlimited 小程序码 (wxacode.getUnlimited): an image that opens `page` with `scene`
 * (at most 32 visible characters). Failures come back as values, never as throws.
 */
export interface MiniCodes {
  readonly envVersion: WxaEnvVersion
  unlimited(o: { page: string; scene: string }): Promise<{ ok: true; png: Buffer } | Failure>
}
