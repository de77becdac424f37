import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import type { ReceiptView } from '../../contracts/api'

/** One announcement's read receipts, read again when refreshKey changes, and 提醒未读. */
export function useReceipts(id: string, refreshKey: number) {
  const [receipts, setReceipts] = useState<ReceiptView | null>(null)
  const [error, setError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [retryable, setRetryable] = useState(false)
  const [reminding, setReminding] = useState(false)
  const [reminded, setReminded] = useState<number | null>(null)
  const [tab, setTab] = useState<'unread' | 'read'>('unread')
  const seq = useRef(0)

  const load = useCallback(async () => {
    const mine = ++seq.current
    const r = await api.call('grid.receipts', { id })
    if (mine !== seq.current) return
    if (r.ok) {
      setReceipts(r.receipts)
      setError('')
    } else {
      setError(r.message)
      setRetryable(r.retryable === true)
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load, refreshKey])

  const remind = async () => {
    if (reminding || !receipts?.unreadCount) return
    const ok = await Taro.showModal({ title: '提醒未读', content: `将向 ${receipts.unreadCount} 位未读的居民发送站内提醒，是否继续？`, confirmText: '发送' })
    if (!ok.confirm) return
    setReminding(true)
    const r = await api.call('grid.remindUnread', { id })
    setReminding(false)
    if (r.ok) {
      setReminded(r.reminded)
      void Taro.showToast({ title: `已提醒 ${r.reminded} 人`, icon: 'success' })
    } else void Taro.showToast({ title: r.message, icon: 'none' })
  }

  return { receipts, error, retryable, reminding, reminded, tab, setTab, load, remind }
}
