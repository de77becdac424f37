import { useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import type { DeliveryView } from '../../../contracts/integrations'
import type { ListPhase } from '../../../hooks/usePagedList'

/** Whose log is shown: the door-access system, a subscription or a 12345 platform (one select's value). */
export type TargetKey = 'access' | `sub:${string}` | `hotline:${string}`

function targetOf(key: TargetKey) {
  if (key === 'access') return 'access' as const
  const [kind, id] = key.split(':') as ['sub' | 'hotline', string]
  return kind === 'sub' ? { subscriptionId: id } : { partnerId: id }
}

/**
 * One target's delivery attempts, newest first, a page at a time (加载更多). Choosing another target
 * starts its log afresh; an answer for a target no longer chosen is dropped.
 */
export function useDeliveries(key: TargetKey) {
  const [rows, setRows] = useState<DeliveryView[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [phase, setPhase] = useState<ListPhase>('loading')
  const [error, setError] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const asked = useRef(key)

  const page = async (before: string | null) => {
    const r = await api.call('integrations.deliveries', { target: targetOf(key), ...(before ? { before } : {}) })
    if (asked.current !== key) return
    if (!r.ok) {
      setError(r.message)
      if (!before) setPhase('error')
      return
    }
    setRows((list) => (before ? [...list, ...r.rows.filter((x) => !list.some((y) => y.id === x.id))] : r.rows))
    setNext(r.next)
    setError('')
    setPhase('ready')
  }

  const refresh = async () => {
    asked.current = key
    await page(null)
  }

  useEffect(() => {
    asked.current = key
    setPhase('loading')
    setRows([])
    setNext(null)
    void page(null)
  }, [key])

  const loadMore = async () => {
    if (!next || loadingMore) return
    setLoadingMore(true)
    await page(next)
    setLoadingMore(false)
  }

  return { rows, next, phase, error, loadingMore, refresh, loadMore }
}
