import Taro from '@tarojs/taro'
import { createApi } from './client'
import { lazyTransport } from './lazy'
import { taroTokenStore } from './session-store'
import { createHttpTransport, type HttpTransport } from './transports/http'
import { createWeappTransport } from './transports/weapp'
import type { Transport } from './transport'
import type { OtpAuth } from './transports/cloudbaseAuth'

export type { Api } from './client'
export type { DevUser } from './transports/http'

export const HOME_URL = '/pages/home/index'

/** Local H5 against the developer's own server: dev sign-in and the role switcher apply. */
export const isLocalDev = process.env.TARO_ENV === 'h5' && process.env.TARO_APP_TRANSPORT !== 'cloudbase'

/** The H5 desk on CloudBase: staff sign in with CloudBase authentication (pages/admin/signin). */
export const isCloudbaseWeb = process.env.TARO_ENV === 'h5' && process.env.TARO_APP_TRANSPORT === 'cloudbase'
export const STAFF_SIGNIN_URL = '/pages/admin/signin/index'

/** The SDK's auth for the staff sign-in page; loaded on demand like the transport, null off the CloudBase H5 build. */
// The condition is spelled out, not `isCloudbaseWeb`: webpack drops the import (and the SDK) only for a literal constant.
export const staffAuth: (() => Promise<OtpAuth>) | null =
  process.env.TARO_ENV === 'h5' && process.env.TARO_APP_TRANSPORT === 'cloudbase'
    ? () => import('./transports/cloudbase').then((m) => m.cloudbaseAuth(process.env.TARO_APP_CLOUDBASE_ENV ?? ''))
    : null

/** Only built in local mode; null elsewhere so pages cannot reach dev sign-in by accident. */
export const devAuth: HttpTransport | null = isLocalDev ? createHttpTransport({ store: taroTokenStore }) : null

function pickTransport(): Transport {
  // These conditions are build-time constants, so webpack drops the branches (and the CloudBase
  // SDK chunk) that a platform does not use.
  if (process.env.TARO_ENV === 'weapp') return createWeappTransport()
  if (process.env.TARO_ENV === 'h5' && process.env.TARO_APP_TRANSPORT === 'cloudbase') {
    const env = process.env.TARO_APP_CLOUDBASE_ENV ?? ''
    return lazyTransport(() => import('./transports/cloudbase').then((m) => m.createCloudbaseTransport(env)))
  }
  return devAuth as HttpTransport
}

/**
 * Local mode: a lapsed or missing session sends the user to the home page's role switcher.
 * The CloudBase H5 desk: to the staff sign-in page.
 */
function toRoleSwitcher(): void {
  if (isCloudbaseWeb) {
    const pages = Taro.getCurrentPages()
    if (!(pages[pages.length - 1]?.route ?? '').includes('pages/admin/signin')) void Taro.reLaunch({ url: STAFF_SIGNIN_URL })
    return
  }
  if (!isLocalDev) return
  const pages = Taro.getCurrentPages()
  const here = pages[pages.length - 1]?.route ?? ''
  if (!here.includes('pages/home/index')) void Taro.reLaunch({ url: HOME_URL })
}

/** Whether the phone has no network now: a failed call then says so, instead of blaming the service. */
function offlineNow(): boolean | Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') return Taro.getNetworkType().then((r) => r.networkType === 'none')
  return typeof navigator !== 'undefined' && navigator.onLine === false
}

export const api = createApi(pickTransport(), { onUnauthenticated: toRoleSwitcher, isOffline: offlineNow })
