import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import { useSession } from '../../hooks/useSession'

/** Who is signed in, their unread count (re-read on every return to home) and the dev role switch. */
export function useHome() {
  const { state, reload } = useSession()
  const [switching, setSwitching] = useState(false)
  const [unread, setUnread] = useState(0)
  const shown = useRef(false)

  // The badge is a hint, not a gate: when the count cannot be read the badge just stays away.
  const loadUnread = useCallback(async () => {
    const r = await api.call('inbox.list', { limit: 1 })
    setUnread(r.ok ? r.unread : 0)
  }, [])

  const ready = state.status === 'ready'
  const userId = ready ? state.me.id : ''
  useEffect(() => {
    if (userId) void loadUnread()
    else setUnread(0)
  }, [userId, loadUnread])

  // Coming back from another page (e.g. after a sign-out elsewhere, or reading messages) refreshes
  // who is signed in and the unread count.
  useDidShow(() => {
    if (shown.current) {
      void reload()
      if (userId) void loadUnread()
    }
    shown.current = true
  })

  const signedIn = () => {
    setSwitching(false)
    void reload()
  }

  return { state, reload, unread, switching, setSwitching, signedIn }
}
