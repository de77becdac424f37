import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import type { CaseSummary } from '../../../contracts/api'
import { usePagedList } from '../../../hooks/usePagedList'
import { flushOnShow, outbox, type OutboxItem } from '../../../outbox'

const PAGE = 20

/**
 * 我的事项: the caller's cases page by page (reloaded each time the page shows, since statuses change
 * while the user looks at a case) and the reports still waiting on the phone.
 */
export function useMyCases() {
  const list = usePagedList<CaseSummary>((before) =>
    api.call('reports.mine', before ? { before, limit: PAGE } : { limit: PAGE }).then((r) => (r.ok ? { ok: true as const, items: r.cases, next: r.next } : r)),
  )
  const [pending, setPending] = useState<OutboxItem[]>(() => outbox.items())
  const { refresh } = list

  // A queued report that went through becomes a real case: show it in place of the 待发送 row.
  useEffect(
    () =>
      outbox.onChange((items, result) => {
        setPending(items)
        if (result?.kind === 'sent') void refresh()
      }),
    [refresh],
  )

  // Showing the list is also a good moment to send what is waiting.
  useDidShow(() => {
    setPending(outbox.items())
    flushOnShow()
  })

  const open = (id: string) => void Taro.navigateTo({ url: `/pages/report/detail/index?id=${encodeURIComponent(id)}` })
  const report = () => void Taro.navigateTo({ url: '/pages/report/new/index' })
  return { ...list, pending, open, report }
}
