import cloudbase from '@cloudbase/js-sdk'
import { isPhotoType, photoTypeOfPath, unsupportedPhoto } from '../photo'
import type { Transport } from '../transport'
import { photoCloudPath, registerUpload } from './register'

type App = ReturnType<typeof cloudbase.init>

/**
 * H5 on CloudBase. This module is only ever loaded with a dynamic import (see ../index.ts), so the
 * SDK stays out of the local-mode and mini-program bundles.
 */
export function createCloudbaseTransport(env: string): Transport {
  let ready: Promise<App> | null = null

  // Anonymous sign-in once per page load; the SDK keeps the login state between visits.
  function app(): Promise<App> {
    ready ??= (async () => {
      const a = cloudbase.init({ env })
      const auth = a.auth({ persistence: 'local' })
      const state = await auth.getLoginState()
      if (!state) {
        const r = await auth.signInAnonymously()
        if (r?.error) throw new Error(String(r.error.message ?? r.error))
      }
      return a
    })().catch((e) => {
      ready = null
      throw e
    })
    return ready
  }

  return {
    async invoke(name, data) {
      const a = await app()
      const res = await a.callFunction({ name, data: data as unknown as Record<string, unknown>, parse: true })
      return res.result
    },
    async uploadPhoto(localPath, call) {
      const a = await app()
      const blob = await (await fetch(localPath)).blob()
      const type = blob.type || photoTypeOfPath(localPath) || ''
      if (!isPhotoType(type)) return unsupportedPhoto()
      const cloudPath = photoCloudPath(type)
      const file = new File([blob], cloudPath.split('/').pop() as string, { type })
      const up = await a.uploadFile({ cloudPath, filePath: file as unknown as string })
      return registerUpload(call, up.fileID, type, blob.size)
    },
  }
}
