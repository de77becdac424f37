import { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../api'
import type { ActionView, HelpView, TimelineView } from '../contracts/api'

export interface HelpData {
  help: HelpView
  timeline: TimelineView[]
  actions: ActionView[]
}

/** How often an open request is read again while its page shows: who took it, whether it went up. */
export const HELP_POLL_MS = 5000

/**
 * One 一键求助 request (the `id` in the page's url) for the person or a helper: loaded as the page
 * shows, read again every few seconds while it is open, so 已响应 and who is coming appear by themselves.
 */
export function useHelpRequest() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [data, setData] = useState<HelpData | null>(null)
  const [error, setError] = useState('')
  const [retryable, setRetryable] = useState(true)
  const visible = useRef(true)

  const load = useCallback(async () => {
    if (!id) return
    const r = await api.call('help.get', { id })
    if (r.ok) {
      setData({ help: r.help, timeline: r.timeline, actions: r.actions })
      setError('')
    } else {
      setError(r.message)
      setRetryable(r.retryable === true)
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  const open = data !== null && data.help.status !== 'closed'
  useEffect(() => {
    if (!open) return
    const t = setInterval(() => {
      if (visible.current) void load()
    }, HELP_POLL_MS)
    return () => clearInterval(t)
  }, [open, load])

  useDidShow(() => {
    if (!visible.current) void load()
    visible.current = true
  })
  useDidHide(() => {
    visible.current = false
  })

  return { id, data, setData, error, retryable, load }
}
