import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../api'
import type { CaseView } from '../../../contracts/api'

export type Mode = 'confirm' | 'reopen'

const CONFLICT_TEXT = '该事项已被更新，已为您刷新'

/**
 * The reporter's say on a 已办结 case: confirm with 1–5 stars and an optional comment, or reopen
 * with a reason. Both send the version the page shows, so a change made meanwhile answers
 * CONFLICT and the page reloads instead of overwriting it.
 */
export function useDecide(c: CaseView, onDone: () => Promise<void>) {
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

  return {
    mode,
    switchTo: (m: Mode) => {
      setMode(m)
      setError('')
    },
    rating,
    rate: (v: number) => {
      setRating(v)
      setError('')
    },
    comment,
    setComment,
    note,
    setNote: (v: string) => {
      setNote(v)
      if (error) setError('')
    },
    busy,
    error,
    confirm,
    reopen,
  }
}
