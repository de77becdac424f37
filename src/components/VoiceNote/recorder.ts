import Taro from '@tarojs/taro'

/** One finished recording: a local path (weapp temp file, or an H5 blob: URL), its type and length. */
export interface Recording {
  localPath: string
  contentType: string
  seconds: number
}

export interface Recorder {
  start(): Promise<void>
  /** Ends the recording; null when it was too short to keep or could not be made. */
  stop(): Promise<Recording | null>
}

export const MAX_SECONDS = 60
const MIN_MS = 800

/** WeChat's RecorderManager: AAC, mono, at most 60 s (WeChat stops it itself at the limit). */
function weappRecorder(onAutoStop: (r: Recording | null) => void): Recorder {
  const rm = Taro.getRecorderManager()
  let pending: ((r: Recording | null) => void) | null = null
  let stopping = false
  rm.onStop((res) => {
    const rec = res.duration >= MIN_MS ? { localPath: res.tempFilePath, contentType: 'audio/aac', seconds: Math.round(res.duration / 1000) } : null
    if (pending) pending(rec)
    else if (!stopping) onAutoStop(rec)
    pending = null
    stopping = false
  })
  rm.onError(() => {
    pending?.(null)
    pending = null
  })
  return {
    async start() {
      rm.start({ format: 'aac', duration: MAX_SECONDS * 1000, sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 })
    },
    stop() {
      stopping = true
      return new Promise((resolve) => {
        pending = resolve
        rm.stop()
      })
    },
  }
}

/** The browser's MediaRecorder (webm/opus in Chromium and Firefox, mp4/AAC in Safari). */
function h5Recorder(onAutoStop: (r: Recording | null) => void): Recorder {
  type MR = { state: string; mimeType: string; start(): void; stop(): void; ondataavailable: ((e: { data: Blob }) => void) | null; onstop: (() => void) | null }
  let mr: MR | null = null
  let stream: { getTracks(): { stop(): void }[] } | null = null
  let startedAt = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let finish: ((r: Recording | null) => void) | null = null

  const end = (): Promise<Recording | null> =>
    new Promise((resolve) => {
      if (!mr || mr.state === 'inactive') return resolve(null)
      finish = resolve
      mr.stop()
    })

  return {
    async start() {
      const nav = navigator as unknown as { mediaDevices?: { getUserMedia(c: { audio: boolean }): Promise<typeof stream> } }
      const Ctor = (window as unknown as { MediaRecorder?: new (s: unknown) => MR }).MediaRecorder
      if (!nav.mediaDevices || !Ctor) throw new Error('unsupported')
      stream = await nav.mediaDevices.getUserMedia({ audio: true })
      const chunks: Blob[] = []
      const rec = new Ctor(stream)
      rec.ondataavailable = (e) => {
        if (e.data && e.data.size) chunks.push(e.data)
      }
      rec.onstop = () => {
        stream?.getTracks().forEach((t) => t.stop())
        if (timer) clearTimeout(timer)
        const ms = Date.now() - startedAt
        const type = (rec.mimeType || 'audio/webm').split(';')[0]
        const out = ms >= MIN_MS && chunks.length ? { localPath: URL.createObjectURL(new Blob(chunks, { type })), contentType: type, seconds: Math.max(1, Math.round(ms / 1000)) } : null
        const f = finish
        finish = null
        if (f) f(out)
        else onAutoStop(out)
      }
      mr = rec
      startedAt = Date.now()
      rec.start()
      timer = setTimeout(() => void mr?.stop(), MAX_SECONDS * 1000)
    },
    stop: end,
  }
}

/** The platform's recorder; `onAutoStop` hears a recording the 60 s limit ended. */
export function createRecorder(onAutoStop: (r: Recording | null) => void): Recorder {
  return process.env.TARO_ENV === 'weapp' ? weappRecorder(onAutoStop) : h5Recorder(onAutoStop)
}
