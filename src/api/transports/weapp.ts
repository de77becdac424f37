import Taro from '@tarojs/taro'
import { photoGone, photoTypeOfPath, unsupportedPhoto } from '../photo'
import type { Transport } from '../transport'
import { registerUpload, uploadTicket } from './register'

/** Call once when the mini-program starts; wx.cloud ignores later calls anyway. */
export function initWeappCloud(): void {
  const cloud = Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV?: string }
  const env = process.env.TARO_APP_CLOUDBASE_ENV || cloud.DYNAMIC_CURRENT_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}

/** wx's temporary files may be cleared once the app stops; a missing file is not a network failure. */
function fileExists(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().access({ path, success: () => resolve(true), fail: () => resolve(false) })
  })
}

function fileSize(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const fs = Taro.getFileSystemManager()
    fs.getFileInfo({ filePath, success: (r) => resolve(r.size), fail: reject })
  })
}

/** wx.cloud: functions by name; photos straight into cloud storage, then registered with `files`. */
export function createWeappTransport(): Transport {
  return {
    async invoke(name, data) {
      const res = await Taro.cloud.callFunction({ name, data: data as unknown as Record<string, unknown> })
      return res.result
    },
    async uploadPhoto(localPath, call) {
      const type = photoTypeOfPath(localPath)
      if (!type) return unsupportedPhoto()
      if (!(await fileExists(localPath))) return photoGone()
      const size = await fileSize(localPath)
      const ticket = await uploadTicket(call, type)
      if (!ticket.ok) return ticket
      const up = await Taro.cloud.uploadFile({ cloudPath: ticket.cloudPath, filePath: localPath })
      return registerUpload(call, up.fileID, type, size)
    },
  }
}
