import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { a11y } from '../../utils/a11y'
import './index.css'

interface Props {
  /** The short-lived link the staff view carries (`voiceUrl`). */
  url: string
  /** The audio element's id in H5, the play button's in the mini-program. */
  id: string
  /** What the note stands for, read before its length: 语音描述, 居民的语音. */
  label?: string
}

/** 「1分05秒」 / 「12 秒」: how long a note lasts, as people say it. */
export function spokenLength(seconds: number): string {
  const s = Math.max(1, Math.round(seconds))
  return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`
}

/**
 * A voice note to listen to, labelled with its length once known. The browser plays both what
 * WeChat records (AAC) and what browsers record (WebM/Opus, MP4); WeChat plays through its audio context.
 */
export default function VoicePlayer({ url, id, label = '语音描述' }: Props) {
  const [seconds, setSeconds] = useState<number | null>(null)
  const length = seconds ? `（${spokenLength(seconds)}）` : ''
  if (process.env.TARO_ENV === 'h5') return <H5Player url={url} id={id} label={label} length={length} onLength={setSeconds} />
  return <WeappPlayer url={url} id={id} label={label} length={length} onLength={setSeconds} />
}

interface PlayerProps {
  url: string
  id: string
  label: string
  length: string
  onLength: (s: number) => void
}

function H5Player({ url, id, label, length, onLength }: PlayerProps) {
  const ref = useRef<HTMLAudioElement | null>(null)
  const probing = useRef(false)
  // Chromium's MediaRecorder WebM carries no duration: seeking far past the end makes the browser find it.
  const measure = () => {
    const a = ref.current
    if (!a) return
    if (Number.isFinite(a.duration) && a.duration > 0) {
      onLength(a.duration)
      if (probing.current) {
        probing.current = false
        a.currentTime = 0
      }
      return
    }
    if (a.duration === Infinity && !probing.current) {
      probing.current = true
      a.currentTime = 1e7
    }
  }
  return (
    <View className='jf-voice-player'>
      <Text className='jf-voice-player-label' id={`${id}-label`}>
        {label}
        {length}
      </Text>
      <audio ref={ref} className='jf-voice-player-audio' id={id} controls src={url} preload='metadata' aria-label={`${label}${length}`} onLoadedMetadata={measure} onDurationChange={measure} />
    </View>
  )
}

function WeappPlayer({ url, id, label, length, onLength }: PlayerProps) {
  const ctx = useRef<Taro.InnerAudioContext | null>(null)
  const [playing, setPlaying] = useState(false)
  useEffect(() => () => ctx.current?.destroy(), [])
  const toggle = () => {
    if (!ctx.current) {
      const a = Taro.createInnerAudioContext()
      a.src = url
      a.onCanplay(() => {
        // WeChat reports the length a moment after it can play.
        setTimeout(() => a.duration > 0 && onLength(a.duration), 300)
      })
      a.onPlay(() => setPlaying(true))
      a.onEnded(() => setPlaying(false))
      a.onStop(() => setPlaying(false))
      a.onError(() => {
        setPlaying(false)
        void Taro.showToast({ title: '语音无法播放，请稍后再试', icon: 'none' })
      })
      ctx.current = a
    }
    if (playing) ctx.current.stop()
    else ctx.current.play()
  }
  return (
    <View className='jf-voice-player'>
      <Text className='jf-voice-player-play' id={id} aria-label={`${playing ? '停止' : '播放'}${label}${length}`} {...a11y('button')} onClick={toggle}>
        {playing ? '■ 停止' : '▶ 播放'}
        {label}
        {length}
      </Text>
    </View>
  )
}
