import cloudbase from '@cloudbase/js-sdk'
import { fail } from '../../core/outcome'
import { isPhotoType, photoGone, photoTypeOfPath, readPickedPhoto, unsupportedPhoto } from '../photo'
import type { Transport } from '../transport'
import { hasStaffSession, type OtpAuth } from './cloudbaseAuth'
import { registerUpload, uploadTicket } from './register'

type App = ReturnType<typeof cloudbase.init>

const apps = new Map<string, App>()

/** One SDK instance per environment, shared by the transport and the staff sign-in page (the SDK asks for one). */
function appFor(env: string): App {
  let a = apps.get(env)
  if (!a) {
    // Phone SMS sign-in is offered in ap-shanghai only.
    a = cloudbase.init({ env, region: 'ap-shanghai' })
    apps.set(env, a)
  }
  return a
}

/** The SDK's auth client, as the staff sign-in uses it (v3: `auth()` keeps the session in localStorage). */
export function cloudbaseAuth(env: string): OtpAuth {
  const a = appFor(env)
  return a.auth({ persistence: 'local' }) as unknown as OtpAuth
}

const notSignedIn = () => fail('UNAUTHENTICATED', '请先登录')

/**
 * H5 on CloudBase. This module is only ever loaded with a dynamic import (see ../index.ts), so the
 * SDK stays out of the local-mode and mini-program bundles. Only staff use the H5 desk and the
 * functions accept no anonymous web caller, so there is no anonymous sign-in: without a staff
 * session a call answers 请先登录 at once and the app opens the sign-in page.
 */
export function createCloudbaseTransport(env: string): Transport {
  const signedIn = () => hasStaffSession(cloudbaseAuth(env))
  return {
    async invoke(name, data) {
      if (!(await signedIn())) return notSignedIn()
      const res = await appFor(env).callFunction({ name, data: data as unknown as Record<string, unknown>, parse: true })
      return res.result
    },
    async uploadPhoto(localPath, call) {
      if (!(await signedIn())) return notSignedIn()
      const a = appFor(env)
      const blob = await readPickedPhoto(localPath, (url) => fetch(url))
      if (!blob) return photoGone()
      const type = blob.type || photoTypeOfPath(localPath) || ''
      if (!isPhotoType(type)) return unsupportedPhoto()
      const ticket = await uploadTicket(call, type)
      if (!ticket.ok) return ticket
      const cloudPath = ticket.cloudPath
      const file = new File([blob], cloudPath.split('/').pop() as string, { type })
      const up = await a.uploadFile({ cloudPath, filePath: file as unknown as string })
      return registerUpload(call, up.fileID, type, blob.size)
    },
  }
}
