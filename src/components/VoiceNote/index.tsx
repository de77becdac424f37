import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { createRecorder, MAX_SECONDS, type Recorder } from './recorder'
import type { VoiceNoteProps } from './useVoiceNote'
import { a11y } from '../../utils/a11y'
import './index.css'

export { useVoiceNote, type VoiceNoteProps, type VoiceState } from './useVoiceNote'

interface Props extends VoiceNoteProps {
  /** Element ids start with it (jf-report-voice → #jf-report-voice-hold, -play, -drop): pages and tests find their own. */
  idPrefix: string
}

/** Plays a recording back: WeChat's inner audio context, or the browser's Audio. */
function play(path: string) {
  if (process.env.TARO_ENV === 'weapp') {
    const a = Taro.createInnerAudioContext()
    a.src = path
    a.play()
    return
  }
  void new Audio(path).play().catch(() => undefined)
}

/**
 * 按住说话: recording runs while the finger (or mouse button) is down, up to 60 s; letting go keeps it
 * and uploads it. One voice note per form; 删除 then lets the person record again. The state lives in
 * useVoiceNote (the form sends its fileId).
 */
export default function VoiceNote({ voice, onRecorded, onDrop, idPrefix }: Props) {
  const rec = useRef<Recorder | null>(null)
  const [recording, setRecording] = useState(false)
  const [secs, setSecs] = useState(0)
  const [error, setError] = useState('')
  const tick = useRef<ReturnType<typeof setInterval> | null>(null)
  // A touch is followed by the browser's emulated mouse events: those must not start a second recording.
  const touchedAt = useRef(0)
  const byTouch = (f: () => Promise<void>) => () => {
    touchedAt.current = Date.now()
    void f()
  }
  const byMouse = (f: () => Promise<void>) => () => {
    if (Date.now() - touchedAt.current > 1500) void f()
  }

  const stopTicking = () => {
    if (tick.current) clearInterval(tick.current)
    tick.current = null
  }
  useEffect(() => stopTicking, [])

  const recorder = () => {
    rec.current ??= createRecorder((r) => {
      stopTicking()
      setRecording(false)
      onRecorded(r)
    })
    return rec.current
  }

  const down = async () => {
    if (recording) return
    setError('')
    try {
      await recorder().start()
      setRecording(true)
      setSecs(0)
      const t0 = Date.now()
      tick.current = setInterval(() => setSecs(Math.min(MAX_SECONDS, Math.floor((Date.now() - t0) / 1000))), 250)
    } catch {
      setError('无法录音，请允许使用麦克风，或改为输入文字')
    }
  }

  const up = async () => {
    if (!recording) return
    stopTicking()
    setRecording(false)
    const r = await recorder().stop()
    if (!r) setError('说话时间太短，请按住按钮说话')
    onRecorded(r)
  }

  const has = voice.phase !== 'none'
  return (
    <View className='jf-voice' id={idPrefix} data-phase={voice.phase}>
      {has ? (
        <View className='jf-voice-clip'>
          <Text className='jf-voice-play' id={`${idPrefix}-play`} aria-label={`播放录音，${voice.rec.seconds} 秒`} {...a11y('button')} onClick={() => play(voice.rec.localPath)}>
            ▶ 语音 {voice.rec.seconds} 秒
          </Text>
          <Text className='jf-muted jf-voice-state' aria-live='polite'>
            {voice.phase === 'uploading' ? '正在上传…' : voice.phase === 'done' ? '已上传' : voice.message}
          </Text>
          <Text className='jf-voice-drop' id={`${idPrefix}-drop`} aria-label='删除录音' {...a11y('button')} onClick={onDrop}>
            删除
          </Text>
        </View>
      ) : (
        <View
          className={`jf-voice-hold ${recording ? 'is-recording' : ''}`}
          id={`${idPrefix}-hold`}
          aria-label='按住说话，松开结束'
          {...a11y('button')}
          onTouchStart={byTouch(down)}
          onTouchEnd={byTouch(up)}
          onTouchCancel={byTouch(up)}
          {...(process.env.TARO_ENV === 'h5' ? { onMouseDown: byMouse(down), onMouseUp: byMouse(up), onMouseLeave: byMouse(up) } : {})}
        >
          <Text>{recording ? `松开结束 · ${secs} 秒（最长 ${MAX_SECONDS} 秒）` : '按住说话'}</Text>
        </View>
      )}
      {error && <Text className='jf-field-error jf-voice-error'>{error}</Text>}
    </View>
  )
}
