import { Button, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../api'
import Stars from '../../../components/Stars'
import type { CaseView } from '../../../contracts/api'
import { formatFull } from '../../../core/time'
import { COMMENT_MAX, REOPEN_MAX } from './logic'

type Mode = 'confirm' | 'reopen'

const CONFLICT_TEXT = '该事项已被更新，已为您刷新'

/**
 * The reporter's say on a 已办结 case: confirm with 1–5 stars and an optional comment, or reopen
 * with a reason. Both send the version the page shows, so a change made meanwhile answers
 * CONFLICT and the page reloads instead of overwriting it.
 */
export default function DecidePanel({ c, deadline, onDone }: { c: CaseView; deadline: string | null; onDone: () => Promise<void> }) {
  const [mode, setMode] = useState<Mode>('confirm')
  const [rating, setRating] = useState(0)
  const [comment, setComment] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const finish = async (r: { ok: true } | { ok: false; code: string; message: string }, okText: string) => {
    setBusy(false)
    if (r.ok) {
      void Taro.showToast({ title: okText, icon: 'success', duration: 1500 })
      await onDone()
      return
    }
    if (r.code === 'CONFLICT') {
      void Taro.showToast({ title: CONFLICT_TEXT, icon: 'none', duration: 2000 })
      setError(CONFLICT_TEXT)
      await onDone()
      return
    }
    setError(r.message)
    void Taro.showToast({ title: r.message, icon: 'none' })
  }

  const confirm = async () => {
    if (busy) return
    if (!rating) {
      setError('请先点击星星评分')
      return
    }
    setError('')
    setBusy(true)
    const text = comment.trim()
    const r = await api.call('reports.confirm', { id: c.id, version: c.version, rating, ...(text ? { comment: text } : {}) })
    await finish(r, '感谢您的评价')
  }

  const reopen = async () => {
    if (busy) return
    const text = note.trim()
    if (!text) {
      setError('请填写重新打开的原因')
      return
    }
    setError('')
    setBusy(true)
    const r = await api.call('reports.reopen', { id: c.id, version: c.version, note: text })
    await finish(r, '已重新打开')
  }

  const switchTo = (m: Mode) => {
    setMode(m)
    setError('')
  }

  return (
    <View className='jf-card jf-decide' id='jf-decide' data-mode={mode}>
      <Text className='jf-section-title'>处置结果确认</Text>
      <Text className='jf-muted jf-decide-hint'>
        问题已处理完毕，请确认是否解决
        {deadline ? `（${formatFull(deadline)} 前未确认将自动归档）` : ''}
      </Text>
      <View className='jf-decide-tabs'>
        <View
          className={`jf-decide-tab ${mode === 'confirm' ? 'is-active' : ''}`}
          id='jf-decide-confirm-tab'
          data-mode='confirm'
          onClick={() => switchTo('confirm')}
        >
          <Text>已解决，确认办结</Text>
        </View>
        <View
          className={`jf-decide-tab ${mode === 'reopen' ? 'is-active' : ''}`}
          id='jf-decide-reopen-tab'
          data-mode='reopen'
          onClick={() => switchTo('reopen')}
        >
          <Text>未解决，重新打开</Text>
        </View>
      </View>

      {mode === 'confirm' ? (
        <View className='jf-decide-body'>
          <Text className='jf-decide-label'>服务评价</Text>
          <View id='jf-stars'>
            <Stars
              value={rating}
              onChange={(v) => {
                setRating(v)
                setError('')
              }}
            />
          </View>
          <View className='jf-decide-text' id='jf-confirm-comment'>
            <TextArea
              value={comment}
              onChange={setComment}
              placeholder='说说您对处置结果的看法（选填）'
              maxLength={COMMENT_MAX}
              rows={3}
              showCount
            />
          </View>
          {error && (
            <Text className='jf-decide-error' id='jf-decide-error'>
              {error}
            </Text>
          )}
          <Button id='jf-confirm' type='primary' block loading={busy} onClick={() => void confirm()}>
            确认办结
          </Button>
        </View>
      ) : (
        <View className='jf-decide-body'>
          <Text className='jf-decide-label jf-required'>重新打开的原因</Text>
          <View className='jf-decide-text' id='jf-reopen-note'>
            <TextArea
              value={note}
              onChange={(v) => {
                setNote(v)
                if (error) setError('')
              }}
              placeholder='请说明问题还存在的情况，如：垃圾仍未清运'
              maxLength={REOPEN_MAX}
              rows={3}
              showCount
            />
          </View>
          {error && (
            <Text className='jf-decide-error' id='jf-decide-error'>
              {error}
            </Text>
          )}
          <Button id='jf-reopen' type='primary' fill='outline' block loading={busy} onClick={() => void reopen()}>
            重新打开
          </Button>
        </View>
      )}
    </View>
  )
}
