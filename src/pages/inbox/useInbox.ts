import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import type { InboxItemView } from '../../contracts/api'
import { usePagedList } from '../../hooks/usePagedList'
import { appendPage, markLocal } from './logic'

const PAGE = 20

/** The caller's messages page by page, the unread count, and marking read (one, or all). */
export function useInbox() {
  const [unread, setUnread] = useState(0)
  const [readingAll, setReadingAll] = useState(false)
  // Back from a case: new messages may have arrived meanwhile.
  const list = usePagedList<InboxItemView>(
    (before) =>
      api.call('inbox.list', before ? { before, limit: PAGE } : { limit: PAGE }).then((r) => {
        if (r.ok) setUnread(r.unread)
        return r
      }),
    { merge: appendPage },
  )
  const { setItems } = list

  const open = async (item: InboxItemView) => {
    if (!item.read) {
      setItems((l) => markLocal(l, [item.id]))
      setUnread((n) => Math.max(n - 1, 0))
      const r = await api.call('inbox.markRead', { ids: [item.id] })
      if (r.ok) setUnread(r.unread)
    }
    if (item.page) void Taro.navigateTo({ url: item.page })
  }

  const readAll = async () => {
    if (readingAll || unread === 0) return
    setReadingAll(true)
    const r = await api.call('inbox.markRead', { all: true })
    setReadingAll(false)
    if (r.ok) {
      setItems((l) => markLocal(l, 'all'))
      setUnread(r.unread)
      void Taro.showToast({ title: '已全部标为已读', icon: 'none' })
    } else void Taro.showToast({ title: r.message, icon: 'none' })
  }

  return { ...list, unread, readingAll, open, readAll }
}
