import { Button, TextArea } from '@nutui/nutui-react-taro'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import type { MessageView } from '../../contracts/api'
import { formatInstant } from '../../core/time'
import { usePhotoUploads } from '../../hooks/usePhotoUploads'
import { MESSAGE_MAX, POLL_MS, afterCursor, mergeMessages } from '../../utils/mediation/thread'
import PhotoGrid from '../PhotoGrid'
import PhotoPicker from '../PhotoPicker'
import '../MediationKit/kit.css'
import './index.css'

const MAX_MSG_PHOTOS = 3

interface Props {
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

/** The case's message thread: every party and the mediator write here; new messages arrive by polling. */
export default function MediationThread({ caseId, active, canWrite, hint }: Props) {
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
      const msg = r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message
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

  return (
    <View className='jf-card jf-thread' id='jf-thread' data-count={messages.length}>
      <View className='jf-thread-head'>
        <Text className='jf-section-title'>调解沟通</Text>
        {hint && <Text className='jf-muted jf-thread-hint'>{hint}</Text>}
      </View>

      {phase === 'loading' && <Text className='jf-muted jf-thread-state'>正在加载消息…</Text>}
      {phase === 'error' && (
        <View className='jf-thread-state'>
          <Text className='jf-muted'>{error}</Text>
          <Button size='small' fill='none' onClick={() => void fetchNew(true)}>
            重试
          </Button>
        </View>
      )}
      {phase === 'ready' && !messages.length && (
        <Text className='jf-muted jf-thread-state' id='jf-thread-empty'>
          还没有消息。各方当事人和调解员都可以在这里沟通。
        </Text>
      )}

      {messages.length > 0 && (
        <ScrollView
          className={`jf-thread-list ${messages.length > 4 ? 'is-long' : ''}`}
          scrollY
          // Only a long thread scrolls inside itself; a short one would drag the whole page down to it.
          scrollIntoView={last && messages.length > 4 ? `jf-msg-${last.id}` : undefined}
          scrollWithAnimation
        >
          {messages.map((m) => (
            <View key={m.id} id={`jf-msg-${m.id}`} className={`jf-msg ${m.mine ? 'is-mine' : ''}`} data-mine={m.mine ? '1' : '0'} data-id={m.id}>
              <Text className='jf-msg-author'>
                {m.mine ? '我' : m.authorName}
                <Text className='jf-msg-role'> · {m.authorRoleLabel}</Text>
              </Text>
              <View className='jf-msg-bubble'>
                {m.text && <Text className='jf-msg-text'>{m.text}</Text>}
                <PhotoGrid photos={m.photos} className='jf-msg-photos' />
              </View>
              <Text className='jf-msg-time'>{formatInstant(m.at)}</Text>
            </View>
          ))}
        </ScrollView>
      )}

      {canWrite ? (
        <View className='jf-composer' id='jf-composer'>
          <View id='jf-msg-text' className='jf-composer-text'>
            <TextArea
              value={text}
              onChange={(v) => {
                setText(v)
                if (sendError) setSendError('')
              }}
              placeholder='输入消息，调解员和各方当事人都能看到'
              maxLength={MESSAGE_MAX}
              rows={2}
              autoSize
            />
          </View>
          {photos.length > 0 && (
            <View className='jf-composer-photos'>
              <PhotoPicker photos={photos} max={MAX_MSG_PHOTOS} onAdd={add} onRemove={remove} onRetry={retry} />
            </View>
          )}
          {sendError && (
            <Text className='jf-composer-error' id='jf-msg-error'>
              {sendError}
            </Text>
          )}
          <View className='jf-composer-bar'>
            <View className='jf-composer-pic' id='jf-msg-photo' onClick={() => void pick()}>
              <Text>＋ 图片</Text>
            </View>
            <Button id='jf-msg-send' type='primary' size='small' loading={sending} onClick={() => void send()}>
              发送
            </Button>
          </View>
        </View>
      ) : (
        <Text className='jf-muted jf-thread-closed' id='jf-thread-closed'>
          调解已结束，消息仅供查看
        </Text>
      )}
    </View>
  )
}
