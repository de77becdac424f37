/**
 * What a use case may touch: the ports (backend/ports.ts and its siblings) chosen once per process.
 * Built by the wiring (backend/runtime.ts) from the environment, or by a test by hand.
 */
import type { Clock } from '../src/core/clock'
import type { OrgTree } from '../src/core/org'
import type { DistrictConfig } from './config/district'
import type { ContentSecurity } from './contentSecurityPort'
import type { PhoneNumbers } from './phoneNumberPort'
import type { MiniCodes } from './miniCodePort'
import type { VoipSigner } from './voipSignPort'
import type { Vault } from './crypto/vault'
import type { AccessControl, FileMeta, FileStore, Identity, Notifier, OutboundWebhooks, Store } from './ports'

/** Everything a use case may touch, chosen once per process from the environment. */
export interface Deps {
  mode: 'local' | 'cloudbase'
  store: Store
  files: FileStore
  fileUrl(meta: FileMeta): Promise<string>
  /** Links of many files at once (CloudBase: one storage call per 50); without it, fileUrl per file. */
  fileUrls?(metas: readonly FileMeta[]): Promise<string[]>
  identity: Identity
  notifier: Notifier
  /** WeChat content security for what the public may see (a recorded stand-in locally). */
  contentSecurity: ContentSecurity
  clock: Clock
  newId(): string
  /** The district configuration in force: the newest saved version, else the file's. */
  readonly config: DistrictConfig
  orgTree(): Promise<OrgTree>
  /** Reloads the configuration when its short cache has run out (the function boundary calls it). */
  refreshConfig?(): Promise<void>
  /**
   * WeChat's phone-button exchange (getuserphonenumber); absent where there is no WeChat (local
   * mode), so account.setPhone answers PHONE_CODE_UNAVAILABLE and the person types the number.
   */
  phoneNumbers?: PhoneNumbers
  /** WeChat's 小程序码 (wxacode.getUnlimited); absent locally, where codes are QRs of H5 links. */
  miniCodes?: MiniCodes
  /**
   * Locally, with no WeChat, a printable code is an ordinary QR (SVG) of the page's H5 link; set by
   * local mode's wiring only, so no CloudBase bundle carries a QR encoder.
   */
  qrSvg?(text: string, margin: number): string
  /**
   * joinVoIPChat's signature (视频调解): wx-server-sdk's getVoIPSign on CloudBase, a documented stand-in
   * locally; absent, signing answers VOIP_UNAVAILABLE and the app offers the meeting link.
   */
  voipSigner?: VoipSigner
  /** Encrypts identity numbers and phones; absent when no key is configured (rental refuses). */
  vault?: Vault
  /** The door-access system (signed webhook). */
  access?: AccessControl
  /** Signed POSTs to subscribers and 12345 platforms; the wiring always sets it, a hand-made test Deps that sends nothing may not. */
  webhooks?: OutboundWebhooks
  /**
   * Marks the org tree and district configuration as changed, so that every cached copy (orgTree,
   * config) reloads on its next read instead of waiting for its cache time. The wiring always sets
   * it; a test's hand-made Deps without caches may leave it out.
   */
  dataChanged?(): void
}
