import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import type { MessageView } from '../../contracts/api'
import { usePhotoUploads } from '../../hooks/usePhotoUploads'
import { POLL_MS, afterCursor, mergeMessages } from '../../utils/mediation/thread'

/** Fewer than the contract's MAX_PHOTOS per message: a chat line, not an evidence file. */
export const MAX_MSG_PHOTOS = 3

export interface Props {
  caseId: string
  /** The page is on screen: poll only then, so a phone in a pocket does not keep calling. */
  active: boolean
  /** Open cases take new messages; a finished one is kept for reading. */
  canWrite: boolean
  /** Shown above the composer: who reads what is written here. */
  hint?: string
}

/** Browser tab in the background (H5): no polling either. */
function hiddenTab(): boolean {
  return process.env.TARO_ENV === 'h5' && typeof document !== 'undefined' && document.visibilityState === 'hidden'
}

/** The thread's messages, polled while the page is on screen, and the composer with its photos. */
export function useMediationThread({ caseId, active, canWrite, hint }: Props) {
  const [messages, setMessages] = useState<MessageView[]>([])
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState('')
  const [text, setText] = useState('')
  const [sending, setSending] = useState(false)
  const [sendError, setSendError] = useState('')
  const { photos, add, remove, retry } = usePhotoUploads()
  // Read by the poll timer, which outlives renders.
  const shown = useRef<MessageView[]>([])
  const busy = useRef(false)

  const fetchNew = useCallback(
    async (first: boolean) => {
      if (busy.current || !caseId) return
      busy.current = true
      const after = first ? undefined : afterCursor(shown.current)
      const r = await api.call('mediation.messages', after ? { id: caseId, after } : { id: caseId })
      busy.current = false
      if (r.ok) {
        const next = mergeMessages(shown.current, r.messages)
        if (next !== shown.current) {
          shown.current = next
          setMessages(next)
        }
        setPhase('ready')
        setError('')
      } else if (first && !shown.current.length) {
        setError(r.message)
        setPhase('error')
      }
      // A failed poll keeps what is shown; the next tick tries again.
    },
    [caseId],
  )

  useEffect(() => {
    if (!active) return
    void fetchNew(!shown.current.length)
    const timer = setInterval(() => {
      if (!hiddenTab()) void fetchNew(false)
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [active, fetchNew])

  const pick = async () => {
    const left = MAX_MSG_PHOTOS - photos.length
    if (left <= 0) return
    try {
      const r = await Taro.chooseImage({ count: left, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      add(r.tempFilePaths.slice(0, left))
    } catch {
      // Cancelled by the user.
    }
  }

  const send = async () => {
    if (sending) return
    const body = text.trim()
    if (!body && !photos.length) {
      setSendError('请输入消息内容')
      return
    }
    if (photos.some((p) => p.state === 'uploading')) {
      setSendError('图片还在上传，请稍候')
      return
    }
    if (photos.some((p) => p.state === 'failed')) {
      setSendError('有图片上传失败，请重试或删除')
      return
    }
    setSending(true)
    setSendError('')
    const r = await api.call('mediation.send', { id: caseId, text: body, photos: photos.map((p) => p.fileId as string) })
    setSending(false)
    if (!r.ok) {
      // The text stays in the box, so sending again is one tap.
      const msg = r.message
      setSendError(msg)
      void Taro.showToast({ title: msg, icon: 'none' })
      return
    }
    shown.current = mergeMessages(shown.current, [r.message])
    setMessages(shown.current)
    setText('')
    for (const p of photos) remove(p.key)
  }

  const last = messages[messages.length - 1]
  return { messages, phase, error, text, setText, sending, sendError, setSendError, photos, add, remove, retry, fetchNew, pick, send, last }
}
