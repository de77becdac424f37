import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import { useSession } from '../../../hooks/useSession'
import type { OverviewRow } from '../../../utils/gridwork/overview'
import { dispatcherStreet } from '../../../utils/gridwork/roles'

/** The overview's state: the street of the signed-in centre, its grids' rows (quietly reloaded on return), and the sort. */
export function useGridOverview() {
  const { state: session } = useSession()
  const street = session.status === 'ready' ? dispatcherStreet(session.me) : null
  const [rows, setRows] = useState<OverviewRow[] | null>(null)
  const [error, setError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [retryable, setRetryable] = useState(false)
  const [sort, setSort] = useState<'attention' | 'name'>('attention')
  const shown = useRef(false)
  const streetCode = street?.code

  const load = useCallback(
    async (quiet = false) => {
      if (!streetCode) return
      if (!quiet) setError('')
      const r = await api.call('grid.overview', { street: streetCode })
      if (r.ok) {
        setRows(r.grids)
        setError('')
      } else if (quiet && shown.current) void Taro.showToast({ title: r.message, icon: 'none' })
      else {
        setError(r.message)
        setRetryable(r.retryable === true)
      }
      if (r.ok) shown.current = true
    },
    [streetCode],
  )

  useEffect(() => {
    void load()
  }, [load])

  // Back from a grid the centre just handled: its counts changed.
  useDidShow(() => {
    if (shown.current) void load(true)
  })

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh())
  })

  return { session, street, rows, error, retryable, sort, setSort, load }
}
