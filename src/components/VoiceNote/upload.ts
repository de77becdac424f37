import Taro from '@tarojs/taro'
import { api } from '../../api'
import { bytesToBase64 } from '../../api/photo'
import type { Failure } from '../../core/outcome'
import type { Recording } from './recorder'

export type VoiceUpload = { ok: true; fileId: string } | Failure

/** The recording's bytes as base64: the weapp temp file through the file system, a browser blob through fetch. */
async function base64Of(rec: Recording): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') {
    return new Promise((resolve) => {
      Taro.getFileSystemManager().readFile({
        filePath: rec.localPath,
        encoding: 'base64',
        success: (r) => resolve(String(r.data)),
        fail: () => resolve(null),
      })
    })
  }
  try {
    const blob = await (await fetch(rec.localPath)).blob()
    return bytesToBase64(new Uint8Array(await blob.arrayBuffer()))
  } catch {
    return null
  }
}

/**
 * A voice note goes inline to `files.uploadVoice` (at most 60 s of AAC or Opus, a few hundred KB):
 * the files function reads the type from its first bytes and keeps it as this caller's.
 */
export async function uploadVoice(rec: Recording): Promise<VoiceUpload> {
  const contentBase64 = await base64Of(rec)
  if (!contentBase64) return { ok: false, code: 'VALIDATION', message: '录音已不在手机上，请重新录制' }
  return api.call('files.uploadVoice', { contentBase64 })
}
